import { describe, expect, it } from "vitest";
import { chartScales, financialYearStartMonth, trendChartData } from "~/components/charts/chart-data";
import { resolvePeriod } from "~/modules/periods/periods";
import { changeInWords } from "~/utils/format";
import { chartIndicator, month, quarter, year } from "./chart-fixtures";

const day = (d: Date) => d.toISOString().slice(0, 10);

describe("a chart of figures as they are", () => {
  const indicator = chartIndicator({
    unit: "PERCENTAGE",
    figures: [
      { period: year(2011), value: "22", count: null },
      { period: year(2012), value: "20", count: null },
    ],
    targets: [
      { period: year(2012), value: "19", requiredDirection: null },
      { period: year(2013), value: "18", requiredDirection: null },
      { period: year(2016), value: "10", requiredDirection: null },
    ],
    baselines: [{ period: year(2010), value: "24", count: null }],
  });
  const data = trendChartData(indicator);

  it("draws each figure in the middle of its period, oldest first", () => {
    expect(data.basis).toBe("LATEST");
    expect(data.points.map((p) => [p.periodLabel, p.plotted])).toEqual([
      ["2011/12", "22"],
      ["2012/13", "20"],
    ]);
    expect(day(data.points[0]!.at)).toBe("2011-10-01"); // 2011/12 has 366 days
    expect(data.figureLines).toHaveLength(1);
  });

  it("steps the targets of neighbouring years as one line, with the next year's target but not a far one", () => {
    expect(data.targets).toHaveLength(1);
    expect(data.targets[0]!.points.map((p) => [day(p.at), p.value])).toEqual([
      ["2012-04-01", 19],
      ["2013-04-01", 19],
      ["2013-04-01", 18],
      ["2014-04-01", 18],
    ]);
    expect(data.targets[0]!.description).toBe("Target for 2012/13: 19%; Target for 2013/14: 18%");
    expect(data.targets[0]!.label).toBe("Target 18%");
  });

  it("holds the baseline level across the chart and spans figures and targets", () => {
    expect(data.x && [day(data.x.from), day(data.x.to)]).toEqual(["2011-04-01", "2014-04-01"]);
    expect(data.baselines).toHaveLength(1);
    expect(data.baselines[0]!.points.map((p) => [day(p.at), p.value])).toEqual([
      ["2011-04-01", 24],
      ["2014-04-01", 24],
    ]);
    expect(data.baselines[0]!.description).toBe("Baseline (2010/11): 24%");
  });

  it("starts the value axis at 0, with room above the highest line, and ticks without float noise", () => {
    expect(data.y.from).toBe(0);
    expect(data.y.to).toBeGreaterThanOrEqual(24);
    expect(data.yTicks.map((t) => t.label)).toEqual(data.yTicks.map((t) => `${t.at}%`));
  });

  it("labels financial years along the bottom and marks where each begins", () => {
    expect(data.xTicks.map((t) => t.label)).toEqual(["2011/12", "2012/13", "2013/14"]);
    expect(data.yearStarts.map(day)).toEqual(["2012-04-01", "2013-04-01"]);
    expect(data.xTitle).toBe("Financial year");
  });

  it("says what it shows in one sentence", () => {
    expect(data.summary).toBe("Trend of NI 16: Serious acquisitive crime: latest 20% in 2012/13, target 19%, baseline 24% in 2010/11. Lower is better.");
    expect(data.direction).toBe("Lower is better");
  });
});

describe("a chart of the year to date against the target pro rata", () => {
  // Monthly counts against a yearly target: each month is compared as the year so far.
  const figures = [
    { period: month(2013, 2), value: "95", count: null },
    { period: month(2013, 3), value: "90", count: null },
    { period: month(2013, 4), value: "100", count: null },
    { period: month(2013, 5), value: "80", count: null },
    { period: month(2013, 6), value: "90", count: null },
  ];
  const indicator = chartIndicator({
    unit: "COUNT",
    figures,
    targets: [
      { period: year(2012), value: "1200", requiredDirection: null },
      { period: year(2013), value: "1100", requiredDirection: null },
    ],
    baselines: [{ period: year(2010), value: "1300", count: null }],
  });
  const data = trendChartData(indicator);

  it("adds each year's figures up from its start, starting again each year", () => {
    expect(data.basis).toBe("YEAR_TO_DATE");
    expect(data.figureLines.map((line) => line.map((p) => p.plotted))).toEqual([
      ["95", "185"],
      ["100", "180", "270"],
    ]);
    expect(day(data.points.at(-1)!.at)).toBe("2013-07-01");
  });

  it("gives each point its year's target shared out to the end of its month, as measures.ts does", () => {
    const last = data.points.at(-1)!;
    expect(last.plotted).toBe(indicator.measure.yearToDate!.value);
    expect(last.targetToDate).toBe(indicator.measure.yearToDate!.targetToDate);
    expect(data.points[0]!.targetToDate).toBe("1098.0822"); // 1,200 for 2012/13 x 334/365: February 2013 is in 2012/13
    expect(data.points[2]!.targetToDate).toBe("90.411"); // 1,100 for 2013/14 x 30/365
  });

  it("draws each year's target and baseline rising from 0 at its start to the whole year's at its end", () => {
    expect(data.targets.map((t) => t.points.map((p) => [day(p.at), p.value]))).toEqual([
      [
        ["2012-04-01", 0],
        ["2013-04-01", 1200],
      ],
      [
        ["2013-04-01", 0],
        ["2014-04-01", 1100],
      ],
    ]);
    expect(data.baselines.map((b) => b.points.map((p) => [day(p.at), p.value]))).toEqual([
      [
        ["2012-04-01", 0],
        ["2013-04-01", 1300],
      ],
      [
        ["2013-04-01", 0],
        ["2014-04-01", 1300],
      ],
    ]);
  });

  it("summarises the latest year to date against the target pro rata", () => {
    expect(data.summary).toMatch(/^Year to date of NI 16: Serious acquisitive crime: 2013\/14 to date 270, target 2\d\d(\.\d+)? pro rata, baseline [\d,.]+ pro rata\. Lower is better\.$/);
  });
});

describe("which target a year-to-date point is set against", () => {
  it("is none for a year with no target", () => {
    const data = trendChartData(
      chartIndicator({
        unit: "COUNT",
        figures: [
          { period: month(2012, 2), value: "95", count: null },
          { period: month(2013, 4), value: "100", count: null },
        ],
        targets: [{ period: year(2013), value: "1100", requiredDirection: null }],
      }),
    );
    expect(data.points.map((p) => p.targetToDate)).toEqual([null, "90.411"]);
    expect(data.notes).toContain("There is no target for 2011/12.");
  });
});

describe("a rate to date", () => {
  it("ends on the rate measures.ts works out from the year's counts", () => {
    const indicator = chartIndicator({
      unit: "RATE_PER_1000",
      denominator: { name: "Households", kind: "HOUSEHOLDS" },
      figures: [
        { period: month(2013, 4), value: "2.075", count: "281" },
        { period: month(2013, 5), value: "2.069", count: "280" },
        { period: month(2013, 6), value: "2.068", count: "280" },
      ],
      targets: [{ period: year(2013), value: "23", requiredDirection: null }],
      baselines: [{ period: year(2010), value: "24.841", count: "3362" }],
      denominatorByYear: new Map([[2013, "135341"]]),
    });
    const data = trendChartData(indicator);
    expect(data.basis).toBe("YEAR_TO_DATE");
    expect(data.points.map((p) => p.plotted)).toEqual(["2.075", "4.144", indicator.measure.yearToDate!.value]);
    expect(data.yTitle).toBe("Rate per 1,000 households, year to date");
  });
});

describe("what cannot be drawn is said in words", () => {
  it("names a target with no number", () => {
    const data = trendChartData(
      chartIndicator({
        figures: [{ period: year(2013), value: "20", count: null }],
        targets: [{ period: year(2013), value: null, requiredDirection: "REDUCE" }],
        baselines: [{ period: year(2010), value: "21", count: null }],
      }),
    );
    expect(data.targets).toEqual([]);
    expect(data.notes).toEqual(["The target for 2013/14 is a reduction, with no number to draw."]);
    expect(data.summary).toBe("Trend of NI 16: Serious acquisitive crime: latest 20% in 2013/14, target a reduction, baseline 21% in 2010/11. Lower is better.");
  });

  it("does not set a year's count against each quarter's", () => {
    // Quarterly counts with no year to date (no year period to add up in): the yearly lines would dwarf them.
    const data = trendChartData(
      chartIndicator({
        unit: "RATE_PER_1000",
        figures: [
          { period: quarter(2013, 1), value: "6.1", count: null },
          { period: quarter(2013, 2), value: "6.3", count: null },
        ],
        targets: [{ period: year(2013), value: "23", requiredDirection: null }],
        baselines: [{ period: year(2010), value: "24.841", count: null }],
      }),
    );
    expect(data.basis).toBe("LATEST");
    expect(data.targets).toEqual([]);
    expect(data.baselines).toEqual([]);
    expect(data.notes).toEqual([
      "The target for 2013/14 (23 per 1,000) is for the whole year, so it is not drawn against each quarter's figure.",
      "The baseline for 2010/11 (24.841 per 1,000) is for the whole year, so it is not drawn against each quarter's figure.",
    ]);
    expect(data.xTicks.map((t) => t.label)).toEqual(["Q1", "Q2"]);
    expect(data.xTitle).toBe("Quarters of 2013/14");
  });
});

describe("a chart with few figures", () => {
  it("with none, charts the target and baseline and says there are no figures", () => {
    const data = trendChartData(
      chartIndicator({
        targets: [{ period: year(2013), value: "18", requiredDirection: null }],
        baselines: [{ period: year(2010), value: "24", count: null }],
      }),
    );
    expect(data.points).toEqual([]);
    expect(data.figureLines).toEqual([]);
    expect(data.targets).toHaveLength(1);
    expect(data.x && [day(data.x.from), day(data.x.to)]).toEqual(["2013-04-01", "2014-04-01"]);
    expect(data.summary).toBe("Trend of NI 16: Serious acquisitive crime: no figures yet, target 18% for 2013/14, baseline 24% in 2010/11. Lower is better.");
  });

  it("with none and nothing numeric, has no time axis and no NaN", () => {
    const data = trendChartData(chartIndicator({ targets: [{ period: year(2013), value: null, requiredDirection: "REDUCE" }] }));
    expect(data.x).toBeNull();
    expect(data.y).toEqual({ from: 0, to: 1 });
    const scales = chartScales(data, { width: 100, height: 50, top: 0, right: 0, bottom: 0, left: 0 });
    expect(Number.isNaN(scales.y(0.5))).toBe(false);
  });

  it("with one, spans its period", () => {
    const data = trendChartData(chartIndicator({ figures: [{ period: year(2013), value: "0", count: null }] }));
    expect(data.points).toHaveLength(1);
    expect(data.x && [day(data.x.from), day(data.x.to)]).toEqual(["2013-04-01", "2014-04-01"]);
    expect(data.y).toEqual({ from: 0, to: 1 });
    expect(data.summary).toBe("Trend of NI 16: Serious acquisitive crime: latest 0% in 2013/14, no target. Lower is better.");
  });
});

describe("the scales and the calendar", () => {
  it("maps the domains onto the box, value upwards", () => {
    const data = trendChartData(chartIndicator({ figures: [{ period: year(2013), value: "50", count: null }] }));
    const scales = chartScales(data, { width: 200, height: 100, top: 10, right: 10, bottom: 20, left: 30 });
    expect(scales.x(data.x!.from)).toBe(30);
    expect(scales.x(data.x!.to)).toBe(190);
    expect(scales.y(data.y.from)).toBe(80);
    expect(scales.y(data.y.to)).toBe(10);
  });

  it("reads the start of the financial year from a year period, April otherwise", () => {
    const january = resolvePeriod({ type: "YEAR", financialYear: 2013 }, 1);
    expect(financialYearStartMonth({ series: [], allTargets: [{ period: january, value: "1", requiredDirection: null }], allBaselines: [] })).toBe(1);
    expect(financialYearStartMonth({ series: [], allTargets: [], allBaselines: [] })).toBe(4);
  });
});

describe("a small multiple's scale", () => {
  it("fits the values rather than starting at 0, so the way things are going shows", () => {
    const indicator = chartIndicator({
      figures: [
        { period: year(2011), value: "22", count: null },
        { period: year(2012), value: "20", count: null },
      ],
    });
    expect(trendChartData(indicator).y.from).toBe(0);
    const small = trendChartData(indicator, { fromZero: false });
    expect(small.y.from).toBeGreaterThan(15);
    expect(small.y.to).toBeLessThan(25);
  });
});

describe("a change against the baseline in words", () => {
  it("counts fewer or more, and says the percentage which way", () => {
    expect(changeInWords({ difference: "-168", percent: "-5" }, { unit: "COUNT", direction: "LOWER_IS_BETTER" })).toEqual({
      text: "168 fewer than the baseline (5% lower)",
      better: true,
    });
    expect(changeInWords({ difference: "1234", percent: "12.5" }, { unit: "COUNT", direction: "LOWER_IS_BETTER" }, "the baseline pro rata")).toEqual({
      text: "1,234 more than the baseline pro rata (12.5% higher)",
      better: false,
    });
  });

  it("gives percentages in points and rates in their unit", () => {
    expect(changeInWords({ difference: "2", percent: "9.5" }, { unit: "PERCENTAGE", direction: "HIGHER_IS_BETTER" }).text).toBe(
      "2 percentage points higher than the baseline (9.5% higher)",
    );
    expect(changeInWords({ difference: "-0.384", percent: null }, { unit: "RATE_PER_1000", direction: "HIGHER_IS_BETTER", denominatorName: "Households" })).toEqual({
      text: "0.384 per 1,000 households lower than the baseline",
      better: false,
    });
  });

  it("says when nothing has changed", () => {
    expect(changeInWords({ difference: "0", percent: "0" }, { unit: "COUNT", direction: "LOWER_IS_BETTER" })).toEqual({ text: "The same as the baseline", better: null });
  });
});
