// Changing the password and signing out other devices, from the account page.
import { describe, expect, it } from "vitest";
import { changePassword, countOtherSessions, signOutOtherDevices } from "~/modules/auth/account.server";
import { signOutEverywhere } from "~/modules/auth/auth.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { createSession, validateSessionToken } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { readOutbox } from "~/utils/email.server";
import { createUser, TEST_PASSWORD } from "../factories";

/** A user signed in on three devices; `here` is the one they are using. */
async function userOnThreeDevices() {
  const user = await createUser({});
  const [here, laptop, phone] = [await createSession(user.id), await createSession(user.id), await createSession(user.id)];
  const session = (await validateSessionToken(here))!;
  return { user, session, here, others: [laptop, phone] };
}

describe("changing the password", () => {
  it("needs the current password: a wrong one changes nothing and signs nobody out", async () => {
    const { user, session, others } = await userOnThreeDevices();
    const result = await changePassword(session, { currentPassword: "not my password", newPassword: "a brand new password" });
    expect(result).toEqual({ status: "wrong-password" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(stored.passwordChangedAt).toBeNull();
    for (const token of others) expect(await validateSessionToken(token)).not.toBeNull();
  });

  it("sets the new password, keeps this device signed in, signs out the others and tells the owner", async () => {
    const { user, session, here, others } = await userOnThreeDevices();
    const result = await changePassword(session, { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    expect(result).toEqual({ status: "changed", otherSessionsEnded: 2 });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, "a brand new password")).toBe(true);
    expect(stored.passwordChangedAt).not.toBeNull();
    expect(await validateSessionToken(here)).not.toBeNull();
    for (const token of others) expect(await validateSessionToken(token)).toBeNull();
    expect((await readOutbox({ to: user.email }))[0]?.subject).toBe("Your Safer Partnerships password was changed");
  });

  it("guessing the current password is slowed down like signing in", async () => {
    const { session } = await userOnThreeDevices();
    for (let i = 0; i < 5; i++) await changePassword(session, { currentPassword: `guess ${i}`, newPassword: "a brand new password" });
    const result = await changePassword(session, { currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
    expect(result.status).toBe("throttled");
  });
});

describe("signing out other devices", () => {
  it("ends every other session and keeps this one", async () => {
    const { session, here, others } = await userOnThreeDevices();
    expect(await countOtherSessions(session)).toBe(2);
    expect(await signOutOtherDevices(session)).toBe(2);
    expect(await validateSessionToken(here)).not.toBeNull();
    for (const token of others) expect(await validateSessionToken(token)).toBeNull();
    expect(await countOtherSessions(session)).toBe(0);
  });

  it("signing out everywhere ends this session too, and touches no one else's", async () => {
    const { user, here, others } = await userOnThreeDevices();
    const someoneElse = await createUser({});
    const theirs = await createSession(someoneElse.id);
    expect(await signOutEverywhere(user.id)).toMatch(/Max-Age=0/);
    for (const token of [here, ...others]) expect(await validateSessionToken(token)).toBeNull();
    expect(await validateSessionToken(theirs)).not.toBeNull();
  });
});
