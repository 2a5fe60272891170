// The members page: managers see members and waiting invitations, change roles and
// agencies, remove members; the last partnership manager stays, even when two
// managers act at once. Everyone else gets 403.
import { beforeAll, describe, expect, it } from "vitest";
import { inviteMember } from "~/modules/invites/invites.server";
import { MESSAGES } from "~/modules/members/member-schema";
import { changeMember, removeMember } from "~/modules/members/members.server";
import { loader as layoutLoader } from "~/routes/$partnership";
import { action as editAction, loader as editLoader } from "~/routes/$partnership.members.$memberId";
import { action as removeAction, loader as removeLoader } from "~/routes/$partnership.members.$memberId_.remove";
import { action as membersAction, loader as membersLoader } from "~/routes/$partnership.members._index";
import { createPartnership, createUser, idsOf, sessionCookieFor } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";
import {
  actorFor,
  membershipIdOf,
  NON_MANAGERS,
  partnershipWithEveryRole,
  snapshot,
  uniqueEmail,
  type Reply,
} from "./helpers";

let ours: Awaited<ReturnType<typeof partnershipWithEveryRole>>;
let theirAgencyId: string;

beforeAll(async () => {
  ours = await partnershipWithEveryRole();
  const theirs = await createPartnership();
  theirAgencyId = (await idsOf(theirs.partnershipId)).agencies[0]!.id;
});

const managerCookie = () => ours.users.PARTNERSHIP_MANAGER.cookie;

describe("the members page", () => {
  it("lists members with role and agency, and invitations not yet accepted", async () => {
    const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
    const email = uniqueEmail();
    await inviteMember(manager, { email, role: "AGENCY_EDITOR", agencyId: ours.police.id });
    const page = await callRoute(membersLoader, { path: `/${ours.slug}/members`, params: { partnership: ours.slug }, cookie: managerCookie() });
    if (isResponse(page)) throw new Error(`unexpected ${page.status}`);
    expect(page.members.find((m) => m.email === ours.users.AGENCY_EDITOR.email)).toMatchObject({
      role: "AGENCY_EDITOR",
      agency: "Test Constabulary",
    });
    expect(page.members.find((m) => m.isYou)?.email).toBe(ours.users.PARTNERSHIP_MANAGER.email);
    expect(page.invites.find((i) => i.email === email)).toMatchObject({ role: "AGENCY_EDITOR", agency: "Test Constabulary", expired: false });
  });

  it("shows Members, the audit log and settings in the navigation to managers only", async () => {
    for (const [role, user] of Object.entries(ours.users)) {
      const layout = await callRoute(layoutLoader, { path: `/${ours.slug}`, params: { partnership: ours.slug }, cookie: user.cookie });
      if (isResponse(layout)) throw new Error(`unexpected ${layout.status}`);
      const isManager = role === "PARTNERSHIP_MANAGER";
      expect([role, layout.sections]).toEqual([role, { members: isManager, auditLog: isManager, settings: isManager }]);
    }
  });
});

describe("changing a member's role or agency", () => {
  async function newMember(role: "VIEWER" | "AGENCY_EDITOR" | "PARTNERSHIP_MANAGER" = "VIEWER") {
    const user = await createUser({
      memberships: [{ partnershipId: ours.partnershipId, role, agencyId: role === "AGENCY_EDITOR" ? ours.police.id : undefined }],
    });
    return membershipIdOf(ours.partnershipId, user.id);
  }

  function postChange(memberId: string, form: Record<string, string>, cookie = managerCookie()) {
    return callRoute(editAction, {
      path: `/${ours.slug}/members/${memberId}`,
      params: { partnership: ours.slug, memberId },
      cookie,
      form,
    });
  }

  it("saves and records it in the audit trail", async () => {
    const memberId = await newMember();
    const res = await postChange(memberId, { role: "AGENCY_EDITOR", agencyId: ours.police.id });
    expect(isResponse(res) && res.headers.get("Location")).toBe(`/${ours.slug}/members?changed=${memberId}`);
    const after = await snapshot(ours.partnershipId);
    expect(after.memberships.find((m) => m.id === memberId)).toMatchObject({ role: "AGENCY_EDITOR", agencyId: ours.police.id });
  });

  it("an agency editor without an agency, or with another partnership's: a message by the field, nothing written", async () => {
    const memberId = await newMember();
    const before = await snapshot(ours.partnershipId);
    const none = (await postChange(memberId, { role: "AGENCY_EDITOR" })) as unknown as Reply;
    expect(none.init?.status).toBe(400);
    expect(none.data.error?.agencyId).toEqual([MESSAGES.agencyRequired]);
    expect(none.data.initialValue?.role).toBe("AGENCY_EDITOR");
    const foreign = (await postChange(memberId, { role: "AGENCY_EDITOR", agencyId: theirAgencyId })) as unknown as Reply;
    expect(foreign.data.error?.agencyId).toEqual([MESSAGES.agencyNotFound]);
    const noRole = (await postChange(memberId, {})) as unknown as Reply;
    expect(noRole.data.error?.role).toEqual([MESSAGES.chooseRole]);
    expect(await snapshot(ours.partnershipId)).toEqual(before);
  });
});

describe("there must be at least one partnership manager", () => {
  it("the only manager can be neither demoted nor removed, by route or by domain call", async () => {
    const p = await partnershipWithEveryRole();
    const managerId = await membershipIdOf(p.partnershipId, p.users.PARTNERSHIP_MANAGER.id);
    const cookie = p.users.PARTNERSHIP_MANAGER.cookie;
    const before = await snapshot(p.partnershipId);

    const edit = await callRoute(editLoader, { path: "/", params: { partnership: p.slug, memberId: managerId }, cookie });
    expect(!isResponse(edit) && edit.onlyManager).toBe(true);
    const demote = (await callRoute(editAction, {
      path: `/${p.slug}/members/${managerId}`,
      params: { partnership: p.slug, memberId: managerId },
      cookie,
      form: { role: "VIEWER" },
    })) as unknown as Reply;
    expect(demote.init?.status).toBe(400);
    expect(demote.data.error?.role).toEqual([MESSAGES.lastManager]);

    const remove = (await callRoute(removeAction, {
      path: `/${p.slug}/members/${managerId}/remove`,
      params: { partnership: p.slug, memberId: managerId },
      cookie,
      form: {},
    })) as unknown as { data: { errors: string[] }; init: { status: number } };
    expect(remove.init.status).toBe(400);
    expect(remove.data.errors).toEqual([MESSAGES.lastManager]);
    expect(await snapshot(p.partnershipId)).toEqual(before);
  });

  it("a manager may remove themselves while another manager remains; the last one then may not", async () => {
    const p = await createPartnership();
    const [a, b] = [
      await createUser({ memberships: [{ partnershipId: p.partnershipId, role: "PARTNERSHIP_MANAGER" }] }),
      await createUser({ memberships: [{ partnershipId: p.partnershipId, role: "PARTNERSHIP_MANAGER" }] }),
    ];
    const aId = await membershipIdOf(p.partnershipId, a.id);
    const bId = await membershipIdOf(p.partnershipId, b.id);
    const res = await callRoute(removeAction, {
      path: `/${p.slug}/members/${aId}/remove`,
      params: { partnership: p.slug, memberId: aId },
      cookie: await sessionCookieFor(a.id),
      form: {},
    });
    expect(isResponse(res) && res.headers.get("Location")).toBe("/");
    expect((await snapshot(p.partnershipId)).memberships.map((m) => m.id)).toEqual([bId]);

    const actorB = await actorFor(b.id, p.slug);
    expect(await removeMember(actorB, { membershipId: bId })).toEqual({ status: "invalid", formErrors: [MESSAGES.lastManager] });
    expect(await changeMember(actorB, { membershipId: bId, role: "VIEWER" })).toEqual({
      status: "invalid",
      fieldErrors: { role: [MESSAGES.lastManager] },
    });
  });

  it("two managers demoting each other at the same moment: one succeeds, one manager remains", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const p = await createPartnership();
      const a = await createUser({ memberships: [{ partnershipId: p.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
      const b = await createUser({ memberships: [{ partnershipId: p.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
      const [actorA, actorB] = [await actorFor(a.id, p.slug), await actorFor(b.id, p.slug)];
      const results = await Promise.all([
        changeMember(actorA, { membershipId: actorB.membershipId, role: "VIEWER" }),
        changeMember(actorB, { membershipId: actorA.membershipId, role: "VIEWER" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["done", "invalid"]);
      const managers = (await snapshot(p.partnershipId)).memberships.filter((m) => m.role === "PARTNERSHIP_MANAGER");
      expect(managers).toHaveLength(1);
    }
  });

  it("two managers removing themselves at the same moment: one manager remains", async () => {
    const p = await createPartnership();
    const a = await createUser({ memberships: [{ partnershipId: p.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const b = await createUser({ memberships: [{ partnershipId: p.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const [actorA, actorB] = [await actorFor(a.id, p.slug), await actorFor(b.id, p.slug)];
    const results = await Promise.all([
      removeMember(actorA, { membershipId: actorA.membershipId }),
      removeMember(actorB, { membershipId: actorB.membershipId }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["done", "invalid"]);
    expect((await snapshot(p.partnershipId)).memberships).toHaveLength(1);
  });
});

describe("removing a member", () => {
  it("removes the membership (not the account) and records who it was", async () => {
    const user = await createUser({ memberships: [{ partnershipId: ours.partnershipId, role: "VIEWER" }] });
    const memberId = await membershipIdOf(ours.partnershipId, user.id);
    const page = await callRoute(removeLoader, { path: "/", params: { partnership: ours.slug, memberId }, cookie: managerCookie() });
    expect(!isResponse(page) && page.member.email).toBe(user.email);
    const res = await callRoute(removeAction, {
      path: `/${ours.slug}/members/${memberId}/remove`,
      params: { partnership: ours.slug, memberId },
      cookie: managerCookie(),
      form: {},
    });
    expect(isResponse(res) && res.headers.get("Location")).toBe(`/${ours.slug}/members?removed=1`);
    expect((await snapshot(ours.partnershipId)).memberships.find((m) => m.id === memberId)).toBeUndefined();
    const cookie = await sessionCookieFor(user.id);
    const layout = await callRoute(layoutLoader, { path: `/${ours.slug}`, params: { partnership: ours.slug }, cookie });
    expect(isResponse(layout) && layout.status).toBe(404);
  });
});

describe("only partnership managers manage members", () => {
  it.each(NON_MANAGERS)("%s: 403 on every members page and action, nothing written", async (role) => {
    const cookie = ours.users[role].cookie;
    const viewerId = await membershipIdOf(ours.partnershipId, ours.users.VIEWER.id);
    const manager = await actorFor(ours.users.PARTNERSHIP_MANAGER.id, ours.slug);
    const sent = await inviteMember(manager, { email: uniqueEmail(), role: "VIEWER" });
    const inviteId = sent.status === "sent" ? sent.inviteId : "";
    const before = await snapshot(ours.partnershipId);
    const params = { partnership: ours.slug, memberId: viewerId };
    const attempts = [
      callRoute(membersLoader, { path: "/", params, cookie }),
      callRoute(membersAction, { path: "/", params, cookie, form: { intent: "revoke", inviteId } }),
      callRoute(membersAction, { path: "/", params, cookie, form: { intent: "resend", inviteId } }),
      callRoute(editLoader, { path: "/", params, cookie }),
      callRoute(editAction, { path: "/", params, cookie, form: { role: "PARTNERSHIP_MANAGER" } }),
      callRoute(removeLoader, { path: "/", params, cookie }),
      callRoute(removeAction, { path: "/", params, cookie, form: {} }),
    ];
    for (const res of await Promise.all(attempts)) expect(isResponse(res) && res.status).toBe(403);
    expect(await snapshot(ours.partnershipId)).toEqual(before);
  });
});
