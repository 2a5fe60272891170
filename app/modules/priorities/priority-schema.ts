import { z } from "zod";

export const PRIORITY_TEXT_MAX_LENGTH = 10000;

const longText = (label: string) =>
  z
    .string()
    .trim()
    .max(PRIORITY_TEXT_MAX_LENGTH, { error: `${label} must be ${PRIORITY_TEXT_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer` })
    .optional();

export const PriorityUpdateSchema = z.object({
  version: z.coerce.number({ error: "Reload the page and try again" }).int().positive(),
  whatWeWillDo: longText("What we will do"),
  progressSummary: longText("Progress summary"),
});

export type PriorityUpdateInput = z.infer<typeof PriorityUpdateSchema>;
