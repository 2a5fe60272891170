import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, describe, expect, it } from "vitest";
import { addAgendaItem, moveAgendaItem, updateAgendaItem } from "~/modules/meetings/agenda.server";
import { AgendaItemSchema, MeetingSchema } from "~/modules/meetings/meeting-schema";
import { cancelMeeting, createMeeting, getMeeting, listMeetings, updateMeeting } from "~/modules/meetings/meetings.server";
import * as newMeetingRoute from "~/routes/$partnership.meetings.new";
import { withTenant } from "~/utils/db.server";
import { sessionCookieFor } from "../factories";
import { thrownStatus } from "../editing/helpers";
import { callRoute, isResponse } from "../routes/call-route";
import { meetingForm, meetingWorld, toFormData } from "./helpers";

type World = Awaited<ReturnType<typeof meetingWorld>>;
let world: World;
let other: World;

beforeAll(async () => {
  world = await meetingWorld();
  other = await meetingWorld();
});

function parseMeeting(fields: Record<string, string>) {
  return parseWithZod(toFormData(meetingForm({ boardId: world.boardId, ...fields })), { schema: MeetingSchema });
}

function errorsOf(submission: ReturnType<typeof parseMeeting>) {
  return submission.status === "success" ? {} : submission.error;
}

async function countMeetings(w: World) {
  return withTenant(w.partnershipId, (tx) => tx.meeting.count({ where: { partnershipId: w.partnershipId } }));
}

describe("the meeting form", () => {
  it("turns a date and a 24-hour time into a calendar date and a time of day", () => {
    const submission = parseMeeting({});
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.heldOn.toISOString()).toBe("2099-07-16T00:00:00.000Z");
    expect(submission.value.startTime.toISOString()).toBe("1970-01-01T18:30:00.000Z");
  });

  it("refuses 31 February, 25:00, no place and no link, and a link that is not https", () => {
    expect(errorsOf(parseMeeting({ "heldOn.day": "31", "heldOn.month": "2", "heldOn.year": "2026" }))).toMatchObject({
      heldOn: ["The date of the meeting must be a real date"],
    });
    expect(errorsOf(parseMeeting({ "heldOn.day": "29", "heldOn.month": "2", "heldOn.year": "2027" }))).toMatchObject({
      heldOn: ["The date of the meeting must be a real date"],
    });
    expect(errorsOf(parseMeeting({ "heldOn.day": "", "heldOn.month": "", "heldOn.year": "" }))).toMatchObject({ heldOn: ["Enter the date of the meeting"] });
    expect(errorsOf(parseMeeting({ startTime: "25:00" }))).toMatchObject({ startTime: ["Enter a real start time on the 24-hour clock, like 18:30"] });
    expect(errorsOf(parseMeeting({ startTime: "" }))).toMatchObject({ startTime: ["Enter the start time"] });
    expect(errorsOf(parseMeeting({ place: "", onlineUrl: "" }))).toMatchObject({ place: ["Enter a place or an online meeting link"] });
    for (const link of ["http://meet.example.org/x", "javascript:alert(1)", "teams"]) {
      expect(errorsOf(parseMeeting({ onlineUrl: link }))).toMatchObject({
        onlineUrl: ["Enter the online meeting link as a full web address starting with https://"],
      });
    }
    expect(parseMeeting({ place: "", onlineUrl: "https://teams.example.org/meet/123" }).status).toBe("success");
  });

  it("through the route: errors come back with what was typed, and nothing is written", async () => {
    const before = await countMeetings(world);
    const cookie = await sessionCookieFor(world.manager.userId);
    const result = await callRoute(newMeetingRoute.action, {
      path: `/${world.slug}/meetings/new`,
      params: { partnership: world.slug },
      cookie,
      form: meetingForm({ boardId: world.boardId, "heldOn.day": "31", "heldOn.month": "2", "heldOn.year": "2026", startTime: "25:00", place: "" }),
    });
    expect(isResponse(result)).toBe(false);
    const reply = (result as unknown as { data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }; init: { status: number } });
    expect(reply.init.status).toBe(400);
    expect(reply.data.result.error).toMatchObject({
      heldOn: ["The date of the meeting must be a real date"],
      startTime: ["Enter a real start time on the 24-hour clock, like 18:30"],
      place: ["Enter a place or an online meeting link"],
    });
    expect(reply.data.result.initialValue).toMatchObject({ startTime: "25:00", heldOn: { day: "31", month: "2", year: "2026" } });
    expect(await countMeetings(world)).toBe(before);
  });
});

describe("meetings", () => {
  it("a manager creates, edits and cancels a meeting; members see it; everything is audited", async () => {
    const submission = parseMeeting({});
    if (submission.status !== "success") throw new Error("form");
    const created = await createMeeting(world.manager, submission.value, "Europe/London");
    expect(created.status).toBe("saved");
    const id = created.status === "saved" ? created.id : "";

    const seen = await getMeeting(world.member, id, "Europe/London");
    expect(seen).toMatchObject({ isPast: false, canManage: false, meeting: { place: "Committee Room 1, Town Hall", recordedAsPast: false } });
    const list = await listMeetings(world.member, "Europe/London");
    expect(list.upcoming.map((m) => m.id)).toContain(id);
    expect(list.canManage).toBe(false);

    const edit = parseMeeting({ place: "", onlineUrl: "https://teams.example.org/meet/1", startTime: "9.05" });
    if (edit.status !== "success") throw new Error("form");
    expect(await updateMeeting(world.manager, id, edit.value, "Europe/London")).toEqual({ status: "saved", id });
    const after = await getMeeting(world.member, id, "Europe/London");
    expect(after?.meeting).toMatchObject({ place: null, onlineUrl: "https://teams.example.org/meet/1" });
    expect(after?.meeting.startTime?.toISOString()).toBe("1970-01-01T09:05:00.000Z");

    expect(await cancelMeeting(world.manager, id)).toEqual({ status: "cancelled" });
    expect(await getMeeting(world.member, id, "Europe/London")).toBeNull();
    const audit = await withTenant(world.partnershipId, (tx) =>
      tx.auditEvent.findMany({ where: { entityType: "Meeting", entityId: id }, orderBy: { at: "asc" }, select: { action: true, after: true } }),
    );
    expect(audit.map((a) => a.action)).toEqual(["created", "edited", "cancelled"]);
    expect(audit[0]!.after).toMatchObject({ startTime: "18:30" });
  });

  it("a past date needs the manager to say it is a record of a past meeting, which is flagged so nothing is sent", async () => {
    const past = parseMeeting({ "heldOn.day": "15", "heldOn.month": "1", "heldOn.year": "2013" });
    if (past.status !== "success") throw new Error("form");
    const before = await countMeetings(world);
    expect(await createMeeting(world.manager, past.value, "Europe/London")).toMatchObject({
      status: "invalid",
      fieldErrors: { recordedAsPast: [expect.stringContaining("The date is in the past")] },
    });
    expect(await countMeetings(world)).toBe(before);

    const confirmed = parseMeeting({ "heldOn.day": "15", "heldOn.month": "1", "heldOn.year": "2013", recordedAsPast: "yes" });
    if (confirmed.status !== "success") throw new Error("form");
    const created = await createMeeting(world.manager, confirmed.value, "Europe/London");
    if (created.status !== "saved") throw new Error("not saved");
    const list = await listMeetings(world.member, "Europe/London");
    expect(list.past.find((m) => m.id === created.id)).toMatchObject({ recordedAsPast: true });

    // Ticking the box for a future date does not make it silent.
    const future = parseMeeting({ recordedAsPast: "yes" });
    if (future.status !== "success") throw new Error("form");
    const upcoming = await createMeeting(world.manager, future.value, "Europe/London");
    if (upcoming.status !== "saved") throw new Error("not saved");
    expect((await getMeeting(world.member, upcoming.id, "Europe/London"))?.meeting.recordedAsPast).toBe(false);
  });

  it("refuses another partnership's board (a forged id) and leaves both partnerships unchanged", async () => {
    const forged = parseMeeting({ boardId: other.boardId });
    if (forged.status !== "success") throw new Error("form");
    const [ours, theirs] = [await countMeetings(world), await countMeetings(other)];
    expect(await createMeeting(world.manager, forged.value, "Europe/London")).toEqual({
      status: "invalid",
      fieldErrors: { boardId: ["Select the board that is meeting"] },
    });
    expect([await countMeetings(world), await countMeetings(other)]).toEqual([ours, theirs]);
  });

  it("board members and agency editors may read but not manage meetings (403)", async () => {
    const editor = await world.actor("AGENCY_EDITOR", world.agencies.police);
    const form = parseMeeting({});
    if (form.status !== "success") throw new Error("form");
    for (const actor of [world.member, editor]) {
      expect(await thrownStatus(() => createMeeting(actor, form.value, "Europe/London"))).toBe(403);
      expect(await thrownStatus(() => cancelMeeting(actor, world.meetingId))).toBe(403);
      expect(await thrownStatus(() => getMeeting(actor, world.meetingId, "Europe/London"))).toBe("returned");
    }
  });
});

describe("agenda items", () => {
  function parseItem(fields: Record<string, string | string[]>) {
    return parseWithZod(toFormData(fields), { schema: AgendaItemSchema });
  }

  it("refuses an item with no title", () => {
    const submission = parseItem({ number: "4.1", title: "  " });
    expect(submission.status === "success" ? {} : submission.error).toMatchObject({ title: ["Enter the title of the agenda item"] });
  });

  it("adds numbered items in order with their links, edits them, and moves them up and down", async () => {
    const form = parseMeeting({});
    if (form.status !== "success") throw new Error("form");
    const meeting = await createMeeting(world.manager, form.value, "Europe/London");
    if (meeting.status !== "saved") throw new Error("meeting");
    const add = async (fields: Record<string, string | string[]>) => {
      const item = parseItem(fields);
      if (item.status !== "success") throw new Error(JSON.stringify(item.error));
      const result = await addAgendaItem(world.manager, meeting.id, item.value);
      if (result?.status !== "saved") throw new Error("item");
      return result.id;
    };
    const first = await add({
      number: "4",
      title: "Performance report",
      reportOf: "Head of Community Safety",
      purpose: "To update the board",
      decisionSought: "Note the report",
      priorityIds: [world.priorities.burglary],
      indicatorIds: [world.indicator],
    });
    const second = await add({ number: "4.1", title: "Burglary hotspots" });
    const third = await add({ number: "5", title: "Any other business" });

    const order = async () => (await getMeeting(world.member, meeting.id, "Europe/London"))!.meeting.agendaItems.map((i) => i.number);
    expect(await order()).toEqual(["4", "4.1", "5"]);
    const page = await getMeeting(world.member, meeting.id, "Europe/London");
    expect(page!.meeting.agendaItems[0]).toMatchObject({
      title: "Performance report",
      reportOf: "Head of Community Safety",
      decisionSought: "Note the report",
      priorities: [{ priority: { id: world.priorities.burglary } }],
      indicators: [{ indicator: { id: world.indicator } }],
    });

    expect(await moveAgendaItem(world.manager, meeting.id, third, "up")).toEqual({ status: "moved" });
    expect(await order()).toEqual(["4", "5", "4.1"]);
    expect(await moveAgendaItem(world.manager, meeting.id, first, "up")).toEqual({ status: "unchanged" });
    expect(await moveAgendaItem(world.manager, meeting.id, first, "down")).toEqual({ status: "moved" });
    expect(await order()).toEqual(["5", "4", "4.1"]);

    const edit = parseItem({ number: "4.2", title: "Burglary hotspots (revised)", indicatorIds: [world.indicator] });
    if (edit.status !== "success") throw new Error("form");
    expect(await updateAgendaItem(world.manager, meeting.id, second, edit.value)).toEqual({ status: "saved", id: second });
    const edited = (await getMeeting(world.member, meeting.id, "Europe/London"))!.meeting.agendaItems.find((i) => i.id === second)!;
    expect(edited).toMatchObject({ number: "4.2", title: "Burglary hotspots (revised)", priorities: [], indicators: [{ indicator: { id: world.indicator } }] });
  });

  it("refuses a priority or indicator of another partnership (forged ids), writing nothing", async () => {
    const count = () => withTenant(world.partnershipId, (tx) => tx.agendaItem.count({ where: { partnershipId: world.partnershipId } }));
    const before = await count();
    const forged = parseItem({ number: "6", title: "Forged", priorityIds: [other.priorities.burglary], indicatorIds: [other.indicator] });
    if (forged.status !== "success") throw new Error("form");
    expect(await addAgendaItem(world.manager, world.meetingId, forged.value)).toEqual({
      status: "invalid",
      fieldErrors: { priorityIds: ["Select priorities from the list"], indicatorIds: ["Select indicators from the list"] },
    });
    expect(await updateAgendaItem(world.manager, world.meetingId, world.itemId, forged.value)).toMatchObject({ status: "invalid" });
    expect(await count()).toBe(before);
    const item = (await getMeeting(world.member, world.meetingId, "Europe/London"))!.meeting.agendaItems[0]!;
    expect(item).toMatchObject({ title: "Burglary update", priorities: [{ priority: { id: world.priorities.burglary } }] });
  });

  it("an item id of another meeting is not found under this one", async () => {
    const form = parseItem({ number: "1", title: "x" });
    if (form.status !== "success") throw new Error("form");
    expect(await updateAgendaItem(world.manager, other.meetingId, world.itemId, form.value)).toBeNull();
    expect(await updateAgendaItem(world.manager, world.meetingId, other.itemId, form.value)).toBeNull();
  });
});
