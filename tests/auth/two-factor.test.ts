// Two-step verification: set-up, the second step at sign-in, recovery codes, and
// turning it off.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signIn } from "~/modules/auth/auth.server";
import { createSession, validateSessionToken } from "~/modules/auth/session.server";
import {
  confirmTwoFactorSetup,
  RECOVERY_CODE_COUNT,
  resumeTwoFactorSetup,
  startTwoFactorSetup,
  turnOffTwoFactor,
  verifySecondStep,
} from "~/modules/auth/two-factor.server";
import { db } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../factories";
import { keyFromTyping, totpCode, turnOnTwoFactor } from "../factories/accounts";

async function sessionOf(userId: string) {
  const token = await createSession(userId);
  return { token, session: (await validateSessionToken(token))! };
}

/** A code the app does not show now (the right one plus one, wrapped). */
function wrongCode(key: Uint8Array) {
  return String((Number(totpCode(key)) + 500_000) % 1_000_000).padStart(6, "0");
}

/** Signs in with the password: a session waiting for the second step. */
async function passwordOnlySession(email: string) {
  const result = await signIn({ email, password: TEST_PASSWORD });
  if (result.status !== "signed-in") throw new Error(result.status);
  const token = result.cookie.split(";")[0]!.split("=")[1]!;
  return { token, session: (await validateSessionToken(token))! };
}

describe("setting up", () => {
  it("shows a QR code and a key to type, and stores nothing until a code confirms it", async () => {
    const user = await createUser({});
    const setup = startTwoFactorSetup(user);
    expect(setup.keyUri).toMatch(/^otpauth:\/\/totp\/Safer%20Partnerships:.+\?.*secret=[A-Z2-7]{32}/);
    expect(setup.qrCodeSvg).toMatch(/^<svg /);
    expect(setup.qrCodeSvg).not.toMatch(/style=/); // the Content-Security-Policy forbids inline styles
    expect(setup.keyForTyping).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.totpKey, stored.totpEnabledAt]).toEqual([null, null]);
  });

  it("a wrong code turns nothing on, and the same key can be tried again", async () => {
    const user = await createUser({});
    const { session } = await sessionOf(user.id);
    const setup = startTwoFactorSetup(user);
    const key = keyFromTyping(setup.keyForTyping);
    expect(await confirmTwoFactorSetup(session, { setupToken: setup.setupToken, code: wrongCode(key) })).toEqual({ status: "wrong-code" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(resumeTwoFactorSetup(user, setup.setupToken)?.keyForTyping).toBe(setup.keyForTyping);
  });

  it("refuses a key it did not issue to this user", async () => {
    const user = await createUser({});
    const other = await createUser({});
    const { session } = await sessionOf(user.id);
    const theirs = startTwoFactorSetup(other);
    const key = keyFromTyping(theirs.keyForTyping);
    expect(await confirmTwoFactorSetup(session, { setupToken: theirs.setupToken, code: totpCode(key) })).toEqual({
      status: "invalid-setup",
    });
    const mine = startTwoFactorSetup(user);
    const swapped = `${theirs.setupToken.split(".")[0]}.${mine.setupToken.split(".")[1]}`;
    expect(await confirmTwoFactorSetup(session, { setupToken: swapped, code: totpCode(key) })).toEqual({ status: "invalid-setup" });
    expect(resumeTwoFactorSetup(user, theirs.setupToken)).toBeNull();
  });

  it("the right code turns it on and gives 10 recovery codes, stored only as hashes", async () => {
    const user = await createUser({});
    const { session } = await sessionOf(user.id);
    const setup = startTwoFactorSetup(user);
    const key = keyFromTyping(setup.keyForTyping);
    const result = await confirmTwoFactorSetup(session, { setupToken: setup.setupToken, code: totpCode(key) });
    if (result.status !== "turned-on") throw new Error(result.status);
    expect(result.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(result.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of result.recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);

    const rows = await db().recoveryCode.findMany({ where: { userId: user.id } });
    const sha = (code: string) => createHash("sha256").update(code.replaceAll("-", "")).digest("hex");
    expect(rows.map((r) => r.codeHash).sort()).toEqual(result.recoveryCodes.map(sha).sort());
    expect(JSON.stringify(rows)).not.toContain(result.recoveryCodes[0]!.replaceAll("-", ""));
    expect(Buffer.from((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpKey!)).toEqual(Buffer.from(key));
  });

  it("this device stays signed in; every other device must now enter a code", async () => {
    const user = await createUser({});
    const elsewhere = await sessionOf(user.id);
    const here = await sessionOf(user.id);
    const setup = startTwoFactorSetup(user);
    await confirmTwoFactorSetup(here.session, { setupToken: setup.setupToken, code: totpCode(keyFromTyping(setup.keyForTyping)) });
    expect(await validateSessionToken(here.token)).toMatchObject({ twoFactorVerified: true, user: { twoFactorEnabled: true } });
    expect(await validateSessionToken(elsewhere.token)).toMatchObject({ twoFactorVerified: false, user: { twoFactorEnabled: true } });
  });
});

describe("the second step at sign-in", () => {
  it("the password alone leaves the session waiting; the code from the app completes it", async () => {
    const user = await createUser({});
    const { key } = await turnOnTwoFactor(user);
    const signedIn = await signIn({ email: user.email, password: TEST_PASSWORD });
    expect(signedIn).toMatchObject({ status: "signed-in", needsSecondStep: true });
    const { token, session } = await passwordOnlySession(user.email);
    expect(session.twoFactorVerified).toBe(false);
    expect(await verifySecondStep(session, { code: totpCode(key) })).toEqual({
      status: "verified",
      usedRecoveryCode: false,
      recoveryCodesLeft: 10,
    });
    expect((await validateSessionToken(token))?.twoFactorVerified).toBe(true);
  });

  it("a code works once: the same code cannot sign in a second session", async () => {
    const user = await createUser({});
    const { key } = await turnOnTwoFactor(user);
    const code = totpCode(key);
    const first = await passwordOnlySession(user.email);
    expect(await verifySecondStep(first.session, { code })).toMatchObject({ status: "verified" });
    const second = await passwordOnlySession(user.email);
    expect(await verifySecondStep(second.session, { code })).toEqual({ status: "wrong-code" });
    expect((await validateSessionToken(second.token))?.twoFactorVerified).toBe(false);
  });

  it("a wrong code leaves the session waiting", async () => {
    const user = await createUser({});
    const { key } = await turnOnTwoFactor(user);
    const { token, session } = await passwordOnlySession(user.email);
    expect(await verifySecondStep(session, { code: wrongCode(key) })).toEqual({ status: "wrong-code" });
    expect(await verifySecondStep(session, { code: "not a code" })).toEqual({ status: "wrong-code" });
    expect((await validateSessionToken(token))?.twoFactorVerified).toBe(false);
  });

  it("a recovery code works once, typed in any case and with or without dashes", async () => {
    const user = await createUser({});
    const { recoveryCodes } = await turnOnTwoFactor(user);
    const first = await passwordOnlySession(user.email);
    expect(await verifySecondStep(first.session, { code: ` ${recoveryCodes[0]!.toUpperCase().replaceAll("-", " ")} ` })).toEqual({
      status: "verified",
      usedRecoveryCode: true,
      recoveryCodesLeft: 9,
    });

    const second = await passwordOnlySession(user.email);
    expect(await verifySecondStep(second.session, { code: recoveryCodes[0]! })).toEqual({ status: "used-recovery-code" });
    expect((await validateSessionToken(second.token))?.twoFactorVerified).toBe(false);
    expect(await db().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("guessing codes is slowed down; after the wait the right code still works", async () => {
    const user = await createUser({});
    const { key } = await turnOnTwoFactor(user);
    const { session } = await passwordOnlySession(user.email);
    for (let i = 0; i < 5; i++) await verifySecondStep(session, { code: wrongCode(key) });
    const blocked = await verifySecondStep(session, { code: totpCode(key) });
    expect(blocked.status).toBe("throttled");
    await db().signInThrottle.updateMany({ where: { key: `second-factor:${user.id}` }, data: { blockedUntil: new Date(0) } });
    expect((await verifySecondStep(session, { code: totpCode(key) })).status).toBe("verified");
  });
});

describe("turning it off", () => {
  it("a wrong code or password turns nothing off", async () => {
    const user = await createUser({});
    const { key } = await turnOnTwoFactor(user);
    const { session } = await sessionOf(user.id);
    expect(await turnOffTwoFactor(session, { code: wrongCode(key) })).toEqual({ status: "wrong-code" });
    expect(await turnOffTwoFactor(session, { password: "not my password" })).toEqual({ status: "wrong-password" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });

  it("with a current code: the key and recovery codes are deleted", async () => {
    const user = await createUser({});
    const { key } = await turnOnTwoFactor(user);
    const { session } = await sessionOf(user.id);
    expect(await turnOffTwoFactor(session, { code: totpCode(key) })).toEqual({ status: "turned-off" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.totpKey, stored.totpEnabledAt]).toEqual([null, null]);
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn({ email: user.email, password: TEST_PASSWORD })).status === "signed-in").toBe(true);
  });

  it("with the password, for someone who has lost their phone", async () => {
    const user = await createUser({});
    await turnOnTwoFactor(user);
    const { session } = await sessionOf(user.id);
    expect(await turnOffTwoFactor(session, { password: TEST_PASSWORD })).toEqual({ status: "turned-off" });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ needsSecondStep: false });
  });
});
