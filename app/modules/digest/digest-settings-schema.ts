// The digest's settings forms: a board's (how many days before each meeting, and whether
// a manager approves it first) and the partnership's (whether progress notes go in it).
import { z } from "zod";

export const MAX_DIGEST_DAYS_BEFORE = 60;

const daysMessage = `Enter a whole number of days from 0 to ${MAX_DIGEST_DAYS_BEFORE}, like 5`;

export const BoardDigestSettingsSchema = z.object({
  intent: z.literal("digest"),
  digestDaysBefore: z
    .string({ error: "Enter how many days before each meeting the briefing goes, like 5" })
    .trim()
    .regex(/^\d{1,3}$/, { error: daysMessage })
    .refine((typed) => Number(typed) <= MAX_DIGEST_DAYS_BEFORE, { error: daysMessage })
    .transform(Number),
  reminderDaysBefore: z
    .string({ error: "Enter how many days before the briefing lead officers are reminded, like 3" })
    .trim()
    .regex(/^\d{1,3}$/, { error: daysMessage })
    .refine((typed) => Number(typed) <= MAX_DIGEST_DAYS_BEFORE, { error: daysMessage })
    .transform(Number),
  // A ticked checkbox sends its value; an unticked one sends nothing.
  digestNeedsApproval: z
    .array(z.literal("yes"))
    .or(z.literal("yes"))
    .optional()
    .transform((value) => value !== undefined && (!Array.isArray(value) || value.length > 0)),
});
export type BoardDigestSettingsInput = z.infer<typeof BoardDigestSettingsSchema>;

export const DigestNotesSettingSchema = z.object({
  digestIncludesNotes: z.enum(["no", "yes"], { error: "Choose whether briefings include progress notes" }).transform((value) => value === "yes"),
});
export type DigestNotesSettingInput = z.infer<typeof DigestNotesSettingSchema>;
