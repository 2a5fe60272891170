// The figure form's rates: a rate per residents or households is worked out from the
// count and that year's denominator, never typed; with no denominator value for the year,
// the count field says which to add and where. A rate with no denominator keeps its figure.
import { beforeAll, describe, expect, it } from "vitest";
import { readFigure } from "~/modules/figures/figure-reading";
import { enterFigure, getFigureEntryForm, getIndicator } from "~/modules/figures/figures.server";
import { financialYearOf } from "~/modules/periods/periods";
import { financialYearLabel, todayIn } from "~/utils/dates";
import { withTenant } from "~/utils/db.server";
import { importWorld } from "./import-world";

type World = Awaited<ReturnType<typeof importWorld>>;
let world: World;
let manager: Awaited<ReturnType<World["actor"]>>;
const calendar = { timeZone: "Europe/London", financialYearStartMonth: 4 };
const thisYear = financialYearOf(todayIn(), 4);
const entry = (fields: Partial<{ period: string; value: string; count: string; note: string }>) => ({ period: `YEAR-${thisYear - 1}`, openedAt: new Date(), ...fields });

beforeAll(async () => {
  world = await importWorld();
  manager = await world.actor("PARTNERSHIP_MANAGER", null, "The Manager");
  await withTenant(world.partnershipId, async (tx) => {
    const households = await tx.denominator.findFirstOrThrow({ where: { partnershipId: world.partnershipId, kind: "HOUSEHOLDS" }, select: { id: true } });
    await tx.denominatorValue.deleteMany({ where: { partnershipId: world.partnershipId, financialYear: { in: [thisYear - 1, thisYear] } } });
    await tx.denominatorValue.create({ data: { partnershipId: world.partnershipId, denominatorId: households.id, financialYear: thisYear - 1, value: "135341" } });
  });
});

describe("a rate per households", () => {
  it("the form asks for the count, and the server works out the rate from that year's households", async () => {
    const form = (await getFigureEntryForm(manager, world.indicators.burglary, calendar))!;
    expect(form.countsForRate).toBe(true);
    expect(await enterFigure(manager, world.indicators.burglary, entry({ count: "3362" }), calendar)).toEqual({ status: "saved", replaced: expect.any(Boolean) });
    const { indicator } = (await getIndicator(manager, world.indicators.burglary))!;
    expect(indicator.figures.find((f) => f.period.label === financialYearLabel(thisYear - 1))).toMatchObject({ value: "24.841", count: "3362" });
  });

  it("asks for the count when none is given, even if a rate is typed", async () => {
    expect(await enterFigure(manager, world.indicators.burglary, entry({ value: "24.841" }), calendar)).toEqual({
      status: "invalid",
      fieldErrors: { count: ["Enter the number of offences"] },
    });
  });

  it("says which denominator and year to add, and where, when the year has none", async () => {
    const result = await enterFigure(manager, world.indicators.burglary, entry({ period: `YEAR-${thisYear}`, count: "3000" }), calendar);
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        count: [
          `The rate cannot be worked out: there is no number of households for ${financialYearLabel(thisYear)}. A partnership manager can add it in Settings, Partnership details (residents and households)`,
        ],
      },
    });
  });

  it("reproduces the rates the strategies state from their counts", () => {
    const households = { code: null, name: "Residential burglary", unit: "RATE_PER_1000" as const, denominator: { name: "Households", kind: "HOUSEHOLDS" as const } };
    const residents = { ...households, name: "Violence against the person", denominator: { name: "Residents", kind: "RESIDENTS" as const } };
    expect(readFigure(households, { financialYear: 2010 }, { count: "3362" }, new Map([[2010, "135341"]]))).toEqual({ ok: true, value: "24.841", count: "3362" });
    expect(readFigure(residents, { financialYear: 2010 }, { count: "4438" }, new Map([[2010, "343090"]]))).toEqual({ ok: true, value: "12.935", count: "4438" });
  });
});

describe("a rate with no denominator", () => {
  it("keeps the figure field, with an optional count", async () => {
    const form = (await getFigureEntryForm(manager, world.indicators.unratedRate, calendar))!;
    expect(form.countsForRate).toBe(false);
    expect(await enterFigure(manager, world.indicators.unratedRate, entry({ value: "2.5", count: "300" }), calendar)).toEqual({ status: "saved", replaced: false });
    expect(await enterFigure(manager, world.indicators.unratedRate, entry({ count: "300" }), calendar)).toMatchObject({ status: "invalid", fieldErrors: { value: ["Enter the figure"] } });
  });
});

describe("an indicator whose figures come from police.uk", () => {
  it("refuses a hand entry with the message saying where its figures come from", async () => {
    const month = `MONTH-${thisYear}-4`;
    const result = await enterFigure(manager, world.indicators.robbery, entry({ period: month, value: "10" }), calendar);
    expect(result).toMatchObject({ status: "invalid", fieldErrors: { value: [expect.stringMatching(/come from police.uk crime files/)] } });
  });
});
