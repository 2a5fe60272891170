// The manager's side of unsubscribes and bounces: who a meeting's digest will not reach,
// and why. Apart from unsubscribe.server.ts, which the worker loads, so that the worker
// does not load the request stack (access, sessions).
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { withTenant } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";

export type DigestOptOutReport = {
  /** Deliveries not sent because the address bounced or complained (SUPPRESSED). */
  bounced: Array<{ personId: string; name: string; email: string }>;
  /** Board members who unsubscribed from this board's digest: they get no delivery at all. */
  unsubscribed: Array<{ personId: string; name: string }>;
};

/** For the manager's digest page: who the meeting's digest will not reach, and why. */
export async function digestOptOutReport(actor: Actor, meetingId: string): Promise<DigestOptOutReport | null> {
  assertCan(actor, "meeting:manage");
  const { partnershipId } = actor;
  if (!isUuid(meetingId)) return null;
  return withTenant(partnershipId, async (tx) => {
    const meeting = await tx.meeting.findFirst({ where: { partnershipId, id: meetingId }, select: { boardId: true } });
    if (!meeting) return null;
    const bounced = await tx.digestDelivery.findMany({
      where: { partnershipId, meetingId, status: "SUPPRESSED" },
      orderBy: { person: { name: "asc" } },
      select: { personId: true, email: true, person: { select: { name: true } } },
    });
    const unsubscribed = await tx.digestOptOut.findMany({
      where: { partnershipId, boardId: meeting.boardId, person: { archivedAt: null, boardSeats: { some: { partnershipId, boardId: meeting.boardId } } } },
      orderBy: { person: { name: "asc" } },
      select: { personId: true, person: { select: { name: true } } },
    });
    return {
      bounced: bounced.map((row) => ({ personId: row.personId, name: row.person.name, email: row.email })),
      unsubscribed: unsubscribed.map((row) => ({ personId: row.personId, name: row.person.name })),
    };
  });
}
