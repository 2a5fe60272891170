// Boards' meetings: a manager schedules them (or records past ones from old papers),
// everyone in the partnership reads them. Every write checks "meeting:manage", keeps
// to the actor's partnership in every where, and is audited in the same transaction.
import { TZDate } from "@date-fns/tz";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { isUuid } from "~/utils/uuid";
import type { MeetingInput } from "./meeting-schema";

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

export type FieldErrors = Record<string, string[]>;
export type SaveResult = { status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors };

/** "18:30" for a @db.Time value: how the form shows it and the audit trail records it. */
export function timeInputValue(time: Date | null | undefined) {
  if (!time) return undefined;
  return `${String(time.getUTCHours()).padStart(2, "0")}:${String(time.getUTCMinutes()).padStart(2, "0")}`;
}

/**
 * The instant a meeting starts: its calendar date and local wall-clock time read in
 * the partnership's zone, so 18:30 in July is 17:30 UTC and in January 18:30 UTC.
 */
export function meetingStartInstant(heldOn: Date, startTime: Date, timeZone: string): Date {
  const local = new TZDate(
    heldOn.getUTCFullYear(),
    heldOn.getUTCMonth(),
    heldOn.getUTCDate(),
    startTime.getUTCHours(),
    startTime.getUTCMinutes(),
    0,
    timeZone,
  );
  return new Date(local.getTime());
}

/** A meeting's own fields as the audit trail keeps them. */
function auditable(meeting: {
  boardId: string;
  heldOn: Date;
  startTime: Date | null;
  place: string | null;
  onlineUrl: string | null;
  recordedAsPast: boolean;
}) {
  return { ...meeting, startTime: timeInputValue(meeting.startTime) ?? null };
}

/** Upcoming (soonest first) and past (latest first) meetings of every board. */
export async function listMeetings(actor: Actor, timeZone: string) {
  assertCan(actor, "partnership:read");
  const { partnershipId } = actor;
  const today = todayIn(timeZone);
  return withTenant(partnershipId, async (tx) => {
    const select = {
      id: true,
      heldOn: true,
      startTime: true,
      place: true,
      onlineUrl: true,
      recordedAsPast: true,
      board: { select: { id: true, name: true } },
      _count: { select: { agendaItems: true } },
    } as const;
    const upcoming = await tx.meeting.findMany({
      where: { partnershipId, heldOn: { gte: today } },
      orderBy: [{ heldOn: "asc" }, { startTime: "asc" }],
      select,
    });
    const past = await tx.meeting.findMany({
      where: { partnershipId, heldOn: { lt: today } },
      orderBy: [{ heldOn: "desc" }, { startTime: "desc" }],
      select,
    });
    return { upcoming, past, canManage: can(actor, "meeting:manage") };
  });
}

/** Everything the meeting page shows: the agenda with its links and papers, and the record of the meeting. */
export async function getMeeting(actor: Actor, meetingId: string, timeZone: string) {
  assertCan(actor, "partnership:read");
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const meeting = await tx.meeting.findFirst({
      where: { id: meetingId, partnershipId },
      select: {
        id: true,
        heldOn: true,
        startTime: true,
        place: true,
        onlineUrl: true,
        recordedAsPast: true,
        otherAttendees: true,
        board: { select: { id: true, name: true } },
        agendaItems: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            number: true,
            title: true,
            reportOf: true,
            purpose: true,
            decisionSought: true,
            decision: true,
            priorities: { select: { priority: { select: { id: true, number: true, title: true } } } },
            indicators: { select: { indicator: { select: { id: true, code: true, name: true } } } },
            // Never the bytes: a page lists papers, the download route serves one.
            papers: {
              orderBy: [{ position: "asc" }, { createdAt: "asc" }],
              select: { id: true, title: true, url: true, fileName: true, contentType: true, size: true },
            },
          },
        },
        attendances: { select: { boardMemberId: true, status: true } },
        actionsArising: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            title: true,
            dueOn: true,
            actionId: true,
            agendaItemId: true,
            ownerAgency: { select: { name: true } },
          },
        },
      },
    });
    if (!meeting) return null;
    const boardMembers = await tx.boardMember.findMany({
      where: { partnershipId, boardId: meeting.board.id },
      orderBy: { person: { name: "asc" } },
      select: { id: true, role: true, person: { select: { name: true } }, agency: { select: { name: true } } },
    });
    const today = todayIn(timeZone);
    // On the day itself the manager may already record who came and what was decided.
    const canRecord = meeting.heldOn <= today;
    return { meeting, boardMembers, isPast: meeting.heldOn < today, canRecord, canManage: can(actor, "meeting:manage") };
  });
}

/** The boards a meeting can be for: those not archived. */
export async function listBoardChoices(actor: Actor) {
  assertCan(actor, "meeting:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, (tx) =>
    tx.board.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  );
}

/** A meeting for its edit or cancel form: null (404) if not this partnership's; 403 unless a manager. */
export async function getMeetingForEdit(actor: Actor, meetingId: string) {
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  const meeting = await withTenant(partnershipId, (tx) =>
    tx.meeting.findFirst({
      where: { id: meetingId, partnershipId },
      select: {
        id: true,
        boardId: true,
        heldOn: true,
        startTime: true,
        place: true,
        onlineUrl: true,
        recordedAsPast: true,
        board: { select: { name: true } },
      },
    }),
  );
  if (!meeting) return null;
  // Not this partnership's: 404 for everyone, before saying who may change it.
  assertCan(actor, "meeting:manage");
  return meeting;
}

/**
 * A date before today is refused unless the manager says they are recording a past
 * meeting: a mistyped year must not quietly make a meeting nobody is told about.
 */
async function checkMeeting(tx: TenantTx, partnershipId: string, input: MeetingInput, today: Date, dateChanged: boolean) {
  const fieldErrors: FieldErrors = {};
  const board = await tx.board.findFirst({ where: { id: input.boardId, partnershipId, archivedAt: null }, select: { id: true } });
  if (!board) fieldErrors.boardId = ["Select the board that is meeting"];
  if (dateChanged && input.heldOn < today && !input.recordedAsPast) {
    fieldErrors.recordedAsPast = ["The date is in the past: check it, or confirm you are recording a meeting that has already happened"];
  }
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : null;
}

export async function createMeeting(actor: Actor, input: MeetingInput, timeZone: string): Promise<SaveResult> {
  assertCan(actor, "meeting:manage");
  const { partnershipId } = actor;
  const today = todayIn(timeZone);
  return withTenant(partnershipId, async (tx): Promise<SaveResult> => {
    const fieldErrors = await checkMeeting(tx, partnershipId, input, today, true);
    if (fieldErrors) return { status: "invalid", fieldErrors };
    const data = {
      boardId: input.boardId,
      heldOn: input.heldOn,
      startTime: input.startTime,
      place: input.place ?? null,
      onlineUrl: input.onlineUrl ?? null,
      // Only a date already gone can be a record of the past; the flag keeps it silent for good.
      recordedAsPast: input.heldOn < today,
    };
    const meeting = await tx.meeting.create({ data: { partnershipId, ...data }, select: { id: true } });
    await recordAudit(tx, actor, { action: "created", entityType: "Meeting", entityId: meeting.id, after: auditable(data) });
    return { status: "saved", id: meeting.id };
  });
}

export async function updateMeeting(actor: Actor, meetingId: string, input: MeetingInput, timeZone: string): Promise<SaveResult | null> {
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  const today = todayIn(timeZone);
  return withTenant(partnershipId, async (tx): Promise<SaveResult | null> => {
    const before = await tx.meeting.findFirst({
      where: { id: meetingId, partnershipId },
      select: { boardId: true, heldOn: true, startTime: true, place: true, onlineUrl: true, recordedAsPast: true },
    });
    if (!before) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    const dateChanged = before.heldOn.getTime() !== input.heldOn.getTime();
    const fieldErrors = await checkMeeting(tx, partnershipId, input, today, dateChanged);
    if (fieldErrors) return { status: "invalid", fieldErrors };
    const data = {
      boardId: input.boardId,
      heldOn: input.heldOn,
      startTime: input.startTime,
      place: input.place ?? null,
      onlineUrl: input.onlineUrl ?? null,
      recordedAsPast: dateChanged ? input.heldOn < today : before.recordedAsPast,
    };
    await tx.meeting.updateMany({ where: { id: meetingId, partnershipId }, data });
    await recordAudit(tx, actor, { action: "edited", entityType: "Meeting", entityId: meetingId, before: auditable(before), after: auditable(data) });
    return { status: "saved", id: meetingId };
  });
}

/** Cancels a meeting: it goes, with its agenda, papers and record; the audit trail keeps what it was. */
export async function cancelMeeting(actor: Actor, meetingId: string) {
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const before = await tx.meeting.findFirst({
      where: { id: meetingId, partnershipId },
      select: { boardId: true, heldOn: true, startTime: true, place: true, onlineUrl: true, recordedAsPast: true },
    });
    if (!before) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    // Actions arising point at agenda items with Restrict; they go with the meeting.
    await tx.meetingActionArising.deleteMany({ where: { partnershipId, meetingId } });
    await tx.meeting.deleteMany({ where: { id: meetingId, partnershipId } });
    await recordAudit(tx, actor, { action: "cancelled", entityType: "Meeting", entityId: meetingId, before: auditable(before) });
    return { status: "cancelled" as const };
  });
}
