import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { scopeOf } from "~/modules/access/scopes.server";
import { measureIndicators, type MeasuredIndicator } from "~/modules/performance/performance.server";
import { withTenant } from "~/utils/db.server";

/** What a list or a priority page shows of an indicator: its target, baseline, latest figure and RAG. */
export type IndicatorSummary = MeasuredIndicator;

export async function listIndicators(actor: Actor) {
  assertCan(actor, "partnership:read");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const indicators = await measureIndicators(tx, partnershipId, { archivedAt: null });
    return indicators.map((indicator) => ({
      ...indicator,
      canEnterFigure: indicator.figuresFrom === "HAND_OR_CSV" && can(actor, "figure:enter", scopeOf([indicator.leadAgency])),
    }));
  });
}
