import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import { findMembershipBySlug, type PartnershipSummary } from "~/modules/registry/registry.server";
import { notFound } from "~/utils/http";
import { can, type Permission, type Role, type Scope } from "./permissions";

/** Who is acting, and in which partnership: what every domain function takes first. */
export type Actor = {
  userId: string;
  userName: string;
  partnershipId: string;
  membershipId: string;
  role: Role;
  agencyId: string | null;
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
    },
  };
}

/** Throws a 403 Response unless the actor holds the permission (for this scope). */
export function assertCan(actor: Pick<Actor, "role" | "agencyId">, permission: Permission, scope?: Scope) {
  if (!can(actor, permission, scope)) {
    throw new Response("You do not have permission to do this.", { status: 403 });
  }
}

/** Which manager-only sections the navigation offers this actor. */
export function sectionsFor(actor: Pick<Actor, "role" | "agencyId">) {
  return {
    members: can(actor, "member:manage"),
    auditLog: can(actor, "audit:read-all"),
    settings: can(actor, "settings:manage"),
  };
}
