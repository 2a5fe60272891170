// What the sign-up form sends. The account's password rules (length, not a common
// password) are added on the server only: signup-schema.server.ts.
import { z } from "zod";
import { councilsField, monthField, optionalText, requiredText, slugField, wholeNumber } from "~/modules/configuration/fields";

export const NewPartnershipFields = {
  partnershipName: requiredText("the partnership's name"),
  councils: councilsField,
  slug: slugField,
  policeForceArea: optionalText("police force area"),
  financialYearStartMonth: monthField,
  residents: wholeNumber("residents"),
  households: wholeNumber("households"),
};

export const NewPartnershipSchema = z.object(NewPartnershipFields);
export type NewPartnershipInput = z.infer<typeof NewPartnershipSchema>;

export const SignUpMessages = {
  slugTaken: "That web address is already taken: choose another",
  emailTaken: "There is already an account with this email address: sign in, then create the partnership",
} as const;
