// Periods written the way officers write them in a spreadsheet: "2013/14", "Q2 2013/14",
// "January 2013" or "Jan 2013", "Week ending 13 January 2013" or the ISO date the week
// ends on. Anything else is refused rather than guessed: "01/02/2013" is January in
// one spreadsheet and February in another.
import { TZDate } from "@date-fns/tz";
import { format, isSunday, isValid, parse } from "date-fns";
import type { PeriodRef } from "~/modules/profiles/profile-schema";
import { periodTypeOf, type Frequency, type PeriodType } from "~/modules/periods/periods";

export type ParsedPeriod = { ok: true; ref: PeriodRef } | { ok: false; message: string };

export function acceptedPeriodForms(startMonth: number) {
  const year = startMonth === 1 ? "2013" : "2013/14";
  return `${year}, Q2 ${year}, January 2013 (or Jan 2013), Week ending 13 January 2013, or 2013-01-13 for the week ending that day`;
}

const EXAMPLE_BY_TYPE = (startMonth: number): Record<PeriodType, string> => {
  const year = startMonth === 1 ? "2013" : "2013/14";
  return { YEAR: year, QUARTER: `Q2 ${year}`, MONTH: "January 2013", WEEK: "Week ending 13 January 2013 (or 2013-01-13)" };
};

const FREQUENCY_WORD: Record<Frequency, string> = { WEEKLY: "weekly", MONTHLY: "monthly", QUARTERLY: "quarterly", YEARLY: "yearly" };

/** "NI 16 is reported quarterly: write the period like Q2 2013/14". */
export function wrongFrequencyMessage(indicatorName: string, frequency: Frequency, startMonth: number) {
  return `${indicatorName} is reported ${FREQUENCY_WORD[frequency]}: write the period like ${EXAMPLE_BY_TYPE(startMonth)[periodTypeOf(frequency)]}`;
}

/** "2013/14" (or "2013" where the year starts in January) to the year it starts in. */
function financialYearOfText(text: string, startMonth: number): number | "mistyped" | null {
  if (startMonth === 1) {
    const plainYear = /^(\d{4})$/.exec(text);
    return plainYear ? Number(plainYear[1]) : null;
  }
  const match = /^(\d{4})\s*\/\s*(\d{2}|\d{4})$/.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2]!;
  const follows = end.length === 2 ? Number(end) === (start + 1) % 100 : Number(end) === start + 1;
  return follows ? start : "mistyped";
}

function dateFrom(text: string, pattern: string): Date | null {
  const date = parse(text, pattern, new TZDate(2000, 0, 1, "UTC"));
  // parse is lenient about what follows a month name; round-tripping is not.
  return isValid(date) ? date : null;
}

function weekEnding(date: Date, typed: string): ParsedPeriod {
  if (!isSunday(date)) {
    return { ok: false, message: `${typed} is a ${format(date, "EEEE")}: weeks end on a Sunday` };
  }
  return { ok: true, ref: { type: "WEEK", endsOn: format(date, "yyyy-MM-dd") } };
}

export function parsePeriodText(raw: string, startMonth: number): ParsedPeriod {
  const text = raw.trim().replace(/\s+/g, " ");
  const otherwise: ParsedPeriod = { ok: false, message: `Write the period as ${acceptedPeriodForms(startMonth)}` };
  if (!text) return { ok: false, message: "Enter the period the figure is for" };

  const year = financialYearOfText(text, startMonth);
  if (year === "mistyped") return { ok: false, message: `${text} is not a financial year: write it like ${startMonth === 1 ? "2013" : "2013/14"}` };
  if (year !== null) return { ok: true, ref: { type: "YEAR", financialYear: year } };

  const quarter = /^Q([1-4]) (.+)$/i.exec(text);
  if (quarter) {
    const quarterYear = financialYearOfText(quarter[2]!, startMonth);
    if (typeof quarterYear !== "number") return otherwise;
    return { ok: true, ref: { type: "QUARTER", financialYear: quarterYear, quarter: Number(quarter[1]) as 1 | 2 | 3 | 4 } };
  }

  const week = /^week ending (.+)$/i.exec(text);
  if (week) {
    const date = dateFrom(week[1]!, "d MMMM yyyy") ?? dateFrom(week[1]!, "d MMM yyyy");
    return date ? weekEnding(date, week[1]!) : otherwise;
  }

  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = dateFrom(text, "yyyy-MM-dd");
    return date ? weekEnding(date, text) : { ok: false, message: `${text} is not a date` };
  }

  // "Sept" is how many people shorten September; date-fns knows only "Sep".
  const monthText = text.replace(/^sept\b\.?/i, "Sep");
  const month = dateFrom(monthText, "MMMM yyyy") ?? dateFrom(monthText, "MMM yyyy");
  if (month && /^[a-z]+ \d{4}$/i.test(monthText)) return { ok: true, ref: { type: "MONTH", year: month.getFullYear(), month: month.getMonth() + 1 } };

  return otherwise;
}
