// Dates as officers write them, in the partnership's time zone (Europe/London).
// Calendar dates (@db.Date) arrive as midnight UTC and are formatted in UTC so a
// date never shifts by a day; instants are formatted in the partnership's zone.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export const DEFAULT_TIME_ZONE = "Europe/London";

// A board page writes a few hundred dates, mostly the same few dozen, and each
// formatting builds a time-zone-aware date: the text depends only on the instant.
// Bounded so a long-running server cannot grow it without end.
const CALENDAR_DATE_LIMIT = 10_000;
const calendarDates = new Map<number, string>();

/** "15 January 2013" */
export function formatCalendarDate(date: Date): string {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) return format(new TZDate(date, "UTC"), "d MMMM yyyy");
  let text = calendarDates.get(time);
  if (text === undefined) {
    text = format(new TZDate(date, "UTC"), "d MMMM yyyy");
    if (calendarDates.size >= CALENDAR_DATE_LIMIT) calendarDates.clear();
    calendarDates.set(time, text);
  }
  return text;
}

/** "6:30pm", as GOV.UK writes times; "12pm" for midday. */
export function formatTimeOfDay(time: Date): string {
  const t = new TZDate(time, "UTC");
  return t.getMinutes() === 0 ? format(t, "haaa") : format(t, "h:mmaaa");
}

/** "15 January 2013 at 2:05pm" for an instant, in the given zone. */
export function formatInstant(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const t = new TZDate(instant, timeZone);
  return `${format(t, "d MMMM yyyy")} at ${t.getMinutes() === 0 ? format(t, "haaa") : format(t, "h:mmaaa")}`;
}

/** Today's calendar date in the zone, as the midnight-UTC Date that @db.Date columns compare with. */
export function todayIn(timeZone = DEFAULT_TIME_ZONE, now = new Date()): Date {
  const local = new TZDate(now, timeZone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** "2010/11" for the financial year starting in 2010. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** "2011-14" for a strategy covering 2011/12 to 2013/14. */
export function strategyPeriodLabel(startYear: number, endYear: number): string {
  return `${startYear}-${String((endYear + 1) % 100).padStart(2, "0")}`;
}

/** A strategy's title with its period, unless the title already says it ("... 2011-2014"). */
export function strategyHeading(strategy: { title: string; startYear: number; endYear: number }): string {
  return strategy.title.includes(String(strategy.startYear))
    ? strategy.title
    : `${strategy.title} (${strategyPeriodLabel(strategy.startYear, strategy.endYear)})`;
}
