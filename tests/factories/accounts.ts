// Account helpers for tests: reset links from the outbox, and users with two-step
// verification, set up through the same functions as the pages.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { requestPasswordReset } from "~/modules/auth/password-reset.server";
import { createSession, sessionCookieName, validateSessionToken } from "~/modules/auth/session.server";
import { confirmTwoFactorSetup, startTwoFactorSetup } from "~/modules/auth/two-factor.server";
import { readOutbox } from "~/utils/email.server";

/** Asks for a reset link (without the response-time floor) and returns the token e-mailed. */
export async function requestLinkFor(email: string) {
  await requestPasswordReset(email, { minimumDurationMs: 0 });
  return latestResetToken(email);
}

/** The token in the newest reset e-mail to this address, as someone clicking it would have. */
export async function latestResetToken(email: string) {
  const [newest] = await readOutbox({ to: email, take: 1 });
  const token = newest?.text.match(/\/reset-password\/([a-z2-7]+)/)?.[1];
  if (!token) throw new Error(`no reset link in the outbox for ${email}`);
  return { token, email: newest! };
}

/** The code an authenticator app holding this key shows now. */
export function totpCode(key: Uint8Array) {
  return generateTOTP(key, 30, 6);
}

/** The key as the set-up page shows it for typing ("ABCD EFGH ..."). */
export function keyFromTyping(keyForTyping: string) {
  return decodeBase32IgnorePadding(keyForTyping.replace(/\s/g, ""));
}

/** Turns two-step verification on for the user, from a fresh session of theirs. */
export async function turnOnTwoFactor(user: { id: string; email: string }) {
  const token = await createSession(user.id);
  const session = (await validateSessionToken(token))!;
  const setup = startTwoFactorSetup(user);
  const key = keyFromTyping(setup.keyForTyping);
  const result = await confirmTwoFactorSetup(session, { setupToken: setup.setupToken, code: totpCode(key) });
  if (result.status !== "turned-on") throw new Error(`could not turn on two-step verification: ${result.status}`);
  return { key, recoveryCodes: result.recoveryCodes, cookie: `${sessionCookieName()}=${token}` };
}
