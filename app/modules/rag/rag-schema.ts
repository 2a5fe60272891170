import { z } from "zod";

export const RagSettingsSchema = z.object({
  tolerance: z
    .string({ error: "Enter the tolerance, like 5" })
    .trim()
    .transform((typed) => typed.replace(/%$/, "").trim())
    .pipe(
      z
        .string()
        .min(1, { error: "Enter the tolerance, like 5" })
        .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: "Enter the tolerance as a number, like 5 or 2.5" })
        .refine((t) => Number(t) <= 100, { error: "Enter a tolerance of 100 or less" }),
    ),
});
export type RagSettingsInput = z.infer<typeof RagSettingsSchema>;
