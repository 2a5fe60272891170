// zod pieces every form shares, with the words GOV.UK's design system uses.
import { z } from "zod";

/** The three parts of a GOV.UK date input, as a Date at midnight UTC (a calendar date). */
export function dateInputSchema(label: string, options: { required: boolean }) {
  return z
    .object({ day: z.string().trim().optional(), month: z.string().trim().optional(), year: z.string().trim().optional() })
    .optional()
    .transform((parts, ctx) => {
      const { day = "", month = "", year = "" } = parts ?? {};
      if (!day && !month && !year) {
        if (options.required) ctx.addIssue({ code: "custom", message: `Enter ${label}` });
        return undefined;
      }
      const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
      if (missing.length > 0) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} must include a ${missing.join(" and ")}` });
        return z.NEVER;
      }
      const [d, m, y] = [day, month, year].map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      const real = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) && date.getUTCDate() === d && date.getUTCMonth() === m - 1;
      if (!real) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} must be a real date` });
        return z.NEVER;
      }
      return date;
    });
}

/** The parts of a calendar date, to fill a GOV.UK date input again. */
export function dateInputValue(date: Date | null | undefined) {
  if (!date) return undefined;
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
