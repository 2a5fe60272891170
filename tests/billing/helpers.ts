// A partnership for the billing tests: a manager, an agency editor and a viewer, each
// with a session, and the Stripe customer the partnership is.
import { randomUUID } from "node:crypto";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import type { SubscriptionStatus } from "~/modules/billing/billing-state";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, idsOf, sessionCookieFor } from "../factories";

export async function billingWorld(options: { customer?: boolean } = {}) {
  const partnership = await createPartnership();
  const { partnershipId } = partnership;
  const ids = await idsOf(partnershipId);
  const police = ids.agencies.find((a) => a.name.includes("Constabulary"))!.id;
  const member = async (role: "PARTNERSHIP_MANAGER" | "AGENCY_EDITOR" | "VIEWER", agencyId?: string) => {
    const user = await createUser({ name: `${role} person`, memberships: [{ partnershipId, role, agencyId }] });
    return { user, cookie: await sessionCookieFor(user.id) };
  };
  const manager = await member("PARTNERSHIP_MANAGER");
  const editor = await member("AGENCY_EDITOR", police);
  const viewer = await member("VIEWER");
  const customerId = options.customer === false ? null : `cus_${randomUUID().replace(/-/g, "").slice(0, 14)}`;
  if (customerId) await setBilling(partnershipId, { stripeCustomerId: customerId });
  return { ...partnership, ids, police, manager, editor, viewer, customerId: customerId! };
}

export async function setBilling(
  partnershipId: string,
  data: Partial<{ stripeCustomerId: string | null; subscriptionStatus: SubscriptionStatus; trialEndsAt: Date | null; billingSyncedAt: Date | null }>,
) {
  await withTenant(partnershipId, (tx) => tx.partnership.update({ where: { id: partnershipId }, data }));
}

export async function billingOf(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => ({
    ...(await tx.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: {
        subscriptionStatus: true,
        stripeCustomerId: true,
        stripeSubscriptionId: true,
        trialEndsAt: true,
        currentPeriodEnd: true,
        cancelAtPeriodEnd: true,
        billingSyncedAt: true,
      },
    })),
    events: await tx.stripeEvent.findMany({ where: { partnershipId }, select: { id: true, type: true }, orderBy: { receivedAt: "asc" } }),
  }));
}

/** The actor a request of this member would get: with the partnership's read-only state. */
export async function actorOf(cookie: string, slug: string) {
  const request = new Request(`http://localhost/${slug}`, { headers: { Cookie: cookie } });
  return (await requirePartnershipMember(request, slug)).actor;
}
