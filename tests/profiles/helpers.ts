// Actors for the profile and data-export tests: a member of a partnership in a role.
import type { Actor } from "~/modules/access/actor.server";
import type { MembershipRole, PartnershipProfile } from "~/modules/profiles/profile-schema";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, smallProfile, uniqueSlug } from "../factories";

export async function actorIn(partnershipId: string, role: MembershipRole = "PARTNERSHIP_MANAGER", agencyId: string | null = null): Promise<Actor> {
  const name = `${role} user`;
  const user = await createUser({ name, memberships: [{ partnershipId, role, agencyId: agencyId ?? undefined }] });
  const membership = await withTenant(partnershipId, (tx) => tx.membership.findFirstOrThrow({ where: { partnershipId, userId: user.id }, select: { id: true } }));
  return { userId: user.id, userName: name, partnershipId, membershipId: membership.id, role, agencyId };
}

/** A partnership with nothing configured: no agencies, boards, strategy or indicators. */
export async function emptyPartnership(slug = uniqueSlug("empty")) {
  const profile: PartnershipProfile = { slug, name: `Empty ${slug}`, councils: [], agencies: [], people: [], boards: [], strategies: [], indicators: [] };
  return createPartnership(profile);
}

export { smallProfile };
