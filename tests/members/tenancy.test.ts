// Tenancy attacks on every members and invites route that takes an id: signed in as
// each role of one partnership, the other partnership's member and invite ids are
// not found (a manager) or forbidden (everyone else, who may not use these pages at
// all); the other partnership's rows are unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { inviteMember } from "~/modules/invites/invites.server";
import { action as editAction, loader as editLoader } from "~/routes/$partnership.members.$memberId";
import { action as removeAction, loader as removeLoader } from "~/routes/$partnership.members.$memberId_.remove";
import { action as membersAction, loader as membersLoader } from "~/routes/$partnership.members._index";
import { action as inviteAction, loader as inviteLoader } from "~/routes/$partnership.members.invite";
import { callRoute, isResponse } from "../routes/call-route";
import { actorFor, membershipIdOf, partnershipWithEveryRole, ROLES, snapshot, uniqueEmail } from "./helpers";

let ours: Awaited<ReturnType<typeof partnershipWithEveryRole>>;
let theirs: Awaited<ReturnType<typeof partnershipWithEveryRole>>;
let theirMemberIds: string[];
let theirInviteId: string;

beforeAll(async () => {
  ours = await partnershipWithEveryRole();
  theirs = await partnershipWithEveryRole();
  theirMemberIds = await Promise.all(ROLES.map((role) => membershipIdOf(theirs.partnershipId, theirs.users[role].id)));
  const theirManager = await actorFor(theirs.users.PARTNERSHIP_MANAGER.id, theirs.slug);
  const sent = await inviteMember(theirManager, { email: uniqueEmail(), role: "VIEWER" });
  if (sent.status !== "sent") throw new Error("not sent");
  theirInviteId = sent.inviteId;
});

function statusOf(res: unknown) {
  return isResponse(res) ? res.status : "returned data";
}

describe.each(ROLES)("signed in as our %s", (role) => {
  const expected = () => (role === "PARTNERSHIP_MANAGER" ? 404 : 403);

  it("their member ids, under our address: reads and writes refused, their rows unchanged", async () => {
    const cookie = ours.users[role].cookie;
    const before = await snapshot(theirs.partnershipId);
    for (const memberId of theirMemberIds) {
      const params = { partnership: ours.slug, memberId };
      const path = `/${ours.slug}/members/${memberId}`;
      expect(statusOf(await callRoute(editLoader, { path, params, cookie }))).toBe(expected());
      expect(statusOf(await callRoute(removeLoader, { path: `${path}/remove`, params, cookie }))).toBe(expected());
      const forms: Array<Record<string, string>> = [
        { role: "VIEWER" },
        { role: "PARTNERSHIP_MANAGER" },
        { role: "AGENCY_EDITOR", agencyId: theirs.police.id },
      ];
      for (const form of forms) {
        expect(statusOf(await callRoute(editAction, { path, params, cookie, form }))).toBe(expected());
      }
      expect(statusOf(await callRoute(removeAction, { path: `${path}/remove`, params, cookie, form: {} }))).toBe(expected());
    }
    expect(await snapshot(theirs.partnershipId)).toEqual(before);
  });

  it("their invite id, under our address: resend and revoke refused, their invite unchanged", async () => {
    const cookie = ours.users[role].cookie;
    const before = await snapshot(theirs.partnershipId);
    const params = { partnership: ours.slug };
    for (const intent of ["resend", "revoke"]) {
      const res = await callRoute(membersAction, { path: `/${ours.slug}/members`, params, cookie, form: { intent, inviteId: theirInviteId } });
      expect(statusOf(res)).toBe(expected());
    }
    expect(await snapshot(theirs.partnershipId)).toEqual(before);
  });

  it("their address: every members route is 404, nothing written", async () => {
    const cookie = ours.users[role].cookie;
    const before = await snapshot(theirs.partnershipId);
    const params = { partnership: theirs.slug, memberId: theirMemberIds[1]! };
    const path = `/${theirs.slug}/members`;
    const attempts = [
      callRoute(membersLoader, { path, params, cookie }),
      callRoute(membersAction, { path, params, cookie, form: { intent: "revoke", inviteId: theirInviteId } }),
      callRoute(inviteLoader, { path, params, cookie }),
      callRoute(inviteAction, { path, params, cookie, form: { email: uniqueEmail(), role: "PARTNERSHIP_MANAGER" } }),
      callRoute(editLoader, { path, params, cookie }),
      callRoute(editAction, { path, params, cookie, form: { role: "PARTNERSHIP_MANAGER" } }),
      callRoute(removeLoader, { path, params, cookie }),
      callRoute(removeAction, { path, params, cookie, form: {} }),
    ];
    for (const res of await Promise.all(attempts)) expect(statusOf(res)).toBe(404);
    expect(await snapshot(theirs.partnershipId)).toEqual(before);
  });
});

describe("malformed ids are not found, never a 500", () => {
  it.each(["not-a-uuid", "1 or 1=1", "00000000-0000-0000-0000-000000000000"])("%s", async (id) => {
    const cookie = ours.users.PARTNERSHIP_MANAGER.cookie;
    const params = { partnership: ours.slug, memberId: id };
    expect(statusOf(await callRoute(editLoader, { path: "/", params, cookie }))).toBe(404);
    expect(statusOf(await callRoute(editAction, { path: "/", params, cookie, form: { role: "VIEWER" } }))).toBe(404);
    expect(statusOf(await callRoute(removeAction, { path: "/", params, cookie, form: {} }))).toBe(404);
    expect(statusOf(await callRoute(membersAction, { path: "/", params, cookie, form: { intent: "revoke", inviteId: id } }))).toBe(404);
  });
});
