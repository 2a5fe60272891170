// What a meeting did, recorded afterwards by a manager: attendance of the board's
// members, a decision per agenda item, and actions arising, any of which can become a
// delivery-plan action (created by the actions module, in the same transaction).
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { createActionIn } from "~/modules/actions/actions.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import type { ActionArisingInput, MeetingRecordInput } from "./meeting-schema";
import type { FieldErrors } from "./meetings.server";

async function findMeeting(tx: TenantTx, partnershipId: string, meetingId: string) {
  return tx.meeting.findFirst({
    where: { id: meetingId, partnershipId },
    select: {
      id: true,
      heldOn: true,
      otherAttendees: true,
      board: { select: { id: true, name: true } },
      agendaItems: { orderBy: { position: "asc" }, select: { id: true, number: true, title: true, decision: true } },
      attendances: { select: { boardMemberId: true, status: true } },
      actionsArising: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          dueOn: true,
          actionId: true,
          ownerAgency: { select: { name: true } },
          priority: { select: { number: true, title: true } },
          agendaItem: { select: { number: true } },
        },
      },
    },
  });
}

/** The record form: the meeting, its board's members and the choices for an action arising. */
export async function getMeetingRecord(actor: Actor, meetingId: string) {
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const meeting = await findMeeting(tx, partnershipId, meetingId);
    if (!meeting) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    return {
      meeting,
      boardMembers: await tx.boardMember.findMany({
        where: { partnershipId, boardId: meeting.board.id },
        orderBy: { person: { name: "asc" } },
        select: { id: true, person: { select: { name: true } }, agency: { select: { name: true } } },
      }),
      agencies: await tx.agency.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
      priorities: await tx.priority.findMany({
        where: { partnershipId, archivedAt: null },
        orderBy: [{ strategy: { startYear: "desc" } }, { number: "asc" }],
        select: { id: true, number: true, title: true },
      }),
    };
  });
}

/** Saves attendance and decisions. Ids not of this meeting (or its board) are refused, not ignored. */
export async function saveMeetingRecord(actor: Actor, meetingId: string, input: MeetingRecordInput) {
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<{ status: "saved" } | { status: "invalid"; fieldErrors: FieldErrors } | null> => {
    const meeting = await findMeeting(tx, partnershipId, meetingId);
    if (!meeting) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    const memberIds = new Set(
      (await tx.boardMember.findMany({ where: { partnershipId, boardId: meeting.board.id }, select: { id: true } })).map((m) => m.id),
    );
    const itemIds = new Set(meeting.agendaItems.map((item) => item.id));
    const attendance = Object.entries(input.attendance ?? {});
    const decisions = Object.entries(input.decisions ?? {});
    if (attendance.some(([id]) => !memberIds.has(id))) return { status: "invalid", fieldErrors: { attendance: ["Record attendance only for the board's members"] } };
    if (decisions.some(([id]) => !itemIds.has(id))) return { status: "invalid", fieldErrors: { decisions: ["Record decisions only for this meeting's agenda items"] } };

    for (const [boardMemberId, status] of attendance) {
      await tx.meetingAttendance.upsert({
        where: { partnershipId_meetingId_boardMemberId: { partnershipId, meetingId, boardMemberId } },
        create: { partnershipId, meetingId, boardMemberId, status },
        update: { status },
      });
    }
    for (const [itemId, decision] of decisions) {
      await tx.agendaItem.updateMany({ where: { id: itemId, meetingId, partnershipId }, data: { decision: decision ?? null } });
    }
    await tx.meeting.updateMany({ where: { id: meetingId, partnershipId }, data: { otherAttendees: input.otherAttendees ?? null } });
    await recordAudit(tx, actor, {
      action: "recorded the outcome of",
      entityType: "Meeting",
      entityId: meetingId,
      before: {
        attendance: Object.fromEntries(meeting.attendances.map((a) => [a.boardMemberId, a.status])),
        otherAttendees: meeting.otherAttendees,
        decisions: Object.fromEntries(meeting.agendaItems.map((item) => [item.id, item.decision])),
      },
      after: { attendance: Object.fromEntries(attendance), otherAttendees: input.otherAttendees ?? null, decisions: Object.fromEntries(decisions) },
    });
    return { status: "saved" };
  });
}

export async function addActionArising(actor: Actor, meetingId: string, input: ActionArisingInput) {
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<{ status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors } | null> => {
    const meeting = await tx.meeting.findFirst({ where: { id: meetingId, partnershipId }, select: { id: true } });
    if (!meeting) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    const fieldErrors: FieldErrors = {};
    if (input.agendaItemId && !(await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, meetingId, partnershipId }, select: { id: true } }))) {
      fieldErrors.agendaItemId = ["Select an agenda item from the list"];
    }
    if (input.priorityId && !(await tx.priority.findFirst({ where: { id: input.priorityId, partnershipId }, select: { id: true } }))) {
      fieldErrors.priorityId = ["Select a priority from the list"];
    }
    if (input.ownerAgencyId && !(await tx.agency.findFirst({ where: { id: input.ownerAgencyId, partnershipId }, select: { id: true } }))) {
      fieldErrors.ownerAgencyId = ["Select an agency from the list"];
    }
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
    const data = {
      title: input.title,
      agendaItemId: input.agendaItemId ?? null,
      priorityId: input.priorityId ?? null,
      ownerAgencyId: input.ownerAgencyId ?? null,
      dueOn: input.dueOn ?? null,
    };
    const arising = await tx.meetingActionArising.create({ data: { partnershipId, meetingId, ...data }, select: { id: true } });
    await recordAudit(tx, actor, { action: "added an action arising to", entityType: "Meeting", entityId: meetingId, after: { id: arising.id, ...data } });
    return { status: "saved", id: arising.id };
  });
}

export type ToPlanResult = { status: "created"; actionId: string } | { status: "refused"; message: string } | null;

/**
 * Makes an action arising a delivery-plan action, once: the new action and the link
 * to it are written in one transaction, and a second press finds the link taken.
 */
export async function addActionArisingToPlan(
  actor: Actor,
  meetingId: string,
  arisingId: string,
  partnership: { timeZone: string; financialYearStartMonth: number },
): Promise<ToPlanResult> {
  if (!isUuid(meetingId) || !isUuid(arisingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<ToPlanResult> => {
    const arising = await tx.meetingActionArising.findFirst({
      where: { id: arisingId, meetingId, partnershipId },
      select: { id: true, title: true, priorityId: true, ownerAgencyId: true, dueOn: true, actionId: true },
    });
    if (!arising) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    if (arising.actionId) return { status: "refused", message: "This action is already in the delivery plan" };
    if (!arising.priorityId) return { status: "refused", message: `Choose the priority "${arising.title}" serves before adding it to the delivery plan` };
    const created = await createActionIn(
      tx,
      actor,
      arising.priorityId,
      { title: arising.title, ownerAgencyId: arising.ownerAgencyId ?? undefined, originalDueOn: arising.dueOn ?? undefined },
      partnership,
    );
    if (!created || created.status !== "saved") return { status: "refused", message: "The action could not be added to the delivery plan" };
    const { count } = await tx.meetingActionArising.updateMany({
      where: { id: arisingId, partnershipId, actionId: null },
      data: { actionId: created.actionId },
    });
    // Someone else pressed first: throwing rolls back the action made here.
    if (count !== 1) throw new Response("This action is already in the delivery plan", { status: 409 });
    return { status: "created", actionId: created.actionId };
  });
}

export async function removeActionArising(actor: Actor, meetingId: string, arisingId: string) {
  if (!isUuid(meetingId) || !isUuid(arisingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const arising = await tx.meetingActionArising.findFirst({ where: { id: arisingId, meetingId, partnershipId }, select: { id: true, title: true, actionId: true } });
    if (!arising) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    await tx.meetingActionArising.deleteMany({ where: { id: arisingId, partnershipId } });
    await recordAudit(tx, actor, { action: "removed an action arising from", entityType: "Meeting", entityId: meetingId, before: arising });
    return { status: "removed" as const };
  });
}
