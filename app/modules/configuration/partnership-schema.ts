import { z } from "zod";
import { councilsField, monthField, optionalText, requiredText, wholeNumber } from "./fields";

export const PartnershipDetailsSchema = z.object({
  name: requiredText("the partnership's name"),
  councils: councilsField,
  policeForceArea: optionalText("police force area"),
  financialYearStartMonth: monthField,
  /** The financial year the residents and households below are for. */
  populationYear: z.coerce.number({ error: "Choose the year the numbers are for" }).int().min(2000).max(2100),
  residents: wholeNumber("residents"),
  households: wholeNumber("households"),
});

export type PartnershipDetailsInput = z.infer<typeof PartnershipDetailsSchema>;
