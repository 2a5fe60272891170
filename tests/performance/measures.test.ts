import { describe, expect, it } from "vitest";
import { changeAgainst, measureIndicator, rateFromCount, targetFor, trendOf, type MeasuredPeriod } from "~/modules/performance/measures";
import { resolvePeriod } from "~/modules/periods/periods";

const APRIL = 4;
const year = (financialYear: number): MeasuredPeriod => resolvePeriod({ type: "YEAR", financialYear }, APRIL);
const month = (y: number, m: number): MeasuredPeriod => resolvePeriod({ type: "MONTH", year: y, month: m }, APRIL);

describe("rates from counts and the year's denominator", () => {
  // The denominators are those the rates printed in Barnet's 2011-14 strategy imply
  // (prisma/profiles/barnet.yaml): 135,341 households and 343,090 residents in 2010/11.
  it("reproduces Barnet's 2010/11 burglary rate: 3362 at 24.841 per 1,000 households", () => {
    expect(rateFromCount("3362", "135341", "RATE_PER_1000")).toBe("24.841");
  });

  it("reproduces Barnet's 2010/11 violence against the person: 4438 at 12.935 per 1,000 residents", () => {
    expect(rateFromCount("4438", "343090", "RATE_PER_1000")).toBe("12.935");
  });

  it("scales by the unit and refuses a zero denominator", () => {
    expect(rateFromCount("50", "200000", "RATE_PER_100000")).toBe("25");
    expect(() => rateFromCount("1", "0", "RATE_PER_1000")).toThrow();
    expect(() => rateFromCount("1", "100", "COUNT")).toThrow();
  });
});

describe("change against the baseline", () => {
  it("gives the difference and the percentage, exactly", () => {
    expect(changeAgainst("3194", "3362")).toEqual({ difference: "-168", percent: "-5" });
    expect(changeAgainst("60", "55")).toEqual({ difference: "5", percent: "9.1" });
  });

  it("gives no percentage against a baseline of 0", () => {
    expect(changeAgainst("4", "0")).toEqual({ difference: "4", percent: null });
  });
});

describe("the target a figure is judged against", () => {
  const targets = [
    { period: year(2012), value: "100", requiredDirection: null },
    { period: year(2013), value: "90", requiredDirection: null },
  ];

  it("is the target of the figure's own financial year, never the latest one", () => {
    expect(targetFor(targets, month(2013, 2))?.value).toBe("100"); // February 2013 is in 2012/13
    expect(targetFor(targets, month(2013, 4))?.value).toBe("90");
    expect(targetFor(targets, month(2015, 1))).toBeNull();
  });

  it("says so when the figure's year has no target", () => {
    const measure = measureIndicator({
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      tolerance: 5,
      figures: [{ period: year(2015), value: "70", count: null }],
      targets: [{ period: year(2013), value: "60", requiredDirection: null }],
      baselines: [],
    });
    expect(measure.rag).toEqual({ rag: "NOT_RATED", reason: "No target for 2015/16" });
  });
});

describe("year to date against a pro-rata target", () => {
  // A yearly target of 1,200 burglaries: by the end of September (half the year, 183 of
  // 365 days) the pro-rata target is 601.6438.
  const monthly = (counts: number[]) => counts.map((count, i) => ({ period: month(2013, 4 + i), value: String(count), count: null }));

  it("adds up a count's months and meets the yearly target pro rata", () => {
    const measure = measureIndicator({
      unit: "COUNT",
      direction: "LOWER_IS_BETTER",
      tolerance: 5,
      figures: monthly([100, 100, 100, 100, 100, 100]),
      targets: [{ period: year(2013), value: "1200", requiredDirection: null }],
      baselines: [{ period: year(2012), value: "1300", count: null }],
    });
    expect(measure.basis).toBe("YEAR_TO_DATE");
    expect(measure.yearToDate).toMatchObject({ value: "600", targetToDate: "601.6438", figureCount: 6, label: "2013/14 to date" });
    expect(measure.rag.rag).toBe("GREEN");
    expect(measure.change?.difference).toBe("-51.7808"); // against 1,300 pro rata: 651.7808
  });

  it("turns amber then red as the year to date overshoots", () => {
    const measure = (counts: number[]) =>
      measureIndicator({
        unit: "COUNT",
        direction: "LOWER_IS_BETTER",
        tolerance: 5,
        figures: monthly(counts),
        targets: [{ period: year(2013), value: "1200", requiredDirection: null }],
        baselines: [],
      }).rag.rag;
    expect(measure([105, 105, 105, 105, 105, 105])).toBe("AMBER"); // 630 vs 601.6 is within 5%
    expect(measure([120, 120, 120, 120, 120, 120])).toBe("RED");
  });

  it("adds up a rate's counts over the year's denominator", () => {
    const measure = measureIndicator({
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      tolerance: 5,
      figures: [
        { period: month(2013, 4), value: "2", count: "200" },
        { period: month(2013, 5), value: "3", count: "300" },
      ],
      targets: [{ period: year(2013), value: "12", requiredDirection: null }],
      baselines: [],
      denominatorByYear: new Map([[2013, "100000"]]),
    });
    expect(measure.yearToDate?.value).toBe("5");
  });

  it("compares percentages as they are, month against the year's target", () => {
    const measure = measureIndicator({
      unit: "PERCENTAGE",
      direction: "HIGHER_IS_BETTER",
      tolerance: 5,
      figures: [{ period: month(2013, 9), value: "58", count: null }],
      targets: [{ period: year(2013), value: "60", requiredDirection: null }],
      baselines: [{ period: year(2012), value: "55", count: null }],
    });
    expect(measure.basis).toBe("LATEST");
    expect(measure.rag.rag).toBe("AMBER");
    expect(measure.change).toEqual({ difference: "3", percent: "5.5" });
  });
});

describe("trend", () => {
  it("reads the latest figure against the one before in the indicator's direction", () => {
    expect(trendOf("LOWER_IS_BETTER", "90", "100")).toBe("IMPROVING");
    expect(trendOf("HIGHER_IS_BETTER", "90", "100")).toBe("WORSENING");
    expect(trendOf("HIGHER_IS_BETTER", "90", "90")).toBe("NO_CHANGE");
    expect(trendOf("HIGHER_IS_BETTER", "90", null)).toBeNull();
  });

  it("is grey with no figure yet", () => {
    const measure = measureIndicator({ unit: "COUNT", direction: "LOWER_IS_BETTER", tolerance: 5, figures: [], targets: [], baselines: [] });
    expect(measure.rag.rag).toBe("NO_FIGURE");
  });
});

describe("an indicator with no figure yet", () => {
  it("still shows this year's target and the latest baseline, and is grey", () => {
    const measure = measureIndicator({
      unit: "COUNT",
      direction: "LOWER_IS_BETTER",
      tolerance: 5,
      figures: [],
      targets: [
        { period: year(2012), value: "100", requiredDirection: null },
        { period: year(2013), value: "90", requiredDirection: null },
      ],
      baselines: [{ period: year(2010), value: "3362", count: null }],
      asAt: month(2012, 6).startsOn,
    });
    expect(measure.rag.rag).toBe("NO_FIGURE");
    expect(measure.target?.value).toBe("100");
    expect(measure.baseline?.value).toBe("3362");
  });
});
