import { z } from "zod";
import { isPoliceUkCrimeType } from "./crime-types";

/** The name of the import form's file input. */
export const POLICE_UK_FILES_FIELD = "files";

/** England's and Wales's LSOA codes: "E01000001", "W01000001". */
export const LSOA_CODE = /^[EW]01\d{6}$/;

function linesOf(text: string | undefined) {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const unique = (values: string[]) => [...new Set(values)];

export const PoliceUkSettingsSchema = z.object({
  lsoaNamePrefixes: z
    .string()
    .max(20_000, { error: "Enter fewer names" })
    .optional()
    .superRefine((text, ctx) => {
      linesOf(text).forEach((line, i) => {
        if (line.length > 100) ctx.addIssue({ code: "custom", message: `Line ${i + 1} is longer than 100 characters: enter the start of an LSOA name, like Tatton Vale` });
      });
    })
    .transform((text) => unique(linesOf(text))),
  lsoaCodes: z
    .string()
    .max(200_000, { error: "Enter fewer codes" })
    .optional()
    .superRefine((text, ctx) => {
      const wrong = linesOf(text)
        .map((line, i) => ({ line: i + 1, code: line.toUpperCase() }))
        .filter(({ code }) => !LSOA_CODE.test(code));
      if (wrong.length > 0) {
        const first = wrong[0]!;
        ctx.addIssue({
          code: "custom",
          message: `Line ${first.line}: "${first.code.slice(0, 20)}" is not an LSOA code. Enter one code a line, like E01000001${wrong.length > 1 ? ` (${wrong.length} lines are wrong)` : ""}`,
        });
      }
    })
    .transform((text) => unique(linesOf(text).map((line) => line.toUpperCase()))),
  mappings: z
    .array(
      z.object({
        crimeType: z.string().refine(isPoliceUkCrimeType, { error: "Choose a police.uk crime type" }),
        indicatorId: z.string().optional(),
      }),
    )
    .default([]),
});
export type PoliceUkSettingsInput = z.infer<typeof PoliceUkSettingsSchema>;
