// The attack matrix: for every route that reads or writes by id, each role of one
// partnership tries the other partnership's ids, and agency editors try objects of
// another agency. Reads get 404 (or 403 for an edit page of another agency's thing),
// writes get 403 or 404, and the other partnership's data is unchanged afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import * as actionPage from "~/routes/$partnership.actions.$actionId._index";
import * as actionClose from "~/routes/$partnership.actions.$actionId.close";
import * as actionEdit from "~/routes/$partnership.actions.$actionId.edit";
import * as actionUpdate from "~/routes/$partnership.actions.$actionId.update";
import * as indicatorPage from "~/routes/$partnership.indicators.$indicatorId._index";
import * as figureNew from "~/routes/$partnership.indicators.$indicatorId.figures.new";
import * as priorityPage from "~/routes/$partnership.priorities.$priorityId._index";
import * as actionNew from "~/routes/$partnership.priorities.$priorityId.actions.new";
import * as priorityEdit from "~/routes/$partnership.priorities.$priorityId.edit";
import { withTenant } from "~/utils/db.server";
import { sessionCookieFor } from "../factories";
import { partnershipWithActors } from "../editing/helpers";
import { callRoute, isResponse } from "./call-route";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
type Ids = { priorityId: string; actionId: string; indicatorId: string };

let ours: World;
let theirs: World;
const cookies: Record<string, string> = {};

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
] as const;

function idsOf(world: World): Ids {
  return { priorityId: world.priorities.burglary, actionId: world.policeAction.id, indicatorId: world.indicator };
}

/** Everything a write could have touched in a partnership. */
async function snapshot(world: World) {
  return withTenant(world.partnershipId, async (tx) => ({
    priorities: await tx.priority.findMany({ orderBy: { id: "asc" }, select: { id: true, whatWeWillDo: true, progressSummary: true, version: true } }),
    actions: await tx.action.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, status: true, rag: true, version: true, closedAt: true } }),
    notes: await tx.progressNote.count(),
    figures: await tx.figure.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true } }),
    audit: await tx.auditEvent.count(),
  }));
}

beforeAll(async () => {
  ours = await partnershipWithActors();
  theirs = await partnershipWithActors();
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

  it("read pages stay open to every role of the partnership", async () => {
    for (const route of ROUTES.filter((r) => !("form" in r))) {
      for (const role of ROLES) {
        const read = await call(route, "loader", role, ours);
        expect([route.name, role, isResponse(read) ? read.status : "data"]).toEqual([route.name, role, "data"]);
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
