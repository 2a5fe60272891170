// The period and date arithmetic on the pages' hot paths was rewritten without TZDate
// (plain UTC arithmetic) or memoised. Each new version is checked here against the
// TZDate version it replaced, kept below as it was, over many dates: every day of
// several years, every hour around the British clock changes (last Sunday of March and
// of October) and around financial-year boundaries (1 April, and every other start month).
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, differenceInCalendarDays, format, subDays } from "date-fns";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { shareOfYear, type MeasuredPeriod } from "~/modules/performance/measures";
import { financialYearOf, periodKey, periodsForEntry, resolvePeriod, type Frequency, type ResolvedPeriod } from "~/modules/periods/periods";
import type { PeriodRef } from "~/modules/profiles/profile-schema";
import { financialYearLabel, formatCalendarDate } from "~/utils/dates";

const DAY_MS = 86_400_000;

// ---- The versions replaced, as they were ----

const old = {
  utcDate: (year: number, monthIndex: number, day: number) => new TZDate(Date.UTC(year, monthIndex, day), "UTC"),
  toPlainDate: (date: TZDate) => new Date(date.getTime()),
  financialYearOf(date: Date, startMonth: number): number {
    const d = new TZDate(date, "UTC");
    return d.getMonth() + 1 >= startMonth ? d.getFullYear() : d.getFullYear() - 1;
  },
  yearLabel: (financialYear: number, startMonth: number) => (startMonth === 1 ? String(financialYear) : financialYearLabel(financialYear)),
  resolvePeriod(ref: PeriodRef, startMonth: number): ResolvedPeriod {
    switch (ref.type) {
      case "YEAR": {
        const start = old.utcDate(ref.financialYear, startMonth - 1, 1);
        return {
          type: "YEAR",
          startsOn: old.toPlainDate(start),
          endsOn: old.toPlainDate(subDays(addMonths(start, 12), 1)),
          financialYear: ref.financialYear,
          label: old.yearLabel(ref.financialYear, startMonth),
        };
      }
      case "QUARTER": {
        const start = addMonths(old.utcDate(ref.financialYear, startMonth - 1, 1), (ref.quarter - 1) * 3);
        return {
          type: "QUARTER",
          startsOn: old.toPlainDate(start),
          endsOn: old.toPlainDate(subDays(addMonths(start, 3), 1)),
          financialYear: ref.financialYear,
          label: `Q${ref.quarter} ${old.yearLabel(ref.financialYear, startMonth)}`,
        };
      }
      case "MONTH": {
        const start = old.utcDate(ref.year, ref.month - 1, 1);
        return {
          type: "MONTH",
          startsOn: old.toPlainDate(start),
          endsOn: old.toPlainDate(subDays(addMonths(start, 1), 1)),
          financialYear: old.financialYearOf(start, startMonth),
          label: format(start, "MMMM yyyy"),
        };
      }
      case "WEEK": {
        const [year, month, day] = ref.endsOn.split("-").map(Number) as [number, number, number];
        const end = old.utcDate(year, month - 1, day);
        return {
          type: "WEEK",
          startsOn: old.toPlainDate(addDays(end, -6)),
          endsOn: old.toPlainDate(end),
          financialYear: old.financialYearOf(end, startMonth),
          label: `Week ending ${format(end, "d MMMM yyyy")}`,
        };
      }
    }
  },
  periodsForEntry(frequency: Frequency, startMonth: number, today: Date): Array<ResolvedPeriod & { key: string }> {
    const thisYear = old.financialYearOf(today, startMonth);
    const refs: PeriodRef[] = [];
    for (const year of [thisYear - 1, thisYear]) {
      const fy = old.resolvePeriod({ type: "YEAR", financialYear: year }, startMonth);
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
      .map((ref) => ({ ...old.resolvePeriod(ref, startMonth), key: periodKey(ref) }))
      .filter((period) => period.startsOn <= today)
      .reverse();
  },
  shareOfYear(year: MeasuredPeriod, upTo: Date): Decimal {
    const days = (start: Date, end: Date) => differenceInCalendarDays(new TZDate(end, "UTC"), new TZDate(start, "UTC")) + 1;
    return new Decimal(days(year.startsOn, upTo)).dividedBy(days(year.startsOn, year.endsOn));
  },
  /** The chart's periodEnd, and its last day of an axis (one day back). */
  periodEnd: (endsOn: Date) => addDays(new TZDate(endsOn, "UTC"), 1),
  dayBefore: (to: Date) => addDays(new TZDate(to, "UTC"), -1),
  startMonthOf: (startsOn: Date) => new TZDate(startsOn, "UTC").getMonth() + 1,
  formatCalendarDate: (date: Date) => format(new TZDate(date, "UTC"), "d MMMM yyyy"),
};

// ---- The dates checked ----

const utc = (year: number, month: number, day: number, hour = 0, minute = 0) => new Date(Date.UTC(year, month - 1, day, hour, minute));

/** The last Sunday of a month: when British Summer Time starts (March) and ends (October). */
function lastSunday(year: number, month: number) {
  const date = utc(year, month + 1, 0);
  return utc(year, month, date.getUTCDate() - date.getUTCDay());
}

/** Every UTC midnight from 2008 to 2032. */
const everyDay: Date[] = [];
for (let t = utc(2008, 1, 1).getTime(); t <= utc(2032, 12, 31).getTime(); t += DAY_MS) everyDay.push(new Date(t));

/** Every half hour of the two days either side of each clock change and of 1 January, 1 April and 1 July. */
const awkward: Date[] = [];
for (let year = 2008; year <= 2032; year += 1) {
  for (const centre of [lastSunday(year, 3), lastSunday(year, 10), utc(year, 4, 1), utc(year, 1, 1), utc(year, 7, 1)]) {
    for (let t = centre.getTime() - 2 * DAY_MS; t <= centre.getTime() + 2 * DAY_MS; t += 30 * 60_000) awkward.push(new Date(t));
  }
}

const START_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const FREQUENCIES: Frequency[] = ["WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY"];

describe("the clock changes used below", () => {
  it("fall on the last Sundays of March and October", () => {
    expect(lastSunday(2024, 3)).toEqual(utc(2024, 3, 31));
    expect(lastSunday(2024, 10)).toEqual(utc(2024, 10, 27));
    expect(lastSunday(2025, 3)).toEqual(utc(2025, 3, 30));
    expect(lastSunday(2025, 10)).toEqual(utc(2025, 10, 26));
  });
});

describe("financialYearOf without TZDate", () => {
  it("gives the year the TZDate version gave, for every day and around every boundary and clock change", () => {
    for (const startMonth of START_MONTHS) {
      for (const date of [...everyDay, ...awkward]) {
        if (financialYearOf(date, startMonth) !== old.financialYearOf(date, startMonth)) {
          expect({ date: date.toISOString(), startMonth, year: financialYearOf(date, startMonth) }).toEqual({ date: date.toISOString(), startMonth, year: old.financialYearOf(date, startMonth) });
        }
      }
    }
  });
});

describe("resolvePeriod, memoised", () => {
  const refs: PeriodRef[] = [];
  for (let year = 2005; year <= 2035; year += 1) {
    refs.push({ type: "YEAR", financialYear: year });
    for (const quarter of [1, 2, 3, 4] as const) refs.push({ type: "QUARTER", financialYear: year, quarter });
    for (let month = 1; month <= 12; month += 1) refs.push({ type: "MONTH", year, month });
  }
  // Weeks ending on every day of four years (not only Sundays, which officers may mistype).
  for (const date of everyDay.filter((d) => d.getUTCFullYear() >= 2023 && d.getUTCFullYear() <= 2026)) refs.push({ type: "WEEK", endsOn: date.toISOString().slice(0, 10) });

  it("gives what the TZDate version gave, the first time and from memory", () => {
    for (const startMonth of START_MONTHS) {
      const mismatches: string[] = [];
      for (const ref of refs) {
        const expected = old.resolvePeriod(ref, startMonth);
        for (const pass of [1, 2]) {
          const actual = resolvePeriod(ref, startMonth);
          if (JSON.stringify(actual) !== JSON.stringify(expected) || !(actual.startsOn instanceof Date) || !(actual.endsOn instanceof Date)) {
            mismatches.push(`${periodKey(ref)} from ${startMonth} (pass ${pass})`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }
  });

  it("gives each caller dates of its own", () => {
    const first = resolvePeriod({ type: "YEAR", financialYear: 2024 }, 4);
    first.startsOn.setUTCFullYear(1999);
    first.endsOn.setTime(0);
    first.label = "changed";
    const second = resolvePeriod({ type: "YEAR", financialYear: 2024 }, 4);
    expect(second).toEqual(old.resolvePeriod({ type: "YEAR", financialYear: 2024 }, 4));
    expect(second.startsOn).not.toBe(resolvePeriod({ type: "YEAR", financialYear: 2024 }, 4).startsOn);
  });

  it("does not confuse a year given as text with the number", () => {
    const asText = { type: "YEAR", financialYear: "2024" } as unknown as PeriodRef;
    resolvePeriod({ type: "YEAR", financialYear: 2024 }, 4);
    expect(resolvePeriod(asText, 4)).toEqual(old.resolvePeriod(asText, 4));
    expect(resolvePeriod({ type: "YEAR", financialYear: 2024 }, 4).label).toBe("2024/25");
  });
});

describe("periodsForEntry, memoised", () => {
  const check = (frequency: Frequency, startMonth: number, today: Date) => {
    const expected = JSON.stringify(old.periodsForEntry(frequency, startMonth, today));
    const first = periodsForEntry(frequency, startMonth, today);
    const again = periodsForEntry(frequency, startMonth, today);
    return JSON.stringify(first) === expected && JSON.stringify(again) === expected && first[0]?.startsOn !== again[0]?.startsOn;
  };

  it("gives the periods the TZDate version gave, for every day of a year and every frequency", () => {
    const mismatches: string[] = [];
    for (const startMonth of [1, 4]) {
      for (const frequency of FREQUENCIES) {
        for (const today of everyDay.filter((d) => d >= utc(2024, 3, 1) && d < utc(2025, 3, 1))) {
          if (!check(frequency, startMonth, today)) mismatches.push(`${frequency} from ${startMonth} on ${today.toISOString()}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("and around every clock change and year boundary, for every start month", () => {
    const mismatches: string[] = [];
    const times: Date[] = [];
    for (const year of [2024, 2025]) {
      for (const centre of [lastSunday(year, 3), lastSunday(year, 10), utc(year, 4, 1), utc(year, 1, 1), utc(year, 7, 1)]) {
        for (const offset of [-DAY_MS, -3_600_000, -1, 0, 3_600_000, DAY_MS]) times.push(new Date(centre.getTime() + offset));
      }
    }
    for (const startMonth of START_MONTHS) {
      for (const frequency of FREQUENCIES) {
        for (const today of times) if (!check(frequency, startMonth, today)) mismatches.push(`${frequency} from ${startMonth} at ${today.toISOString()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("shareOfYear without TZDate", () => {
  it("gives the share the TZDate version gave, for every day and the hours around every boundary and clock change", () => {
    const mismatches: string[] = [];
    for (const startMonth of [1, 4]) {
      for (let financialYear = 2008; financialYear <= 2031; financialYear += 1) {
        const year = resolvePeriod({ type: "YEAR", financialYear }, startMonth);
        const from = year.startsOn.getTime() - 40 * DAY_MS;
        const to = year.endsOn.getTime() + 40 * DAY_MS;
        const upTos = [...everyDay, ...awkward].filter((d) => d.getTime() >= from && d.getTime() <= to);
        for (const upTo of upTos) {
          const actual = shareOfYear(year, upTo).toString();
          const expected = old.shareOfYear(year, upTo).toString();
          if (actual !== expected) mismatches.push(`${year.label} to ${upTo.toISOString()}: ${actual} not ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("counts from a start that is not a midnight as the TZDate version did", () => {
    for (const start of awkward.filter((_, i) => i % 7 === 0)) {
      const year: MeasuredPeriod = { type: "YEAR", startsOn: start, endsOn: new Date(start.getTime() + 364 * DAY_MS + 3_600_000), financialYear: 0, label: "" };
      for (const hours of [0, 1, 23, 24, 25, 24 * 180 + 12]) {
        const upTo = new Date(start.getTime() + hours * 3_600_000);
        expect(shareOfYear(year, upTo).toString()).toBe(old.shareOfYear(year, upTo).toString());
      }
    }
  });
});

describe("the chart's day arithmetic without TZDate", () => {
  // chart-data.ts now adds and takes a day as 86,400,000 ms and reads the start month
  // with getUTCMonth; these are the TZDate calls it replaced.
  it("a day later and a day earlier are what addDays in UTC gave", () => {
    for (const date of [...everyDay, ...awkward]) {
      expect(new Date(date.getTime() + DAY_MS).getTime()).toBe(old.periodEnd(date).getTime());
      expect(new Date(date.getTime() - DAY_MS).getTime()).toBe(old.dayBefore(date).getTime());
    }
  });

  it("a year's start month is what TZDate in UTC read", () => {
    for (const startMonth of START_MONTHS) {
      for (let financialYear = 2008; financialYear <= 2032; financialYear += 1) {
        const year = resolvePeriod({ type: "YEAR", financialYear }, startMonth);
        expect(year.startsOn.getUTCMonth() + 1).toBe(old.startMonthOf(year.startsOn));
      }
    }
  });
});

describe("formatCalendarDate, memoised", () => {
  it("writes what the TZDate version wrote, the first time and from memory", () => {
    const mismatches: string[] = [];
    for (const pass of [1, 2]) {
      for (const date of [...everyDay, ...awkward]) {
        const actual = formatCalendarDate(date);
        if (actual !== old.formatCalendarDate(date)) mismatches.push(`${date.toISOString()} (pass ${pass}): ${actual}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("still refuses an invalid date", () => {
    expect(() => formatCalendarDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
