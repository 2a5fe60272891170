// Every page under /:partnership/ needs a membership of that partnership, and every
// id in a URL is looked up inside it: another partnership's id, or a malformed one,
// is a 404 that leaks nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as indexLoader } from "~/routes/_index";
import { loader as layoutLoader } from "~/routes/$partnership";
import { loader as homeLoader } from "~/routes/$partnership._index";
import { loader as boardsLoader } from "~/routes/$partnership.boards._index";
import { loader as indicatorsLoader } from "~/routes/$partnership.indicators._index";
import { loader as priorityLoader } from "~/routes/$partnership.priorities.$priorityId._index";
import { createPartnership, createUser, idsOf, sessionCookieFor } from "../factories";
import { callRoute, isResponse } from "./call-route";

let ours: Awaited<ReturnType<typeof createPartnership>>;
let theirs: Awaited<ReturnType<typeof createPartnership>>;
let ourPriorityId: string;
let theirPriorityId: string;
let cookie: string;

const pageLoaders = { layoutLoader, homeLoader, boardsLoader, indicatorsLoader };

beforeAll(async () => {
  ours = await createPartnership();
  theirs = await createPartnership();
  ourPriorityId = (await idsOf(ours.partnershipId)).priorities[0]!.id;
  theirPriorityId = (await idsOf(theirs.partnershipId)).priorities[0]!.id;
  const member = await createUser({ memberships: [{ partnershipId: ours.partnershipId, role: "BOARD_MEMBER" }] });
  cookie = await sessionCookieFor(member.id);
});

describe("partnership pages", () => {
  it.each(Object.entries(pageLoaders))("%s: a signed-out visitor is sent to sign in and back", async (_name, loader) => {
    const res = await callRoute(loader, { path: `/${ours.slug}/boards?x=1`, params: { partnership: ours.slug } });
    expect(isResponse(res) && res.status).toBe(302);
    expect((res as Response).headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/${ours.slug}/boards?x=1`)}`);
  });

  it.each(Object.entries(pageLoaders))("%s: a member of another partnership gets 404", async (_name, loader) => {
    const res = await callRoute(loader, { path: `/${theirs.slug}`, params: { partnership: theirs.slug }, cookie });
    expect(isResponse(res) && res.status).toBe(404);
  });

  it("an unknown partnership is 404 too, the same as one you cannot see", async () => {
    const res = await callRoute(homeLoader, { path: "/no-such-place", params: { partnership: "no-such-place" }, cookie });
    expect(isResponse(res) && res.status).toBe(404);
  });

  it("the home page shows the priorities with their leads and RAG counts, the boards and the next meeting", async () => {
    const home = await callRoute(homeLoader, { path: `/${ours.slug}`, params: { partnership: ours.slug }, cookie });
    if (isResponse(home)) throw new Error(`unexpected ${home.status}`);
    expect(home.priorities.map((p) => [p.number, p.title])).toEqual([
      [1, "Reduce burglary"],
      [2, "Reduce re-offending"],
    ]);
    expect(home.priorities[0]!.ragCounts).toEqual({ RED: 1, AMBER: 1, GREEN: 1, NOT_RATED: 0 });
    expect(home.priorities[0]!.leads.map((l) => [l.agency?.name, l.person?.name])).toEqual([["Test Constabulary", "Insp Jane Lead"]]);
    expect(home.priorities[1]!.leads.map((l) => l.agency?.name)).toEqual(["Test Probation Service", `${ours.name} Council`]);
    expect(home.boards.map((b) => b.name)).toEqual(["Community Safety Board", "Domestic Abuse Sub-board"]);
    expect(home.meeting).toMatchObject({ upcoming: true, board: "Community Safety Board", date: "15 January 2099", time: "6:30pm" });
  });

  it("a priority page shows why, what, leads, actions with RAG and slippage, and indicators", async () => {
    const page = await callRoute(priorityLoader, {
      path: `/${ours.slug}/priorities/${ourPriorityId}`,
      params: { partnership: ours.slug, priorityId: ourPriorityId },
      cookie,
    });
    if (isResponse(page)) throw new Error(`unexpected ${page.status}`);
    const { priority } = page;
    expect(priority.whyPriority).toBe("Burglary worries residents most.");
    expect(priority.actions.map((a) => [a.title, a.rag])).toEqual(
      expect.arrayContaining([
        ["Launch a target-hardening scheme", "RED"],
        ["Joint patrols in hotspots", "AMBER"],
        ["Publish burglary advice", "GREEN"],
      ]),
    );
    const slipped = priority.actions.find((a) => a.rag === "RED")!;
    expect(slipped.originalDueOn?.toISOString().slice(0, 10)).toBe("2025-10-31");
    expect(slipped.revisedDueOn?.toISOString().slice(0, 10)).toBe("2026-01-31");
    expect(priority.indicators).toHaveLength(1);
    expect(priority.indicators[0]).toMatchObject({
      name: "Residential burglary rate",
      baseline: { value: "12.5", count: "1250", period: { label: "2024/25" } },
      target: { value: null, requiredDirection: "REDUCE", note: "5% reduction", period: { label: "2025/26" } },
      latestFigure: { value: "11.9", period: { label: "2025/26" } },
    });
  });

  it("another partnership's priority id is 404, not its data", async () => {
    const res = await callRoute(priorityLoader, {
      path: `/${ours.slug}/priorities/${theirPriorityId}`,
      params: { partnership: ours.slug, priorityId: theirPriorityId },
      cookie,
    });
    expect(isResponse(res) && res.status).toBe(404);
    expect(await (res as Response).text()).not.toContain("Reduce burglary");
  });

  it("a malformed id is 404, not a 500", async () => {
    for (const priorityId of ["not-a-uuid", "1 or 1=1", "00000000-0000-0000-0000-000000000000"]) {
      const res = await callRoute(priorityLoader, {
        path: `/${ours.slug}/priorities/${encodeURIComponent(priorityId)}`,
        params: { partnership: ours.slug, priorityId },
        cookie,
      });
      expect(isResponse(res) && res.status).toBe(404);
    }
  });

  it("the indicator list and the boards show this partnership's, with sub-boards under their parent", async () => {
    const indicators = await callRoute(indicatorsLoader, { path: `/${ours.slug}/indicators`, params: { partnership: ours.slug }, cookie });
    if (isResponse(indicators)) throw new Error("unexpected response");
    expect(indicators.indicators.map((i) => i.code)).toEqual(["LOCAL 1"]);
    const boards = await callRoute(boardsLoader, { path: `/${ours.slug}/boards`, params: { partnership: ours.slug }, cookie });
    if (isResponse(boards)) throw new Error("unexpected response");
    expect(boards.boards.map((b) => [b.name, b.subBoards.map((s) => s.name)])).toEqual([
      ["Community Safety Board", ["Domestic Abuse Sub-board"]],
    ]);
    expect(boards.boards[0]!.members).toEqual([
      expect.objectContaining({ name: "the Cabinet Member", role: "CHAIR", agencyName: `${ours.name} Council` }),
    ]);
  });
});

describe("the start page", () => {
  it("sends a member of one partnership to it, and a member of two to the choice", async () => {
    const one = await callRoute(indexLoader, { path: "/", cookie });
    expect((one as Response).headers.get("Location")).toBe(`/${ours.slug}`);
    const both = await createUser({
      memberships: [
        { partnershipId: ours.partnershipId, role: "VIEWER" },
        { partnershipId: theirs.partnershipId, role: "VIEWER" },
      ],
    });
    const two = await callRoute(indexLoader, { path: "/", cookie: await sessionCookieFor(both.id) });
    expect((two as Response).headers.get("Location")).toBe("/partnerships");
  });
});
