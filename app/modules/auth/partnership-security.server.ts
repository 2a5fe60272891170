// A partnership's security settings. For now one: whether its partnership managers
// must use two-step verification (requirePartnershipMember enforces it). Managers
// can invite people and change roles, so a stolen manager password does the most harm.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { db, withTenant } from "~/utils/db.server";

export type PartnershipSecurity = { requireManagerTwoFactor: boolean };

export async function getPartnershipSecurity(actor: Actor): Promise<PartnershipSecurity> {
  assertCan(actor, "settings:manage");
  return withTenant(actor.partnershipId, (tx) =>
    tx.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { requireManagerTwoFactor: true } }),
  );
}

export type SetRequirementResult = { status: "saved"; changed: boolean } | { status: "turn-on-your-own-first" };

/**
 * Turns the requirement on or off, recorded in the audit trail. A manager must use
 * two-step verification themselves before requiring it, or they would send
 * themselves to set it up with their first click.
 */
export async function setManagerTwoFactorRequirement(actor: Actor, required: boolean): Promise<SetRequirementResult> {
  assertCan(actor, "settings:manage");
  if (required) {
    const me = await db().user.findUnique({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
    if (!me?.totpEnabledAt) return { status: "turn-on-your-own-first" };
  }
  return withTenant(actor.partnershipId, async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({
      where: { id: actor.partnershipId },
      select: { requireManagerTwoFactor: true },
    });
    if (before.requireManagerTwoFactor === required) return { status: "saved", changed: false };
    await tx.partnership.update({ where: { id: actor.partnershipId }, data: { requireManagerTwoFactor: required } });
    await recordAudit(tx, actor, {
      action: "updated",
      entityType: "Partnership",
      entityId: actor.partnershipId,
      before: { requireManagerTwoFactor: before.requireManagerTwoFactor },
      after: { requireManagerTwoFactor: required },
    });
    return { status: "saved", changed: true };
  });
}
