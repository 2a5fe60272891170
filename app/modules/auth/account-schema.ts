// The account forms' fields, shared by the form (Conform) and the server. The rules
// for a new password (length, not a common password) are checked on the server only,
// in account-schema.server.ts: that list must not reach the browser.
import { z } from "zod";

const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .email({ error: "Enter an email address in the correct format, like name@example.com" });

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z.object({ password: z.string({ error: "Enter a new password" }) });

export const ChangePasswordSchema = z.object({
  intent: z.literal("change-password"),
  currentPassword: z.string({ error: "Enter your current password" }),
  newPassword: z.string({ error: "Enter a new password" }),
});

export const SecondStepSchema = z.object({
  code: z.string({ error: "Enter the code from your authenticator app, or a recovery code" }).trim(),
  redirectTo: z.string().optional(),
});

export const ConfirmSetupSchema = z.object({
  intent: z.literal("turn-on"),
  setupToken: z.string(),
  code: z
    .string({ error: "Enter the 6-digit code from your authenticator app" })
    .transform((code) => code.replace(/\s/g, ""))
    .refine((code) => /^\d{6}$/.test(code), { error: "Enter the code as 6 digits, like 123456" }),
});

export const TurnOffSchema = z
  .object({ intent: z.literal("turn-off"), code: z.string().trim().optional(), password: z.string().optional() })
  .superRefine((value, ctx) => {
    if (!value.code && !value.password) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "Enter a code from your authenticator app, or your password" });
    }
  });

export const SecuritySettingsSchema = z.object({
  requireManagerTwoFactor: z.enum(["yes", "no"], {
    error: "Select yes if partnership managers must use two-step verification",
  }),
});

/** What the forms say when the server refuses. */
export const AccountMessages = {
  wrongCurrentPassword: "Your current password is not correct",
  wrongPassword: "Your password is not correct",
  wrongSetupCode: "The code is not correct. Enter the 6-digit code your authenticator app shows now",
  wrongSecondStepCode: "The code is not correct. Enter the code your authenticator app shows now, or an unused recovery code",
  usedRecoveryCode: "This recovery code has already been used. Enter a code from your authenticator app, or another recovery code",
  turnOnYourOwnFirst: "Turn on two-step verification for your own account before you require it of managers",
  setupExpired: "Something went wrong with the set-up. Scan the new QR code below and enter a code again",
} as const;
