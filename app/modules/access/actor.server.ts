import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import { billingEnabled } from "~/modules/billing/billing-config.server";
import { isReadOnly, READ_ONLY_MESSAGE } from "~/modules/billing/billing-state";
import { findMembershipBySlug, type PartnershipSummary } from "~/modules/registry/registry.server";
import { notFound } from "~/utils/http";
import { can, isWrite, type Permission, type Role, type Scope } from "./permissions";

/** Who is acting, and in which partnership: what every domain function takes first. */
export type Actor = {
  userId: string;
  userName: string;
  partnershipId: string;
  membershipId: string;
  role: Role;
  agencyId: string | null;
  /**
   * The partnership's subscription has ended (or its trial): assertCan refuses every
   * write permission. Set by requirePartnershipMember from the registry row; an actor
   * made elsewhere (sign-up, tests) without it is a writable partnership's.
   */
  readOnly?: boolean;
};

export type PartnershipContext = { actor: Actor; partnership: PartnershipSummary };

/**
 * For every page under /:partnership/: the signed-in user's membership of that
 * partnership. Signed out: to sign-in and back. Not a member (or no such
 * partnership): 404, so a URL says nothing about partnerships one cannot see.
 * A manager of a partnership that requires two-step verification of its managers,
 * without it: to the set-up page first.
 */
export function requirePartnershipMember(request: Request, slug: string | undefined): Promise<PartnershipContext> {
  // The layout and the page loaders of one request all ask: look it up once.
  const key = `${slug ?? ""}`;
  const cached = contextCache.get(request);
  if (cached?.slug === key) return cached.context;
  const context = lookUpPartnershipMember(request, slug);
  contextCache.set(request, { slug: key, context });
  return context;
}

const contextCache = new WeakMap<Request, { slug: string; context: Promise<PartnershipContext> }>();

async function lookUpPartnershipMember(request: Request, slug: string | undefined): Promise<PartnershipContext> {
  const user = await requireUser(request);
  const membership = slug ? await findMembershipBySlug(user.id, slug) : null;
  if (!membership) throw notFound();
  // The partnership's setting: its managers set up two-step verification before anything else.
  if (membership.role === "PARTNERSHIP_MANAGER" && membership.managersNeedTwoFactor && !user.twoFactorEnabled) {
    throw redirect(`/account/two-factor?${new URLSearchParams({ requiredBy: membership.partnership.slug })}`);
  }
  return {
    partnership: membership.partnership,
    actor: {
      userId: user.id,
      userName: user.name,
      partnershipId: membership.partnership.id,
      membershipId: membership.membershipId,
      role: membership.role,
      agencyId: membership.agencyId,
      readOnly: isReadOnly(
        { subscriptionStatus: membership.partnership.subscriptionStatus, trialEndsAt: membership.trialEndsAt },
        billingEnabled(),
      ),
    },
  };
}

/**
 * Throws a 403 Response unless the actor holds the permission (for this scope). A
 * write the role allows but a read-only partnership does not says so: the manager
 * can do something about that one.
 */
export function assertCan(actor: Pick<Actor, "role" | "agencyId" | "readOnly">, permission: Permission, scope?: Scope) {
  if (!can(actor, permission, scope)) {
    const refusedForBilling = actor.readOnly && isWrite(permission) && can({ ...actor, readOnly: false }, permission, scope);
    throw new Response(refusedForBilling ? READ_ONLY_MESSAGE : "You do not have permission to do this.", { status: 403 });
  }
}

/**
 * Which manager-only sections the navigation offers this actor: by role alone, so a
 * read-only partnership's manager still finds settings, the data export and billing.
 */
export function sectionsFor(actor: Pick<Actor, "role" | "agencyId" | "readOnly">) {
  actor = { role: actor.role, agencyId: actor.agencyId };
  return {
    members: can(actor, "member:manage"),
    auditLog: can(actor, "audit:read-all"),
    settings: can(actor, "settings:manage"),
  };
}
