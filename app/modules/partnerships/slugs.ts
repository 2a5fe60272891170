// The one list of slugs no partnership may take: every top-level path of the app
// (a partnership at /sign-in would hide the sign-in page), the ones planned, and words
// that would mislead. tests/unit/reserved-slugs.test.ts fails when a top-level route
// is missing from it.
export const RESERVED_SLUGS = [
  "account",
  "admin",
  "api",
  "app",
  "assets",
  "build",
  "dev",
  "favicon.ico",
  "forgot-password",
  "healthz",
  "help",
  "invites",
  "login",
  "logout",
  "new",
  "p",
  "partnerships",
  "public",
  "reset-password",
  "robots.txt",
  "settings",
  "sign-in",
  "sign-out",
  "sign-up",
  "signup",
  "static",
  "support",
  "unsubscribe",
  "webhooks",
  "www",
] as const;

const reserved = new Set<string>(RESERVED_SLUGS);

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 60;

/** Why a slug cannot be used, in words for the form, or null when it can (availability aside). */
export function slugProblem(slug: string): string | null {
  if (!slug) return "Enter a web address for the partnership";
  if (slug.length > SLUG_MAX_LENGTH) return `Web address must be ${SLUG_MAX_LENGTH} characters or fewer`;
  if (!SLUG_PATTERN.test(slug)) {
    return "Web address must use only lower-case letters, numbers and hyphens, like anytown or safer-anytown";
  }
  if (reserved.has(slug)) return `"${slug}" is reserved: choose another web address`;
  return null;
}
