// The strategy and priority forms' fields, shared by the settings pages and the domain
// functions (app/modules/configuration/strategy.server.ts).
import { z } from "zod";
import { optionalText, requiredText } from "./fields";

export const LONG_TEXT_MAX_LENGTH = 10000;
export const MAX_LEADS = 4;
export const MAX_STRATEGY_YEARS = 10;

const year = (what: string) =>
  z
    .string({ error: `Enter the ${what}, like 2011` })
    .trim()
    .min(1, { error: `Enter the ${what}, like 2011` })
    .regex(/^\d{4}$/, { error: `Enter the ${what} as 4 digits, like 2011` })
    .transform(Number)
    .refine((y) => y >= 1990 && y <= 2100, { error: `Enter the ${what} between 1990 and 2100` });

export const StrategySchema = z
  .object({
    title: requiredText("the strategy's title"),
    startYear: year("first financial year"),
    endYear: year("last financial year"),
    then: z.enum(["setup"]).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.endYear < value.startYear) {
      ctx.addIssue({ code: "custom", path: ["endYear"], message: "The last financial year must be the same as or after the first" });
    } else if (value.endYear - value.startYear + 1 > MAX_STRATEGY_YEARS) {
      ctx.addIssue({ code: "custom", path: ["endYear"], message: `A strategy can cover at most ${MAX_STRATEGY_YEARS} years` });
    }
  });
export type StrategyInput = z.infer<typeof StrategySchema>;

const longText = (what: string) => optionalText(what, LONG_TEXT_MAX_LENGTH);

const LeadSchema = z.object({ agencyId: z.string().trim().optional(), personId: z.string().trim().optional() });

export const PrioritySchema = z.object({
  /** The version the form was opened with (editing only). */
  version: z.coerce.number().int().positive().optional(),
  number: z
    .string({ error: "Enter the priority's number, like 3" })
    .trim()
    .min(1, { error: "Enter the priority's number, like 3" })
    .regex(/^\d{1,2}$/, { error: "Enter the priority's number as a whole number from 1 to 99, like 3" })
    .transform(Number)
    .refine((n) => n >= 1, { error: "Enter the priority's number as a whole number from 1 to 99, like 3" }),
  title: requiredText("the priority's title"),
  whyPriority: longText("why it is a priority"),
  whatWeWillDo: longText("what we will do"),
  responsibleBoardId: z.string().trim().optional(),
  leads: z
    .array(LeadSchema)
    .max(MAX_LEADS)
    .optional()
    // Rows keep their places (an error names the row as the form numbered it); empty rows are skipped when saving.
    .transform((leads) => leads ?? [])
    .refine((leads) => leads.some((lead) => lead.agencyId || lead.personId), { error: "Add at least one lead: an agency, a person, or both" }),
});
export type PriorityInput = z.infer<typeof PrioritySchema>;

export const PriorityChangeSchema = z.object({
  intent: z.enum(["move-up", "move-down", "archive", "restore", "delete"], { error: "Choose what to do" }),
  priorityId: z.string({ error: "Choose a priority" }).trim().min(1, { error: "Choose a priority" }),
});
export type PriorityChangeInput = z.infer<typeof PriorityChangeSchema>;

/** The most priorities one "set numbers" form sends; a strategy has far fewer. */
export const MAX_PRIORITIES = 99;

/**
 * The "set numbers" form: each priority's id and the number typed for it. Numbers stay
 * text here: the range (1 to the strategy's count) and the priorities' titles, which the
 * messages name, are known only on the server (renumberPriorities).
 */
export const PriorityNumbersSchema = z.object({
  intent: z.literal("renumber"),
  priorities: z
    .array(z.object({ id: z.string({ error: "Choose a priority" }).trim(), number: z.string().trim().optional() }), {
      error: "Choose the priorities to number",
    })
    .min(1, { error: "Choose the priorities to number" })
    .max(MAX_PRIORITIES),
});
export type PriorityNumbersInput = z.infer<typeof PriorityNumbersSchema>;
