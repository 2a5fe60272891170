// The board progress report's date: `?date=2013-09-26` in its address (so a report can
// be linked to and bookmarked), chosen with a GOV.UK date input (day, month, year).
import { z } from "zod";
import { dateInputSchema } from "~/utils/form-schemas";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the report date as a real date, like 26 9 2013" })
  .transform((value, ctx) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "The report date must be a real date" });
      return z.NEVER;
    }
    return date;
  });

/** `?date=`: absent means today. A date after today is refused (there are no figures for it). */
export function reportDateSchema(today: Date) {
  return z.object({
    date: isoDate.refine((date) => date <= today, { error: "The report date must be today or in the past" }).optional(),
  });
}

/** The date input's three parts, sent by the form to choose another date. */
export function reportDateInputSchema(today: Date) {
  return z.object({
    date: dateInputSchema("the report date", { required: true }).refine((date) => !date || date <= today, {
      error: "The report date must be today or in the past",
    }),
  });
}

/** "2013-09-26" for the address. */
export function reportDateParam(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Reads the report's date from its address: the date input's parts (day, month, year)
 * when the form sent them, else `date`. Returns the date (undefined: today), or the
 * error to show beside the input and the parts as typed.
 */
export function parseReportDate(searchParams: URLSearchParams, today: Date) {
  const parts = { day: searchParams.get("day") ?? undefined, month: searchParams.get("month") ?? undefined, year: searchParams.get("year") ?? undefined };
  if (parts.day !== undefined || parts.month !== undefined || parts.year !== undefined) {
    const parsed = reportDateInputSchema(today).safeParse({ date: parts });
    return parsed.success
      ? { ok: true as const, date: parsed.data.date, fromInput: true }
      : { ok: false as const, error: parsed.error.issues[0]?.message ?? "Enter a real date", typed: parts };
  }
  const parsed = reportDateSchema(today).safeParse({ date: searchParams.get("date") ?? undefined });
  return parsed.success
    ? { ok: true as const, date: parsed.data.date, fromInput: false }
    : { ok: false as const, error: parsed.error.issues[0]?.message ?? "Enter a real date", typed: { day: "", month: "", year: "" } };
}
