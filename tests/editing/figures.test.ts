import { beforeAll, describe, expect, it } from "vitest";
import { parseFigureValue } from "~/modules/figures/figure-value";
import { enterFigure, getFigureEntryForm, getIndicator } from "~/modules/figures/figures.server";
import { updatePriority } from "~/modules/priorities/priorities.server";
import { financialYearOf } from "~/modules/periods/periods";
import { todayIn } from "~/utils/dates";
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors, thrownStatus } from "./helpers";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
let world: World;
let policeEditor: Awaited<ReturnType<World["actor"]>>;
let probationEditor: Awaited<ReturnType<World["actor"]>>;
let councilEditor: Awaited<ReturnType<World["actor"]>>;
let manager: Awaited<ReturnType<World["actor"]>>;
let viewer: Awaited<ReturnType<World["actor"]>>;
const thisYear = financialYearOf(todayIn(), 4);

// The factory's indicator is a rate per 1,000 households: its figures are given as counts.
const entry = (fields: Partial<{ period: string; value: string; count: string; note: string; openedAt: Date }>) => ({
  period: `YEAR-${thisYear}`,
  value: undefined,
  count: "1000",
  note: undefined,
  openedAt: new Date(),
  ...fields,
});

async function figures() {
  return withTenant(world.partnershipId, (tx) =>
    tx.figure.findMany({ where: { indicatorId: world.indicator }, select: { value: true, period: { select: { label: true } } }, orderBy: { period: { startsOn: "asc" } } }),
  );
}

beforeAll(async () => {
  world = await partnershipWithActors();
  policeEditor = await world.actor("AGENCY_EDITOR", world.agencies.police, "Insp Usher");
  probationEditor = await world.actor("AGENCY_EDITOR", world.agencies.probation, "Probation Lead");
  councilEditor = await world.actor("AGENCY_EDITOR", world.agencies.council, "Council Lead");
  manager = await world.actor("PARTNERSHIP_MANAGER", null, "The Manager");
  viewer = await world.actor("VIEWER");
  await withTenant(world.partnershipId, async (tx) => {
    const households = await tx.denominator.findFirstOrThrow({ where: { partnershipId: world.partnershipId, kind: "HOUSEHOLDS" }, select: { id: true } });
    await tx.denominatorValue.createMany({
      data: [thisYear - 1, thisYear].map((financialYear) => ({ partnershipId: world.partnershipId, denominatorId: households.id, financialYear, value: "100000" })),
      skipDuplicates: true,
    });
  });
});

describe("reading a figure as typed", () => {
  it.each([
    ["1,234.5", "COUNT", "1234.5"],
    ["12%", "PERCENTAGE", "12"],
    [" 3362 ", "COUNT", "3362"],
    ["24.841", "RATE_PER_1000", "24.841"],
    ["0", "COUNT", "0"],
  ] as const)("accepts %s", (typed, unit, value) => {
    expect(parseFigureValue(typed, unit)).toEqual({ ok: true, value });
  });

  it.each([
    ["abc", "COUNT", "Enter a number, like 1234.5"],
    ["NaN", "COUNT", "Enter a number, like 1234.5"],
    ["1e309", "COUNT", "Enter a number, like 1234.5"],
    ["-1", "COUNT", "Enter a number of 0 or more"],
    ["1,23", "COUNT", "Enter a number, like 1234.5"],
    ["101%", "PERCENTAGE", "Enter a percentage between 0 and 100"],
    ["12%", "COUNT", "Enter a number, like 1234.5"],
    ["1.23456", "COUNT", "Enter a number with no more than 4 decimal places"],
    ["12345678901", "COUNT", "Enter a number smaller than 10,000,000,000"],
    ["", "COUNT", "Enter a number"],
  ] as const)("refuses %s with a clear message", (typed, unit, message) => {
    expect(parseFigureValue(typed, unit)).toEqual({ ok: false, message });
  });
});

describe("entering a figure", () => {
  it("offers only periods of the indicator's frequency that have started", async () => {
    const form = (await getFigureEntryForm(policeEditor, world.indicator, world.calendar))!;
    expect(form.periods.map((p) => p.label)).toEqual([`${thisYear}/${String((thisYear + 1) % 100).padStart(2, "0")}`, `${thisYear - 1}/${String(thisYear % 100).padStart(2, "0")}`]);
  });

  it("lets the lead agency enter a count, accepting '1,234', works out the rate, and records it", async () => {
    const result = await enterFigure(policeEditor, world.indicator, entry({ count: "1,234", note: "Provisional" }), world.calendar);
    expect(result).toEqual({ status: "saved", replaced: false });
    const { indicator, history } = (await getIndicator(viewer, world.indicator))!;
    expect(indicator.figures[0]).toMatchObject({ value: "12.34", count: "1234", note: "Provisional", source: "ENTERED" });
    expect(history[0]).toMatchObject({ action: "entered a figure", actorName: "Insp Usher", after: { value: "12.34", count: "1234" } });
  });

  it("refuses another agency (403), a viewer (403), and writes nothing", async () => {
    const before = await figures();
    expect(await thrownStatus(() => enterFigure(probationEditor, world.indicator, entry({ count: "1" }), world.calendar))).toBe(403);
    expect(await thrownStatus(() => enterFigure(councilEditor, world.indicator, entry({ count: "1" }), world.calendar))).toBe(403);
    expect(await thrownStatus(() => enterFigure(viewer, world.indicator, entry({ count: "1" }), world.calendar))).toBe(403);
    expect(await figures()).toEqual(before);
  });

  it("refuses a period that has not started yet, and one of the wrong frequency", async () => {
    const before = await figures();
    const future = await enterFigure(policeEditor, world.indicator, entry({ period: `YEAR-${thisYear + 1}` }), world.calendar);
    expect(future).toMatchObject({ status: "invalid", fieldErrors: { period: [expect.stringMatching(/has not started yet/)] } });
    const quarter = await enterFigure(policeEditor, world.indicator, entry({ period: `QUARTER-${thisYear}-1` }), world.calendar);
    expect(quarter).toMatchObject({ status: "invalid", fieldErrors: { period: ["Select the period the figure is for"] } });
    const junk = await enterFigure(policeEditor, world.indicator, entry({ period: "YEAR-abc", count: "NaN" }), world.calendar);
    expect(junk).toMatchObject({ status: "invalid", fieldErrors: { period: expect.any(Array), count: ["Enter a number, like 1234.5"] } });
    expect(await figures()).toEqual(before);
  });

  it("replaces a figure the user knew about, but not one someone saved after the form was opened", async () => {
    const opened = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await enterFigure(manager, world.indicator, entry({ count: "1300" }), world.calendar);
    const stale = await enterFigure(policeEditor, world.indicator, entry({ count: "1250", openedAt: opened }), world.calendar);
    expect(stale).toMatchObject({ status: "conflict", changedBy: "The Manager", current: { value: "13", count: "1300" } });
    expect((await figures()).at(-1)?.value.toString()).toBe("13");
    const knowing = await enterFigure(policeEditor, world.indicator, entry({ count: "1250", openedAt: new Date() }), world.calendar);
    expect(knowing).toEqual({ status: "saved", replaced: true });
    expect((await figures()).at(-1)?.value.toString()).toBe("12.5");
  });

  it("answers null (404) for another partnership's indicator", async () => {
    const other = await partnershipWithActors();
    expect(await enterFigure(policeEditor, other.indicator, entry({}), world.calendar)).toBeNull();
    expect(await getIndicator(policeEditor, other.indicator)).toBeNull();
  });
});

describe("updating a priority", () => {
  it("lets each joint lead agency update it, refuses others, and refuses a stale copy", async () => {
    const reoffending = world.priorities.reoffending;
    const saved = await updatePriority(probationEditor, reoffending, { version: 1, whatWeWillDo: "Expand IOM.", progressSummary: undefined });
    expect(saved).toEqual({ status: "saved" });
    const joint = await updatePriority(councilEditor, reoffending, { version: 2, whatWeWillDo: "Expand IOM.", progressSummary: "On track." });
    expect(joint).toEqual({ status: "saved" });
    expect(await thrownStatus(() => updatePriority(policeEditor, reoffending, { version: 3, whatWeWillDo: "x", progressSummary: undefined }))).toBe(403);
    const stale = await updatePriority(probationEditor, reoffending, { version: 2, whatWeWillDo: "Old idea.", progressSummary: undefined });
    expect(stale).toMatchObject({ status: "conflict", changedBy: "Council Lead", current: { progressSummary: "On track." } });
  });
});
