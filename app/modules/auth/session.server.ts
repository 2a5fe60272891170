// Sessions as the Lucia guide (lucia-auth.com, "Basic session implementation")
// describes, without the deprecated `lucia` package: docs/decisions/0001-sessions-without-lucia.md.
//
// The cookie holds "<id>.<secret>". Only the SHA-256 of the secret is stored, so a
// leaked sessions table cannot be replayed; the comparison is constant-time. A
// session expires after a period of inactivity, and each use at least an hour
// after the last one extends it (sliding expiry).
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { db } from "~/utils/db.server";
import { isProduction } from "~/utils/env.server";

export const INACTIVITY_TIMEOUT_SECONDS = 60 * 60 * 24 * 10; // 10 days
const ACTIVITY_CHECK_INTERVAL_SECONDS = 60 * 60; // 1 hour

export type SessionUser = { id: string; email: string; name: string; twoFactorEnabled: boolean };
/**
 * `twoFactorVerified` is false until the second step is passed. For a user without
 * two-step verification it stays false and means nothing; for one with it, the
 * session does not count as signed in until it is true (auth.server.ts).
 */
export type ValidSession = { id: string; user: SessionUser; twoFactorVerified: boolean };

function generateSecureRandomString(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes); // 160 bits
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Creates a session and returns the token for the cookie (the only copy of the secret). */
export async function createSession(userId: string, options: { twoFactorVerified?: boolean } = {}): Promise<string> {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  await db().session.create({
    data: { id, userId, secretHash: Buffer.from(hashSecret(secret)), twoFactorVerified: options.twoFactorVerified ?? false },
  });
  return `${id}.${secret}`;
}


export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0) return null;
  const session = await db().session.findUnique({
    where: { id },
    select: {
      id: true,
      secretHash: true,
      lastVerifiedAt: true,
      twoFactorVerified: true,
      user: { select: { id: true, email: true, name: true, totpEnabledAt: true } },
    },
  });
  if (!session) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(session.secretHash))) return null;

  const now = Date.now();
  const idleSeconds = (now - session.lastVerifiedAt.getTime()) / 1000;
  if (idleSeconds >= INACTIVITY_TIMEOUT_SECONDS) {
    await db().session.delete({ where: { id } }).catch(() => {});
    return null;
  }
  if (idleSeconds >= ACTIVITY_CHECK_INTERVAL_SECONDS) {
    await db().session.update({ where: { id }, data: { lastVerifiedAt: new Date(now) } });
  }
  const { totpEnabledAt, ...user } = session.user;
  return { id: session.id, user: { ...user, twoFactorEnabled: totpEnabledAt !== null }, twoFactorVerified: session.twoFactorVerified };
}

export async function deleteSession(sessionId: string) {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends every session of the user, or every one but `exceptSessionId` (the device
 * the user is using). Returns how many ended.
 */
export async function deleteSessionsOfUser(userId: string, options: { exceptSessionId?: string } = {}): Promise<number> {
  const { count } = await db().session.deleteMany({
    where: { userId, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) },
  });
  return count;
}

/** The second step is passed: from now on the session counts as signed in. */
export async function markSessionTwoFactorVerified(sessionId: string) {
  await db().session.updateMany({ where: { id: sessionId }, data: { twoFactorVerified: true } });
}

/** `__Host-` in production: the browser then insists on Secure, path=/ and no Domain. */
export function sessionCookieName(production = isProduction()) {
  return production ? "__Host-session" : "session";
}

function cookieAttributes(maxAgeSeconds: number, production: boolean) {
  return ["Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`, ...(production ? ["Secure"] : [])].join("; ");
}

export function sessionCookie(token: string, production = isProduction()) {
  return `${sessionCookieName(production)}=${token}; ${cookieAttributes(INACTIVITY_TIMEOUT_SECONDS, production)}`;
}

export function clearedSessionCookie(production = isProduction()) {
  return `${sessionCookieName(production)}=; ${cookieAttributes(0, production)}`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || null;
  }
  return null;
}
