import { redirect } from "@remix-run/node";
import { findUserByEmail } from "~/modules/registry/registry.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import {
  clearedSessionCookie,
  createSession,
  deleteSession,
  deleteSessionsOfUser,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from "./session.server";
import { clearFailures, recordFailure, secondsToWait, throttleKeys } from "./throttle.server";

/** The session the browser presents, whether or not its second step is done. */
export async function getSession(request: Request): Promise<ValidSession | null> {
  const token = readSessionToken(request);
  return token ? validateSessionToken(token) : null;
}

/** A user with two-step verification is not signed in until the code is entered. */
export function needsSecondStep(session: ValidSession): boolean {
  return session.user.twoFactorEnabled && !session.twoFactorVerified;
}

/** The session if the user is fully signed in (password, and code if they use one). */
export async function getSignedInSession(request: Request): Promise<ValidSession | null> {
  const session = await getSession(request);
  return session && !needsSecondStep(session) ? session : null;
}

/**
 * The fully signed-in session, or a redirect that comes back here afterwards: to
 * sign-in, or to the second step for someone who has entered only their password.
 * Until then every other page treats them as signed out.
 */
export async function requireSignedInSession(request: Request): Promise<ValidSession> {
  const session = await getSession(request);
  const url = new URL(request.url);
  const back = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  if (!session) throw redirect(`/sign-in?${back}`);
  if (needsSecondStep(session)) throw redirect(`/sign-in/two-factor?${back}`);
  return session;
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSignedInSession(request)).user;
}

export type SignInResult =
  | { status: "signed-in"; userId: string; cookie: string; needsSecondStep: boolean }
  | { status: "failed" }
  | { status: "throttled"; waitSeconds: number };

/**
 * Checks an e-mail and password. A wrong password and an unknown e-mail both return
 * "failed" (the caller shows one message that does not say which), after the same
 * work. Repeated failures make the account and the IP address wait (throttle.server.ts);
 * while they wait nothing is checked, whoever the account belongs to.
 *
 * On success the session the browser already presented (if any) is ended and a new
 * one made, so a session id planted before sign-in is worthless after it.
 */
export async function signIn(input: {
  email: string;
  password: string;
  /** The client's address, when the server knows it (scripts/server.ts). */
  clientIp?: string | null;
  /** The session token the browser sent with the form, if any. */
  presentedSessionToken?: string | null;
}): Promise<SignInResult> {
  const account = throttleKeys.account(input.email);
  const keys = [account, ...(input.clientIp ? [throttleKeys.ip(input.clientIp)] : [])];
  const waitSeconds = await secondsToWait(keys);
  if (waitSeconds > 0) return { status: "throttled", waitSeconds };

  const user = await findUserByEmail(input.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !valid) {
    await recordFailure(keys);
    return { status: "failed" };
  }

  await clearFailures(account);
  if (input.presentedSessionToken) {
    const presented = await validateSessionToken(input.presentedSessionToken);
    if (presented) await deleteSession(presented.id);
  }
  const token = await createSession(user.id);
  return { status: "signed-in", userId: user.id, cookie: sessionCookie(token), needsSecondStep: user.totpEnabledAt !== null };
}

export async function signOut(request: Request): Promise<string> {
  const session = await getSession(request);
  if (session) await deleteSession(session.id);
  return clearedSessionCookie();
}

/** Ends every session of the user, this device's too: sign out everywhere. */
export async function signOutEverywhere(userId: string): Promise<string> {
  await deleteSessionsOfUser(userId);
  return clearedSessionCookie();
}

/** Only a path on this site: never "//evil.example" or "https://...". */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
