import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_FAILED } from "~/modules/auth/sign-in-schema";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { action as signOutAction } from "~/routes/sign-out";
import { createPartnership, createUser, TEST_PASSWORD } from "../factories";
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
