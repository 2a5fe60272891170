// Who belongs to a partnership, in what role and for which agency; changing and
// removing them. Partnership managers only (permission "member:manage").
//
// A partnership always keeps at least one partnership manager: otherwise nobody could
// invite anyone or change a role again. Demoting or removing a manager locks every
// manager row of the partnership first (SELECT ... FOR UPDATE, in id order so two
// such changes cannot deadlock), so two managers demoting each other at the same
// moment cannot both succeed: the second waits, then counts one manager and is refused.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import { MESSAGES, type MemberRole } from "./member-schema";

export type FieldErrors = Record<string, string[]>;

/** The agencies a member or invite may be for: this partnership's, not archived, not groups. */
export async function agencyChoices(tx: TenantTx, partnershipId: string) {
  return tx.agency.findMany({
    where: { partnershipId, archivedAt: null, isGroup: false },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * The error for the agency field, or null: an agency editor needs an agency, and an
 * agency must be one of this partnership's choices (an id from another partnership
 * is not found here, by the where and by row-level security).
 */
export async function checkAgency(
  tx: TenantTx,
  partnershipId: string,
  role: MemberRole,
  agencyId: string | null | undefined,
  options: { allow?: string | null } = {},
): Promise<string | null> {
  if (!agencyId) return role === "AGENCY_EDITOR" ? MESSAGES.agencyRequired : null;
  if (agencyId === options.allow) return null;
  if (!isUuid(agencyId)) return MESSAGES.agencyNotFound;
  const agency = await tx.agency.findFirst({
    where: { id: agencyId, partnershipId, archivedAt: null, isGroup: false },
    select: { id: true },
  });
  return agency ? null : MESSAGES.agencyNotFound;
}

const memberSelect = {
  id: true,
  role: true,
  agencyId: true,
  createdAt: true,
  userId: true,
  user: { select: { name: true, email: true } },
  agency: { select: { name: true } },
} as const;

/** The members page: every member, and the invitations not yet accepted or revoked. */
export async function listMembers(actor: Actor) {
  assertCan(actor, "member:manage");
  assertCan(actor, "invite:manage");
  const partnershipId = actor.partnershipId;
  return withTenant(partnershipId, async (tx) => {
    const members = await tx.membership.findMany({
      where: { partnershipId },
      orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
      select: memberSelect,
    });
    const invites = await tx.invite.findMany({
      where: { partnershipId, acceptedAt: null, revokedAt: null },
      orderBy: [{ lastSentAt: "desc" }, { email: "asc" }],
      select: { id: true, email: true, role: true, lastSentAt: true, expiresAt: true, agency: { select: { name: true } } },
    });
    return { members, invites };
  });
}

/** One member, for the change and remove pages; null for another partnership's id. */
export async function getMember(actor: Actor, membershipId: string) {
  assertCan(actor, "member:manage");
  if (!isUuid(membershipId)) return null;
  const partnershipId = actor.partnershipId;
  return withTenant(partnershipId, async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, partnershipId }, select: memberSelect });
    if (!member) return null;
    const managerCount = await tx.membership.count({ where: { partnershipId, role: "PARTNERSHIP_MANAGER" } });
    const agencies = await agencyChoices(tx, partnershipId);
    // Keep an archived agency the member already has in the list, so saving a role
    // change does not force a new agency on them.
    if (member.agencyId && member.agency && !agencies.some((a) => a.id === member.agencyId)) {
      agencies.push({ id: member.agencyId, name: member.agency.name });
    }
    return {
      member,
      agencies,
      isYou: member.id === actor.membershipId,
      onlyManager: member.role === "PARTNERSHIP_MANAGER" && managerCount <= 1,
    };
  });
}

export type MemberChangeResult =
  | { status: "done"; changed: boolean }
  | { status: "not-found" }
  | { status: "invalid"; fieldErrors: FieldErrors };

/** Changes a member's role or agency. The last partnership manager keeps their role. */
export async function changeMember(
  actor: Actor,
  input: { membershipId: string; role: MemberRole; agencyId?: string | null },
): Promise<MemberChangeResult> {
  assertCan(actor, "member:manage");
  if (!isUuid(input.membershipId)) return { status: "not-found" };
  const partnershipId = actor.partnershipId;
  return withTenant(partnershipId, async (tx) => {
    const managerIds = await lockManagers(tx, partnershipId);
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, partnershipId },
      select: { id: true, role: true, agencyId: true, user: { select: { name: true, email: true } } },
    });
    if (!member) return { status: "not-found" };

    const fieldErrors: FieldErrors = {};
    if (member.role === "PARTNERSHIP_MANAGER" && input.role !== "PARTNERSHIP_MANAGER" && managerIds.length <= 1) {
      fieldErrors.role = [MESSAGES.lastManager];
    }
    const agencyId = input.agencyId || null;
    const agencyError = await checkAgency(tx, partnershipId, input.role, agencyId, { allow: member.agencyId });
    if (agencyError) fieldErrors.agencyId = [agencyError];
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    const diff = changedFields({ role: member.role, agencyId: member.agencyId }, { role: input.role, agencyId });
    if (!diff.changed) return { status: "done", changed: false };
    const updated = await tx.membership.updateMany({
      where: { id: member.id, partnershipId },
      data: { role: input.role, agencyId },
    });
    if (updated.count !== 1) return { status: "not-found" };
    await recordAudit(tx, actor, {
      action: "updated",
      entityType: "Membership",
      entityId: member.id,
      before: { ...diff.before, name: member.user.name, email: member.user.email },
      after: diff.after,
    });
    return { status: "done", changed: true };
  });
}

export type MemberRemoveResult =
  | { status: "done"; removedYourself: boolean }
  | { status: "not-found" }
  | { status: "invalid"; formErrors: string[] };

/**
 * Removes a member from the partnership (their account stays: they may belong to
 * others). A manager may remove themselves only while another manager remains.
 */
export async function removeMember(actor: Actor, input: { membershipId: string }): Promise<MemberRemoveResult> {
  assertCan(actor, "member:manage");
  if (!isUuid(input.membershipId)) return { status: "not-found" };
  const partnershipId = actor.partnershipId;
  return withTenant(partnershipId, async (tx) => {
    const managerIds = await lockManagers(tx, partnershipId);
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, partnershipId },
      select: { id: true, role: true, agencyId: true, userId: true, user: { select: { name: true, email: true } } },
    });
    if (!member) return { status: "not-found" };
    if (member.role === "PARTNERSHIP_MANAGER" && managerIds.length <= 1) {
      return { status: "invalid", formErrors: [MESSAGES.lastManager] };
    }
    const removed = await tx.membership.deleteMany({ where: { id: member.id, partnershipId } });
    if (removed.count !== 1) return { status: "not-found" };
    await recordAudit(tx, actor, {
      action: "removed",
      entityType: "Membership",
      entityId: member.id,
      before: { name: member.user.name, email: member.user.email, role: member.role, agencyId: member.agencyId, userId: member.userId },
      after: null,
    });
    return { status: "done", removedYourself: member.id === actor.membershipId };
  });
}

/** Locks the partnership's manager rows until the transaction ends; returns their ids. */
async function lockManagers(tx: TenantTx, partnershipId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Membership"
    WHERE "partnershipId" = ${partnershipId}::uuid AND role = 'PARTNERSHIP_MANAGER'
    ORDER BY id
    FOR UPDATE`;
  return rows.map((row) => row.id);
}
