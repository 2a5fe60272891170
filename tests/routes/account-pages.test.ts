// The account pages as a browser uses them: forgotten password, the reset link, the
// account page, two-step verification and a partnership's security settings.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/modules/auth/password.server";
import { validateSessionToken } from "~/modules/auth/session.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account._index";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/account.two-factor";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { action as settingsAction, loader as settingsLoader } from "~/routes/$partnership.settings.security";
import { db } from "~/utils/db.server";
import { readOutbox } from "~/utils/email.server";
import { createPartnership, createUser, sessionCookieFor, TEST_PASSWORD } from "../factories";
import { keyFromTyping, requestLinkFor, totpCode, turnOnTwoFactor } from "../factories/accounts";
import { callRoute } from "./call-route";

type Reply = { data: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }; init: { status?: number } | null };
type Wrapped<T> = { data: T; init: { status?: number; headers?: Record<string, string> } | null };

const cookieOf = (res: Response) => res.headers.get("Set-Cookie")!.split(";")[0]!;
const tokenOf = (cookie: string) => cookie.split("=")[1]!;

describe("/forgot-password", () => {
  it("answers a known and an unknown e-mail with the same page, after at least a second", async () => {
    const known = await createUser({});
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.example`;
    const answers = [];
    for (const email of [known.email, unknown]) {
      const started = Date.now();
      const answer = (await callRoute(forgotAction, { path: "/forgot-password", form: { email } })) as { sentTo: string; result: null };
      expect(Date.now() - started).toBeGreaterThanOrEqual(990);
      answers.push({ ...answer, sentTo: answer.sentTo.replace(email, "EMAIL") });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(await readOutbox({ to: known.email })).toHaveLength(1);
    expect(await readOutbox({ to: unknown })).toHaveLength(0);
  });

  it("asks for a valid e-mail address", async () => {
    const reply = (await callRoute(forgotAction, { path: "/forgot-password", form: { email: "not an email" } })) as unknown as Wrapped<{ result: Reply["data"] }>;
    expect(reply.init?.status).toBe(400);
    expect(reply.data.result.error?.email).toEqual(["Enter an email address in the correct format, like name@example.com"]);
  });
});

describe("/reset-password/<token>", () => {
  const path = (token: string) => ({ path: `/reset-password/${token}`, params: { token } });

  it("shows the form for a live link, and a 'link expired or used' page otherwise", async () => {
    const person = await createUser({});
    const { token } = await requestLinkFor(person.email);
    expect(await callRoute(resetLoader, path(token))).toMatchObject({ data: { usable: true, email: person.email } });
    for (const dead of ["a".repeat(52), "nonsense"]) {
      expect(await callRoute(resetLoader, path(dead))).toMatchObject({ data: { usable: false }, init: { status: 410 } });
    }
  });

  it("a too short or too common password gets a message by the field, and changes nothing", async () => {
    const person = await createUser({});
    const { token } = await requestLinkFor(person.email);
    const short = (await callRoute(resetAction, { ...path(token), form: { password: "abc" } })) as unknown as Wrapped<{ result: Reply["data"] }>;
    expect(short.init?.status).toBe(400);
    expect(short.data.result.error?.password).toEqual(["Password must be 8 characters or more"]);
    const common = (await callRoute(resetAction, { ...path(token), form: { password: "password123" } })) as unknown as Wrapped<{ result: Reply["data"] }>;
    expect(common.data.result.error?.password).toEqual(["This password is too common: choose one that is harder to guess"]);
    expect(common.data.result.initialValue?.password).toBeUndefined();
    const stored = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await callRoute(resetLoader, path(token))).toMatchObject({ data: { usable: true } });
  });

  it("sets the password and signs in; the same link a second time shows the expired page and changes nothing", async () => {
    const person = await createUser({});
    const { token } = await requestLinkFor(person.email);
    const done = (await callRoute(resetAction, { ...path(token), form: { password: "a new and long password" } })) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/");
    expect((await validateSessionToken(tokenOf(cookieOf(done))))?.user.id).toBe(person.id);

    const again = await callRoute(resetAction, { ...path(token), form: { password: "yet another long password" } });
    expect(again).toMatchObject({ data: { unusable: true }, init: { status: 410 } });
    const stored = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(stored.passwordHash, "a new and long password")).toBe(true);
  });

  it("an expired link shows the expired page, even with a bad password typed", async () => {
    const person = await createUser({});
    const { token } = await requestLinkFor(person.email);
    await db().passwordReset.updateMany({ where: { userId: person.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await callRoute(resetAction, { ...path(token), form: { password: "x" } })).toMatchObject({ data: { unusable: true }, init: { status: 410 } });
  });
});

describe("/account", () => {
  let person: Awaited<ReturnType<typeof createUser>>;
  let cookie: string;
  beforeAll(async () => {
    person = await createUser({ name: "Alex Account" });
    cookie = await sessionCookieFor(person.id);
  });

  it("is for signed-in people only", async () => {
    const res = (await callRoute(accountLoader, { path: "/account" })) as Response;
    expect(res.headers.get("Location")).toBe("/sign-in?redirectTo=%2Faccount");
  });

  it("shows the account, whether two-step verification is on, and other devices", async () => {
    await sessionCookieFor(person.id);
    const page = await callRoute(accountLoader, { path: "/account", cookie });
    expect(page).toMatchObject({
      user: { name: "Alex Account", email: person.email },
      twoFactor: { enabled: false },
      otherDevices: expect.any(Number),
      managerOf: [],
      done: null,
    });
  });

  it("a wrong current password gets a message by that field and changes nothing", async () => {
    const reply = (await callRoute(accountAction, {
      path: "/account",
      cookie,
      form: { intent: "change-password", currentPassword: "wrong", newPassword: "a new and long password" },
    })) as unknown as Reply;
    expect(reply.init?.status).toBe(400);
    expect(reply.data.error).toEqual({ currentPassword: ["Your current password is not correct"] });
    expect(reply.data.initialValue?.currentPassword).toBeUndefined();
    const stored = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("a too short new password gets a message by that field", async () => {
    const reply = (await callRoute(accountAction, {
      path: "/account",
      cookie,
      form: { intent: "change-password", currentPassword: TEST_PASSWORD, newPassword: "kq3!x" },
    })) as unknown as Reply;
    expect(reply.data.error).toEqual({ newPassword: ["Password must be 8 characters or more"] });
    const stored = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("changes the password, keeping this device signed in and signing out the others", async () => {
    const other = await sessionCookieFor(person.id);
    const res = (await callRoute(accountAction, {
      path: "/account",
      cookie,
      form: { intent: "change-password", currentPassword: TEST_PASSWORD, newPassword: "a new and long password" },
    })) as Response;
    expect(res.headers.get("Location")).toBe("/account?done=password-changed");
    expect(await validateSessionToken(tokenOf(cookie))).not.toBeNull();
    expect(await validateSessionToken(tokenOf(other))).toBeNull();
    const page = await callRoute(accountLoader, { path: "/account?done=password-changed", cookie });
    expect(page).toMatchObject({ done: expect.stringContaining("Your password has been changed") });
  });

  it("signs out other devices, or everywhere", async () => {
    const someone = await createUser({});
    const here = await sessionCookieFor(someone.id);
    const there = await sessionCookieFor(someone.id);
    const others = (await callRoute(accountAction, { path: "/account", cookie: here, form: { intent: "sign-out-other-devices" } })) as Response;
    expect(others.headers.get("Location")).toBe("/account?done=signed-out-others");
    expect([await validateSessionToken(tokenOf(here)), await validateSessionToken(tokenOf(there))].map(Boolean)).toEqual([true, false]);
    const everywhere = (await callRoute(accountAction, { path: "/account", cookie: here, form: { intent: "sign-out-everywhere" } })) as Response;
    expect(everywhere.headers.get("Location")).toBe("/sign-in");
    expect(everywhere.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await db().session.count({ where: { userId: someone.id } })).toBe(0);
  });
});

describe("/account/two-factor", () => {
  type SetupData = { setup: { setupToken: string; keyForTyping: string; qrCodeSvg: string } | null; enabled: boolean };

  it("sets up: a wrong code keeps the same key on the page; the right one shows the recovery codes once", async () => {
    const person = await createUser({});
    const cookie = await sessionCookieFor(person.id);
    const page = (await callRoute(twoFactorLoader, { path: "/account/two-factor", cookie })) as SetupData;
    expect(page.enabled).toBe(false);
    const setup = page.setup!;
    expect(setup.qrCodeSvg).toMatch(/^<svg/);
    const key = keyFromTyping(setup.keyForTyping);
    const wrongCode = String((Number(totpCode(key)) + 500_000) % 1_000_000).padStart(6, "0");

    const wrong = (await callRoute(twoFactorAction, {
      path: "/account/two-factor",
      cookie,
      form: { intent: "turn-on", setupToken: setup.setupToken, code: wrongCode },
    })) as unknown as Wrapped<{ result: Reply["data"]; setup: SetupData["setup"] }>;
    expect(wrong.init?.status).toBe(400);
    expect(wrong.data.result.error?.code).toEqual(["The code is not correct. Enter the 6-digit code your authenticator app shows now"]);
    expect(wrong.data.setup?.keyForTyping).toBe(setup.keyForTyping);
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).totpEnabledAt).toBeNull();

    const notDigits = (await callRoute(twoFactorAction, {
      path: "/account/two-factor",
      cookie,
      form: { intent: "turn-on", setupToken: setup.setupToken, code: "12ab" },
    })) as unknown as Wrapped<{ result: Reply["data"] }>;
    expect(notDigits.data.result.error?.code).toEqual(["Enter the code as 6 digits, like 123456"]);

    const right = (await callRoute(twoFactorAction, {
      path: "/account/two-factor",
      cookie,
      form: { intent: "turn-on", setupToken: setup.setupToken, code: totpCode(key) },
    })) as { intent: string; recoveryCodes: string[]; continueTo: string };
    expect(right.intent).toBe("turned-on");
    expect(right.recoveryCodes).toHaveLength(10);
    expect(right.continueTo).toBe("/account");
    // Shown once: the page afterwards has no codes and no key to set up.
    expect(await callRoute(twoFactorLoader, { path: "/account/two-factor", cookie })).toMatchObject({ enabled: true, setup: null, recoveryCodesLeft: 10 });
  });

  it("turning off needs a current code or the password; a wrong one gets a message by its field", async () => {
    const person = await createUser({});
    const { key, cookie } = await turnOnTwoFactor(person);
    const empty = (await callRoute(twoFactorAction, { path: "/account/two-factor", cookie, form: { intent: "turn-off" } })) as unknown as Wrapped<{ result: Reply["data"] }>;
    expect(empty.data.result.error?.code).toEqual(["Enter a code from your authenticator app, or your password"]);
    const wrongPassword = (await callRoute(twoFactorAction, {
      path: "/account/two-factor",
      cookie,
      form: { intent: "turn-off", password: "not it" },
    })) as unknown as Wrapped<{ result: Reply["data"] }>;
    expect(wrongPassword.data.result.error?.password).toEqual(["Your password is not correct"]);
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).totpEnabledAt).not.toBeNull();

    const off = (await callRoute(twoFactorAction, { path: "/account/two-factor", cookie, form: { intent: "turn-off", code: totpCode(key) } })) as Response;
    expect(off.headers.get("Location")).toBe("/account?done=two-factor-off");
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).totpEnabledAt).toBeNull();
  });
});

describe("/:partnership/settings/security", () => {
  it("is for managers only: others get 403", async () => {
    const partnership = await createPartnership();
    const editor = await createUser({ memberships: [{ partnershipId: partnership.partnershipId, role: "AGENCY_EDITOR" }] });
    const args = { path: `/${partnership.slug}/settings/security`, params: { partnership: partnership.slug }, cookie: await sessionCookieFor(editor.id) };
    expect(((await callRoute(settingsLoader, args)) as Response).status).toBe(403);
    expect(((await callRoute(settingsAction, { ...args, form: { requireManagerTwoFactor: "yes" } })) as Response).status).toBe(403);
  });

  it("a manager without two-step verification is told to turn on their own first; with it, the setting saves", async () => {
    const partnership = await createPartnership();
    const manager = await createUser({ memberships: [{ partnershipId: partnership.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const base = { path: `/${partnership.slug}/settings/security`, params: { partnership: partnership.slug } };
    const before = (await callRoute(settingsAction, { ...base, cookie: await sessionCookieFor(manager.id), form: { requireManagerTwoFactor: "yes" } })) as unknown as Reply;
    expect(before.data.error?.requireManagerTwoFactor).toEqual(["Turn on two-step verification for your own account before you require it of managers"]);

    const { cookie } = await turnOnTwoFactor(manager);
    const saved = (await callRoute(settingsAction, { ...base, cookie, form: { requireManagerTwoFactor: "yes" } })) as Response;
    expect(saved.headers.get("Location")).toBe(`/${partnership.slug}/settings/security?saved`);
    expect(await callRoute(settingsLoader, { ...base, path: `${base.path}?saved`, cookie })).toEqual({ requireManagerTwoFactor: true, saved: true });
    const missing = (await callRoute(settingsAction, { ...base, cookie, form: {} })) as unknown as Reply;
    expect(missing.data.error?.requireManagerTwoFactor).toEqual(["Select yes if partnership managers must use two-step verification"]);
  });
});
