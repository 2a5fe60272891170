import { z } from "zod";
import { NOTE_MAX_LENGTH } from "~/modules/actions/action-schema";

// The value is checked against the indicator's unit on the server (parseFigureValue);
// here it is only text, so what was typed comes back exactly as typed.
export const FigureEntrySchema = z.object({
  period: z.string({ error: "Select the period the figure is for" }).min(1, { error: "Select the period the figure is for" }),
  // Optional here: a rate worked out from a count has no figure typed (readFigure says what is needed).
  value: z.string().trim().max(40, { error: "Enter a number, like 1234.5" }).optional(),
  count: z.string().trim().max(40, { error: "Enter a number, like 1234" }).optional(),
  note: z.string().trim().max(NOTE_MAX_LENGTH, { error: `Note must be ${NOTE_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer` }).optional(),
  /** When the form was opened: a figure for the period saved after it was someone else's. */
  openedAt: z.coerce.date({ error: "Reload the page and try again" }),
});

export type FigureEntryInput = z.infer<typeof FigureEntrySchema>;
