// A partnership may require its managers to use two-step verification: the setting
// (managers only, audited), and its effect on every page of the partnership.
import { beforeAll, describe, expect, it } from "vitest";
import { requirePartnershipMember, type Actor } from "~/modules/access/actor.server";
import { getPartnershipSecurity, setManagerTwoFactorRequirement } from "~/modules/auth/partnership-security.server";
import { db, withTenant } from "~/utils/db.server";
import { createPartnership, createUser, sessionCookieFor } from "../factories";
import { turnOnTwoFactor } from "../factories/accounts";

async function actorFor(slug: string, cookie: string): Promise<Actor> {
  return (await requirePartnershipMember(new Request(`http://localhost/${slug}`, { headers: { Cookie: cookie } }), slug)).actor;
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a Response to be thrown");
}

let partnership: Awaited<ReturnType<typeof createPartnership>>;
let manager: Awaited<ReturnType<typeof createUser>>;
let managerCookie: string;

beforeAll(async () => {
  partnership = await createPartnership();
  manager = await createUser({ name: "Morgan Manager", memberships: [{ partnershipId: partnership.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
  managerCookie = (await turnOnTwoFactor(manager)).cookie;
});

describe("the setting", () => {
  it("only managers may see or change it", async () => {
    for (const role of ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const) {
      const member = await createUser({ memberships: [{ partnershipId: partnership.partnershipId, role }] });
      const actor = await actorFor(partnership.slug, await sessionCookieFor(member.id));
      expect((await thrown(getPartnershipSecurity(actor))).status).toBe(403);
      expect((await thrown(setManagerTwoFactorRequirement(actor, true))).status).toBe(403);
    }
  });

  it("a manager without two-step verification cannot require it of others", async () => {
    const own = await createPartnership();
    const newcomer = await createUser({ memberships: [{ partnershipId: own.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const actor = await actorFor(own.slug, await sessionCookieFor(newcomer.id));
    expect(await setManagerTwoFactorRequirement(actor, true)).toEqual({ status: "turn-on-your-own-first" });
    expect(await getPartnershipSecurity(actor)).toEqual({ requireManagerTwoFactor: false });
  });

  it("is recorded in the audit trail with who changed it, before and after", async () => {
    const actor = await actorFor(partnership.slug, managerCookie);
    expect(await setManagerTwoFactorRequirement(actor, true)).toEqual({ status: "saved", changed: true });
    expect(await setManagerTwoFactorRequirement(actor, true)).toEqual({ status: "saved", changed: false });
    expect(await getPartnershipSecurity(actor)).toEqual({ requireManagerTwoFactor: true });
    const events = await withTenant(partnership.partnershipId, (tx) =>
      tx.auditEvent.findMany({ where: { partnershipId: partnership.partnershipId, entityType: "Partnership" } }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "updated",
      entityId: partnership.partnershipId,
      actorUserId: manager.id,
      actorName: "Morgan Manager",
      before: { requireManagerTwoFactor: false },
      after: { requireManagerTwoFactor: true },
    });
  });
});

describe("when a partnership requires it", () => {
  it("sends a manager without two-step verification to set it up, from any page of the partnership", async () => {
    const required = await createPartnership();
    await db().partnership.update({ where: { id: required.partnershipId }, data: { requireManagerTwoFactor: true } });
    const other = await createUser({ memberships: [{ partnershipId: required.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const response = await thrown(actorFor(required.slug, await sessionCookieFor(other.id)));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/account/two-factor?requiredBy=${required.slug}`);
  });

  it("lets in managers who use it, and members in other roles without it", async () => {
    const required = await createPartnership();
    await db().partnership.update({ where: { id: required.partnershipId }, data: { requireManagerTwoFactor: true } });
    const withIt = await createUser({ memberships: [{ partnershipId: required.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const { cookie } = await turnOnTwoFactor(withIt);
    expect((await actorFor(required.slug, cookie)).role).toBe("PARTNERSHIP_MANAGER");
    const editor = await createUser({ memberships: [{ partnershipId: required.partnershipId, role: "AGENCY_EDITOR" }] });
    expect((await actorFor(required.slug, await sessionCookieFor(editor.id))).role).toBe("AGENCY_EDITOR");
  });

  it("does not reach into the manager's other partnerships that do not require it", async () => {
    const required = await createPartnership();
    const relaxed = await createPartnership();
    await db().partnership.update({ where: { id: required.partnershipId }, data: { requireManagerTwoFactor: true } });
    const both = await createUser({
      memberships: [
        { partnershipId: required.partnershipId, role: "PARTNERSHIP_MANAGER" },
        { partnershipId: relaxed.partnershipId, role: "PARTNERSHIP_MANAGER" },
      ],
    });
    const cookie = await sessionCookieFor(both.id);
    expect((await actorFor(relaxed.slug, cookie)).partnershipId).toBe(relaxed.partnershipId);
    expect((await thrown(actorFor(required.slug, cookie))).status).toBe(302);
  });
});
