// The only reads that happen before a partnership is known. Everything else goes
// through withTenant. ARCHITECTURE.md lists these functions; the tenancy tests
// check each returns only what it should.
import { db, withLookupSetting } from "~/utils/db.server";
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
export async function listPartnerships(): Promise<PartnershipSummary[]> {
  return db().partnership.findMany({ select: registryFields, orderBy: { name: "asc" } });
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
};

const membershipFields = {
  id: true,
  role: true,
  agencyId: true,
  partnership: { select: { ...registryFields, requireManagerTwoFactor: true } },
} as const;

function toUserMembership(row: {
  id: string;
  role: MembershipRole;
  agencyId: string | null;
  partnership: PartnershipSummary & { requireManagerTwoFactor: boolean };
}): UserMembership {
  const { requireManagerTwoFactor, ...partnership } = row.partnership;
  return {
    membershipId: row.id,
    role: row.role,
    agencyId: row.agencyId,
    partnership,
    managersNeedTwoFactor: requireManagerTwoFactor,
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
