// Periods of a partnership's financial year, and how officers write them.
// Calendar dates are handled as UTC midnights (TZDate in "UTC") so that date-fns'
// arithmetic never drifts across a daylight-saving change.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, subDays } from "date-fns";
import type { PeriodRef } from "~/modules/profiles/profile-schema";
import { financialYearLabel } from "~/utils/dates";

export type PeriodType = "WEEK" | "MONTH" | "QUARTER" | "YEAR";

export type ResolvedPeriod = {
  type: PeriodType;
  startsOn: Date;
  endsOn: Date;
  financialYear: number;
  label: string;
};

function utcDate(year: number, monthIndex: number, day: number) {
  return new TZDate(Date.UTC(year, monthIndex, day), "UTC");
}

function toPlainDate(date: TZDate): Date {
  return new Date(date.getTime());
}

/** The financial year (by the calendar year it starts in) that a date falls in. */
export function financialYearOf(date: Date, startMonth: number): number {
  // UTC fields read straight off the Date: a TZDate in "UTC" gives the same, far dearer.
  return date.getUTCMonth() + 1 >= startMonth ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

function yearLabel(financialYear: number, startMonth: number) {
  return startMonth === 1 ? String(financialYear) : financialYearLabel(financialYear);
}

// Pages resolve the same few periods over and over (every chart's years and quarters),
// and each resolution builds several time-zone-aware dates: the result depends only on
// the period and the start month, so it is worked out once. Bounded, since week keys
// come from what officers type.
const RESOLVED_LIMIT = 4096;
const resolved = new Map<string, ResolvedPeriod>();

export function resolvePeriod(ref: PeriodRef, startMonth: number): ResolvedPeriod {
  const key = cacheKey(ref, startMonth);
  if (key === null) return resolvePeriodUncached(ref, startMonth);
  let period = resolved.get(key);
  if (!period) {
    period = resolvePeriodUncached(ref, startMonth);
    if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
    resolved.set(key, period);
  }
  // Fresh Dates each time: a caller that changed one must not change everyone's.
  return { ...period, startsOn: new Date(period.startsOn.getTime()), endsOn: new Date(period.endsOn.getTime()) };
}

/** Only values typed as declared are kept: "2025" and 2025 would share a key but not a label. */
function cacheKey(ref: PeriodRef, startMonth: number): string | null {
  const numeric = (value: unknown) => typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0);
  if (!numeric(startMonth)) return null;
  switch (ref.type) {
    case "YEAR":
      return numeric(ref.financialYear) ? `${periodKey(ref)}|${startMonth}` : null;
    case "QUARTER":
      return numeric(ref.financialYear) && numeric(ref.quarter) ? `${periodKey(ref)}|${startMonth}` : null;
    case "MONTH":
      return numeric(ref.year) && numeric(ref.month) ? `${periodKey(ref)}|${startMonth}` : null;
    case "WEEK":
      return typeof ref.endsOn === "string" ? `${periodKey(ref)}|${startMonth}` : null;
    default:
      return null;
  }
}

function resolvePeriodUncached(ref: PeriodRef, startMonth: number): ResolvedPeriod {
  switch (ref.type) {
    case "YEAR": {
      const start = utcDate(ref.financialYear, startMonth - 1, 1);
      return {
        type: "YEAR",
        startsOn: toPlainDate(start),
        endsOn: toPlainDate(subDays(addMonths(start, 12), 1)),
        financialYear: ref.financialYear,
        label: yearLabel(ref.financialYear, startMonth),
      };
    }
    case "QUARTER": {
      const start = addMonths(utcDate(ref.financialYear, startMonth - 1, 1), (ref.quarter - 1) * 3);
      return {
        type: "QUARTER",
        startsOn: toPlainDate(start),
        endsOn: toPlainDate(subDays(addMonths(start, 3), 1)),
        financialYear: ref.financialYear,
        label: `Q${ref.quarter} ${yearLabel(ref.financialYear, startMonth)}`,
      };
    }
    case "MONTH": {
      const start = utcDate(ref.year, ref.month - 1, 1);
      return {
        type: "MONTH",
        startsOn: toPlainDate(start),
        endsOn: toPlainDate(subDays(addMonths(start, 1), 1)),
        financialYear: financialYearOf(start, startMonth),
        label: format(start, "MMMM yyyy"),
      };
    }
    case "WEEK": {
      const [year, month, day] = ref.endsOn.split("-").map(Number) as [number, number, number];
      const end = utcDate(year, month - 1, day);
      return {
        type: "WEEK",
        startsOn: toPlainDate(addDays(end, -6)),
        endsOn: toPlainDate(end),
        financialYear: financialYearOf(end, startMonth),
        label: `Week ending ${format(end, "d MMMM yyyy")}`,
      };
    }
  }
}

const FREQUENCY_PERIOD = { WEEKLY: "WEEK", MONTHLY: "MONTH", QUARTERLY: "QUARTER", YEARLY: "YEAR" } as const;
export type Frequency = keyof typeof FREQUENCY_PERIOD;

/** A period as a form value: "YEAR-2025", "QUARTER-2025-2", "MONTH-2025-7", "WEEK-2025-07-06". */
export function periodKey(ref: PeriodRef): string {
  switch (ref.type) {
    case "YEAR":
      return `YEAR-${ref.financialYear}`;
    case "QUARTER":
      return `QUARTER-${ref.financialYear}-${ref.quarter}`;
    case "MONTH":
      return `MONTH-${ref.year}-${ref.month}`;
    case "WEEK":
      return `WEEK-${ref.endsOn}`;
  }
}

/** The period a form value names, or null when it names none. */
export function parsePeriodKey(key: string): PeriodRef | null {
  let match = /^YEAR-(\d{4})$/.exec(key);
  if (match) return { type: "YEAR", financialYear: Number(match[1]) };
  match = /^QUARTER-(\d{4})-([1-4])$/.exec(key);
  if (match) return { type: "QUARTER", financialYear: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
  match = /^MONTH-(\d{4})-(\d{1,2})$/.exec(key);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { type: "MONTH", year: Number(match[1]), month: Number(match[2]) };
  match = /^WEEK-(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (match && !Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return { type: "WEEK", endsOn: match[1]! };
  return null;
}

export function periodTypeOf(frequency: Frequency): PeriodType {
  return FREQUENCY_PERIOD[frequency];
}

/**
 * The periods a figure can be entered for: those of the indicator's frequency in this
 * financial year and the last that have started by `today`, newest first. Weeks end
 * on a Sunday.
 */
// Every indicator page and dashboard asks this for the same day and frequency; a year
// of weeks is a hundred time-zone-aware dates, so each answer is kept for the day.
const ENTRY_LIMIT = 256;
const entryPeriods = new Map<string, Array<ResolvedPeriod & { key: string }>>();

export function periodsForEntry(frequency: Frequency, startMonth: number, today: Date): Array<ResolvedPeriod & { key: string }> {
  const time = today instanceof Date ? today.getTime() : Number.NaN;
  const cacheable = Object.hasOwn(FREQUENCY_PERIOD, frequency) && typeof startMonth === "number" && Number.isFinite(startMonth) && !Number.isNaN(time);
  if (!cacheable) return periodsForEntryUncached(frequency, startMonth, today);
  const key = `${frequency}|${startMonth}|${time}`;
  let periods = entryPeriods.get(key);
  if (!periods) {
    periods = periodsForEntryUncached(frequency, startMonth, today);
    if (entryPeriods.size >= ENTRY_LIMIT) entryPeriods.clear();
    entryPeriods.set(key, periods);
  }
  // Fresh objects each time, as resolvePeriod gives: no caller shares another's.
  return periods.map((period) => ({ ...period, startsOn: new Date(period.startsOn.getTime()), endsOn: new Date(period.endsOn.getTime()) }));
}

function periodsForEntryUncached(frequency: Frequency, startMonth: number, today: Date): Array<ResolvedPeriod & { key: string }> {
  const thisYear = financialYearOf(today, startMonth);
  const refs: PeriodRef[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const fy = resolvePeriod({ type: "YEAR", financialYear: year }, startMonth);
    if (frequency === "YEARLY") refs.push({ type: "YEAR", financialYear: year });
    if (frequency === "QUARTERLY") for (const quarter of [1, 2, 3, 4] as const) refs.push({ type: "QUARTER", financialYear: year, quarter });
    if (frequency === "MONTHLY") {
      for (let i = 0; i < 12; i += 1) {
        const start = addMonths(new TZDate(fy.startsOn, "UTC"), i);
        refs.push({ type: "MONTH", year: start.getFullYear(), month: start.getMonth() + 1 });
      }
    }
    if (frequency === "WEEKLY") {
      let end = new TZDate(fy.startsOn, "UTC");
      while (end.getDay() !== 0) end = addDays(end, 1);
      while (end <= fy.endsOn) {
        refs.push({ type: "WEEK", endsOn: format(end, "yyyy-MM-dd") });
        end = addDays(end, 7);
      }
    }
  }
  return refs
    .map((ref) => ({ ...resolvePeriod(ref, startMonth), key: periodKey(ref) }))
    .filter((period) => period.startsOn <= today)
    .reverse();
}
