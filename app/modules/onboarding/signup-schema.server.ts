// The sign-up form as the server checks it: the partnership's fields and the new
// account's, with the full password policy (server only: it carries a list of
// ~49,000 common passwords).
import { z } from "zod";
import { newPasswordSchema } from "~/modules/auth/password-policy.server";
import { requiredText } from "~/modules/configuration/fields";
import { NewPartnershipFields } from "./signup-schema";

export const SignUpSchema = z.object({
  name: requiredText("your full name"),
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, { error: "Email address must be 254 characters or fewer" })
    .email({ error: "Enter an email address in the correct format, like name@example.com" }),
  password: newPasswordSchema,
  ...NewPartnershipFields,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;
