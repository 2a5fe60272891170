// "Forgotten your password?": a link by e-mail, single use, valid one hour. Only the
// SHA-256 of the token is stored (PasswordReset), so the table cannot be used to
// reset anyone's password. The answer to the form is the same, after the same
// time, whether or not the e-mail belongs to an account.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { setTimeout as sleep } from "node:timers/promises";
import { createElement } from "react";
import { PasswordResetEmail, passwordResetSubject } from "../../../emails/password-reset";
import { renderEmail } from "../../../emails/_components/render";
import { findUserByEmail } from "~/modules/registry/registry.server";
import { db } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { sendAccountChangedEmail } from "./account-notices.server";
import { hashPassword } from "./password.server";
import { createSession, sessionCookie } from "./session.server";
import { clearFailures, throttleKeys } from "./throttle.server";

export const RESET_LINK_VALID_MS = 60 * 60 * 1000;
/** Links per account per hour: enough for a lost e-mail, too few to flood an inbox. */
export const MAX_RESET_LINKS_PER_HOUR = 5;
/**
 * Every answer to the form takes at least this long, so that sending (a database
 * write and a call to Resend) does not make known accounts answer more slowly.
 */
export const RESET_REQUEST_MIN_DURATION_MS = 1000;

const TOKEN_PATTERN = /^[a-z2-7]{52}$/; // 32 random bytes in lower-case base32

function newResetToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashResetToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Sends a reset link if the e-mail belongs to an account. Returns nothing either
 * way: the caller shows the same page. A failure to send is logged, not shown,
 * since showing it would say the account exists.
 */
export async function requestPasswordReset(
  email: string,
  options: { minimumDurationMs?: number; now?: Date } = {},
): Promise<void> {
  const started = Date.now();
  try {
    await sendResetLinkIfAccountExists(email, options.now ?? new Date());
  } catch (error) {
    console.error("Could not send a password reset link", error);
  }
  const left = started + (options.minimumDurationMs ?? RESET_REQUEST_MIN_DURATION_MS) - Date.now();
  if (left > 0) await sleep(left);
}

async function sendResetLinkIfAccountExists(email: string, now: Date) {
  const token = newResetToken();
  const tokenHash = hashResetToken(token);
  const user = await findUserByEmail(email);
  // Rendered for an unknown e-mail too: both answers do the same work up to sending.
  const { html, text } = await renderEmail(
    createElement(PasswordResetEmail, {
      name: user?.name ?? "",
      resetUrl: new URL(`/reset-password/${token}`, env().APP_URL).toString(),
      validFor: "1 hour",
    }),
  );
  if (!user) return;
  const recent = await db().passwordReset.count({
    where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
  });
  if (recent >= MAX_RESET_LINKS_PER_HOUR) return;
  await db().passwordReset.create({
    data: { userId: user.id, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_VALID_MS) },
  });
  await sendEmail({ to: user.email, subject: passwordResetSubject, html, text, idempotencyKey: `password-reset:${tokenHash}` });
}

export type UnusableReason = "unknown" | "used" | "expired";
export type ResetLinkCheck = { status: "usable"; email: string } | { status: "unusable"; reason: UnusableReason };

/** Whether the link in the e-mail still works, for the page it opens. */
export async function checkResetLink(token: string, now = new Date()): Promise<ResetLinkCheck> {
  if (!TOKEN_PATTERN.test(token)) return { status: "unusable", reason: "unknown" };
  const reset = await db().passwordReset.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  const reason = unusableReason(reset, now);
  return reason ? { status: "unusable", reason } : { status: "usable", email: reset!.user.email };
}

function unusableReason(reset: { usedAt: Date | null; expiresAt: Date } | null, now: Date): UnusableReason | null {
  if (!reset) return "unknown";
  if (reset.usedAt) return "used";
  if (reset.expiresAt <= now) return "expired";
  return null;
}

export type ResetPasswordResult =
  | { status: "reset"; userId: string; cookie: string; needsSecondStep: boolean }
  | { status: "unusable"; reason: UnusableReason };

/**
 * Sets the new password (already checked against the password policy), uses up the
 * link and every other link of the account, ends all the account's sessions and
 * signs this browser in with a fresh one. Someone with two-step verification still
 * has to enter a code: the e-mail proves the inbox, not the phone.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<ResetPasswordResult> {
  if (!TOKEN_PATTERN.test(token)) return { status: "unusable", reason: "unknown" };
  const passwordHash = await hashPassword(newPassword);
  const outcome = await db().$transaction(
    async (tx) => {
      const reset = await tx.passwordReset.findUnique({
        where: { tokenHash: hashResetToken(token) },
        select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true, name: true, totpEnabledAt: true } } },
      });
      const reason = unusableReason(reset, now);
      if (reason || !reset) return { status: "unusable" as const, reason: reason ?? "unknown" };
      // Two tabs sending the same link at once: the row lock lets one through.
      const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: now } });
      if (count !== 1) return { status: "unusable" as const, reason: "used" as const };
      await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
      await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangedAt: now } });
      await tx.session.deleteMany({ where: { userId: reset.userId } });
      return { status: "reset" as const, userId: reset.userId, user: reset.user };
    },
    { timeout: 15_000 },
  );
  if (outcome.status !== "reset") return outcome;

  // Whoever holds the inbox may sign in at once, whatever wrong guesses came before.
  await clearFailures(throttleKeys.account(outcome.user.email));
  const sessionToken = await createSession(outcome.userId);
  await sendAccountChangedEmail(outcome.user, "password-reset");
  return {
    status: "reset",
    userId: outcome.userId,
    cookie: sessionCookie(sessionToken),
    needsSecondStep: outcome.user.totpEnabledAt !== null,
  };
}
