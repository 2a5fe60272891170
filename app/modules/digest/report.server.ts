// A manager's side of a meeting's digest (issue 7): previewing what a member receives,
// approving it or sending it now, and seeing the run, how many went, for whom it failed
// and why, and which members it cannot reach. Kept
// apart from delivery.server.ts so that the worker does not load the request stack.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { DigestNotSendable, prepareDigestRun, type PreparedRun, type RenderedDigest } from "~/modules/digest/delivery.server";
import { loadBoardDigest, renderDigestFor } from "~/modules/digest/digest-content.server";
import { requestDueDigestsNow } from "~/modules/jobs/tasks.server";
import { withTenant } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
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
 * find_due_digests sends them (sendDigestNow asks for one at once). Approving twice
 * changes nothing.
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

export type DigestMember = { personId: string; name: string; email: string | null };

export type DigestPage = {
  meeting: { id: string; heldOn: Date; boardId: string; boardName: string; isPast: boolean; recordedAsPast: boolean };
  board: { digestDaysBefore: number; digestNeedsApproval: boolean; dueOn: Date };
  members: DigestMember[];
  /** The member whose e-mail is previewed: the one asked for, else the first with an address. */
  member: DigestMember | null;
  /** What that member gets: the stored e-mail once it has been rendered for sending, else built now. */
  preview: (RenderedDigest & { stored: boolean }) | null;
  report: DigestDeliveryReport;
};

/**
 * The manager's digest page for a meeting: who is on the board (and who cannot be
 * reached), exactly what a named member will receive, and how the send is going. Null
 * (404) for a meeting that is not the partnership's, before saying who may see it.
 */
export async function getDigestPage(actor: Actor, meetingId: string, memberId: string | null): Promise<DigestPage | null> {
  const { partnershipId } = actor;
  if (!isUuid(meetingId)) return null;
  const found = await withTenant(partnershipId, async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { partnershipId, id: meetingId },
      select: {
        id: true,
        heldOn: true,
        recordedAsPast: true,
        boardId: true,
        board: { select: { name: true, digestDaysBefore: true, digestNeedsApproval: true } },
        partnership: { select: { timeZone: true } },
      },
    });
    if (!meeting) return null;
    assertCan(actor, "meeting:manage");
    const seats = await tx.boardMember.findMany({
      where: { partnershipId, boardId: meeting.boardId, person: { archivedAt: null } },
      orderBy: { person: { name: "asc" } },
      select: { personId: true, person: { select: { name: true, email: true } } },
    });
    const members = seats.map((seat) => ({ personId: seat.personId, name: seat.person.name, email: seat.person.email?.trim() || null }));
    const member = members.find((m) => m.personId === memberId) ?? members.find((m) => m.email !== null) ?? members[0] ?? null;
    let preview: DigestPage["preview"] = null;
    if (member) {
      const stored = await tx.digestDelivery.findFirst({
        where: { partnershipId, meetingId, personId: member.personId, subject: { not: null } },
        select: { subject: true, html: true, text: true },
      });
      if (stored?.subject && stored.html !== null && stored.text !== null) {
        preview = { subject: stored.subject, html: stored.html, text: stored.text, stored: true };
      } else {
        const digest = await loadBoardDigest(tx, partnershipId, meetingId);
        if (digest) preview = { ...(await renderDigestFor(digest, { name: member.name })), stored: false };
      }
    }
    const today = todayIn(meeting.partnership.timeZone);
    return {
      meeting: {
        id: meeting.id,
        heldOn: meeting.heldOn,
        boardId: meeting.boardId,
        boardName: meeting.board.name,
        isPast: meeting.heldOn < today,
        recordedAsPast: meeting.recordedAsPast,
      },
      board: {
        digestDaysBefore: meeting.board.digestDaysBefore,
        digestNeedsApproval: meeting.board.digestNeedsApproval,
        dueOn: new Date(meeting.heldOn.getTime() - meeting.board.digestDaysBefore * 86_400_000),
      },
      members,
      member,
      preview,
    };
  });
  if (!found) return null;
  const report = await digestDeliveryReport(actor, meetingId);
  return report ? { ...found, report } : null;
}

export type SendNowResult = { status: "sending"; run: PreparedRun; queued: boolean } | { status: "refused"; message: string };

/**
 * "Send now" (and "Approve and send" for a board whose digests need approval): stores
 * the run and its batches, audited, then asks the worker to send at once. Null (404)
 * for a meeting that is not the partnership's. A meeting already past is refused.
 */
export async function sendDigestNow(actor: Actor, meetingId: string): Promise<SendNowResult | null> {
  const { partnershipId } = actor;
  if (!isUuid(meetingId)) return null;
  const exists = await withTenant(partnershipId, (tx) => tx.meeting.findFirst({ where: { partnershipId, id: meetingId }, select: { id: true } }));
  if (!exists) return null;
  let run: PreparedRun;
  try {
    run = await approveDigestRun(actor, meetingId);
  } catch (error) {
    if (error instanceof DigestNotSendable) return { status: "refused", message: error.message };
    throw error;
  }
  try {
    await requestDueDigestsNow();
    return { status: "sending", run, queued: true };
  } catch (error) {
    // The run is stored: the worker's cron sends it within 15 minutes even so.
    console.error(`Could not ask the worker to send the digest of meeting ${meetingId} now:`, error);
    return { status: "sending", run, queued: false };
  }
}
