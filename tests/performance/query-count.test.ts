// Queries per page do not grow with the number of indicators, figures, actions or notes:
// the board page, its report (and CSV) and the partnership home make as many SQL
// queries for a board of 50 indicators as for one of 5. Counted with countQueries
// (app/utils/db.server.ts), which tests alone switch on.
import { beforeAll, describe, expect, it } from "vitest";
import type { PartnershipProfile } from "~/modules/profiles/profile-schema";
import * as home from "~/routes/$partnership._index";
import * as boardPage from "~/routes/$partnership.boards.$boardId._index";
import * as report from "~/routes/$partnership.boards.$boardId.report";
import * as reportCsv from "~/routes/$partnership.boards.$boardId.report[.]csv";
import { countQueries, withTenant } from "~/utils/db.server";
import { createPartnership, createUser, sessionCookieFor, uniqueSlug } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";

const MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12];
const RAGS = ["RED", "AMBER", "GREEN"] as const;

/** A partnership whose one board has `size` indicators (9 monthly figures each, targets, baselines) and `size` actions with notes. */
function profileOf(size: number): PartnershipProfile {
  const slug = uniqueSlug("count");
  return {
    slug,
    name: `Counting ${slug}`,
    councils: ["Counting Council"],
    agencies: [{ key: "police", name: "Counting Constabulary", kind: "POLICE" }],
    people: [],
    boards: [
      { key: "board", name: "Community Safety Board", kind: "PARTNERSHIP_BOARD", members: [] },
      { key: "sub", name: "Sub-board", kind: "SUB_BOARD", parent: "board", members: [] },
    ],
    strategies: [
      {
        key: "s",
        title: "Strategy",
        startYear: 2024,
        endYear: 2026,
        priorities: [
          { number: 1, title: "First", responsibleBoard: "board", leads: [{ agency: "police" }] },
          { number: 2, title: "Second", responsibleBoard: "sub", leads: [{ agency: "police" }] },
        ],
      },
    ],
    indicators: Array.from({ length: size }, (_, i) => ({
      key: `i${i}`,
      code: `LOCAL ${i + 1}`,
      name: `Indicator ${i + 1}`,
      unit: "COUNT" as const,
      direction: "LOWER_IS_BETTER" as const,
      frequency: "MONTHLY" as const,
      leadAgency: "police",
      ownerBoard: i % 5 === 4 ? "sub" : "board",
      priorities: [i % 2 === 0 ? ("s#1" as const) : ("s#2" as const)],
      baselines: [{ period: { type: "YEAR" as const, financialYear: 2024 }, value: String(1000 + i) }],
      targets: [{ period: { type: "YEAR" as const, financialYear: 2025 }, value: String(900 + i * 3) }],
      figures: MONTHS.map((month) => ({ period: { type: "MONTH" as const, year: 2025, month }, value: String(70 + ((i + month) % 20)) })),
    })),
    deliveryPlans: [
      {
        key: "plan",
        title: "Plan",
        financialYear: 2025,
        strategy: "s",
        actions: Array.from({ length: size }, (_, i) => ({
          title: `Action ${i + 1}`,
          priority: i % 2 === 0 ? ("s#1" as const) : ("s#2" as const),
          ownerAgency: "police",
          status: "IN_PROGRESS" as const,
          rag: RAGS[i % 3],
          originalDueOn: "2025-11-30",
          ...(i % 4 === 0 ? { revisedDueOn: "2026-02-28" } : {}),
          notes: [
            { writtenOn: "2025-09-01", body: `First note ${i}`, rag: RAGS[i % 3] },
            { writtenOn: "2025-12-01", body: `Second note ${i}`, rag: RAGS[i % 3] },
          ],
        })),
      },
    ],
    meetings: [
      { board: "board", heldOn: "2025-11-20", agendaItems: [] },
      { board: "board", heldOn: "2099-01-20", agendaItems: [] },
    ],
  };
}

type World = { slug: string; boardId: string; cookie: string };

async function world(size: number): Promise<World> {
  const profile = profileOf(size);
  const { partnershipId, slug } = await createPartnership(profile);
  const boardId = await withTenant(partnershipId, async (tx) => (await tx.board.findFirstOrThrow({ where: { name: "Community Safety Board" } })).id);
  // Changes since the last meeting to count too: one per action.
  await withTenant(partnershipId, async (tx) => {
    const actions = await tx.action.findMany({ select: { id: true } });
    await tx.auditEvent.createMany({
      data: actions.map((a) => ({ partnershipId, at: new Date("2025-12-01T12:00:00Z"), action: "updated", entityType: "Action", entityId: a.id, after: { rag: "RED" } })),
    });
  });
  const user = await createUser({ memberships: [{ partnershipId, role: "PARTNERSHIP_MANAGER" }] });
  return { slug, boardId, cookie: await sessionCookieFor(user.id) };
}

let small: World;
let large: World;

beforeAll(async () => {
  [small, large] = [await world(5), await world(50)];
});

const pages: Record<string, (w: World) => Promise<unknown>> = {
  home: (w: World) => callRoute(home.loader, { path: `/${w.slug}`, params: { partnership: w.slug }, cookie: w.cookie }),
  "board page": (w: World) =>
    callRoute(boardPage.loader, { path: `/${w.slug}/boards/${w.boardId}`, params: { partnership: w.slug, boardId: w.boardId }, cookie: w.cookie }),
  report: (w: World) =>
    callRoute(report.loader, { path: `/${w.slug}/boards/${w.boardId}/report`, params: { partnership: w.slug, boardId: w.boardId }, cookie: w.cookie }),
  "report as at a date": (w: World) =>
    callRoute(report.loader, {
      path: `/${w.slug}/boards/${w.boardId}/report?date=2025-12-15`,
      params: { partnership: w.slug, boardId: w.boardId },
      cookie: w.cookie,
    }),
  "report CSV": (w: World) =>
    callRoute(reportCsv.loader, { path: `/${w.slug}/boards/${w.boardId}/report.csv`, params: { partnership: w.slug, boardId: w.boardId }, cookie: w.cookie }),
};

describe("queries per page", () => {
  for (const [name, load] of Object.entries(pages)) {
    it(`${name}: as many queries for 50 indicators and actions as for 5`, async () => {
      // The first call of a file warms what is looked up once per process.
      await load(small);
      const five = await countQueries(() => load(small));
      const fifty = await countQueries(() => load(large));
      for (const { result } of [five, fifty]) {
        if (isResponse(result) && result.status !== 200) throw new Error(`${name}: unexpected ${result.status}`);
      }
      expect(five.queries).toBeGreaterThan(0);
      expect({ name, queries: fifty.queries }).toEqual({ name, queries: five.queries });
    });
  }

  it("the data really does differ in size", async () => {
    const page = (w: World) =>
      callRoute(boardPage.loader, { path: `/${w.slug}/boards/${w.boardId}`, params: { partnership: w.slug, boardId: w.boardId }, cookie: w.cookie });
    const five = await page(small);
    const fifty = await page(large);
    if (isResponse(five) || isResponse(fifty)) throw new Error("unexpected Response");
    // The board's own indicators, and the sub-board's that measure the board's priority.
    expect([five.performance.indicators.length, fifty.performance.indicators.length]).toEqual([5, 45]);
    const concerns = (loaded: typeof five) => loaded.performance.subBoardConcerns.flatMap((c) => c.slippage.actions);
    expect(concerns(fifty).length).toBeGreaterThan(concerns(five).length);
    expect([five.performance.changes.events.length, fifty.performance.changes.events.length]).toEqual([3, 25]);
  });
});
