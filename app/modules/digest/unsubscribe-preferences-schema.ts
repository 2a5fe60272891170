import { z } from "zod";

/** The preferences form: the boards whose digest stays on, and whether reminders do. */
export const EmailPreferencesSchema = z.object({
  digestBoardIds: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: "Choose from the list" })).max(200),
  ),
  reminders: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});
export type EmailPreferencesInput = z.infer<typeof EmailPreferencesSchema>;
