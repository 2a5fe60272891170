// The only reads that happen before a partnership is known. Everything else goes
// through withTenant. ARCHITECTURE.md lists these functions; the tenancy tests
// check each returns only what it should.
import { SLUG_PATTERN } from "~/modules/partnerships/slugs";
import { todayIn } from "~/utils/dates";
import { db, withLookupSetting, withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";

const registryFields = {
  id: true,
  slug: true,
  name: true,
  financialYearStartMonth: true,
  timeZone: true,
  subscriptionStatus: true,
} as const;

export type PartnershipSummary = {
  id: string;
  slug: string;
  name: string;
  financialYearStartMonth: number;
  timeZone: string;
  subscriptionStatus: "TRIALING" | "ACTIVE" | "PAST_DUE" | "CANCELED";
};

/** The registry row for a URL slug (the registry has no tenant: it is how a tenant is found). */
export async function findPartnershipBySlug(slug: string): Promise<PartnershipSummary | null> {
  return db().partnership.findUnique({ where: { slug }, select: registryFields });
}

/** Every partnership, for jobs that span them; each then works inside withTenant. */
export async function listPartnerships(): Promise<Array<PartnershipSummary & { trialEndsAt: Date | null }>> {
  return db().partnership.findMany({ select: { ...registryFields, trialEndsAt: true }, orderBy: { name: "asc" } });
}

/** A user by e-mail, for signing in. */
export async function findUserByEmail(email: string) {
  return db().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true, totpEnabledAt: true },
  });
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export type MembershipRole = "PARTNERSHIP_MANAGER" | "AGENCY_EDITOR" | "BOARD_MEMBER" | "VIEWER";

export type UserMembership = {
  membershipId: string;
  role: MembershipRole;
  agencyId: string | null;
  partnership: PartnershipSummary;
  /** The partnership's setting: its managers must use two-step verification. */
  managersNeedTwoFactor: boolean;
  /** The free trial's end (billing): with the status, whether the partnership is read-only. */
  trialEndsAt: Date | null;
};

const membershipFields = {
  id: true,
  role: true,
  agencyId: true,
  partnership: { select: { ...registryFields, requireManagerTwoFactor: true, trialEndsAt: true } },
} as const;

function toUserMembership(row: {
  id: string;
  role: MembershipRole;
  agencyId: string | null;
  partnership: PartnershipSummary & { requireManagerTwoFactor: boolean; trialEndsAt: Date | null };
}): UserMembership {
  const { requireManagerTwoFactor, trialEndsAt, ...partnership } = row.partnership;
  return {
    membershipId: row.id,
    role: row.role,
    agencyId: row.agencyId,
    partnership,
    managersNeedTwoFactor: requireManagerTwoFactor,
    trialEndsAt,
  };
}

/** The signed-in user's own memberships, in every partnership (RLS policy on app.user_id). */
export async function listMembershipsOfUser(userId: string): Promise<UserMembership[]> {
  if (!isUuid(userId)) return [];
  const rows = await withLookupSetting("app.user_id", userId, (tx) =>
    tx.membership.findMany({
      where: { userId },
      select: membershipFields,
      orderBy: { partnership: { name: "asc" } },
    }),
  );
  return rows.map(toUserMembership);
}

/** The user's membership of the partnership with this slug, or null: one round trip. */
export async function findMembershipBySlug(userId: string, slug: string): Promise<UserMembership | null> {
  if (!isUuid(userId)) return null;
  const row = await withLookupSetting("app.user_id", userId, (tx) =>
    tx.membership.findFirst({
      where: { userId, partnership: { slug } },
      select: membershipFields,
    }),
  );
  return row && toUserMembership(row);
}

/** The invite whose token hash the visitor holds (RLS policy on app.invite_token_hash). */
export async function findInviteByTokenHash(tokenHash: string) {
  if (!/^[0-9a-f]{64}$/.test(tokenHash)) return null;
  return withLookupSetting("app.invite_token_hash", tokenHash, (tx) =>
    tx.invite.findFirst({
      where: { tokenHash },
      select: {
        id: true,
        partnershipId: true,
        email: true,
        role: true,
        agencyId: true,
        expiresAt: true,
        acceptedAt: true,
      },
    }),
  );
}

/** How many upcoming meetings the public page lists. */
const PUBLIC_MEETINGS_SHOWN = 10;

export type PublicPageRecord = {
  partnership: { id: string; slug: string; name: string; timeZone: string };
  publication: { id: string; approvedAt: Date; revisedAt: Date | null; snapshot: unknown };
  meetings: Array<{ heldOn: Date; startTime: Date | null; place: string | null; boardName: string }>;
};

/**
 * For the public page and open data, with no one signed in: the latest approved
 * publication of the partnership with this slug (its snapshot is all the public
 * sees), and its boards' upcoming meetings when that publication shows them. Null
 * when there is no such partnership or it has published nothing. A constant number of
 * queries, however much is published.
 */
export async function findPublicPageBySlug(slug: string, now = new Date()): Promise<PublicPageRecord | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  const partnership = await db().partnership.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, timeZone: true } });
  if (!partnership) return null;
  return withTenant(partnership.id, async (tx) => {
    const publication = await tx.publication.findFirst({
      where: { partnershipId: partnership.id },
      orderBy: { approvedAt: "desc" },
      select: { id: true, approvedAt: true, revisedAt: true, snapshot: true },
    });
    if (!publication) return null;
    const showMeetings = (publication.snapshot as { showMeetings?: unknown } | null)?.showMeetings === true;
    const meetings = showMeetings ? await upcomingPublicMeetings(tx, partnership.id, todayIn(partnership.timeZone, now)) : [];
    return {
      partnership,
      publication,
      meetings,
    };
  });
}

/** The boards' next meetings as the public page lists them: never the online link, which is for members. */
export async function upcomingPublicMeetings(tx: TenantTx, partnershipId: string, today: Date): Promise<PublicPageRecord["meetings"]> {
  const meetings = await tx.meeting.findMany({
    where: { partnershipId, heldOn: { gte: today }, board: { archivedAt: null } },
    orderBy: [{ heldOn: "asc" }, { startTime: "asc" }],
    take: PUBLIC_MEETINGS_SHOWN,
    select: { heldOn: true, startTime: true, place: true, board: { select: { name: true } } },
  });
  return meetings.map(({ board, ...meeting }) => ({ ...meeting, boardName: board.name }));
}

/**
 * Billing's webhook and reconcile job: the partnership that is this Stripe customer.
 * Stripe's events name a customer, not a partnership, so this runs before a tenant is
 * known; the caller then works inside withTenant.
 */
export async function findPartnershipByStripeCustomerId(customerId: string): Promise<{ id: string; slug: string } | null> {
  if (!/^cus_[A-Za-z0-9]+$/.test(customerId)) return null;
  return db().partnership.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true, slug: true } });
}

/** Billing's reconcile job: every partnership that has a Stripe customer. */
export async function listPartnershipsWithStripeCustomer(): Promise<Array<{ id: string; slug: string; stripeCustomerId: string }>> {
  const rows = await db().partnership.findMany({
    where: { stripeCustomerId: { not: null } },
    select: { id: true, slug: true, stripeCustomerId: true },
    orderBy: { slug: "asc" },
  });
  return rows.map((row) => ({ ...row, stripeCustomerId: row.stripeCustomerId! }));
}

/** Billing's reconcile job: trials that have ended for partnerships Stripe never heard of. */
export async function listEndedTrialsWithoutStripeCustomer(now: Date): Promise<Array<{ id: string }>> {
  return db().partnership.findMany({
    where: { stripeCustomerId: null, subscriptionStatus: "TRIALING", trialEndsAt: { lte: now } },
    select: { id: true },
  });
}

/**
 * The one-click unsubscribe link (app/modules/digest/unsubscribe.server.ts): the
 * partnership a verified token names, for its page. The token is signed, so its
 * partnership id is trusted; the caller then works inside withTenant.
 */
export async function findPartnershipForUnsubscribe(partnershipId: string): Promise<{ id: string; name: string } | null> {
  if (!isUuid(partnershipId)) return null;
  return db().partnership.findUnique({ where: { id: partnershipId }, select: { id: true, name: true } });
}
