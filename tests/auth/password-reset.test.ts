// Password reset: a single-use link valid one hour, only its hash stored, and the
// same answer whether or not the e-mail has an account.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/modules/auth/password.server";
import {
  checkResetLink,
  MAX_RESET_LINKS_PER_HOUR,
  requestPasswordReset,
  resetPassword,
} from "~/modules/auth/password-reset.server";
import { signIn } from "~/modules/auth/auth.server";
import { createSession, readSessionToken, validateSessionToken } from "~/modules/auth/session.server";
import { throttleKeys } from "~/modules/auth/throttle.server";
import { db } from "~/utils/db.server";
import { readOutbox } from "~/utils/email.server";
import { createUser, TEST_PASSWORD } from "../factories";
import { requestLinkFor } from "../factories/accounts";

const NEW_PASSWORD = "a long new password for testing";

let user: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  user = await createUser({ name: "Pat Reset" });
});

describe("asking for a link", () => {
  it("e-mails a link valid for one hour, in HTML and plain text, and stores only the token's SHA-256", async () => {
    const { token, email } = await requestLinkFor(user.email);
    expect(email.subject).toBe("Reset your Safer Partnerships password");
    expect(email.text).toContain("Dear Pat Reset,");
    expect(email.text).toContain("within 1 hour");
    expect(email.html).toContain(`/reset-password/${token}`);
    const rows = await db().passwordReset.findMany({ where: { userId: user.id } });
    const row = rows.find((r) => r.tokenHash === createHash("sha256").update(token).digest("hex"));
    expect(row).toBeDefined();
    expect(JSON.stringify(rows)).not.toContain(token);
    const validFor = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(validFor).toBe(60 * 60 * 1000);
  });

  it("sends nothing for an e-mail without an account", async () => {
    const nobody = `nobody-${randomUUID().slice(0, 8)}@test.example`;
    await requestPasswordReset(nobody, { minimumDurationMs: 0 });
    expect(await readOutbox({ to: nobody })).toEqual([]);
  });

  it("takes at least the same minimum time for known and unknown e-mails", async () => {
    for (const email of [user.email, `nobody-${randomUUID().slice(0, 8)}@test.example`]) {
      const started = Date.now();
      await requestPasswordReset(email, { minimumDurationMs: 300 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(295);
    }
  });

  it(`sends at most ${MAX_RESET_LINKS_PER_HOUR} links an hour to one account, so the form cannot flood an inbox`, async () => {
    const person = await createUser({});
    for (let i = 0; i < MAX_RESET_LINKS_PER_HOUR + 3; i++) await requestPasswordReset(person.email, { minimumDurationMs: 0 });
    expect(await readOutbox({ to: person.email })).toHaveLength(MAX_RESET_LINKS_PER_HOUR);
  });
});

describe("using the link", () => {
  it("sets the new password, ends every session and signs this browser in with a new one", async () => {
    const person = await createUser({});
    const oldSessions = [await createSession(person.id), await createSession(person.id)];
    const { token } = await requestLinkFor(person.email);
    expect(await checkResetLink(token)).toEqual({ status: "usable", email: person.email });

    const result = await resetPassword(token, NEW_PASSWORD);
    expect(result.status).toBe("reset");
    if (result.status !== "reset") return;
    for (const old of oldSessions) expect(await validateSessionToken(old)).toBeNull();
    const fresh = readSessionToken(new Request("http://x", { headers: { Cookie: result.cookie.split(";")[0]! } }));
    expect((await validateSessionToken(fresh!))?.user.id).toBe(person.id);
    expect(await db().session.count({ where: { userId: person.id } })).toBe(1);

    const stored = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(stored.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(stored.passwordChangedAt).not.toBeNull();
    expect((await readOutbox({ to: person.email, take: 1 }))[0]?.subject).toBe("Your Safer Partnerships password was reset");
  });

  it("works once: used twice, the second time changes nothing", async () => {
    const person = await createUser({});
    const { token } = await requestLinkFor(person.email);
    expect((await resetPassword(token, NEW_PASSWORD)).status).toBe("reset");
    const after = await db().user.findUniqueOrThrow({ where: { id: person.id } });

    expect(await checkResetLink(token)).toEqual({ status: "unusable", reason: "used" });
    expect(await resetPassword(token, "another password altogether")).toEqual({ status: "unusable", reason: "used" });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBe(after.passwordHash);
    expect(await db().session.count({ where: { userId: person.id } })).toBe(1);
  });

  it("two tabs sending the same link at once: one succeeds", async () => {
    const person = await createUser({});
    const { token } = await requestLinkFor(person.email);
    const results = await Promise.all([resetPassword(token, NEW_PASSWORD), resetPassword(token, "the other tab's password")]);
    expect(results.map((r) => r.status).sort()).toEqual(["reset", "unusable"]);
  });

  it("an expired link changes nothing", async () => {
    const person = await createUser({});
    const { token } = await requestLinkFor(person.email);
    const inAnHourAndASecond = new Date(Date.now() + 60 * 60 * 1000 + 1000);
    expect(await checkResetLink(token, inAnHourAndASecond)).toEqual({ status: "unusable", reason: "expired" });
    expect(await resetPassword(token, NEW_PASSWORD, inAnHourAndASecond)).toEqual({ status: "unusable", reason: "expired" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("an unknown or malformed token changes nothing", async () => {
    expect(await checkResetLink("a".repeat(52))).toEqual({ status: "unusable", reason: "unknown" });
    expect(await resetPassword("not a token", NEW_PASSWORD)).toEqual({ status: "unusable", reason: "unknown" });
  });

  it("a newer link leaves the older one unusable once either is used", async () => {
    const person = await createUser({});
    const first = await requestLinkFor(person.email);
    const second = await requestLinkFor(person.email);
    expect((await resetPassword(second.token, NEW_PASSWORD)).status).toBe("reset");
    expect((await checkResetLink(first.token)).status).toBe("unusable");
  });

  it("clears the account's sign-in delays: whoever holds the inbox may sign in at once", async () => {
    const person = await createUser({});
    for (let i = 0; i < 6; i++) await signIn({ email: person.email, password: "wrong" });
    expect((await signIn({ email: person.email, password: NEW_PASSWORD })).status).toBe("throttled");
    const { token } = await requestLinkFor(person.email);
    await resetPassword(token, NEW_PASSWORD);
    expect(await db().signInThrottle.findUnique({ where: { key: throttleKeys.account(person.email).key } })).toBeNull();
    expect((await signIn({ email: person.email, password: NEW_PASSWORD })).status).toBe("signed-in");
  });
});
