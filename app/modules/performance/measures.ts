// The one place an indicator's numbers are worked out from what is stored: rates
// from counts and the year's denominator, change against the baseline, year to date
// against a pro-rata target, the target that applies to a figure, the trend, and the
// RAG (through app/modules/rag). Pure and exact: values are decimal strings, and the
// arithmetic is decimal.js, so 24.841 is 24.841 and never a float's neighbour.
import Decimal from "decimal.js";
import { resolvePeriod } from "~/modules/periods/periods";
import { indicatorRag, type Direction, type RagResult, type RequiredDirection, type Unit } from "~/modules/rag/rag";
import { financialYearLabel } from "~/utils/dates";

export type PeriodType = "WEEK" | "MONTH" | "QUARTER" | "YEAR";
export type Frequency = "WEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY";

export type MeasuredPeriod = { type: PeriodType; startsOn: Date; endsOn: Date; financialYear: number; label: string };

export type FigureInput = { period: MeasuredPeriod; value: string; count: string | null };
export type TargetInput = { period: MeasuredPeriod; value: string | null; requiredDirection: RequiredDirection | null; note?: string | null };
export type BaselineInput = { period: MeasuredPeriod | null; value: string | null; count: string | null; note?: string | null };

const RATE_PER: Partial<Record<Unit, number>> = { RATE_PER_100: 100, RATE_PER_1000: 1000, RATE_PER_100000: 100_000 };
/** Rates are kept to three decimal places, as the strategies and board papers print them. */
export const RATE_DECIMALS = 3;
const VALUE_DECIMALS = 4; // Decimal(14, 4) in the database

export function isRateUnit(unit: Unit): boolean {
  return RATE_PER[unit] !== undefined;
}

/** The rate a count gives for a denominator ("3362" households' burglaries of 135,341: "24.841" per 1,000). */
export function rateFromCount(count: string, denominator: string, unit: Unit): string {
  const per = RATE_PER[unit];
  if (per === undefined) throw new Error(`rateFromCount: ${unit} is not a rate`);
  const base = new Decimal(denominator);
  if (base.lte(0)) throw new Error("rateFromCount: the denominator must be more than 0");
  return plain(new Decimal(count).times(per).dividedBy(base).toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP));
}

/** "24.8410" -> "24.841"; "3362.000" -> "3362". */
export function plain(value: Decimal | string): string {
  const decimal = typeof value === "string" ? new Decimal(value) : value;
  return decimal.toFixed();
}

export type Change = { difference: string; percent: string | null };

/** A value against a reference: the difference, and the percentage change (none against 0). */
export function changeAgainst(value: string, reference: string): Change {
  const current = new Decimal(value);
  const base = new Decimal(reference);
  const difference = current.minus(base);
  return {
    difference: plain(difference.toDecimalPlaces(VALUE_DECIMALS, Decimal.ROUND_HALF_UP)),
    percent: base.isZero() ? null : plain(difference.dividedBy(base.abs()).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP)),
  };
}

/** The share of a year that has passed by the end of a day, in whole days: what "pro rata" means everywhere. */
export function shareOfYear(year: MeasuredPeriod, upTo: Date): Decimal {
  return new Decimal(daysBetweenInclusive(year.startsOn, upTo)).dividedBy(daysBetweenInclusive(year.startsOn, year.endsOn));
}

const DAY_MS = 86_400_000;

function daysBetweenInclusive(start: Date, end: Date) {
  // Calendar dates are UTC midnights: counted in UTC, a clock change never shortens a day.
  // Whole UTC days by arithmetic: what differenceInCalendarDays gives on TZDates in
  // "UTC", without building them (they were most of a chart's cost).
  return Math.floor(end.getTime() / DAY_MS) - Math.floor(start.getTime() / DAY_MS) + 1;
}

function contains(outer: MeasuredPeriod, inner: MeasuredPeriod) {
  return outer.startsOn.getTime() <= inner.startsOn.getTime() && inner.endsOn.getTime() <= outer.endsOn.getTime();
}

function lengthOf(period: MeasuredPeriod) {
  return period.endsOn.getTime() - period.startsOn.getTime();
}

/**
 * The target a figure is judged against: the narrowest target period that contains the
 * figure's period (a 2013/14 target for any month of 2013/14), never another year's.
 */
export function targetFor<T extends TargetInput>(targets: T[], period: MeasuredPeriod): T | null {
  const containing = targets.filter((target) => contains(target.period, period));
  containing.sort((a, b) => lengthOf(a.period) - lengthOf(b.period));
  return containing[0] ?? null;
}

/** The baseline a figure is compared with: the latest one that starts before the figure's period. */
export function baselineFor<T extends BaselineInput>(baselines: T[], period: MeasuredPeriod): T | null {
  const before = baselines.filter((baseline) => !baseline.period || baseline.period.startsOn.getTime() <= period.startsOn.getTime());
  before.sort((a, b) => (b.period?.startsOn.getTime() ?? 0) - (a.period?.startsOn.getTime() ?? 0));
  return before[0] ?? null;
}

export type Trend = "IMPROVING" | "WORSENING" | "NO_CHANGE";

/** The latest figure against the one before it, read in the indicator's direction. */
export function trendOf(direction: Direction, latest: string, previous: string | null): Trend | null {
  if (previous === null) return null;
  const comparison = new Decimal(latest).comparedTo(previous);
  if (comparison === 0) return "NO_CHANGE";
  const higher = comparison > 0;
  return higher === (direction === "HIGHER_IS_BETTER") ? "IMPROVING" : "WORSENING";
}

export type YearToDate = {
  financialYear: number;
  /** "2013/14 to date (to 31 December 2013)": as the report heads the column. */
  label: string;
  value: string;
  /** The share of the year that has passed by the end of the latest figure's period, 0-1. */
  shareOfYear: string;
  /** The year's target, pro rata to the share of the year that has passed. */
  targetToDate: string | null;
  baselineToDate: string | null;
  figureCount: number;
};

export type IndicatorMeasure = {
  latest: (FigureInput & { rate: string | null }) | null;
  previous: FigureInput | null;
  target: TargetInput | null;
  baseline: BaselineInput | null;
  /**
   * LATEST: the latest figure is compared as it is (percentages, scores, yearly figures).
   * YEAR_TO_DATE: counts and rates reported more often than their yearly target add up
   * over the year so far and meet the target pro rata.
   */
  basis: "LATEST" | "YEAR_TO_DATE";
  yearToDate: YearToDate | null;
  change: Change | null;
  rag: RagResult;
  trend: Trend | null;
};

export type MeasureInput = {
  unit: Unit;
  direction: Direction;
  /** The partnership's amber band (app/modules/rag). */
  tolerance: string | number;
  figures: FigureInput[];
  targets: TargetInput[];
  baselines: BaselineInput[];
  /** Denominator values by financial year, for year-to-date rates. */
  denominatorByYear?: ReadonlyMap<number, string>;
  /** Today, in the partnership's calendar: with no figure yet, the target shown is this year's. */
  asAt?: Date;
};

function toFixedValue(value: Decimal) {
  return plain(value.toDecimalPlaces(VALUE_DECIMALS, Decimal.ROUND_HALF_UP));
}

/** Counts and rates add up over a year; percentages, scores and ratios do not. */
function adds(unit: Unit) {
  return unit === "COUNT" || isRateUnit(unit);
}

/** The financial year the latest figure falls in, from its target's period or the baseline year's dates. */
function yearOfLatest(latest: FigureInput, target: TargetInput | null, baseline: BaselineInput | null): MeasuredPeriod | null {
  if (target?.period.type === "YEAR") return target.period;
  const year = baseline?.period?.type === "YEAR" ? baseline.period : null;
  if (!year) return null;
  const startMonth = year.startsOn.getUTCMonth() + 1;
  return resolvePeriod({ type: "YEAR", financialYear: latest.period.financialYear }, startMonth);
}

function yearToDateOf(input: MeasureInput, latest: FigureInput, target: TargetInput | null, baseline: BaselineInput | null): YearToDate | null {
  if (latest.period.type === "YEAR" || !adds(input.unit)) return null;
  const year = yearOfLatest(latest, target, baseline);
  if (!year || !contains(year, latest.period)) return null;
  const inYear = input.figures.filter((figure) => figure.period.type === latest.period.type && contains(year, figure.period));
  let value: Decimal;
  if (input.unit === "COUNT") {
    value = inYear.reduce((sum, figure) => sum.plus(figure.value), new Decimal(0));
  } else {
    // A rate to date is the counts to date over the year's denominator; without counts it cannot be summed.
    const denominator = input.denominatorByYear?.get(year.financialYear);
    if (!denominator || inYear.some((figure) => figure.count === null)) return null;
    const counted = inYear.reduce((sum, figure) => sum.plus(figure.count!), new Decimal(0));
    value = new Decimal(rateFromCount(counted.toFixed(), denominator, input.unit));
  }
  const share = shareOfYear(year, latest.period.endsOn);
  const proRata = (reference: string | null | undefined) => (reference == null ? null : toFixedValue(new Decimal(reference).times(share)));
  return {
    financialYear: year.financialYear,
    label: `${financialYearLabel(year.financialYear)} to date`,
    value: toFixedValue(value),
    shareOfYear: plain(share.toDecimalPlaces(4, Decimal.ROUND_HALF_UP)),
    targetToDate: target?.period.type === "YEAR" ? proRata(target.value) : null,
    baselineToDate: baseline?.period?.type === "YEAR" ? proRata(baseline.value) : null,
    figureCount: inYear.length,
  };
}

/** Everything an indicator's row, card, chart caption or digest line says about its performance. */
export function measureIndicator(input: MeasureInput): IndicatorMeasure {
  const figures = [...input.figures].sort((a, b) => b.period.endsOn.getTime() - a.period.endsOn.getTime());
  const latest = figures[0] ?? null;
  if (!latest) {
    // Nothing to judge yet, but the page still says what is aimed at and from where.
    const byStart = [...input.targets].sort((a, b) => a.period.startsOn.getTime() - b.period.startsOn.getTime());
    const current = input.asAt ? byStart.find((t) => t.period.startsOn <= input.asAt! && input.asAt! <= t.period.endsOn) : undefined;
    const latestBaseline = [...input.baselines].sort((a, b) => (b.period?.startsOn.getTime() ?? 0) - (a.period?.startsOn.getTime() ?? 0))[0];
    return {
      latest: null,
      previous: null,
      target: current ?? byStart.at(-1) ?? null,
      baseline: latestBaseline ?? null,
      basis: "LATEST",
      yearToDate: null,
      change: null,
      rag: indicatorRag({ unit: input.unit, direction: input.direction, latest: null, target: null, baseline: null, tolerance: input.tolerance }),
      trend: null,
    };
  }
  const previous = figures.find((figure) => figure !== latest && figure.period.type === latest.period.type) ?? null;
  const target = targetFor(input.targets, latest.period);
  const baseline = baselineFor(input.baselines, latest.period);
  const yearToDate = yearToDateOf(input, latest, target, baseline);

  const compared = yearToDate ? yearToDate.value : latest.value;
  // A month's count against a year's baseline says nothing: additive figures are compared
  // over the year to date, or like for like; the rest (percentages...) as they are.
  const comparable = !adds(input.unit) || !baseline?.period || baseline.period.type === latest.period.type;
  const baselineValue = yearToDate ? yearToDate.baselineToDate : comparable ? (baseline?.value ?? null) : null;
  const ragInput = {
    unit: input.unit,
    direction: input.direction,
    latest: compared,
    target: target ? { value: yearToDate ? yearToDate.targetToDate : target.value, requiredDirection: target.requiredDirection } : null,
    baseline: baselineValue === null ? null : { value: baselineValue },
    tolerance: input.tolerance,
  };
  const rag: RagResult =
    target === null && input.targets.length > 0
      ? { rag: "NOT_RATED", reason: `No target for ${latest.period.label}` }
      : target && !yearToDate && adds(input.unit) && target.period.type !== latest.period.type
        ? { rag: "NOT_RATED", reason: `A ${latest.period.type.toLowerCase()}'s figure cannot be set against a target for ${target.period.label} without counts` }
        : indicatorRag(ragInput);
  return {
    latest: { ...latest, rate: isRateUnit(input.unit) ? latest.value : null },
    previous,
    target,
    baseline,
    basis: yearToDate ? "YEAR_TO_DATE" : "LATEST",
    yearToDate,
    change: baselineValue === null ? null : changeAgainst(compared, baselineValue),
    rag,
    trend: trendOf(input.direction, latest.value, previous?.value ?? null),
  };
}
