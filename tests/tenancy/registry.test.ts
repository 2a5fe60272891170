// (d) The pre-tenant module: each function returns only what it should.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  findInviteByTokenHash,
  findMembershipBySlug,
  findPartnershipBySlug,
  findUserByEmail,
  listMembershipsOfUser,
  listPartnerships,
} from "~/modules/registry/registry.server";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser } from "../factories";

let first: Awaited<ReturnType<typeof createPartnership>>;
let second: Awaited<ReturnType<typeof createPartnership>>;
let member: Awaited<ReturnType<typeof createUser>>;
let outsider: Awaited<ReturnType<typeof createUser>>;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  first = await createPartnership();
  second = await createPartnership();
  member = await createUser({ memberships: [{ partnershipId: first.partnershipId, role: "VIEWER" }] });
  outsider = await createUser({ memberships: [{ partnershipId: second.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
});

describe("partnership registry", () => {
  it("finds a partnership by slug with only registry fields", async () => {
    const found = await findPartnershipBySlug(first.slug);
    expect(found).toEqual({
      id: first.partnershipId,
      slug: first.slug,
      name: first.name,
      financialYearStartMonth: 4,
      timeZone: "Europe/London",
      subscriptionStatus: "ACTIVE",
    });
    expect(await findPartnershipBySlug("no-such-partnership")).toBeNull();
  });

  it("lists every partnership, for jobs that span them", async () => {
    const slugs = (await listPartnerships()).map((p) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining([first.slug, second.slug]));
  });
});

describe("a user's own memberships", () => {
  it("lists the user's memberships and no one else's", async () => {
    const memberships = await listMembershipsOfUser(member.id);
    expect(memberships.map((m) => [m.partnership.slug, m.role])).toEqual([[first.slug, "VIEWER"]]);
  });

  it("finds a membership by slug only where the user is a member", async () => {
    expect((await findMembershipBySlug(member.id, first.slug))?.partnership.id).toBe(first.partnershipId);
    expect(await findMembershipBySlug(member.id, second.slug)).toBeNull();
    expect(await findMembershipBySlug(outsider.id, first.slug)).toBeNull();
  });

  it("returns nothing for a malformed user id", async () => {
    expect(await listMembershipsOfUser("not-a-uuid")).toEqual([]);
  });
});

describe("users by e-mail", () => {
  it("matches the e-mail whatever its case and spacing", async () => {
    const found = await findUserByEmail(`  ${member.email.toUpperCase()} `);
    expect(found?.id).toBe(member.id);
    expect(await findUserByEmail("nobody@test.example")).toBeNull();
  });
});

describe("invites by token hash", () => {
  it("returns the invite whose hash matches, and no other", async () => {
    const token = randomUUID();
    const otherToken = randomUUID();
    for (const [partnershipId, t] of [
      [first.partnershipId, token],
      [second.partnershipId, otherToken],
    ] as const) {
      await withTenant(partnershipId, (tx) =>
        tx.invite.create({
          data: {
            partnershipId,
            email: "invitee@test.example",
            role: "AGENCY_EDITOR",
            tokenHash: sha256(t),
            expiresAt: new Date(Date.now() + 7 * 86_400_000),
          },
        }),
      );
    }
    const found = await findInviteByTokenHash(sha256(token));
    expect(found?.partnershipId).toBe(first.partnershipId);
    expect(await findInviteByTokenHash(sha256("never issued"))).toBeNull();
    expect(await findInviteByTokenHash("' or 1=1 --")).toBeNull();
  });
});
