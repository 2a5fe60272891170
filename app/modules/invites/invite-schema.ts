// What the invite and accept forms send, shared by the form (in the browser) and the
// server. The password rules are checked on the server only (accept-schema.server.ts):
// the common-passwords list must not reach the browser bundle.
import { z } from "zod";
import { requireAgencyForEditor, roleSchema } from "~/modules/members/member-schema";

export const INVITE_VALID_DAYS = 7;

export const InviteSchema = z
  .object({
    email: z
      .string({ error: "Enter an email address" })
      .trim()
      .email({ error: "Enter an email address in the correct format, like name@example.com" })
      .max(254, { error: "Email address must be 254 characters or fewer" }),
    role: roleSchema,
    agencyId: z.string().trim().optional(),
  })
  .superRefine(requireAgencyForEditor);

export const CreateAccountSchema = z.object({
  intent: z.literal("create-account"),
  name: z
    .string({ error: "Enter your full name" })
    .trim()
    .min(1, { error: "Enter your full name" })
    .max(200, { error: "Full name must be 200 characters or fewer" }),
  password: z.string({ error: "Enter a password" }),
});

/** The Resend and Revoke buttons on the members page. */
export const InviteActionSchema = z.object({
  intent: z.enum(["resend", "revoke"]),
  inviteId: z.string(),
});
