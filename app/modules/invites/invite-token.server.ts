// An invite link carries a token: 32 random bytes (256 bits), base64url, 43
// characters. Only its SHA-256 (hex) is stored, so a leaked invites table cannot be
// used to join; the link is the only copy of the token.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True for something shaped like a token: anything else is "not a valid link", unhashed. */
export function isInviteToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}
