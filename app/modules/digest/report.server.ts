// A manager's side of a meeting's digest (issue 7): approving it, and seeing the run,
// how many went, for whom it failed and why, and which members it cannot reach. Kept
// apart from delivery.server.ts so that the worker does not load the request stack.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { prepareDigestRun, type PreparedRun } from "~/modules/digest/delivery.server";
import { withTenant } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";

export type DigestDeliveryReport = {
  run: { status: "SENDING" | "SENT" | "FAILED"; recipientCount: number; batchCount: number; startedAt: Date; finishedAt: Date | null } | null;
  counts: { pending: number; sent: number; failed: number };
  failed: Array<{ personId: string; name: string; email: string; attempts: number; lastError: string | null }>;
  /** Board members the digest cannot reach: no e-mail address. */
  unreachable: Array<{ personId: string; name: string }>;
};

/**
 * What the manager sees of a meeting's digest: the run, how many were sent, who it
 * failed for and why, and who it cannot reach. For the meeting page (issue 7).
 */
export async function digestDeliveryReport(actor: Actor, meetingId: string): Promise<DigestDeliveryReport | null> {
  assertCan(actor, "meeting:manage");
  const { partnershipId } = actor;
  if (!isUuid(meetingId)) return null;
  return withTenant(partnershipId, async (tx) => {
    const meeting = await tx.meeting.findFirst({ where: { partnershipId, id: meetingId }, select: { boardId: true } });
    if (!meeting) return null;
    const run = await tx.digestRun.findFirst({
      where: { partnershipId, meetingId },
      select: { status: true, recipientCount: true, batchCount: true, startedAt: true, finishedAt: true },
    });
    const grouped = await tx.digestDelivery.groupBy({ by: ["status"], where: { partnershipId, meetingId }, _count: { _all: true } });
    const count = (status: "PENDING" | "SENT" | "FAILED") => grouped.find((g) => g.status === status)?._count._all ?? 0;
    const failed = await tx.digestDelivery.findMany({
      where: { partnershipId, meetingId, status: "FAILED" },
      orderBy: { person: { name: "asc" } },
      select: { personId: true, email: true, attempts: true, lastError: true, person: { select: { name: true } } },
    });
    const unreachable = await tx.boardMember.findMany({
      where: { partnershipId, boardId: meeting.boardId, person: { archivedAt: null, OR: [{ email: null }, { email: "" }] } },
      orderBy: { person: { name: "asc" } },
      select: { personId: true, person: { select: { name: true } } },
    });
    return {
      run,
      counts: { pending: count("PENDING"), sent: count("SENT"), failed: count("FAILED") },
      failed: failed.map((row) => ({ personId: row.personId, name: row.person.name, email: row.email, attempts: row.attempts, lastError: row.lastError })),
      unreachable: unreachable.map((row) => ({ personId: row.personId, name: row.person.name })),
    };
  });
}

/**
 * A manager approves a meeting's digest (boards with digestNeedsApproval) or sends it
 * before it is due: the run and its batches are stored now, and the worker's next
 * find_due_digests (within 15 minutes) sends them. Approving twice changes nothing.
 * Throws DigestNotSendable for a meeting already past.
 */
export async function approveDigestRun(actor: Actor, meetingId: string): Promise<PreparedRun> {
  assertCan(actor, "meeting:manage");
  return prepareDigestRun(actor.partnershipId, meetingId, {
    onCreated: (tx, run) =>
      recordAudit(tx, actor, {
        action: "approved the digest",
        entityType: "Meeting",
        entityId: meetingId,
        after: { recipients: run.recipientCount, batches: run.batchCount },
      }),
  });
}
