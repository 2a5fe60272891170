// Field rules the configuration forms share (sign-up, partnership details, agencies,
// people, boards), with messages a council officer would recognise.
import { z } from "zod";
import { slugProblem } from "~/modules/partnerships/slugs";

export const NAME_MAX_LENGTH = 200;

/** A required name-like text: trimmed, not empty, at most 200 characters. */
export function requiredText(what: string, emptyMessage = `Enter ${what}`) {
  return z
    .string({ error: emptyMessage })
    .trim()
    .min(1, { error: emptyMessage })
    .max(NAME_MAX_LENGTH, { error: `${capitalise(what)} must be ${NAME_MAX_LENGTH} characters or fewer` });
}

/** An optional text: empty becomes undefined. */
export function optionalText(what: string, max = NAME_MAX_LENGTH) {
  return z
    .string()
    .trim()
    .max(max, { error: `${capitalise(what)} must be ${max} characters or fewer` })
    .optional();
}

/** A whole number above 0, as typed: "212,000" is fine; "0", "-5", "lots" and "24.841 per 1000" are not. */
export function wholeNumber(what: string) {
  return z
    .string({ error: `Enter the number of ${what}` })
    .trim()
    .transform((typed) => typed.replace(/[,\s]/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: `Enter the number of ${what}` })
        // abort: one message is enough; "lots" is not a number, so "more than 0" would only confuse.
        .regex(/^-?\d+$/, { error: `The number of ${what} must be a whole number, like 212000`, abort: true })
        .refine((digits) => Number(digits) > 0, { error: `The number of ${what} must be more than 0` })
        .refine((digits) => digits.length <= 10, { error: `The number of ${what} is too large` }),
    );
}

/** The councils a partnership covers, one per line. */
export const councilsField = z
  .string({ error: "Enter the council or councils the partnership covers" })
  .transform((typed) =>
    typed
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(NAME_MAX_LENGTH, { error: `Each council's name must be ${NAME_MAX_LENGTH} characters or fewer` }))
      .min(1, { error: "Enter the council or councils the partnership covers" })
      .max(20, { error: "Enter at most 20 councils" })
      .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
        error: "Enter each council only once",
      }),
  );

export const slugField = z
  .string({ error: "Enter a web address for the partnership" })
  .trim()
  .superRefine((slug, ctx) => {
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const monthField = z.coerce
  .number({ error: "Choose the month the financial year starts" })
  .int()
  .min(1, { error: "Choose the month the financial year starts" })
  .max(12, { error: "Choose the month the financial year starts" });

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export const MONTH_OPTIONS = MONTHS.map((label, index) => ({ value: String(index + 1), label }));

/** An id chosen from a list: empty means none. */
export const optionalId = z.string().trim().optional();

export const yesNo = z.enum(["yes", "no"]).optional();

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type FieldErrors = Record<string, string[]>;

/** A form's answer when one field is wrong: the message goes by that field. */
export function invalid(field: string, message: string): { status: "invalid"; fieldErrors: FieldErrors } {
  return { status: "invalid", fieldErrors: { [field]: [message] } };
}
