// What a trend chart draws, worked out apart from the drawing so it can be tested
// without rendering: the points, the target and baseline lines, the domains, the ticks
// and the words that say the same as the picture (the label, the notes, the table).
// Values stay exact decimal strings for everything read; numbers only for plotting.
import { scaleLinear, scaleUtc } from "@visx/scale";
import Decimal from "decimal.js";
import { baselineFor, isRateUnit, plain, RATE_DECIMALS, shareOfYear, targetFor, type IndicatorMeasure, type MeasuredPeriod, type PeriodType } from "~/modules/performance/measures";
import { financialYearOf, resolvePeriod } from "~/modules/periods/periods";
import type { Direction, RequiredDirection, Unit } from "~/modules/rag/rag";
import { financialYearLabel } from "~/utils/dates";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import { DIRECTION_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";

/** What a chart needs of an indicator: MeasuredIndicator (performance.server) has all of it. */
export type ChartIndicator = {
  code: string | null;
  name: string;
  unit: Unit;
  direction: Direction;
  denominator: { name: string } | null;
  series: ReadonlyArray<{ period: MeasuredPeriod; value: string; count: string | null }>;
  allTargets: ReadonlyArray<{ period: MeasuredPeriod; value: string | null; requiredDirection: RequiredDirection | null; note?: string | null }>;
  allBaselines: ReadonlyArray<{ period: MeasuredPeriod | null; value: string | null; count: string | null; note?: string | null }>;
  measure: Pick<IndicatorMeasure, "basis" | "latest" | "target" | "baseline" | "yearToDate">;
};

export type PlotPoint = { at: Date; value: number };

export type ChartPoint = PlotPoint & {
  periodLabel: string;
  /** The figure as stored for its period. */
  figure: string;
  count: string | null;
  /** What is drawn: the figure, or the year to date up to and including it. */
  plotted: string;
  /** The target for the point's year, pro rata to the end of its period (year to date only). */
  targetToDate: string | null;
};

export type ReferenceLine = {
  kind: "TARGET" | "BASELINE";
  /** Written by the line's end in the full-size chart: "Target 23". */
  label: string;
  /** For the legend and notes: "Target for 2013/14: 23 per 1,000 households". */
  description: string;
  points: PlotPoint[];
};

export type Tick<T> = { at: T; label: string };

export type TrendChartData = {
  basis: "LATEST" | "YEAR_TO_DATE";
  title: string;
  points: ChartPoint[];
  /** A line for each run of points to join: year-to-date lines start again each year. */
  figureLines: ChartPoint[][];
  targets: ReferenceLine[];
  baselines: ReferenceLine[];
  /** What the chart could not draw, in words ("The 2013/14 target is a reduction, with no number to draw"). */
  notes: string[];
  x: { from: Date; to: Date } | null;
  y: { from: number; to: number };
  xTicks: Array<Tick<Date>>;
  /** Financial-year boundaries inside the chart, for gridlines. */
  yearStarts: Date[];
  xTitle: string;
  yTicks: Array<Tick<number>>;
  yTitle: string;
  direction: string;
  /** The chart as one sentence: the aria-label. */
  summary: string;
};

const DAY_MS = 86_400_000;

/** Counts and rates add up over a year; percentages, scores and ratios do not (as in measures.ts). */
function adds(unit: Unit) {
  return unit === "COUNT" || isRateUnit(unit);
}

/** The month financial years start in, read from any year period the indicator has; April otherwise. */
export function financialYearStartMonth(indicator: Pick<ChartIndicator, "series" | "allTargets" | "allBaselines">): number {
  const periods = [...indicator.allTargets.map((t) => t.period), ...indicator.allBaselines.map((b) => b.period), ...indicator.series.map((f) => f.period)];
  const year = periods.find((period) => period?.type === "YEAR");
  return year ? year.startsOn.getUTCMonth() + 1 : 4;
}

function contains(outer: MeasuredPeriod, inner: MeasuredPeriod) {
  return outer.startsOn.getTime() <= inner.startsOn.getTime() && inner.endsOn.getTime() <= outer.endsOn.getTime();
}

function overlaps(period: MeasuredPeriod, from: Date, to: Date) {
  return period.startsOn.getTime() < to.getTime() && periodEnd(period).getTime() > from.getTime();
}

/** The moment a period is over: the start of the day after its last day, so steps join. */
function periodEnd(period: Pick<MeasuredPeriod, "endsOn">): Date {
  // A UTC day is always 24 hours, so this is addDays in "UTC" without a TZDate per point.
  return new Date(period.endsOn.getTime() + DAY_MS);
}

function middleOf(period: MeasuredPeriod): Date {
  return new Date((period.startsOn.getTime() + periodEnd(period).getTime()) / 2);
}

export { shareOfYear };

function yearLabel(financialYear: number, startMonth: number) {
  return startMonth === 1 ? String(financialYear) : financialYearLabel(financialYear);
}

const PERIOD_NAMES: Record<PeriodType, string> = { WEEK: "week", MONTH: "month", QUARTER: "quarter", YEAR: "year" };

export function indicatorTitle(indicator: Pick<ChartIndicator, "code" | "name">) {
  return indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name;
}

export function valueText(indicator: Pick<ChartIndicator, "unit" | "denominator">, value: string) {
  return formatIndicatorValue(value, indicator.unit, indicator.denominator?.name);
}

/** "24.841" for the chart's own labels: the unit is in the axis title and the legend. */
function shortValue(indicator: Pick<ChartIndicator, "unit">, value: string) {
  return indicator.unit === "PERCENTAGE" ? `${formatNumber(value)}%` : formatNumber(value);
}

function targetWords(indicator: ChartIndicator, target: { value: string | null; requiredDirection: RequiredDirection | null } | null) {
  if (!target) return null;
  if (target.value !== null) return valueText(indicator, target.value);
  return target.requiredDirection ? `a ${REQUIRED_DIRECTION_LABELS[target.requiredDirection].toLowerCase()}` : null;
}

function axisTitle(indicator: ChartIndicator, yearToDate: boolean) {
  const base =
    indicator.unit === "PERCENTAGE"
      ? "Percentage"
      : isRateUnit(indicator.unit)
        ? `${formatIndicatorValue("", indicator.unit, indicator.denominator?.name).replace(/^\s*/, "Rate ")}`
        : indicator.unit === "COUNT"
          ? "Number"
          : indicator.unit === "SCORE"
            ? "Score"
            : "Ratio";
  return yearToDate ? `${base}, year to date` : base;
}

/** Ticks a reader can say out loud: 0, 5, 10 rather than 0.30000000000000004. */
function tickLabel(indicator: ChartIndicator, value: number) {
  return shortValue(indicator, plain(new Decimal(value).toDecimalPlaces(6, Decimal.ROUND_HALF_UP)));
}

type Built = Pick<TrendChartData, "points" | "figureLines" | "targets" | "baselines" | "notes"> & { extent: Array<{ from: Date; to: Date }> };

/** Year to date: each financial year's figures added up, against the year's target shared out by the days passed. */
function buildYearToDate(indicator: ChartIndicator, type: PeriodType, startMonth: number): Built {
  const latestYear = indicator.measure.yearToDate;
  const figures = indicator.series.filter((f) => f.period.type === type).sort((a, b) => a.period.endsOn.getTime() - b.period.endsOn.getTime());
  const years = new Map<number, { year: MeasuredPeriod; points: ChartPoint[] }>();
  const notes: string[] = [];
  let outside = 0;
  // resolvePeriod builds time-zone-aware dates: once per year, not once per figure (it
  // was a third of the public page's CPU, which draws a chart per indicator).
  const yearPeriods = new Map<number, ReturnType<typeof resolvePeriod>>();
  const allTargets = [...indicator.allTargets];
  for (const figure of figures) {
    const financialYear = figure.period.financialYear;
    const year = yearPeriods.get(financialYear) ?? resolvePeriod({ type: "YEAR", financialYear }, startMonth);
    yearPeriods.set(financialYear, year);
    // A week that straddles two years belongs to neither year's total, as in measures.ts.
    if (!contains(year, figure.period)) {
      outside += 1;
      continue;
    }
    const entry = years.get(year.financialYear) ?? { year, points: [] };
    years.set(year.financialYear, entry);
    const before = entry.points.at(-1)?.plotted ?? "0";
    const sum = new Decimal(before).plus(figure.value);
    const plotted = plain(isRateUnit(indicator.unit) ? sum.toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP) : sum);
    const target = targetFor(allTargets, figure.period);
    const targetToDate =
      target?.period.type === "YEAR" && target.value !== null
        ? plain(new Decimal(target.value).times(shareOfYear(target.period, figure.period.endsOn)).toDecimalPlaces(4, Decimal.ROUND_HALF_UP))
        : null;
    entry.points.push({
      at: periodEnd(figure.period),
      value: Number(plotted),
      periodLabel: figure.period.label,
      figure: figure.value,
      count: figure.count,
      plotted,
      targetToDate,
    });
  }
  // A year's rate to date is its counts over the year's denominator; the sum of the
  // weekly rates drifts from it by their rounding. The latest year's total is the one
  // measures.ts worked out from the counts, so the chart and the summary agree.
  const latest = latestYear ? years.get(latestYear.financialYear)?.points.at(-1) : undefined;
  if (latest && latestYear) {
    latest.plotted = latestYear.value;
    latest.value = Number(latestYear.value);
    if (latestYear.targetToDate !== null) latest.targetToDate = latestYear.targetToDate;
  }
  if (outside > 0) notes.push(`${outside === 1 ? "1 figure is" : `${outside} figures are`} for a period that straddles two financial years, so not added to either year to date.`);

  const targets: ReferenceLine[] = [];
  const baselines: ReferenceLine[] = [];
  const extent: Built["extent"] = [];
  for (const { year } of years.values()) {
    extent.push({ from: year.startsOn, to: periodEnd(year) });
    const target = targetFor([...indicator.allTargets], year);
    if (target?.period.type === "YEAR" && target.value !== null) {
      targets.push({
        kind: "TARGET",
        label: `Target ${shortValue(indicator, target.value)}`,
        description: `Target for ${target.period.label}: ${valueText(indicator, target.value)} for the year, shared out over it`,
        points: [
          { at: target.period.startsOn, value: 0 },
          { at: periodEnd(target.period), value: Number(target.value) },
        ],
      });
    } else if (target) {
      const words = targetWords(indicator, target);
      notes.push(
        target.value === null
          ? `The target for ${target.period.label} is ${words ?? "not a number"}, with no number to draw.`
          : `The target for ${target.period.label} is not for a whole year, so it is not shared out over the year.`,
      );
    } else if (indicator.allTargets.length > 0) {
      notes.push(`There is no target for ${year.label}.`);
    }
    const baseline = baselineFor([...indicator.allBaselines], year);
    if (baseline?.period?.type === "YEAR" && baseline.value !== null) {
      baselines.push({
        kind: "BASELINE",
        label: `Baseline ${shortValue(indicator, baseline.value)}`,
        description: `Baseline (${baseline.period.label}): ${valueText(indicator, baseline.value)} for a year, shared out over each year`,
        points: [
          { at: year.startsOn, value: 0 },
          { at: periodEnd(year), value: Number(baseline.value) },
        ],
      });
    }
  }
  const lines = [...years.values()].map((entry) => entry.points);
  return { points: lines.flat(), figureLines: lines, targets: dedupe(targets), baselines: dedupe(baselines), notes, extent };
}

/** One line for a target or baseline drawn over several years of figures. */
function dedupe(lines: ReferenceLine[]) {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = `${line.description}|${line.points.map((p) => p.at.getTime()).join(",")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Figures as they are, against the target of each period as steps and the baseline as a level. */
function buildLatest(indicator: ChartIndicator, type: PeriodType | null): Built {
  const notes: string[] = [];
  const figures = indicator.series
    .filter((f) => type === null || f.period.type === type)
    .sort((a, b) => a.period.endsOn.getTime() - b.period.endsOn.getTime());
  const otherTypes = indicator.series.length - figures.length;
  if (otherTypes > 0) notes.push(`${otherTypes === 1 ? "1 figure" : `${otherTypes} figures`} for other kinds of period ${otherTypes === 1 ? "is" : "are"} not drawn.`);
  const points: ChartPoint[] = figures.map((figure) => ({
    at: middleOf(figure.period),
    value: Number(figure.value),
    periodLabel: figure.period.label,
    figure: figure.value,
    count: figure.count,
    plotted: figure.value,
    targetToDate: null,
  }));
  // A year's count set against a week's count says nothing: such lines are named, not drawn.
  const comparable = (period: MeasuredPeriod) => !adds(indicator.unit) || type === null || period.type === type;
  const first = figures[0];
  const last = figures.at(-1);
  const span = first && last ? { from: first.period.startsOn, to: periodEnd(last.period) } : null;

  const sorted = [...indicator.allTargets].sort((a, b) => a.period.startsOn.getTime() - b.period.startsOn.getTime());
  // The targets the figures meet, and the next one after them, so the chart shows where things are heading.
  const next = span ? sorted.find((t) => t.period.startsOn.getTime() >= span.to.getTime() && t.period.startsOn.getTime() - span.to.getTime() < 400 * DAY_MS) : undefined;
  const relevant = sorted.filter((t) => !span || overlaps(t.period, span.from, span.to) || t === next);
  const drawn = relevant.filter((t) => t.value !== null && comparable(t.period));
  for (const target of relevant.filter((t) => !drawn.includes(t))) {
    const words = targetWords(indicator, target);
    notes.push(
      target.value === null
        ? `The target for ${target.period.label} is ${words ?? "not a number"}, with no number to draw.`
        : `The target for ${target.period.label} (${words}) is for the whole ${PERIOD_NAMES[target.period.type]}, so it is not drawn against each ${PERIOD_NAMES[type ?? "YEAR"]}'s figure.`,
    );
  }
  if (span && relevant.length === 0 && indicator.allTargets.length > 0) notes.push("No target covers the periods charted.");

  // Targets for periods next to each other make one stepped line; a gap starts another.
  const targets: ReferenceLine[] = [];
  let run: typeof drawn = [];
  const flush = () => {
    const end = run.at(-1);
    if (!end) return;
    targets.push({
      kind: "TARGET",
      label: `Target ${shortValue(indicator, end.value!)}`,
      description: run.map((t) => `Target for ${t.period.label}: ${valueText(indicator, t.value!)}`).join("; "),
      points: run.flatMap((t) => [
        { at: t.period.startsOn, value: Number(t.value) },
        { at: periodEnd(t.period), value: Number(t.value) },
      ]),
    });
    run = [];
  };
  for (const target of drawn) {
    const previous = run.at(-1);
    if (previous && target.period.startsOn.getTime() > periodEnd(previous.period).getTime()) flush();
    run.push(target);
  }
  flush();

  const extent: Built["extent"] = [];
  if (span) extent.push(span);
  for (const target of drawn) extent.push({ from: target.period.startsOn, to: periodEnd(target.period) });
  const levelled = [...indicator.allBaselines]
    .filter((b) => b.value !== null && (!b.period || comparable(b.period)))
    .sort((a, b) => (a.period?.startsOn.getTime() ?? 0) - (b.period?.startsOn.getTime() ?? 0));
  const unlevelled = indicator.allBaselines.filter((b) => b.value !== null && b.period && !comparable(b.period));
  for (const baseline of unlevelled) {
    notes.push(`The baseline for ${baseline.period!.label} (${valueText(indicator, baseline.value!)}) is for the whole ${PERIOD_NAMES[baseline.period!.type]}, so it is not drawn against each ${PERIOD_NAMES[type ?? "YEAR"]}'s figure.`);
  }
  if (extent.length === 0) {
    for (const baseline of levelled) if (baseline.period) extent.push({ from: baseline.period.startsOn, to: periodEnd(baseline.period) });
  }

  // Each baseline holds from its own period until the next one, across what is charted.
  const baselines: ReferenceLine[] = [];
  if (extent.length > 0) {
    const from = new Date(Math.min(...extent.map((e) => e.from.getTime())));
    const to = new Date(Math.max(...extent.map((e) => e.to.getTime())));
    levelled.forEach((baseline, index) => {
      const start = new Date(Math.max(from.getTime(), baseline.period?.startsOn.getTime() ?? from.getTime()));
      const following = levelled[index + 1]?.period?.startsOn;
      const end = new Date(Math.min(to.getTime(), following ? following.getTime() : to.getTime()));
      if (end.getTime() <= start.getTime()) return;
      baselines.push({
        kind: "BASELINE",
        label: `Baseline ${shortValue(indicator, baseline.value!)}`,
        description: `Baseline${baseline.period ? ` (${baseline.period.label})` : ""}: ${valueText(indicator, baseline.value!)}`,
        points: [
          { at: start, value: Number(baseline.value) },
          { at: end, value: Number(baseline.value) },
        ],
      });
    });
  }
  return { points, figureLines: points.length > 0 ? [points] : [], targets, baselines, notes, extent };
}

function xTicksFor(from: Date, to: Date, startMonth: number): Pick<TrendChartData, "xTicks" | "yearStarts" | "xTitle"> {
  const lastDay = new Date(to.getTime() - DAY_MS);
  const firstYear = financialYearOf(from, startMonth);
  const lastYear = financialYearOf(lastDay, startMonth);
  const clampMiddle = (start: Date, end: Date) => {
    const a = Math.max(start.getTime(), from.getTime());
    const b = Math.min(end.getTime(), to.getTime());
    return new Date((a + b) / 2);
  };
  const yearStarts: Date[] = [];
  for (let year = firstYear + 1; year <= lastYear; year += 1) yearStarts.push(resolvePeriod({ type: "YEAR", financialYear: year }, startMonth).startsOn);
  if (firstYear === lastYear) {
    const ticks: Array<Tick<Date>> = [];
    for (const quarter of [1, 2, 3, 4] as const) {
      const period = resolvePeriod({ type: "QUARTER", financialYear: firstYear, quarter }, startMonth);
      if (overlaps(period, from, to)) ticks.push({ at: clampMiddle(period.startsOn, periodEnd(period)), label: `Q${quarter}` });
    }
    return { xTicks: ticks, yearStarts, xTitle: `Quarters of ${yearLabel(firstYear, startMonth)}` };
  }
  const count = lastYear - firstYear + 1;
  const every = Math.ceil(count / 8);
  const ticks: Array<Tick<Date>> = [];
  for (let year = firstYear; year <= lastYear; year += every) {
    const period = resolvePeriod({ type: "YEAR", financialYear: year }, startMonth);
    ticks.push({ at: clampMiddle(period.startsOn, periodEnd(period)), label: yearLabel(year, startMonth) });
  }
  return { xTicks: ticks, yearStarts, xTitle: startMonth === 1 ? "Year" : "Financial year" };
}

function summaryOf(indicator: ChartIndicator, basis: TrendChartData["basis"], title: string, direction: string) {
  const { measure } = indicator;
  const parts: string[] = [];
  const yearToDate = measure.yearToDate;
  if (basis === "YEAR_TO_DATE" && yearToDate) {
    parts.push(`Year to date of ${title}: ${yearToDate.label} ${valueText(indicator, yearToDate.value)}`);
    const target = yearToDate.targetToDate !== null ? `${valueText(indicator, yearToDate.targetToDate)} pro rata` : targetWords(indicator, measure.target);
    parts.push(target ? `target ${target}` : "no target");
    if (yearToDate.baselineToDate !== null) parts.push(`baseline ${valueText(indicator, yearToDate.baselineToDate)} pro rata`);
  } else {
    parts.push(
      measure.latest
        ? `Trend of ${title}: latest ${valueText(indicator, measure.latest.value)} in ${measure.latest.period.label}`
        : `Trend of ${title}: no figures yet`,
    );
    const target = targetWords(indicator, measure.target);
    parts.push(target ? `target ${target}${measure.latest ? "" : ` for ${measure.target!.period.label}`}` : "no target");
    const baseline = measure.baseline;
    if (baseline?.value != null) parts.push(`baseline ${valueText(indicator, baseline.value)}${baseline.period ? ` in ${baseline.period.label}` : ""}`);
  }
  return `${parts.join(", ")}. ${direction}.`;
}

/** Everything a trend chart shows, for the indicator as measured. */
export function trendChartData(indicator: ChartIndicator, options: { fromZero?: boolean } = {}): TrendChartData {
  const startMonth = financialYearStartMonth(indicator);
  const type = indicator.measure.latest?.period.type ?? null;
  const basis = indicator.measure.basis === "YEAR_TO_DATE" && type ? "YEAR_TO_DATE" : "LATEST";
  const built = basis === "YEAR_TO_DATE" ? buildYearToDate(indicator, type!, startMonth) : buildLatest(indicator, type);
  const title = indicatorTitle(indicator);
  const direction = DIRECTION_LABELS[indicator.direction];

  const x =
    built.extent.length === 0
      ? null
      : { from: new Date(Math.min(...built.extent.map((e) => e.from.getTime()))), to: new Date(Math.max(...built.extent.map((e) => e.to.getTime()))) };
  const values = [...built.points.map((p) => p.value), ...[...built.targets, ...built.baselines].flatMap((line) => line.points.map((p) => p.value))].filter(Number.isFinite);
  // From 0 unless told otherwise: a scale cut short makes a 5% fall look like a collapse.
  const fromZero = options.fromZero ?? true;
  const low = fromZero ? Math.min(0, ...values) : values.length > 0 ? Math.min(...values) : 0;
  const high = fromZero ? Math.max(0, ...values) : values.length > 0 ? Math.max(...values) : 0;
  // Headroom beyond the outermost lines, so a point on one is not clipped by the frame.
  const pad = (high - low) * 0.08;
  const y = high === low ? linearDomain(low === 0 || fromZero ? low : low - 1, low + 1) : linearDomain(fromZero && low === 0 ? 0 : low - pad, high + pad);
  const yTicks = scaleLinear<number>({ domain: [y.from, y.to] })
    .ticks(5)
    .map((value) => ({ at: value, label: tickLabel(indicator, value) }));
  const xParts = x ? xTicksFor(x.from, x.to, startMonth) : { xTicks: [], yearStarts: [], xTitle: "" };
  return {
    basis,
    title,
    points: built.points,
    figureLines: built.figureLines,
    targets: built.targets,
    baselines: built.baselines,
    notes: built.notes,
    x,
    y,
    ...xParts,
    yTicks,
    yTitle: axisTitle(indicator, basis === "YEAR_TO_DATE"),
    direction,
    summary: summaryOf(indicator, basis, title, direction),
  };
}

function linearDomain(low: number, high: number) {
  const [from, to] = scaleLinear<number>({ domain: [low, high], nice: true }).domain() as [number, number];
  return { from, to };
}

export type ChartBox = { width: number; height: number; top: number; right: number; bottom: number; left: number };

/** The scales for a chart box: time across, value up. */
export function chartScales(data: Pick<TrendChartData, "x" | "y">, box: ChartBox) {
  const x = data.x ?? { from: new Date(0), to: new Date(DAY_MS) };
  return {
    x: scaleUtc<number>({ domain: [x.from, x.to], range: [box.left, box.width - box.right] }),
    y: scaleLinear<number>({ domain: [data.y.from, data.y.to], range: [box.height - box.bottom, box.top] }),
  };
}
