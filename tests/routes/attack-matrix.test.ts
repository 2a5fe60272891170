// The attack matrix: for every route that reads or writes by id, each role of one
// partnership tries the other partnership's ids, and agency editors try objects of
// another agency. Reads get 404 (or 403 for an edit page of another agency's thing),
// writes get 403 or 404, and the other partnership's data is unchanged afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import * as actionPage from "~/routes/$partnership.actions.$actionId._index";
import * as actionClose from "~/routes/$partnership.actions.$actionId.close";
import * as actionEdit from "~/routes/$partnership.actions.$actionId.edit";
import * as actionUpdate from "~/routes/$partnership.actions.$actionId.update";
import * as boardPage from "~/routes/$partnership.boards.$boardId._index";
import * as boardReport from "~/routes/$partnership.boards.$boardId.report";
import * as boardReportCsv from "~/routes/$partnership.boards.$boardId.report[.]csv";
import * as indicatorPage from "~/routes/$partnership.indicators.$indicatorId._index";
import * as figureNew from "~/routes/$partnership.indicators.$indicatorId.figures.new";
import * as priorityPage from "~/routes/$partnership.priorities.$priorityId._index";
import * as actionNew from "~/routes/$partnership.priorities.$priorityId.actions.new";
import * as priorityEdit from "~/routes/$partnership.priorities.$priorityId.edit";
import * as meetingPage from "~/routes/$partnership.meetings.$meetingId._index";
import * as meetingCalendar from "~/routes/$partnership.meetings.$meetingId.calendar[.]ics";
import * as meetingCancel from "~/routes/$partnership.meetings.$meetingId.cancel";
import * as meetingEdit from "~/routes/$partnership.meetings.$meetingId.edit";
import * as agendaItemEdit from "~/routes/$partnership.meetings.$meetingId.items.$itemId.edit";
import * as paperNew from "~/routes/$partnership.meetings.$meetingId.items.$itemId.papers.new";
import * as agendaItemNew from "~/routes/$partnership.meetings.$meetingId.items.new";
import * as paperDownload from "~/routes/$partnership.meetings.$meetingId.papers.$paperId";
import * as meetingRecord from "~/routes/$partnership.meetings.$meetingId.record";
import * as digestPage from "~/routes/$partnership.meetings.$meetingId.digest._index";
import * as digestEmail from "~/routes/$partnership.meetings.$meetingId.digest.email";
import { withTenant } from "~/utils/db.server";
import { sessionCookieFor } from "../factories";
import { partnershipWithActors } from "../editing/helpers";
import { callRoute, isResponse } from "./call-route";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
type MeetingIds = { meetingId: string; itemId: string; paperId: string; arisingId: string };
type Ids = { priorityId: string; actionId: string; indicatorId: string; boardId: string } & MeetingIds;

let ours: World;
let theirs: World;
const cookies: Record<string, string> = {};
const boardOf = new Map<string, string>();
const meetingIds = new Map<string, MeetingIds>();

const ROLES = ["manager", "policeEditor", "probationEditor", "boardMember", "viewer"] as const;

/** Every route with an id, the params it takes and a form it would accept. */
const ROUTES = [
  { name: "priority page", module: priorityPage, params: (ids: Ids) => ({ priorityId: ids.priorityId }) },
  {
    name: "priority edit",
    module: priorityEdit,
    params: (ids: Ids) => ({ priorityId: ids.priorityId }),
    form: { version: "1", whatWeWillDo: "Hijacked", progressSummary: "Hijacked" },
  },
  {
    name: "new action",
    module: actionNew,
    params: (ids: Ids) => ({ priorityId: ids.priorityId }),
    form: { title: "Hijacked action" },
  },
  { name: "action page", module: actionPage, params: (ids: Ids) => ({ actionId: ids.actionId }) },
  {
    name: "action update",
    module: actionUpdate,
    params: (ids: Ids) => ({ actionId: ids.actionId }),
    form: { version: "1", status: "DROPPED", rag: "GREEN" },
  },
  {
    name: "action edit",
    module: actionEdit,
    params: (ids: Ids) => ({ actionId: ids.actionId }),
    form: { version: "1", title: "Hijacked" },
  },
  {
    name: "action close",
    module: actionClose,
    params: (ids: Ids) => ({ actionId: ids.actionId }),
    form: { version: "1", outcome: "DROPPED", note: "Hijacked" },
  },
  { name: "indicator page", module: indicatorPage, params: (ids: Ids) => ({ indicatorId: ids.indicatorId }) },
  {
    name: "enter figure",
    module: figureNew,
    params: (ids: Ids) => ({ indicatorId: ids.indicatorId }),
    form: { period: "YEAR-2025", value: "999", openedAt: new Date().toISOString() },
  },
  { name: "board page", module: boardPage, params: (ids: Ids) => ({ boardId: ids.boardId }) },
  { name: "board report", module: boardReport, params: (ids: Ids) => ({ boardId: ids.boardId }) },
  { name: "board report CSV", module: boardReportCsv, params: (ids: Ids) => ({ boardId: ids.boardId }) },
  { name: "meeting page", module: meetingPage, params: (ids: Ids) => ({ meetingId: ids.meetingId }) },
  { name: "meeting calendar file", module: meetingCalendar, params: (ids: Ids) => ({ meetingId: ids.meetingId }) },
  { name: "meeting paper download", module: paperDownload, params: (ids: Ids) => ({ meetingId: ids.meetingId, paperId: ids.paperId }) },
  {
    name: "meeting edit",
    module: meetingEdit,
    params: (ids: Ids) => ({ meetingId: ids.meetingId }),
    form: { boardId: "00000000-0000-4000-8000-000000000000", "heldOn.day": "1", "heldOn.month": "1", "heldOn.year": "2099", startTime: "10:00", place: "Hijacked" },
  },
  { name: "meeting cancel", module: meetingCancel, params: (ids: Ids) => ({ meetingId: ids.meetingId }), form: { confirm: "yes" } },
  { name: "agenda item new", module: agendaItemNew, params: (ids: Ids) => ({ meetingId: ids.meetingId }), form: { number: "9", title: "Hijacked" } },
  {
    name: "agenda item edit",
    module: agendaItemEdit,
    params: (ids: Ids) => ({ meetingId: ids.meetingId, itemId: ids.itemId }),
    form: { number: "9", title: "Hijacked" },
  },
  {
    name: "meeting paper new",
    module: paperNew,
    params: (ids: Ids) => ({ meetingId: ids.meetingId, itemId: ids.itemId }),
    form: { kind: "link", title: "Hijacked", url: "https://example.org/hijacked" },
  },
  {
    name: "meeting record",
    module: meetingRecord,
    params: (ids: Ids) => ({ meetingId: ids.meetingId }),
    form: { intent: "add-arising", title: "Hijacked" },
  },
  { name: "meeting digest", module: digestPage, params: (ids: Ids) => ({ meetingId: ids.meetingId }), form: { intent: "send" } },
  // The digest's HTML preview: read-only, but for managers only.
  { name: "meeting digest e-mail", module: digestEmail, params: (ids: Ids) => ({ meetingId: ids.meetingId }), managersOnly: true },
] as const;

/** The factory's meeting and its first agenda item, with a paper and an action arising added. */
async function meetingIdsOf(world: World): Promise<MeetingIds> {
  return withTenant(world.partnershipId, async (tx) => {
    const partnershipId = world.partnershipId;
    const meeting = await tx.meeting.findFirstOrThrow({ where: { partnershipId }, select: { id: true, agendaItems: { select: { id: true } } } });
    const itemId = meeting.agendaItems[0]!.id;
    const paper = await tx.meetingPaper.create({
      data: { partnershipId, agendaItemId: itemId, title: "Report", fileName: "report.pdf", contentType: "application/pdf", size: 4, bytes: new Uint8Array([37, 80, 68, 70]) },
      select: { id: true },
    });
    const arising = await tx.meetingActionArising.create({
      data: { partnershipId, meetingId: meeting.id, title: "Arising", priorityId: world.priorities.burglary },
      select: { id: true },
    });
    return { meetingId: meeting.id, itemId, paperId: paper.id, arisingId: arising.id };
  });
}

function idsOf(world: World): Ids {
  return { priorityId: world.priorities.burglary, actionId: world.policeAction.id, indicatorId: world.indicator, boardId: boardOf.get(world.partnershipId)!, ...meetingIds.get(world.partnershipId)! };
}

/** Everything a write could have touched in a partnership. */
async function snapshot(world: World) {
  return withTenant(world.partnershipId, async (tx) => ({
    priorities: await tx.priority.findMany({ orderBy: { id: "asc" }, select: { id: true, whatWeWillDo: true, progressSummary: true, version: true } }),
    actions: await tx.action.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, status: true, rag: true, version: true, closedAt: true } }),
    notes: await tx.progressNote.count(),
    figures: await tx.figure.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true } }),
    audit: await tx.auditEvent.count(),
    meetings: await tx.meeting.findMany({ orderBy: { id: "asc" }, select: { id: true, heldOn: true, place: true, otherAttendees: true } }),
    agendaItems: await tx.agendaItem.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, position: true, decision: true } }),
    papers: await tx.meetingPaper.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true } }),
    attendances: await tx.meetingAttendance.count(),
    actionsArising: await tx.meetingActionArising.findMany({ orderBy: { id: "asc" }, select: { id: true, actionId: true } }),
  }));
}

beforeAll(async () => {
  ours = await partnershipWithActors();
  theirs = await partnershipWithActors();
  for (const world of [ours, theirs]) meetingIds.set(world.partnershipId, await meetingIdsOf(world));
  for (const world of [ours, theirs]) {
    boardOf.set(world.partnershipId, await withTenant(world.partnershipId, async (tx) => (await tx.board.findFirstOrThrow({ where: { parentBoardId: null } })).id));
  }
  const actors = {
    manager: await ours.actor("PARTNERSHIP_MANAGER"),
    policeEditor: await ours.actor("AGENCY_EDITOR", ours.agencies.police),
    probationEditor: await ours.actor("AGENCY_EDITOR", ours.agencies.probation),
    boardMember: await ours.actor("BOARD_MEMBER"),
    viewer: await ours.actor("VIEWER"),
  };
  for (const role of ROLES) cookies[role] = await sessionCookieFor(actors[role].userId);
});

async function call(route: (typeof ROUTES)[number], kind: "loader" | "action", role: (typeof ROLES)[number], target: World) {
  const fn = kind === "loader" ? route.module.loader : (route.module as { action?: typeof route.module.loader }).action!;
  const params = { partnership: ours.slug, ...route.params(idsOf(target)) };
  const form = "form" in route ? (route.form as Record<string, string>) : undefined;
  return callRoute(fn as never, { path: `/${ours.slug}/x`, params, cookie: cookies[role], form: kind === "action" ? form : undefined });
}

describe("another partnership's ids", () => {
  for (const route of ROUTES) {
    it(`${route.name}: every role of ours gets 404 reading theirs, and 403/404 writing, with their data unchanged`, async () => {
      const before = await snapshot(theirs);
      for (const role of ROLES) {
        const read = await call(route, "loader", role, theirs);
        expect([route.name, role, isResponse(read) ? read.status : "data"]).toEqual([route.name, role, 404]);
        if ("form" in route) {
          const write = await call(route, "action", role, theirs);
          expect([route.name, role, isResponse(write) && [403, 404].includes(write.status)]).toEqual([route.name, role, true]);
        }
      }
      expect(await snapshot(theirs)).toEqual(before);
    });
  }
});

describe("another agency's objects in the same partnership", () => {
  const writes = ROUTES.filter((route) => "form" in route && route.name !== "new action");
  for (const route of writes) {
    it(`${route.name}: the probation editor, a board member and a viewer are refused (403) on police-led things`, async () => {
      const before = await snapshot(ours);
      for (const role of ["probationEditor", "boardMember", "viewer"] as const) {
        const read = await call(route, "loader", role, ours);
        expect([route.name, role, isResponse(read) ? read.status : "data"]).toEqual([route.name, role, 403]);
        const write = await call(route, "action", role, ours);
        expect([route.name, role, isResponse(write) ? write.status : "data"]).toEqual([route.name, role, 403]);
      }
      expect(await snapshot(ours)).toEqual(before);
    });
  }

  it("new action: a board member and a viewer are refused (403), nothing added", async () => {
    const route = ROUTES.find((r) => r.name === "new action")!;
    const before = await snapshot(ours);
    for (const role of ["boardMember", "viewer"] as const) {
      expect(await call(route, "loader", role, ours)).toMatchObject({ status: 403 });
      expect(await call(route, "action", role, ours)).toMatchObject({ status: 403 });
    }
    expect(await snapshot(ours)).toEqual(before);
  });

  it("manager-only read pages refuse every other role (403)", async () => {
    for (const route of ROUTES.filter((r) => "managersOnly" in r)) {
      for (const role of ROLES.filter((r) => r !== "manager")) {
        const read = await call(route, "loader", role, ours);
        expect([route.name, role, isResponse(read) ? read.status : "data"]).toEqual([route.name, role, 403]);
      }
      const read = await call(route, "loader", "manager", ours);
      expect([route.name, isResponse(read) && read.status]).toEqual([route.name, 200]);
    }
  });

  it("read pages stay open to every role of the partnership", async () => {
    for (const route of ROUTES.filter((r) => !("form" in r) && !("managersOnly" in r))) {
      for (const role of ROLES) {
        const read = await call(route, "loader", role, ours);
        // A download (the report's CSV) answers with a Response of its own.
        expect([route.name, role, isResponse(read) && read.status !== 200 ? read.status : "data"]).toEqual([route.name, role, "data"]);
      }
    }
  });

  it("the page shows edit controls only to those who may use them", async () => {
    const page = async (role: (typeof ROLES)[number]) => {
      const data = await call(ROUTES[0], "loader", role, ours);
      if (isResponse(data)) throw new Error(`unexpected ${data.status}`);
      const { priority } = data as Awaited<ReturnType<typeof priorityPage.loader>>;
      return { priority: priority.canUpdate, actions: priority.actions.map((a) => a.canUpdate), figures: priority.indicators.map((i) => i.canEnterFigure) };
    };
    expect(await page("policeEditor")).toEqual({ priority: true, actions: [true, true, true], figures: [true] });
    expect(await page("manager")).toEqual({ priority: true, actions: [true, true, true], figures: [true] });
    // Probation leads nothing under the burglary priority.
    expect(await page("probationEditor")).toEqual({ priority: false, actions: [false, false, false], figures: [false] });
    expect(await page("viewer")).toEqual({ priority: false, actions: [false, false, false], figures: [false] });
  });
});

describe("meetings: the buttons on a meeting's pages, with another partnership's ids", () => {
  it("moving an item, removing a paper or an item, and an action arising's buttons change nothing of theirs", async () => {
    const before = await snapshot(theirs);
    const ids = idsOf(theirs);
    const posts: Array<{ module: { action: unknown }; form: Record<string, string> & { intent: string } }> = [
      { module: meetingPage, form: { intent: "move-down", itemId: ids.itemId } },
      { module: meetingPage, form: { intent: "move-up", itemId: ids.itemId } },
      { module: meetingPage, form: { intent: "remove-paper", paperId: ids.paperId } },
      { module: meetingRecord, form: { intent: "to-plan", arisingId: ids.arisingId } },
      { module: meetingRecord, form: { intent: "remove-arising", arisingId: ids.arisingId } },
      { module: agendaItemEdit, form: { intent: "remove" } },
    ];
    for (const role of ROLES) {
      for (const post of posts) {
        const result = await callRoute(post.module.action as never, {
          path: `/${ours.slug}/x`,
          params: { partnership: ours.slug, meetingId: ids.meetingId, itemId: ids.itemId },
          cookie: cookies[role],
          form: post.form,
        });
        expect([role, post.form.intent, isResponse(result) && [403, 404].includes(result.status)]).toEqual([role, post.form.intent, true]);
      }
    }
    // Our meeting's id with their item, paper or action arising: not found either.
    for (const post of posts) {
      const result = await callRoute(post.module.action as never, {
        path: `/${ours.slug}/x`,
        params: { partnership: ours.slug, meetingId: idsOf(ours).meetingId, itemId: ids.itemId },
        cookie: cookies.manager,
        form: post.form,
      });
      expect([post.form.intent, isResponse(result) && result.status]).toEqual([post.form.intent, 404]);
    }
    const mixed = await callRoute(paperDownload.loader as never, {
      path: `/${ours.slug}/x`,
      params: { partnership: ours.slug, meetingId: idsOf(ours).meetingId, paperId: ids.paperId },
      cookie: cookies.manager,
    });
    expect(isResponse(mixed) && mixed.status).toBe(404);
    expect(await snapshot(theirs)).toEqual(before);
  });
});
