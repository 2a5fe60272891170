// A board's performance as its page, its report and (later) the digest read it: areas
// of slippage in order, slipped due dates, what has not been updated, actions due,
// sub-boards' concerns rolled up, changes since the last meeting, and "as at" a date.
import { beforeAll, describe, expect, it } from "vitest";
import { updateActionProgress } from "~/modules/actions/actions.server";
import type { Actor } from "~/modules/access/actor.server";
import { getBoardPerformance, getBoardIndicatorsCsv, getPartnershipPerformance, type BoardPerformance } from "~/modules/performance/board-performance.server";
import type { PartnershipProfile } from "~/modules/profiles/profile-schema";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, uniqueSlug } from "../factories";

const AS_AT = new Date("2025-12-15T00:00:00Z"); // in Q3 2025/26
const quarter = (q: 1 | 2 | 3 | 4) => ({ type: "QUARTER" as const, financialYear: 2025, quarter: q });
const TARGET = [{ period: { type: "YEAR" as const, financialYear: 2025 }, value: "60" }];

/** Percentages, higher is better, against 60 with the default 5-point tolerance: 50 is red, 57 amber, 62 green. */
function indicator(code: string, ownerBoard: string | undefined, figures: Array<[1 | 2 | 3, string]>, extra: Partial<PartnershipProfile["indicators"][number]> = {}) {
  return {
    key: code.replace(" ", "").toLowerCase(),
    code,
    name: `Indicator ${code}`,
    unit: "PERCENTAGE" as const,
    direction: "HIGHER_IS_BETTER" as const,
    frequency: "QUARTERLY" as const,
    leadAgency: "police",
    ...(ownerBoard ? { ownerBoard } : {}),
    targets: TARGET,
    figures: figures.map(([q, value]) => ({ period: quarter(q), value })),
    ...extra,
  };
}

function profile(): PartnershipProfile {
  const slug = uniqueSlug("perf");
  return {
    slug,
    name: `Performance ${slug}`,
    councils: ["Test Council"],
    agencies: [
      { key: "police", name: "Test Constabulary", shortName: "TC", kind: "POLICE" },
      { key: "council", name: "Test Council", kind: "COUNCIL" },
    ],
    people: [{ key: "lead", name: "Insp Jane Lead", agency: "police" }],
    boards: [
      { key: "board", name: "Community Safety Board", kind: "PARTNERSHIP_BOARD", members: [] },
      { key: "dv", name: "Domestic Abuse Sub-board", kind: "SUB_BOARD", parent: "board", members: [] },
      { key: "other", name: "Drugs and Alcohol Board", kind: "OTHER", members: [] },
    ],
    strategies: [
      {
        key: "s",
        title: "Community Safety Strategy",
        startYear: 2024,
        endYear: 2026,
        priorities: [
          { number: 1, title: "Reduce burglary", responsibleBoard: "board", leads: [{ agency: "police", person: "lead" }] },
          { number: 2, title: "Domestic abuse", responsibleBoard: "dv", leads: [{ agency: "council" }] },
          { number: 3, title: "Drugs", responsibleBoard: "other", leads: [] },
        ],
      },
    ],
    indicators: [
      indicator("LOCAL 1", "board", [
        [1, "62"],
        [2, "50"],
        [3, "70"], // Q3 ends after the report's date: left out as at 15 December
      ]),
      indicator("LOCAL 2", "board", [[2, "57"]]),
      indicator("LOCAL 3", "board", [[2, "65"]]),
      indicator("LOCAL 4", "board", [[1, "65"]]),
      indicator("LOCAL 5", "dv", [[2, "40"]]),
      indicator("LOCAL 6", "other", [[2, "40"]]),
      indicator("LOCAL 7", undefined, [[2, "58"]], { priorities: ["s#1"] }),
    ],
    deliveryPlans: [
      {
        key: "plan",
        title: "Delivery Plan 2025-26",
        financialYear: 2025,
        strategy: "s",
        actions: [
          {
            title: "Amber patrols",
            priority: "s#1",
            ownerAgency: "police",
            status: "IN_PROGRESS",
            rag: "AMBER",
            originalDueOn: "2025-12-31",
            notes: [{ writtenOn: "2025-10-20", body: "Fewer officers than planned.", rag: "AMBER" }],
          },
          {
            title: "Red scheme",
            priority: "s#1",
            ownerAgency: "police",
            ownerPerson: "lead",
            status: "IN_PROGRESS",
            rag: "RED",
            originalDueOn: "2025-10-31",
            revisedDueOn: "2026-01-31",
            notes: [{ writtenOn: "2025-09-26", body: "Funding delayed.", rag: "RED" }],
          },
          {
            title: "Green but slipped",
            priority: "s#1",
            ownerAgency: "council",
            status: "IN_PROGRESS",
            rag: "GREEN",
            originalDueOn: "2025-11-30",
            revisedDueOn: "2026-02-28",
            notes: [{ writtenOn: "2025-11-01", body: "On track for the new date.", rag: "GREEN" }],
          },
          {
            title: "Green on time",
            priority: "s#1",
            ownerText: "Home Office",
            status: "IN_PROGRESS",
            rag: "GREEN",
            originalDueOn: "2026-02-15",
            notes: [{ writtenOn: "2025-12-01", body: "Going well.", rag: "GREEN" }],
          },
          { title: "Finished", priority: "s#1", ownerAgency: "council", status: "COMPLETE", rag: "GREEN", originalDueOn: "2025-12-01" },
          {
            title: "Red later note",
            priority: "s#1",
            ownerAgency: "police",
            status: "IN_PROGRESS",
            rag: "RED",
            notes: [
              { writtenOn: "2025-10-05", body: "Started.", rag: "AMBER" },
              { writtenOn: "2025-12-20", body: "Stalled.", rag: "RED" },
            ],
          },
          {
            title: "DV red action",
            priority: "s#2",
            ownerAgency: "council",
            status: "IN_PROGRESS",
            rag: "RED",
            notes: [{ writtenOn: "2025-11-01", body: "Refuge closed.", rag: "RED" }],
          },
          { title: "Other red", priority: "s#3", ownerAgency: "council", status: "IN_PROGRESS", rag: "RED" },
        ],
      },
    ],
    meetings: [
      { board: "board", heldOn: "2025-11-20", agendaItems: [] },
      { board: "board", heldOn: "2026-01-20", agendaItems: [] },
      { board: "other", heldOn: "2025-12-10", agendaItems: [] },
    ],
  };
}

let partnershipId: string;
let manager: Actor;
let boardIds: Record<"board" | "dv" | "other", string>;
let actionIds: Record<string, string>;
let asAt: BoardPerformance;

async function actorFor(id: string): Promise<Actor> {
  const user = await createUser({ name: "Perf Manager", memberships: [{ partnershipId: id, role: "PARTNERSHIP_MANAGER" }] });
  const membership = await withTenant(id, (tx) => tx.membership.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } }));
  return { userId: user.id, userName: "Perf Manager", partnershipId: id, membershipId: membership.id, role: "PARTNERSHIP_MANAGER", agencyId: null };
}

beforeAll(async () => {
  ({ partnershipId } = await createPartnership(profile()));
  manager = await actorFor(partnershipId);
  await withTenant(partnershipId, async (tx) => {
    const boards = await tx.board.findMany({ select: { id: true, name: true } });
    const byName = (name: string) => boards.find((b) => b.name === name)!.id;
    boardIds = { board: byName("Community Safety Board"), dv: byName("Domestic Abuse Sub-board"), other: byName("Drugs and Alcohol Board") };
    const actions = await tx.action.findMany({ select: { id: true, title: true } });
    actionIds = Object.fromEntries(actions.map((a) => [a.title, a.id]));
  });
  asAt = (await getBoardPerformance(manager, boardIds.board, { asAt: AS_AT }))!;
});

const titles = (items: Array<{ title: string }>) => items.map((item) => item.title);
const codes = (items: Array<{ indicator: { code: string | null } } | { code: string | null }>) =>
  items.map((item) => ("indicator" in item ? item.indicator.code : item.code));

describe("areas of slippage", () => {
  it("lists red, then amber, then date-slipped actions, then red and amber indicators", () => {
    expect(titles(asAt.slippage.actions)).toEqual(["Red scheme", "Amber patrols", "Red later note", "Green but slipped"]);
    expect(codes(asAt.slippage.indicators)).toEqual(["LOCAL 1", "LOCAL 2", "LOCAL 7"]);
    expect(asAt.slippage.indicators.map((i) => i.rag)).toEqual(["RED", "AMBER", "AMBER"]);
  });

  it("shows an action whose revised due date is later than the original as slipped, with its owner and latest note", () => {
    const red = asAt.slippage.actions[0]!;
    expect(red.slipped).toEqual({ from: new Date("2025-10-31T00:00:00Z"), to: new Date("2026-01-31T00:00:00Z") });
    expect(red.owner).toBe("Insp Jane Lead (TC)");
    expect(red.latestNote).toEqual({ writtenOn: new Date("2025-09-26T00:00:00Z"), body: "Funding delayed." });
    expect(asAt.slippage.actions.find((a) => a.title === "Amber patrols")!.slipped).toBeNull();
    expect(asAt.slippage.indicators[0]).toMatchObject({ leadAgency: "TC", reason: "Target missed, beyond the tolerance" });
  });

  it("leaves out other boards' things and completed actions", () => {
    expect(titles(asAt.slippage.actions)).not.toContain("Other red");
    expect(titles(asAt.slippage.actions)).not.toContain("DV red action");
    expect(codes(asAt.indicators)).toEqual(["LOCAL 1", "LOCAL 2", "LOCAL 3", "LOCAL 4", "LOCAL 7"]);
  });
});

describe("as at a past date", () => {
  it("leaves out figures for periods that end after the date, and notes written after it", () => {
    const local1 = asAt.indicators.find((i) => i.code === "LOCAL 1")!;
    expect(local1.latestFigure).toMatchObject({ value: "50", period: { label: "Q2 2025/26" } });
    const later = asAt.slippage.actions.find((a) => a.title === "Red later note")!;
    // The rating is the one the latest note by then was written with.
    expect(later.rag).toBe("AMBER");
    expect(later.latestNote?.body).toBe("Started.");
  });

  it("reads today's figures without a date", async () => {
    const now = (await getBoardPerformance(manager, boardIds.board))!;
    expect(now.indicators.find((i) => i.code === "LOCAL 1")!.latestFigure?.value).toBe("70");
    expect(now.slippage.actions.find((a) => a.title === "Red later note")!.rag).toBe("RED");
  });
});

describe("not updated this period", () => {
  it("lists indicators waiting for the last ended period's figure and open actions with no note this quarter", () => {
    expect(asAt.quarter.label).toBe("Q3 2025/26");
    expect(asAt.notUpdated.since).toEqual(new Date("2025-10-01T00:00:00Z"));
    expect(asAt.notUpdated.indicators.map((i) => [i.indicator.code, i.awaiting.label])).toEqual([["LOCAL 4", "Q2 2025/26"]]);
    expect(titles(asAt.notUpdated.actions)).toEqual(["Red scheme"]);
  });
});

describe("summary, priorities and actions due", () => {
  it("counts actions not closed or dropped by rating and indicators by RAG", () => {
    expect(asAt.summary.actions).toEqual({ RED: 1, AMBER: 2, GREEN: 3, NOT_RATED: 0 });
    expect(asAt.summary.indicators).toEqual({ RED: 1, AMBER: 2, GREEN: 2, NO_FIGURE: 0, NOT_RATED: 0 });
    expect(asAt.priorities.map((p) => [p.number, p.ragCounts, p.indicatorRagCounts.AMBER])).toEqual([[1, { RED: 1, AMBER: 2, GREEN: 3, NOT_RATED: 0 }, 1]]);
  });

  it("lists open actions due this quarter and the next two, by due date", () => {
    expect(asAt.actionsDue.map((q) => [q.quarter.label, titles(q.actions)])).toEqual([
      ["Q3 2025/26", ["Amber patrols"]],
      ["Q4 2025/26", ["Red scheme", "Green on time", "Green but slipped"]],
      ["Q1 2026/27", []],
    ]);
  });
});

describe("sub-boards", () => {
  it("rolls up the red and amber items of the boards reporting to the board", () => {
    expect(asAt.subBoards.map((b) => b.name)).toEqual(["Domestic Abuse Sub-board"]);
    expect(asAt.subBoardConcerns.map((c) => [c.board.name, titles(c.slippage.actions), codes(c.slippage.indicators)])).toEqual([
      ["Domestic Abuse Sub-board", ["DV red action"], ["LOCAL 5"]],
    ]);
  });

  it("a sub-board's own page has its parent and no concerns of its own sub-boards", async () => {
    const dv = (await getBoardPerformance(manager, boardIds.dv, { asAt: AS_AT }))!;
    expect(dv.board.parent?.name).toBe("Community Safety Board");
    expect(titles(dv.slippage.actions)).toEqual(["DV red action"]);
    expect(dv.subBoardConcerns).toEqual([]);
  });
});

describe("what changed since the last meeting", () => {
  it("lists changes to the board's things since its last meeting before the date: who, what, when", async () => {
    // Recorded before and after the meeting of 20 January 2026, and on another board's action.
    await withTenant(partnershipId, async (tx) => {
      const event = (entityId: string, at: string, action: string) => ({
        partnershipId,
        at: new Date(at),
        actorName: "Someone Earlier",
        actorAgencyName: "Test Council",
        action,
        entityType: "Action",
        entityId,
      });
      await tx.auditEvent.createMany({
        data: [
          event(actionIds["Amber patrols"]!, "2026-01-10T10:00:00Z", "before the meeting"),
          event(actionIds["Amber patrols"]!, "2026-02-01T10:00:00Z", "after the meeting"),
          event(actionIds["Other red"]!, "2026-02-01T10:00:00Z", "on another board"),
        ],
      });
    });
    const action = await withTenant(partnershipId, (tx) => tx.action.findFirstOrThrow({ where: { id: actionIds["Red scheme"] }, select: { version: true } }));
    const saved = await updateActionProgress(
      manager,
      actionIds["Red scheme"]!,
      { version: action.version, status: "IN_PROGRESS", rag: "AMBER", note: "Funding agreed.", noteDate: undefined, revisedDueOn: undefined },
      "Europe/London",
    );
    expect(saved).toMatchObject({ status: "saved" });

    const now = (await getBoardPerformance(manager, boardIds.board))!;
    expect(now.changes.lastMeeting).toEqual({ heldOn: new Date("2026-01-20T00:00:00Z"), boardName: "Community Safety Board" });
    expect(now.changes.events.map((e) => [e.entityLabel, e.action])).toEqual([
      ["Red scheme", expect.any(String)],
      ["Amber patrols", "after the meeting"],
    ]);
    expect(now.changes.events[0]).toMatchObject({ entityType: "Action", who: { name: "Perf Manager" }, after: expect.objectContaining({ rag: "AMBER" }) });

    // As at 15 December 2025 the last meeting was 20 November, and nothing above had happened.
    const then = (await getBoardPerformance(manager, boardIds.board, { asAt: AS_AT }))!;
    expect(then.changes.since).toEqual(new Date("2025-11-20T00:00:00Z"));
    expect(then.changes.events).toEqual([]);
  });
});

describe("the partnership as a whole", () => {
  it("covers every board's priorities, actions and indicators", async () => {
    const whole = await getPartnershipPerformance(manager, { asAt: AS_AT });
    expect(whole.priorities.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(titles(whole.slippage.actions).slice(0, 3)).toEqual(["Red scheme", "DV red action", "Other red"]);
    expect(codes(whole.slippage.indicators)).toEqual(["LOCAL 1", "LOCAL 5", "LOCAL 6", "LOCAL 2", "LOCAL 7"]);
  });
});

describe("another partnership", () => {
  it("cannot read this partnership's board: it is not found", async () => {
    const { partnershipId: otherId } = await createPartnership();
    const stranger = await actorFor(otherId);
    expect(await getBoardPerformance(stranger, boardIds.board)).toBeNull();
    expect(await getBoardIndicatorsCsv(stranger, boardIds.board)).toBeNull();
    expect(await getBoardPerformance(manager, "not-a-uuid")).toBeNull();
  });
});
