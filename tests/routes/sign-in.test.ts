import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { validateSessionToken } from "~/modules/auth/session.server";
import { SIGN_IN_FAILED } from "~/modules/auth/sign-in-schema";
import { loader as indexLoader } from "~/routes/_index";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { action as secondStepAction, loader as secondStepLoader } from "~/routes/sign-in_.two-factor";
import { action as signOutAction } from "~/routes/sign-out";
import { db } from "~/utils/db.server";
import { createPartnership, createUser, sessionCookieFor, TEST_PASSWORD } from "../factories";
import { totpCode, turnOnTwoFactor } from "../factories/accounts";
import { callRoute } from "./call-route";

type Reply = { data: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }; init: { status?: number } | null };

let user: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  const partnership = await createPartnership();
  user = await createUser({ memberships: [{ partnershipId: partnership.partnershipId, role: "VIEWER" }] });
});

async function signIn(form: Record<string, string>) {
  return callRoute(signInAction, { path: "/sign-in", form });
}

describe("sign-in", () => {
  it("a wrong password and an unknown e-mail get the same message and status", async () => {
    const wrongPassword = (await signIn({ email: user.email, password: "not the password" })) as unknown as Reply;
    const unknownEmail = (await signIn({ email: "nobody@test.example", password: TEST_PASSWORD })) as unknown as Reply;
    expect(wrongPassword.init?.status).toBe(400);
    expect(unknownEmail.init?.status).toBe(400);
    expect(wrongPassword.data.error).toEqual({ email: [SIGN_IN_FAILED] });
    expect(unknownEmail.data.error).toEqual({ email: [SIGN_IN_FAILED] });
  });

  it("keeps the e-mail typed but never sends the password back", async () => {
    const reply = (await signIn({ email: user.email, password: "not the password" })) as unknown as Reply;
    expect(reply.data.initialValue?.email).toBe(user.email);
    expect(reply.data.initialValue?.password).toBeUndefined();
  });

  it("says which field is wrong when the form is incomplete", async () => {
    const reply = (await signIn({ email: "not-an-email", password: "" })) as unknown as Reply;
    expect(reply.data.error?.email).toEqual(["Enter an email address in the correct format, like name@example.com"]);
    expect(reply.data.error?.password).toEqual(["Enter your password"]);
  });

  it("signs in, sets the session cookie and goes back where the user was going", async () => {
    const response = await signIn({ email: user.email, password: TEST_PASSWORD, redirectTo: "/somewhere?x=1" });
    expect(response).toBeInstanceOf(Response);
    const res = response as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/somewhere?x=1");
    expect(res.headers.get("Set-Cookie")).toMatch(/^session=[a-z0-9]+\.[a-z0-9]+; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("never redirects off the site", async () => {
    for (const redirectTo of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const res = (await signIn({ email: user.email, password: TEST_PASSWORD, redirectTo })) as Response;
      expect(res.headers.get("Location")).toBe("/");
    }
  });

  it("an already signed-in visitor skips the form", async () => {
    const res = (await signIn({ email: user.email, password: TEST_PASSWORD })) as Response;
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    const visit = await callRoute(signInLoader, { path: "/sign-in", cookie });
    expect((visit as Response).status).toBe(302);
  });

  it("sign-out ends the session", async () => {
    const res = (await signIn({ email: user.email, password: TEST_PASSWORD })) as Response;
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    const out = (await callRoute(signOutAction, { path: "/sign-out", form: {}, cookie })) as Response;
    expect(out.headers.get("Set-Cookie")).toMatch(/^session=; .*Max-Age=0/);
    const after = await callRoute(signInLoader, { path: "/sign-in", cookie });
    expect(after).toEqual({ redirectTo: "" });
  });
});

describe("sign-in throttling", () => {
  it("after 5 failures the form says to wait, by the e-mail field, the same for a known and an unknown e-mail", async () => {
    const known = (await createUser({})).email;
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.example`;
    const replies: Reply[] = [];
    for (const email of [known, unknown]) {
      for (let i = 0; i < 5; i++) await signIn({ email, password: "wrong" });
      replies.push((await signIn({ email, password: TEST_PASSWORD })) as unknown as Reply);
    }
    for (const reply of replies) {
      expect(reply.init?.status).toBe(429);
      expect(reply.data.error?.email?.[0]).toMatch(/^Too many attempts\. Wait [12] seconds? and try again\.$/);
    }
  });

  it("uses the client's IP address from the server's load context", async () => {
    const ip = `198.51.100.${randomUUID().slice(0, 4)}`;
    const context = { clientIp: ip };
    for (let i = 0; i < 20; i++) {
      await callRoute(signInAction, { path: "/sign-in", context, form: { email: `x${i}-${randomUUID().slice(0, 6)}@test.example`, password: "guess" } });
    }
    const blocked = (await callRoute(signInAction, { path: "/sign-in", context, form: { email: user.email, password: TEST_PASSWORD } })) as unknown as Reply;
    expect(blocked.init?.status).toBe(429);
    const elsewhere = await callRoute(signInAction, { path: "/sign-in", context: { clientIp: "192.0.2.1" }, form: { email: user.email, password: TEST_PASSWORD } });
    expect((elsewhere as Response).status).toBe(302);
  });
});

describe("sessions at sign-in", () => {
  it("ends the session the browser already had and starts a new one", async () => {
    const before = await sessionCookieFor(user.id);
    const res = (await callRoute(signInAction, { path: "/sign-in", cookie: before, form: { email: user.email, password: TEST_PASSWORD } })) as Response;
    const after = res.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(after).not.toBe(before);
    expect(await validateSessionToken(before.split("=")[1]!)).toBeNull();
    expect(await validateSessionToken(after.split("=")[1]!)).not.toBeNull();
  });

  it("does not end someone else's session when a wrong password is typed with it", async () => {
    const before = await sessionCookieFor(user.id);
    await callRoute(signInAction, { path: "/sign-in", cookie: before, form: { email: user.email, password: "wrong" } });
    expect(await validateSessionToken(before.split("=")[1]!)).not.toBeNull();
  });
});

describe("signing in with two-step verification", () => {
  it("after the password, goes to the code page; every other page treats them as signed out until the code", async () => {
    const person = await createUser({});
    const { key } = await turnOnTwoFactor(person);
    const res = (await signIn({ email: person.email, password: TEST_PASSWORD, redirectTo: "/somewhere" })) as Response;
    expect(res.headers.get("Location")).toBe(`/sign-in/two-factor?redirectTo=${encodeURIComponent("/somewhere")}`);
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;

    const home = (await callRoute(indexLoader, { path: "/", cookie })) as Response;
    expect(home.headers.get("Location")).toBe(`/sign-in/two-factor?redirectTo=${encodeURIComponent("/")}`);
    expect(await callRoute(signInLoader, { path: "/sign-in", cookie })).toEqual({ redirectTo: "" });
    expect(await callRoute(secondStepLoader, { path: "/sign-in/two-factor?redirectTo=/somewhere", cookie })).toEqual({ redirectTo: "/somewhere" });

    const wrong = (await callRoute(secondStepAction, {
      path: "/sign-in/two-factor",
      cookie,
      form: { code: String((Number(totpCode(key)) + 500_000) % 1_000_000).padStart(6, "0") },
    })) as unknown as Reply;
    expect(wrong.init?.status).toBe(400);
    expect(wrong.data.error?.code).toEqual([
      "The code is not correct. Enter the code your authenticator app shows now, or an unused recovery code",
    ]);
    expect(((await callRoute(indexLoader, { path: "/", cookie })) as Response).headers.get("Location")).toMatch(/^\/sign-in\/two-factor/);

    const right = (await callRoute(secondStepAction, { path: "/sign-in/two-factor", cookie, form: { code: totpCode(key), redirectTo: "/somewhere" } })) as Response;
    expect(right.headers.get("Location")).toBe("/somewhere");
    expect(((await callRoute(indexLoader, { path: "/", cookie })) as Response).headers.get("Location")).toBe("/partnerships");
  });

  it("a used recovery code is refused with its own message", async () => {
    const person = await createUser({});
    const { recoveryCodes } = await turnOnTwoFactor(person);
    const first = ((await signIn({ email: person.email, password: TEST_PASSWORD })) as Response).headers.get("Set-Cookie")!.split(";")[0]!;
    expect(((await callRoute(secondStepAction, { path: "/sign-in/two-factor", cookie: first, form: { code: recoveryCodes[3]! } })) as Response).status).toBe(302);
    const second = ((await signIn({ email: person.email, password: TEST_PASSWORD })) as Response).headers.get("Set-Cookie")!.split(";")[0]!;
    const reply = (await callRoute(secondStepAction, { path: "/sign-in/two-factor", cookie: second, form: { code: recoveryCodes[3]! } })) as unknown as Reply;
    expect(reply.data.error?.code).toEqual([
      "This recovery code has already been used. Enter a code from your authenticator app, or another recovery code",
    ]);
    expect(await db().session.findUnique({ where: { id: second.split("=")[1]!.split(".")[0]! } })).toMatchObject({ twoFactorVerified: false });
  });

  it("the code page sends anyone not half-way through signing in elsewhere", async () => {
    expect(((await callRoute(secondStepLoader, { path: "/sign-in/two-factor" })) as Response).headers.get("Location")).toBe("/sign-in?redirectTo=%2F");
    const cookie = await sessionCookieFor(user.id);
    expect(((await callRoute(secondStepLoader, { path: "/sign-in/two-factor", cookie })) as Response).headers.get("Location")).toBe("/");
  });
});
