import type { TenantTx } from "~/utils/db.server";

const meetingSelect = {
  id: true,
  heldOn: true,
  startTime: true,
  place: true,
  onlineUrl: true,
  board: { select: { id: true, name: true } },
  agendaItems: {
    orderBy: { position: "asc" },
    select: { id: true, number: true, title: true, reportOf: true, decisionSought: true },
  },
} as const;

/** The next meeting of any board on or after `today`, else null. */
export async function findNextMeeting(tx: TenantTx, partnershipId: string, today: Date) {
  return tx.meeting.findFirst({
    where: { partnershipId, heldOn: { gte: today } },
    orderBy: [{ heldOn: "asc" }, { startTime: "asc" }],
    select: meetingSelect,
  });
}

/** The most recent meeting before `today`, for when none is scheduled. */
export async function findLastMeeting(tx: TenantTx, partnershipId: string, today: Date) {
  return tx.meeting.findFirst({
    where: { partnershipId, heldOn: { lt: today } },
    orderBy: [{ heldOn: "desc" }, { startTime: "desc" }],
    select: meetingSelect,
  });
}
