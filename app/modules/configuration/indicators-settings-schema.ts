// The indicator, baseline and target forms' fields. Values are only text here: they
// are read against the indicator's unit on the server (parseFigureValue), so what was
// typed comes back exactly as typed.
import { z } from "zod";
import { dateInputSchema } from "~/utils/form-schemas";
import { optionalText, requiredText } from "./fields";

export const UNITS = ["COUNT", "PERCENTAGE", "RATE_PER_100", "RATE_PER_1000", "RATE_PER_100000", "SCORE", "RATIO"] as const;
export const RATE_UNITS: ReadonlySet<string> = new Set(["RATE_PER_100", "RATE_PER_1000", "RATE_PER_100000"]);
export const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export const FREQUENCIES = ["WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY"] as const;
export const REQUIRED_DIRECTIONS = ["INCREASE", "REDUCE", "MAINTAIN"] as const;
const LONG = 10000;

export const IndicatorSchema = z
  .object({
    code: optionalText("the code", 20),
    name: requiredText("the indicator's name"),
    description: optionalText("the description", LONG),
    unit: z.enum(UNITS, { error: "Choose the unit the indicator is measured in" }),
    direction: z.enum(DIRECTIONS, { error: "Choose whether higher or lower is better" }),
    denominatorId: z.string().trim().optional(),
    source: optionalText("the source"),
    frequency: z.enum(FREQUENCIES, { error: "Choose how often figures are reported" }),
    ownerBoardId: z.string().trim().optional(),
    responsibleBoardId: z.string().trim().optional(),
    leadAgencyId: z.string().trim().optional(),
    priorityIds: z.array(z.string().trim()).max(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (RATE_UNITS.has(value.unit) && !value.denominatorId) {
      ctx.addIssue({ code: "custom", path: ["denominatorId"], message: "Choose what the rate is per: residents, households or another population" });
    }
  });
export type IndicatorInput = z.infer<typeof IndicatorSchema>;

const valueText = z.string().trim().max(40, { error: "Enter a number, like 1234.5" }).optional();

export const BaselineSchema = z.object({
  intent: z.literal("baseline"),
  /** A financial year ("2010"), or empty for a baseline "to be established". */
  period: z.string().trim().optional(),
  value: valueText,
  count: valueText,
  note: optionalText("the note", 1000),
});
export type BaselineInput = z.infer<typeof BaselineSchema>;

export const TargetSchema = z
  .object({
    intent: z.literal("target"),
    period: z.string({ error: "Choose the year the target is for" }).trim().min(1, { error: "Choose the year the target is for" }),
    value: valueText,
    requiredDirection: z.enum(REQUIRED_DIRECTIONS).optional(),
    note: optionalText("the note", 1000),
    reason: optionalText("the reason", 1000),
    agreedBy: optionalText("who agreed it"),
    agreedOn: dateInputSchema("the date it was agreed", { required: false }),
  })
  .superRefine((value, ctx) => {
    if (!value.value && !value.requiredDirection) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Enter a target value, or choose only a direction" });
    }
  });
export type TargetInput = z.infer<typeof TargetSchema>;
