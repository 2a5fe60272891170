import { redirect } from "@remix-run/node";
import { findUserByEmail } from "~/modules/registry/registry.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import {
  clearedSessionCookie,
  createSession,
  deleteSession,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from "./session.server";

export async function getSession(request: Request): Promise<ValidSession | null> {
  const token = readSessionToken(request);
  return token ? validateSessionToken(token) : null;
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await getSession(request);
  if (session) return session.user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: back })}`);
}

/**
 * Checks an e-mail and password. Either failure returns null: the caller shows one
 * message that does not say which was wrong.
 */
export async function signIn(email: string, password: string): Promise<{ userId: string; cookie: string } | null> {
  const user = await findUserByEmail(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid) return null;
  const token = await createSession(user.id);
  return { userId: user.id, cookie: sessionCookie(token) };
}

export async function signOut(request: Request): Promise<string> {
  const session = await getSession(request);
  if (session) await deleteSession(session.id);
  return clearedSessionCookie();
}

/** Only a path on this site: never "//evil.example" or "https://...". */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
