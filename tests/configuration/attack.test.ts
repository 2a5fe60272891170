// The attack matrix for the configuration pages: each role of one partnership tries
// the other partnership's ids. Reads get 404 (403 for non-managers: these pages are
// managers' only), writes 403 or 404, and the other partnership is unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import * as indicatorForm from "~/routes/$partnership.settings.indicators.$indicatorId";
import * as indicatorList from "~/routes/$partnership.settings.indicators._index";
import * as priorityForm from "~/routes/$partnership.settings.priorities.$priorityId";
import * as ragSettings from "~/routes/$partnership.settings.rag";
import * as strategyPage from "~/routes/$partnership.settings.strategy";
import { withTenant } from "~/utils/db.server";
import { sessionCookieFor } from "../factories";
import { partnershipWithActors } from "../editing/helpers";
import { callRoute, isResponse } from "../routes/call-route";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
let ours: World;
let theirs: World;
const cookies: Record<string, string> = {};
const ROLES = ["manager", "policeEditor", "boardMember", "viewer"] as const;

type Ids = { priorityId: string; indicatorId: string; agencyId: string };
const idsOf = (w: World): Ids => ({ priorityId: w.priorities.burglary, indicatorId: w.indicator, agencyId: w.agencies.police });

const ROUTES = [
  {
    name: "priority settings",
    module: priorityForm,
    params: (ids: Ids) => ({ priorityId: ids.priorityId }),
    form: (ids: Ids) => ({ number: "7", title: "Hijacked", "leads[0].agencyId": ids.agencyId }),
  },
  {
    name: "indicator settings",
    module: indicatorForm,
    params: (ids: Ids) => ({ indicatorId: ids.indicatorId }),
    form: () => ({ intent: "indicator", name: "Hijacked", unit: "COUNT", direction: "HIGHER_IS_BETTER", frequency: "YEARLY" }),
  },
  {
    name: "indicator target",
    module: indicatorForm,
    params: (ids: Ids) => ({ indicatorId: ids.indicatorId }),
    form: () => ({ intent: "target", period: "2025", value: "1" }),
  },
  {
    name: "indicator baseline",
    module: indicatorForm,
    params: (ids: Ids) => ({ indicatorId: ids.indicatorId }),
    form: () => ({ intent: "baseline", value: "1" }),
  },
  { name: "strategy: move a priority", module: strategyPage, params: () => ({}), form: (ids: Ids) => ({ intent: "move-down", priorityId: ids.priorityId }), readsOwn: true },
  { name: "strategy: delete a priority", module: strategyPage, params: () => ({}), form: (ids: Ids) => ({ intent: "archive", priorityId: ids.priorityId }), readsOwn: true },
  { name: "indicators: archive", module: indicatorList, params: () => ({}), form: (ids: Ids) => ({ intent: "archive", indicatorId: ids.indicatorId }), readsOwn: true },
] as const;

async function snapshot(world: World) {
  return withTenant(world.partnershipId, async (tx) => ({
    strategies: await tx.strategy.findMany({ orderBy: { id: "asc" } }),
    priorities: await tx.priority.findMany({ orderBy: { id: "asc" } }),
    leads: await tx.priorityLead.findMany({ orderBy: { id: "asc" } }),
    indicators: await tx.indicator.findMany({ orderBy: { id: "asc" } }),
    targets: await tx.target.findMany({ orderBy: { id: "asc" } }),
    baselines: await tx.baseline.findMany({ orderBy: { id: "asc" } }),
    changes: await tx.targetChange.count(),
    partnership: await tx.partnership.findUnique({ where: { id: world.partnershipId }, select: { ragTolerance: true } }),
    audit: await tx.auditEvent.count(),
  }));
}

beforeAll(async () => {
  ours = await partnershipWithActors();
  theirs = await partnershipWithActors();
  const actors = {
    manager: await ours.actor("PARTNERSHIP_MANAGER"),
    policeEditor: await ours.actor("AGENCY_EDITOR", ours.agencies.police),
    boardMember: await ours.actor("BOARD_MEMBER"),
    viewer: await ours.actor("VIEWER"),
  };
  for (const role of ROLES) cookies[role] = await sessionCookieFor(actors[role].userId);
});

type Route = (typeof ROUTES)[number];
async function call(route: Route, kind: "loader" | "action", role: (typeof ROLES)[number], target: World) {
  const fn = kind === "loader" ? route.module.loader : route.module.action;
  const params = { partnership: ours.slug, ...route.params(idsOf(target)) };
  return callRoute(fn as never, { path: `/${ours.slug}/settings/x`, params, cookie: cookies[role], form: kind === "action" ? route.form(idsOf(target)) : undefined });
}

describe("another partnership's ids on the configuration pages", () => {
  for (const route of ROUTES) {
    it(`${route.name}: reads 404 (403 for non-managers), writes 403/404, their data unchanged`, async () => {
      const before = await snapshot(theirs);
      for (const role of ROLES) {
        const read = await call(route, "loader", role, theirs);
        const readStatus = isResponse(read) ? read.status : "data";
        const expected = role === "manager" ? ("readsOwn" in route ? "data" : 404) : 403;
        expect([route.name, role, readStatus]).toEqual([route.name, role, expected]);
        const write = await call(route, "action", role, theirs);
        expect([route.name, role, isResponse(write) ? write.status : "data"]).toEqual([route.name, role, role === "manager" ? 404 : 403]);
      }
      expect(await snapshot(theirs)).toEqual(before);
    });
  }

  it("a forged lead agency from another partnership on our own priority is a field error, nothing written", async () => {
    const before = await snapshot(ours);
    const route = ROUTES[0];
    const result = await callRoute(route.module.action as never, {
      path: `/${ours.slug}/settings/priorities/${ours.priorities.burglary}`,
      params: { partnership: ours.slug, priorityId: ours.priorities.burglary },
      cookie: cookies.manager,
      form: { number: "1", title: "Reduce burglary", "leads[0].agencyId": theirs.agencies.police },
    });
    expect(isResponse(result)).toBe(false);
    expect(JSON.stringify(result)).toContain("Choose one of this partnership");
    expect(await snapshot(ours)).toEqual(before);
  });

  it("the RAG settings are for managers only", async () => {
    const before = await snapshot(ours);
    for (const role of ["policeEditor", "boardMember", "viewer"] as const) {
      const read = await callRoute(ragSettings.loader as never, { path: `/${ours.slug}/settings/rag`, params: { partnership: ours.slug }, cookie: cookies[role] });
      expect(isResponse(read) && read.status).toBe(403);
      const write = await callRoute(ragSettings.action as never, { path: `/${ours.slug}/settings/rag`, params: { partnership: ours.slug }, cookie: cookies[role], form: { tolerance: "50" } });
      expect(isResponse(write) && write.status).toBe(403);
    }
    expect(await snapshot(ours)).toEqual(before);
  });
});
