// Two-step verification with an authenticator app (TOTP, RFC 6238: 6 digits every
// 30 seconds), and 10 single-use recovery codes for when the phone is lost.
//
// Setting up: the page shows a new key (QR code and text). The key is not stored
// until the person proves their app has it by entering a code; meanwhile it travels
// in the form as `key.signature`, signed with SESSION_SECRET for this user, so a
// form cannot swap in a key we did not issue. Recovery codes are shown once and only
// their SHA-256 is kept (each has 80 random bits, too many to guess from a hash).
import { decodeBase32IgnorePadding, encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { sha256 } from "@oslojs/crypto/sha2";
import { createTOTPKeyURI, verifyHOTP, verifyTOTPWithGracePeriod } from "@oslojs/otp";
import { createHmac, timingSafeEqual } from "node:crypto";
import { renderSVG } from "uqr";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { checkCurrentPassword } from "./account.server";
import { sendAccountChangedEmail } from "./account-notices.server";
import { markSessionTwoFactorVerified, type ValidSession } from "./session.server";
import { clearFailures, recordFailure, secondsToWait, throttleKeys } from "./throttle.server";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** A code from the period before or after is accepted too: phone clocks drift. */
const TOTP_GRACE_SECONDS = 30;
const ISSUER = "Safer Partnerships";
export const RECOVERY_CODE_COUNT = 10;

type SessionRef = Pick<ValidSession, "id" | "user">;

// ---------------------------------------------------------------------------
// Setting up
// ---------------------------------------------------------------------------

export type TwoFactorSetup = {
  /** Goes back with the form: the key and its signature. */
  setupToken: string;
  /** The key in groups of four, for typing into an app by hand. */
  keyForTyping: string;
  /** The otpauth:// address the QR code holds. */
  keyUri: string;
  /** The QR code as an SVG element (black modules on white, no styles). */
  qrCodeSvg: string;
};

/** A new key to show on the set-up page. Nothing is stored until it is confirmed. */
export function startTwoFactorSetup(user: { id: string; email: string }): TwoFactorSetup {
  const key = new Uint8Array(20); // 160 bits, as RFC 4226 recommends
  crypto.getRandomValues(key);
  return setupFor(user, key);
}

/**
 * The same key again after a wrong code, so the person does not have to scan a new
 * QR code; null if the form's key was not one we issued to them.
 */
export function resumeTwoFactorSetup(user: { id: string; email: string }, setupToken: string): TwoFactorSetup | null {
  const key = keyFromSetupToken(user.id, setupToken);
  return key ? setupFor(user, key) : null;
}

function setupFor(user: { id: string; email: string }, key: Uint8Array): TwoFactorSetup {
  const encoded = encodeBase32UpperCaseNoPadding(key);
  const keyUri = createTOTPKeyURI(ISSUER, user.email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  return {
    setupToken: `${encoded}.${signSetupKey(user.id, encoded)}`,
    keyForTyping: encoded.match(/.{1,4}/g)!.join(" "),
    keyUri,
    qrCodeSvg: renderSVG(keyUri, { border: 2 }),
  };
}

function signSetupKey(userId: string, encodedKey: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(`two-factor-setup:${userId}:${encodedKey}`).digest("base64url");
}

/** The key in a set-up form, if we issued it to this user; null if altered. */
function keyFromSetupToken(userId: string, setupToken: string): Uint8Array | null {
  const [encoded, signature, ...rest] = setupToken.split(".");
  if (!encoded || !signature || rest.length > 0 || !/^[A-Z2-7]{32}$/.test(encoded)) return null;
  const expected = Buffer.from(signSetupKey(userId, encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return decodeBase32IgnorePadding(encoded);
}

function verifyTotp(key: Uint8Array, code: string): boolean {
  return verifyTOTPWithGracePeriod(key, TOTP_PERIOD_SECONDS, TOTP_DIGITS, code, TOTP_GRACE_SECONDS);
}

/**
 * The 30-second step a code belongs to, within the grace period either side of now,
 * or null. Knowing the step lets sign-in refuse a code that was already used.
 */
function matchingTotpStep(key: Uint8Array, code: string, now: Date): number | null {
  const seconds = Math.floor(now.getTime() / 1000);
  const first = Math.floor((seconds - TOTP_GRACE_SECONDS) / TOTP_PERIOD_SECONDS);
  const last = Math.floor((seconds + TOTP_GRACE_SECONDS) / TOTP_PERIOD_SECONDS);
  for (let step = last; step >= first; step -= 1) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

/** Spaces and dashes people type or copy are ignored; letters in any case. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

const TOTP_CODE = /^\d{6}$/;
const RECOVERY_CODE = /^[a-z2-7]{16}$/;

export type ConfirmSetupResult =
  | { status: "turned-on"; recoveryCodes: string[] }
  | { status: "wrong-code" }
  | { status: "already-on" }
  | { status: "invalid-setup" };

/**
 * Turns two-step verification on once the code shows the app holds the key. This
 * session counts as verified; every other session of the user must now pass the
 * second step. Returns the recovery codes: the only time they exist in plain text.
 */
export async function confirmTwoFactorSetup(
  session: SessionRef,
  input: { setupToken: string; code: string },
  now = new Date(),
): Promise<ConfirmSetupResult> {
  if (session.user.twoFactorEnabled) return { status: "already-on" };
  const key = keyFromSetupToken(session.user.id, input.setupToken);
  if (!key) return { status: "invalid-setup" };
  const code = normaliseCode(input.code);
  if (!TOTP_CODE.test(code) || !verifyTotp(key, code)) return { status: "wrong-code" };

  const recoveryCodes = newRecoveryCodes();
  const turnedOn = await db().$transaction(
    async (tx) => {
      // Two set-up pages confirmed at once: only the first key is kept.
      const { count } = await tx.user.updateMany({
        where: { id: session.user.id, totpEnabledAt: null },
        data: { totpKey: Buffer.from(key), totpEnabledAt: now },
      });
      if (count !== 1) return false;
      await tx.recoveryCode.deleteMany({ where: { userId: session.user.id } });
      await tx.recoveryCode.createMany({
        data: recoveryCodes.map((c) => ({ userId: session.user.id, codeHash: hashRecoveryCode(c) })),
      });
      await tx.session.updateMany({ where: { userId: session.user.id, id: { not: session.id } }, data: { twoFactorVerified: false } });
      await tx.session.updateMany({ where: { id: session.id }, data: { twoFactorVerified: true } });
      return true;
    },
    { timeout: 15_000 },
  );
  if (!turnedOn) return { status: "already-on" };
  await sendAccountChangedEmail(session.user, "two-factor-on");
  return { status: "turned-on", recoveryCodes: recoveryCodes.map(formatRecoveryCode) };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = new Uint8Array(10); // 80 bits: 16 base32 characters
    crypto.getRandomValues(bytes);
    return encodeBase32LowerCaseNoPadding(bytes);
  });
}

/** "abcd-efgh-ijkl-mnop": easier to copy down than 16 letters in a row. */
function formatRecoveryCode(code: string): string {
  return code.match(/.{4}/g)!.join("-");
}

function hashRecoveryCode(normalisedCode: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalisedCode)));
}

// ---------------------------------------------------------------------------
// Signing in: the second step
// ---------------------------------------------------------------------------

export type SecondStepResult =
  | { status: "verified"; usedRecoveryCode: boolean; recoveryCodesLeft: number }
  | { status: "wrong-code" }
  | { status: "used-recovery-code" }
  | { status: "throttled"; waitSeconds: number };

/**
 * Checks a code from the app, or a recovery code (used up by this), for a session
 * that has passed the password. Wrong codes are slowed down (throttle.server.ts).
 */
export async function verifySecondStep(session: SessionRef, input: { code: string }, now = new Date()): Promise<SecondStepResult> {
  const throttle = throttleKeys.secondFactor(session.user.id);
  const waitSeconds = await secondsToWait([throttle], now);
  if (waitSeconds > 0) return { status: "throttled", waitSeconds };

  const result = await checkCode(session.user.id, normaliseCode(input.code), now);
  if (result.status !== "verified") {
    await recordFailure([throttle], now);
    return result;
  }
  await clearFailures(throttle);
  await markSessionTwoFactorVerified(session.id);
  return result;
}

async function checkCode(userId: string, code: string, now: Date): Promise<Exclude<SecondStepResult, { status: "throttled" }>> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpKey: true } });
  if (!user?.totpKey) return { status: "wrong-code" };
  if (TOTP_CODE.test(code)) {
    const step = matchingTotpStep(new Uint8Array(user.totpKey), code, now);
    if (step === null) return { status: "wrong-code" };
    // A code works once: someone who saw it (over a shoulder, in a log) cannot reuse
    // it within its window. Only one of two simultaneous uses moves the step on.
    const { count } = await db().user.updateMany({
      where: { id: userId, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
      data: { totpLastUsedStep: step },
    });
    return count === 1
      ? { status: "verified", usedRecoveryCode: false, recoveryCodesLeft: await countRecoveryCodesLeft(userId) }
      : { status: "wrong-code" };
  }
  if (!RECOVERY_CODE.test(code)) return { status: "wrong-code" };
  const recovery = await db().recoveryCode.findFirst({ where: { userId, codeHash: hashRecoveryCode(code) }, select: { id: true, usedAt: true } });
  if (!recovery) return { status: "wrong-code" };
  if (recovery.usedAt) return { status: "used-recovery-code" };
  // Single use even when sent twice at once: only one update finds it unused.
  const { count } = await db().recoveryCode.updateMany({ where: { id: recovery.id, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) return { status: "used-recovery-code" };
  return { status: "verified", usedRecoveryCode: true, recoveryCodesLeft: await countRecoveryCodesLeft(userId) };
}

export async function countRecoveryCodesLeft(userId: string): Promise<number> {
  return db().recoveryCode.count({ where: { userId, usedAt: null } });
}

// ---------------------------------------------------------------------------
// Turning it off
// ---------------------------------------------------------------------------

export type TurnOffResult =
  | { status: "turned-off" }
  | { status: "already-off" }
  | { status: "wrong-code" }
  | { status: "wrong-password" }
  | { status: "throttled"; waitSeconds: number };

/**
 * Turns two-step verification off, given a current code from the app or the
 * password (for someone who has lost their phone but is still signed in). The key
 * and the recovery codes are deleted.
 */
export async function turnOffTwoFactor(
  session: SessionRef,
  proof: { code: string } | { password: string },
  now = new Date(),
): Promise<TurnOffResult> {
  if (!session.user.twoFactorEnabled) return { status: "already-off" };
  if ("code" in proof) {
    const throttle = throttleKeys.secondFactor(session.user.id);
    const waitSeconds = await secondsToWait([throttle], now);
    if (waitSeconds > 0) return { status: "throttled", waitSeconds };
    const user = await db().user.findUnique({ where: { id: session.user.id }, select: { totpKey: true } });
    const code = normaliseCode(proof.code);
    if (!user?.totpKey || !TOTP_CODE.test(code) || !verifyTotp(new Uint8Array(user.totpKey), code)) {
      await recordFailure([throttle], now);
      return { status: "wrong-code" };
    }
    await clearFailures(throttle);
  } else {
    const check = await checkCurrentPassword(session.user.id, proof.password);
    if (check.status === "wrong-password" || check.status === "throttled") return check;
  }
  await db().$transaction([
    db().user.update({ where: { id: session.user.id }, data: { totpKey: null, totpEnabledAt: null } }),
    db().recoveryCode.deleteMany({ where: { userId: session.user.id } }),
  ]);
  await sendAccountChangedEmail(session.user, "two-factor-off");
  return { status: "turned-off" };
}

/** What the account page shows about two-step verification. */
export async function twoFactorStatus(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return {
    enabled: Boolean(user?.totpEnabledAt),
    enabledAt: user?.totpEnabledAt ?? null,
    recoveryCodesLeft: user?.totpEnabledAt ? await countRecoveryCodesLeft(userId) : 0,
  };
}
