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
  const d = new TZDate(date, "UTC");
  return d.getMonth() + 1 >= startMonth ? d.getFullYear() : d.getFullYear() - 1;
}

function yearLabel(financialYear: number, startMonth: number) {
  return startMonth === 1 ? String(financialYear) : financialYearLabel(financialYear);
}

export function resolvePeriod(ref: PeriodRef, startMonth: number): ResolvedPeriod {
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
