import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, describe, expect, it } from "vitest";
import { ActionArisingSchema, MeetingRecordSchema } from "~/modules/meetings/meeting-schema";
import { getMeeting } from "~/modules/meetings/meetings.server";
import { addActionArising, addActionArisingToPlan, getMeetingRecord, saveMeetingRecord } from "~/modules/meetings/record.server";
import { withTenant } from "~/utils/db.server";
import { thrownStatus } from "../editing/helpers";
import { meetingWorld, toFormData } from "./helpers";

type World = Awaited<ReturnType<typeof meetingWorld>>;
let world: World;
let other: World;

beforeAll(async () => {
  world = await meetingWorld();
  other = await meetingWorld();
});

function parse<S extends typeof MeetingRecordSchema | typeof ActionArisingSchema>(schema: S, fields: Record<string, string>) {
  const submission = parseWithZod(toFormData(fields), { schema });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value as S["_zod"]["output"];
}

describe("after the meeting", () => {
  it("records attendance, others attending and a decision per item", async () => {
    const record = await getMeetingRecord(world.manager, world.meetingId);
    const chair = record!.boardMembers[0]!;
    const input = parse(MeetingRecordSchema, {
      [`attendance.${chair.id}`]: "APOLOGIES",
      otherAttendees: "Head of Community Safety\nPolice Inspector",
      [`decisions.${world.itemId}`]: "The board noted the report.",
    });
    expect(await saveMeetingRecord(world.manager, world.meetingId, input)).toEqual({ status: "saved" });
    const page = await getMeeting(world.member, world.meetingId, "Europe/London");
    expect(page!.meeting.attendances).toEqual([{ boardMemberId: chair.id, status: "APOLOGIES" }]);
    expect(page!.meeting.otherAttendees).toBe("Head of Community Safety\nPolice Inspector");
    expect(page!.meeting.agendaItems[0]!.decision).toBe("The board noted the report.");
  });

  it("refuses another partnership's board member or agenda item ids", async () => {
    const theirs = await getMeetingRecord(other.manager, other.meetingId);
    const forgedMember = parse(MeetingRecordSchema, { [`attendance.${theirs!.boardMembers[0]!.id}`]: "PRESENT" });
    expect(await saveMeetingRecord(world.manager, world.meetingId, forgedMember)).toMatchObject({ status: "invalid" });
    const forgedItem = parse(MeetingRecordSchema, { [`decisions.${other.itemId}`]: "Hijacked" });
    expect(await saveMeetingRecord(world.manager, world.meetingId, forgedItem)).toMatchObject({ status: "invalid" });
    const theirItem = await withTenant(other.partnershipId, (tx) => tx.agendaItem.findFirstOrThrow({ where: { id: other.itemId }, select: { decision: true } }));
    expect(theirItem.decision).toBeNull();
  });

  it("an action arising becomes a delivery-plan action with one press, once", async () => {
    const arising = await addActionArising(
      world.manager,
      world.meetingId,
      parse(ActionArisingSchema, {
        title: "Report burglary hotspots to the next meeting",
        agendaItemId: world.itemId,
        priorityId: world.priorities.burglary,
        ownerAgencyId: world.agencies.police,
        "dueOn.day": "31",
        "dueOn.month": "3",
        "dueOn.year": "2027",
      }),
    );
    if (arising?.status !== "saved") throw new Error("not saved");
    const calendar = { timeZone: "Europe/London", financialYearStartMonth: 4 };
    const result = await addActionArisingToPlan(world.manager, world.meetingId, arising.id, calendar);
    if (result?.status !== "created") throw new Error(JSON.stringify(result));
    const action = await withTenant(world.partnershipId, (tx) =>
      tx.action.findFirstOrThrow({
        where: { id: result.actionId, partnershipId: world.partnershipId },
        select: { title: true, priorityId: true, ownerAgencyId: true, originalDueOn: true, status: true, deliveryPlanId: true },
      }),
    );
    expect(action).toMatchObject({
      title: "Report burglary hotspots to the next meeting",
      priorityId: world.priorities.burglary,
      ownerAgencyId: world.agencies.police,
      originalDueOn: new Date("2027-03-31T00:00:00Z"),
      status: "NOT_STARTED",
    });
    const page = await getMeeting(world.member, world.meetingId, "Europe/London");
    expect(page!.meeting.actionsArising.find((a) => a.id === arising.id)?.actionId).toBe(result.actionId);

    const count = () => withTenant(world.partnershipId, (tx) => tx.action.count({ where: { partnershipId: world.partnershipId } }));
    const before = await count();
    expect(await addActionArisingToPlan(world.manager, world.meetingId, arising.id, calendar)).toEqual({
      status: "refused",
      message: "This action is already in the delivery plan",
    });
    expect(await count()).toBe(before);
  });

  it("without a priority it says what is needed, and adds nothing", async () => {
    const arising = await addActionArising(world.manager, world.meetingId, parse(ActionArisingSchema, { title: "Write to the Home Office" }));
    if (arising?.status !== "saved") throw new Error("not saved");
    const count = () => withTenant(world.partnershipId, (tx) => tx.action.count({ where: { partnershipId: world.partnershipId } }));
    const before = await count();
    expect(await addActionArisingToPlan(world.manager, world.meetingId, arising.id, { timeZone: "Europe/London", financialYearStartMonth: 4 })).toEqual({
      status: "refused",
      message: `Choose the priority "Write to the Home Office" serves before adding it to the delivery plan`,
    });
    expect(await count()).toBe(before);
  });

  it("refuses another partnership's priority, agency or item on an action arising; members may not record", async () => {
    const forged = parse(ActionArisingSchema, {
      title: "Forged",
      priorityId: other.priorities.burglary,
      ownerAgencyId: other.agencies.police,
      agendaItemId: other.itemId,
    });
    expect(await addActionArising(world.manager, world.meetingId, forged)).toEqual({
      status: "invalid",
      fieldErrors: {
        agendaItemId: ["Select an agenda item from the list"],
        priorityId: ["Select a priority from the list"],
        ownerAgencyId: ["Select an agency from the list"],
      },
    });
    expect(await thrownStatus(() => addActionArising(world.member, world.meetingId, parse(ActionArisingSchema, { title: "x" })))).toBe(403);
    expect(await addActionArising(other.manager, world.meetingId, parse(ActionArisingSchema, { title: "x" }))).toBeNull();
  });
});
