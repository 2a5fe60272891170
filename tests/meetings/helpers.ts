// A partnership with a manager and a board member, and its board, for the meeting tests.
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors } from "../editing/helpers";

export async function meetingWorld() {
  const world = await partnershipWithActors();
  const manager = await world.actor("PARTNERSHIP_MANAGER");
  const member = await world.actor("BOARD_MEMBER");
  const { board, meeting } = await withTenant(world.partnershipId, async (tx) => ({
    board: await tx.board.findFirstOrThrow({ where: { partnershipId: world.partnershipId, name: "Community Safety Board" }, select: { id: true } }),
    meeting: await tx.meeting.findFirstOrThrow({
      where: { partnershipId: world.partnershipId },
      select: { id: true, agendaItems: { select: { id: true } } },
    }),
  }));
  return { ...world, manager, member, boardId: board.id, meetingId: meeting.id, itemId: meeting.agendaItems[0]!.id };
}

/** A meeting form as the browser posts it. */
export function meetingForm(overrides: Record<string, string> = {}) {
  return {
    boardId: "",
    "heldOn.day": "16",
    "heldOn.month": "7",
    "heldOn.year": "2099",
    startTime: "18:30",
    place: "Committee Room 1, Town Hall",
    onlineUrl: "",
    ...overrides,
  };
}

export function toFormData(fields: Record<string, string | string[]>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) formData.append(key, v);
  }
  return formData;
}
