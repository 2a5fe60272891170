import { z } from "zod";

export const SignInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .email({ error: "Enter an email address in the correct format, like name@example.com" }),
  password: z.string({ error: "Enter your password" }).min(1, { error: "Enter your password" }),
  redirectTo: z.string().optional(),
});

/** One message for a wrong password and an unknown e-mail: it must not say which. */
export const SIGN_IN_FAILED = "Enter a correct email address and password";
