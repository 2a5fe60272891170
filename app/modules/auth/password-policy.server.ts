// What a new password must be: at least 8 characters (NCSC and NIST guidance: length,
// no composition rules) and not one of the ~49,000 most common passwords, from the
// list zxcvbn-ts ships.
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** The zod schema for a new password field, with GOV.UK-style messages. */
export const newPasswordSchema = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, { error: `Password must be ${PASSWORD_MIN_LENGTH} characters or more` })
  .max(PASSWORD_MAX_LENGTH, { error: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer` })
  .refine((password) => !isCommonPassword(password), {
    error: "This password is too common: choose one that is harder to guess",
  });
