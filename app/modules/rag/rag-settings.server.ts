// The partnership's RAG tolerance: read by every loader that shows an indicator's RAG,
// changed by its managers on /:partnership/settings/rag.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import type { RagSettingsInput } from "./rag-schema";

/** The tolerance as an exact decimal string ("5", "2.5"). */
export async function ragToleranceOf(tx: TenantTx, partnershipId: string): Promise<string> {
  const row = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { ragTolerance: true } });
  return row.ragTolerance.toString();
}

export async function getRagSettings(actor: Actor) {
  assertCan(actor, "settings:manage");
  return withTenant(actor.partnershipId, async (tx) => ({ tolerance: await ragToleranceOf(tx, actor.partnershipId) }));
}

export async function saveRagSettings(actor: Actor, input: RagSettingsInput) {
  assertCan(actor, "settings:manage");
  return withTenant(actor.partnershipId, async (tx) => {
    const before = { ragTolerance: await ragToleranceOf(tx, actor.partnershipId) };
    const diff = changedFields<Record<string, unknown>>(before, { ragTolerance: input.tolerance });
    if (!diff.changed) return { status: "saved" as const };
    await tx.partnership.update({ where: { id: actor.partnershipId }, data: { ragTolerance: input.tolerance } });
    await recordAudit(tx, actor, { action: "changed the RAG tolerance", entityType: "Partnership", entityId: actor.partnershipId, before: diff.before, after: diff.after });
    return { status: "saved" as const };
  });
}
