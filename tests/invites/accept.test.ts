// Accepting an invitation at /invites/<token>: a new account, or an existing one
// signed in as the invited address. Expired, revoked, used and unknown links get a
// clear page and write nothing; the invite is used once, even by two at once.
import { beforeAll, describe, expect, it } from "vitest";
import { inviteMember, revokeInvite } from "~/modules/invites/invites.server";
import { loader as layoutLoader } from "~/routes/$partnership";
import { action as acceptAction, loader as acceptLoader } from "~/routes/invites.$token";
import { db, withTenant } from "~/utils/db.server";
import { createUser, sessionCookieFor } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";
import { actorFor, inviteTokenSentTo, partnershipWithEveryRole, snapshot, uniqueEmail, type Reply } from "../members/helpers";

let ours: Awaited<ReturnType<typeof partnershipWithEveryRole>>;

beforeAll(async () => {
  ours = await partnershipWithEveryRole();
});

async function invite(email: string, role: "AGENCY_EDITOR" | "VIEWER" = "VIEWER") {
  const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
  const result = await inviteMember(manager, { email, role, agencyId: role === "AGENCY_EDITOR" ? ours.police.id : null });
  if (result.status !== "sent") throw new Error("not sent");
  return { inviteId: result.inviteId, token: await inviteTokenSentTo(email), manager };
}

function view(token: string, cookie?: string) {
  return callRoute(acceptLoader, { path: `/invites/${token}`, params: { token }, cookie });
}

function accept(token: string, form: Record<string, string>, cookie?: string) {
  return callRoute(acceptAction, { path: `/invites/${token}`, params: { token }, cookie, form });
}

const NEW_ACCOUNT = { intent: "create-account", name: "Pat Example", password: "a long unusual passphrase" };

async function everythingAbout(email: string) {
  return {
    partnership: await snapshot(ours.partnershipId),
    users: await db().user.count({ where: { email } }),
    sessions: await db().session.count(),
  };
}

describe("someone with no account", () => {
  it("sees who invited them to what, creates an account, joins and is signed in", async () => {
    const email = uniqueEmail();
    const { inviteId, token } = await invite(email, "AGENCY_EDITOR");

    const page = await view(token);
    if (isResponse(page)) throw new Error(`unexpected ${page.status}`);
    expect(page.view).toMatchObject({
      status: "usable",
      next: "create-account",
      email,
      partnershipName: ours.name,
      roleDescription: "an agency editor for Test Constabulary",
    });

    const res = await accept(token, NEW_ACCOUNT);
    expect(isResponse(res) && res.status).toBe(302);
    const response = res as Response;
    expect(response.headers.get("Location")).toBe(`/${ours.slug}`);
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;

    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Pat Example");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const after = await snapshot(ours.partnershipId);
    expect(after.memberships.find((m) => m.userId === user.id)).toMatchObject({ role: "AGENCY_EDITOR", agencyId: ours.police.id });
    const used = await withTenant(ours.partnershipId, (tx) => tx.invite.findUniqueOrThrow({ where: { id: inviteId } }));
    expect(used.acceptedAt).not.toBeNull();
    expect(used.acceptedById).toBe(user.id);
    const audit = await withTenant(ours.partnershipId, (tx) =>
      tx.auditEvent.findMany({ where: { partnershipId: ours.partnershipId, actorUserId: user.id }, orderBy: { entityType: "asc" } }),
    );
    expect(audit.map((a) => [a.entityType, a.action])).toEqual([
      ["Invite", "accepted"],
      ["Membership", "joined"],
    ]);

    // The cookie is a real session, and the partnership's pages are theirs now.
    const layout = await callRoute(layoutLoader, { path: `/${ours.slug}`, params: { partnership: ours.slug }, cookie });
    expect(isResponse(layout)).toBe(false);
  });

  it("a second time: refused, and nothing more written", async () => {
    const email = uniqueEmail();
    const { token } = await invite(email);
    expect(isResponse(await accept(token, NEW_ACCOUNT))).toBe(true);
    const before = await everythingAbout(email);

    const page = await view(token);
    expect(!isResponse(page) && page.view).toEqual({ status: "unusable", problem: "used", partnershipName: ours.name });
    const again = (await accept(token, { ...NEW_ACCOUNT, name: "Someone Else" })) as unknown as { data: unknown; init: { status: number } };
    expect(again.init.status).toBe(409);
    expect(await everythingAbout(email)).toEqual(before);
  });

  it("two at the same moment: one account, one membership", async () => {
    const email = uniqueEmail();
    const { token } = await invite(email);
    const results = await Promise.all([accept(token, NEW_ACCOUNT), accept(token, NEW_ACCOUNT)]);
    // The other is refused as used, or (if it looked after the first committed) sent to sign in.
    const joined = results.filter((r) => isResponse(r) && r.headers.get("Location") === `/${ours.slug}`);
    expect(joined).toHaveLength(1);
    expect((joined[0] as Response).headers.get("Set-Cookie")).toBeTruthy();
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect((await snapshot(ours.partnershipId)).memberships.filter((m) => m.userId === user.id)).toHaveLength(1);
  });

  it("a weak or missing password, or no name: a message by the field, the password not sent back, nothing written", async () => {
    const email = uniqueEmail();
    const { token } = await invite(email);
    const before = await everythingAbout(email);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ ...NEW_ACCOUNT, password: "zq7#k" }, "password", "Password must be 8 characters or more"],
      [{ ...NEW_ACCOUNT, password: "password123" }, "password", "This password is too common: choose one that is harder to guess"],
      [{ ...NEW_ACCOUNT, password: "" }, "password", "Enter a password"],
      [{ ...NEW_ACCOUNT, name: "  " }, "name", "Enter your full name"],
    ];
    for (const [form, field, message] of cases) {
      const reply = (await accept(token, form)) as unknown as Reply;
      expect(reply.init?.status).toBe(400);
      expect(reply.data.error?.[field]).toEqual([message]);
      expect(reply.data.initialValue?.password).toBeUndefined();
    }
    expect(await everythingAbout(email)).toEqual(before);
  });
});

describe("links that no longer work: a clear page, nothing written", () => {
  it("expired: says so and names the partnership to ask", async () => {
    const email = uniqueEmail();
    const { inviteId, token } = await invite(email);
    await withTenant(ours.partnershipId, (tx) => tx.invite.update({ where: { id: inviteId }, data: { expiresAt: new Date(Date.now() - 1) } }));
    const before = await everythingAbout(email);
    const page = await view(token);
    expect(!isResponse(page) && page.view).toEqual({ status: "unusable", problem: "expired", partnershipName: ours.name });
    const res = (await accept(token, NEW_ACCOUNT)) as unknown as { init: { status: number } };
    expect(res.init.status).toBe(409);
    expect(await everythingAbout(email)).toEqual(before);
  });

  it("revoked", async () => {
    const email = uniqueEmail();
    const { inviteId, token, manager } = await invite(email);
    await revokeInvite(manager, { inviteId });
    const before = await everythingAbout(email);
    const page = await view(token);
    expect(!isResponse(page) && page.view).toEqual({ status: "unusable", problem: "revoked", partnershipName: ours.name });
    await accept(token, NEW_ACCOUNT);
    expect(await everythingAbout(email)).toEqual(before);
  });

  it("unknown or malformed: no partnership named", async () => {
    for (const token of ["A".repeat(43), "not-a-token", "../../etc/passwd", "x".repeat(500)]) {
      const page = await view(token);
      expect(!isResponse(page) && page.view).toEqual({ status: "unusable", problem: "unknown", partnershipName: null });
      const res = (await accept(token, NEW_ACCOUNT)) as unknown as { init: { status: number } };
      expect(res.init.status).toBe(409);
    }
  });
});

describe("someone who already has an account", () => {
  it("is sent to sign in first, and back here", async () => {
    const existing = await createUser({});
    const { token } = await invite(existing.email);
    const res = await view(token);
    expect(isResponse(res) && res.status).toBe(302);
    expect((res as Response).headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/invites/${token}`)}`);
    // Creating a second account for the address is not offered either.
    const create = await accept(token, NEW_ACCOUNT);
    expect(isResponse(create) && create.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/invites/${token}`)}`);
  });

  it("signed in as the invited address: joins", async () => {
    const existing = await createUser({});
    const cookie = await sessionCookieFor(existing.id);
    const { inviteId, token } = await invite(existing.email, "AGENCY_EDITOR");
    const page = await view(token, cookie);
    expect(!isResponse(page) && page.view).toMatchObject({ status: "usable", next: "join" });

    const res = await accept(token, { intent: "join" }, cookie);
    expect(isResponse(res) && res.headers.get("Location")).toBe(`/${ours.slug}`);
    const after = await snapshot(ours.partnershipId);
    expect(after.memberships.find((m) => m.userId === existing.id)).toMatchObject({ role: "AGENCY_EDITOR", agencyId: ours.police.id });
    expect(after.invites.find((i) => i.id === inviteId)!.acceptedAt).not.toBeNull();

    // Twice: refused, nothing more written.
    const again = (await accept(token, { intent: "join" }, cookie)) as unknown as { init: { status: number } };
    expect(again.init.status).toBe(409);
    expect(await snapshot(ours.partnershipId)).toEqual(after);
  });

  it("signed in as someone else: a clear refusal, nothing written", async () => {
    const invited = await createUser({});
    const someoneElse = await createUser({ memberships: [] });
    const cookie = await sessionCookieFor(someoneElse.id);
    const { token } = await invite(invited.email);
    const page = await view(token, cookie);
    expect(!isResponse(page) && page.view).toMatchObject({ status: "usable", next: "wrong-account", email: invited.email, signedInAs: someoneElse.email });
    const before = await snapshot(ours.partnershipId);
    const res = (await accept(token, { intent: "join" }, cookie)) as unknown as { data: { refused: string }; init: { status: number } };
    expect(res.init.status).toBe(409);
    expect(res.data.refused).toBe("wrong-account");
    expect(await snapshot(ours.partnershipId)).toEqual(before);
  });

  it("joining signed out goes to sign in, and writes nothing", async () => {
    const existing = await createUser({});
    const { token } = await invite(existing.email);
    const before = await snapshot(ours.partnershipId);
    const res = await accept(token, { intent: "join" });
    expect(isResponse(res) && res.status).toBe(302);
    expect((res as Response).headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
    expect(await snapshot(ours.partnershipId)).toEqual(before);
  });

  it("joining leaves the account as it was", async () => {
    const existing = await createUser({});
    const { token } = await invite(existing.email);
    const hashBefore = (await db().user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash;
    await accept(token, { intent: "join" }, await sessionCookieFor(existing.id));
    expect((await db().user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe(hashBefore);
  });
});
