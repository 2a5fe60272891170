// What a signed-in person can change about how they sign in: the password, and which
// devices stay signed in. Two-step verification is in two-factor.server.ts.
import { db } from "~/utils/db.server";
import { sendAccountChangedEmail } from "./account-notices.server";
import { hashPassword, verifyPassword } from "./password.server";
import { deleteSessionsOfUser, type ValidSession } from "./session.server";
import { clearFailures, recordFailure, secondsToWait, throttleKeys } from "./throttle.server";

export type ReauthenticationResult = { status: "ok" } | { status: "wrong-password" } | { status: "throttled"; waitSeconds: number };

/**
 * Checks the password of someone already signed in, before a change that needs it.
 * Wrong guesses are slowed like sign-in's, so a borrowed, unlocked computer cannot
 * be used to find the password.
 */
export async function checkCurrentPassword(userId: string, password: string): Promise<ReauthenticationResult> {
  const key = throttleKeys.reauthentication(userId);
  const waitSeconds = await secondsToWait([key]);
  if (waitSeconds > 0) return { status: "throttled", waitSeconds };
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    await recordFailure([key]);
    return { status: "wrong-password" };
  }
  await clearFailures(key);
  return { status: "ok" };
}

export type ChangePasswordResult = ReauthenticationResult | { status: "changed"; otherSessionsEnded: number };

/**
 * Changes the password (the new one already checked against the password policy)
 * and signs out every other device, keeping this one: whoever else knew the old
 * password and signed in with it is out.
 */
export async function changePassword(
  session: Pick<ValidSession, "id" | "user">,
  input: { currentPassword: string; newPassword: string },
): Promise<ChangePasswordResult> {
  const check = await checkCurrentPassword(session.user.id, input.currentPassword);
  if (check.status !== "ok") return check;
  const passwordHash = await hashPassword(input.newPassword);
  await db().user.update({ where: { id: session.user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
  const otherSessionsEnded = await deleteSessionsOfUser(session.user.id, { exceptSessionId: session.id });
  await sendAccountChangedEmail(session.user, "password-changed");
  return { status: "changed", otherSessionsEnded };
}

/** "Sign out of all other devices": every session of the user but this one. */
export async function signOutOtherDevices(session: Pick<ValidSession, "id" | "user">): Promise<number> {
  return deleteSessionsOfUser(session.user.id, { exceptSessionId: session.id });
}

/** How many other devices are signed in, for the account page. */
export async function countOtherSessions(session: Pick<ValidSession, "id" | "user">): Promise<number> {
  return db().session.count({ where: { userId: session.user.id, id: { not: session.id } } });
}
