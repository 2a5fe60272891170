// A manager invites someone: the token is random, stored only as its SHA-256, valid
// 7 days; the e-mail says who invited whom to what; bad input is refused by the field
// and writes nothing.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { inviteMember, resendInvite, revokeInvite, viewInvitation } from "~/modules/invites/invites.server";
import { MESSAGES } from "~/modules/members/member-schema";
import { suppressAddress } from "~/modules/email-suppression/email-suppression.server";
import { loader as membersLoader } from "~/routes/$partnership.members._index";
import { action as inviteAction, loader as inviteLoader } from "~/routes/$partnership.members.invite";
import { withTenant } from "~/utils/db.server";
import { readOutbox } from "~/utils/email.server";
import { createPartnership, createUser, idsOf, sessionCookieFor } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";
import {
  actorFor,
  inviteTokenSentTo,
  NON_MANAGERS,
  partnershipWithEveryRole,
  snapshot,
  uniqueEmail,
  type Reply,
} from "../members/helpers";

let ours: Awaited<ReturnType<typeof partnershipWithEveryRole>>;
let theirs: Awaited<ReturnType<typeof createPartnership>>;
let theirAgencyId: string;

beforeAll(async () => {
  ours = await partnershipWithEveryRole();
  theirs = await createPartnership();
  theirAgencyId = (await idsOf(theirs.partnershipId)).agencies[0]!.id;
});

function postInvite(form: Record<string, string>, cookie = ours.users.PARTNERSHIP_MANAGER.cookie) {
  return callRoute(inviteAction, { path: `/${ours.slug}/members/invite`, params: { partnership: ours.slug }, cookie, form });
}

describe("inviting someone", () => {
  it("stores only the token's hash, for 7 days, and e-mails a link that says who invited whom to what", async () => {
    const email = uniqueEmail();
    const before = Date.now();
    const res = await postInvite({ email: `  ${email.toUpperCase()} `, role: "AGENCY_EDITOR", agencyId: ours.police.id });
    expect(isResponse(res) && res.status).toBe(302);
    expect((res as Response).headers.get("Location")).toMatch(new RegExp(`^/${ours.slug}/members\\?invited=[0-9a-f-]{36}$`));

    const invite = await withTenant(ours.partnershipId, (tx) =>
      tx.invite.findFirstOrThrow({ where: { partnershipId: ours.partnershipId, email } }),
    );
    expect(invite).toMatchObject({ role: "AGENCY_EDITOR", agencyId: ours.police.id, invitedById: ours.users.PARTNERSHIP_MANAGER.id });
    expect(invite.acceptedAt).toBeNull();
    expect(invite.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const sevenDays = 7 * 24 * 60 * 60 * 1000;
    expect(invite.expiresAt.getTime()).toBeGreaterThanOrEqual(before + sevenDays - 1000);
    expect(invite.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + sevenDays + 1000);

    const token = await inviteTokenSentTo(email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(createHash("sha256").update(token).digest("hex")).toBe(invite.tokenHash);
    expect(invite.tokenHash).not.toContain(token);

    const [mail] = await readOutbox({ to: email, take: 1 });
    expect(mail!.subject).toBe(`You have been invited to join ${ours.name} on Safer Partnerships`);
    const sentence = `PARTNERSHIP_MANAGER of ${ours.slug} has invited you to join ${ours.name} on Safer Partnerships as an agency editor for Test Constabulary.`;
    expect(mail!.text).toContain(sentence);
    expect(mail!.text).toContain(`http://localhost:3000/invites/${token}`);
    expect(mail!.html).toContain(sentence);
    expect(mail!.html).toContain(`href="http://localhost:3000/invites/${token}"`);
    // React 18 text markers would split the sentence in the HTML.
    expect(mail!.html).not.toContain("<!-- -->");

    const audit = await withTenant(ours.partnershipId, (tx) =>
      tx.auditEvent.findMany({ where: { partnershipId: ours.partnershipId, entityType: "Invite", entityId: invite.id } }),
    );
    expect(audit.map((a) => a.action)).toEqual(["invited"]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("the form offers this partnership's agencies only", async () => {
    const page = await callRoute(inviteLoader, {
      path: `/${ours.slug}/members/invite`,
      params: { partnership: ours.slug },
      cookie: ours.users.PARTNERSHIP_MANAGER.cookie,
    });
    if (isResponse(page)) throw new Error(`unexpected ${page.status}`);
    expect(page.agencies.map((a) => a.id).sort()).toEqual(ours.agencies.map((a) => a.id).sort());
    expect(page.agencies.map((a) => a.id)).not.toContain(theirAgencyId);
  });
});

describe("bad input: a message by the field, what was typed kept, nothing written", () => {
  async function expectRefused(form: Record<string, string>, field: string, message: string) {
    const before = await snapshot(ours.partnershipId);
    const outboxBefore = (await readOutbox({ take: 1000 })).length;
    const reply = (await postInvite(form)) as unknown as Reply;
    expect(reply.init?.status).toBe(400);
    expect(reply.data.error?.[field]).toEqual([message]);
    expect(reply.data.initialValue?.email).toBe(form.email);
    expect(await snapshot(ours.partnershipId)).toEqual(before);
    expect((await readOutbox({ take: 1000 })).length).toBe(outboxBefore);
  }

  it("a malformed e-mail address", async () => {
    await expectRefused({ email: "not an email", role: "VIEWER" }, "email", "Enter an email address in the correct format, like name@example.com");
  });

  it("no e-mail address, no role", async () => {
    const reply = (await postInvite({ email: "" })) as unknown as Reply;
    expect(reply.data.error).toMatchObject({ email: ["Enter an email address"], role: [MESSAGES.chooseRole] });
  });

  it("an agency editor without an agency", async () => {
    await expectRefused({ email: uniqueEmail(), role: "AGENCY_EDITOR" }, "agencyId", MESSAGES.agencyRequired);
  });

  it("an agency from another partnership", async () => {
    await expectRefused({ email: uniqueEmail(), role: "AGENCY_EDITOR", agencyId: theirAgencyId }, "agencyId", MESSAGES.agencyNotFound);
    await expectRefused({ email: uniqueEmail(), role: "VIEWER", agencyId: theirAgencyId }, "agencyId", MESSAGES.agencyNotFound);
    await expectRefused({ email: uniqueEmail(), role: "VIEWER", agencyId: "not-a-uuid" }, "agencyId", MESSAGES.agencyNotFound);
  });

  it("a group of agencies, which nobody works for", async () => {
    const group = await withTenant(ours.partnershipId, (tx) =>
      tx.agency.create({ data: { partnershipId: ours.partnershipId, name: "Criminal Justice Agencies", kind: "CRIMINAL_JUSTICE", isGroup: true } }),
    );
    await expectRefused({ email: uniqueEmail(), role: "AGENCY_EDITOR", agencyId: group.id }, "agencyId", MESSAGES.agencyNotFound);
  });

  it("someone who is already a member (whatever the case of the address)", async () => {
    const member = ours.users.BOARD_MEMBER.email;
    await expectRefused({ email: member.toUpperCase(), role: "VIEWER" }, "email", `${member} is already a member of this partnership`);
  });
});

describe("inviting an address that already has an invitation waiting", () => {
  it("sends it again with the new role: one invitation, a new link, the old link dead", async () => {
    const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
    const email = uniqueEmail();
    const first = await inviteMember(manager, { email, role: "VIEWER" });
    const firstToken = await inviteTokenSentTo(email);
    const second = await inviteMember(manager, { email, role: "AGENCY_EDITOR", agencyId: ours.police.id });
    const secondToken = await inviteTokenSentTo(email);

    expect(first).toMatchObject({ status: "sent", resent: false });
    expect(second).toMatchObject({ status: "sent", resent: true });
    expect(second.status === "sent" && second.inviteId).toBe(first.status === "sent" && first.inviteId);
    expect(secondToken).not.toBe(firstToken);
    const invites = (await snapshot(ours.partnershipId)).invites.filter((i) => i.email === email);
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({ role: "AGENCY_EDITOR", agencyId: ours.police.id });
    expect(await viewInvitation(firstToken, null)).toMatchObject({ status: "unusable", problem: "unknown" });
    expect(await viewInvitation(secondToken, null)).toMatchObject({ status: "usable", next: "create-account" });
  });

  it("at the same moment twice: still one invitation", async () => {
    const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
    const email = uniqueEmail();
    await Promise.all([inviteMember(manager, { email, role: "VIEWER" }), inviteMember(manager, { email, role: "VIEWER" })]);
    expect((await snapshot(ours.partnershipId)).invites.filter((i) => i.email === email)).toHaveLength(1);
  });
});

describe("inviting an address that has bounced or complained before", () => {
  it("saves the invitation, sends nothing, and tells the manager why resending will not help", async () => {
    const email = uniqueEmail();
    await suppressAddress(email, "BOUNCED", null);
    const res = await postInvite({ email, role: "VIEWER" });
    expect(isResponse(res) && res.status).toBe(302);
    const location = (res as Response).headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/${ours.slug}/members\\?suppressed=[0-9a-f-]{36}$`));
    expect(await readOutbox({ to: email, take: 1 })).toEqual([]);

    const page = await callRoute(membersLoader, { path: location, params: { partnership: ours.slug }, cookie: ours.users.PARTNERSHIP_MANAGER.cookie });
    if (isResponse(page)) throw new Error(`unexpected ${page.status}`);
    expect(page.notice).toMatchObject({ kind: "important" });
    expect(page.notice?.text).toContain(`The invitation to ${email} is saved, but not sent`);
    expect(page.notice?.text).toContain("bounced or been reported as spam");

    const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
    const inviteId = new URL(location, "http://x").searchParams.get("suppressed")!;
    expect(await resendInvite(manager, { inviteId })).toMatchObject({ status: "done", emailSent: false, emailSuppressed: true });
    expect(await readOutbox({ to: email, take: 1 })).toEqual([]);
  });
});

describe("resend and revoke", () => {
  it("resend: a new link and 7 new days; the old link no longer works", async () => {
    const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
    const email = uniqueEmail();
    const sent = await inviteMember(manager, { email, role: "VIEWER" });
    if (sent.status !== "sent") throw new Error("not sent");
    const oldToken = await inviteTokenSentTo(email);
    await withTenant(ours.partnershipId, (tx) =>
      tx.invite.update({ where: { id: sent.inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } }),
    );
    expect(await viewInvitation(oldToken, null)).toMatchObject({ status: "unusable", problem: "expired" });

    expect(await resendInvite(manager, { inviteId: sent.inviteId })).toMatchObject({ status: "done", emailSent: true });
    const newToken = await inviteTokenSentTo(email);
    expect(newToken).not.toBe(oldToken);
    expect(await viewInvitation(oldToken, null)).toMatchObject({ status: "unusable", problem: "unknown" });
    expect(await viewInvitation(newToken, null)).toMatchObject({ status: "usable" });
    const invite = (await snapshot(ours.partnershipId)).invites.find((i) => i.id === sent.inviteId)!;
    expect(invite.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 24 * 60 * 60 * 1000);
  });

  it("revoke: the link stops working, and it cannot be resent or revoked again", async () => {
    const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
    const email = uniqueEmail();
    const sent = await inviteMember(manager, { email, role: "VIEWER" });
    if (sent.status !== "sent") throw new Error("not sent");
    const token = await inviteTokenSentTo(email);
    expect(await revokeInvite(manager, { inviteId: sent.inviteId })).toEqual({ status: "done", inviteId: sent.inviteId });
    expect(await viewInvitation(token, null)).toEqual({ status: "unusable", problem: "revoked", partnershipName: ours.name });
    expect(await revokeInvite(manager, { inviteId: sent.inviteId })).toEqual({ status: "not-found" });
    expect(await resendInvite(manager, { inviteId: sent.inviteId })).toEqual({ status: "not-found" });
  });
});

describe("only partnership managers invite", () => {
  it.each(NON_MANAGERS)("%s: 403 on the form and on sending, nothing written", async (role) => {
    const cookie = ours.users[role].cookie;
    const before = await snapshot(ours.partnershipId);
    const page = await callRoute(inviteLoader, { path: `/${ours.slug}/members/invite`, params: { partnership: ours.slug }, cookie });
    expect(isResponse(page) && page.status).toBe(403);
    const res = await postInvite({ email: uniqueEmail(), role: "PARTNERSHIP_MANAGER" }, cookie);
    expect(isResponse(res) && res.status).toBe(403);
    expect(await snapshot(ours.partnershipId)).toEqual(before);
  });

  it("a manager of another partnership: 404 here", async () => {
    const otherManager = await createUser({ memberships: [{ partnershipId: theirs.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const before = await snapshot(ours.partnershipId);
    const res = await postInvite({ email: uniqueEmail(), role: "PARTNERSHIP_MANAGER" }, await sessionCookieFor(otherManager.id));
    expect(isResponse(res) && res.status).toBe(404);
    expect(await snapshot(ours.partnershipId)).toEqual(before);
  });
});
