// A partnership for the figure import tests: the factory's partnership (strategy
// 2024/25 to 2026/27, "LOCAL 1" a rate per 1,000 households led by the police) with
// an indicator of each kind the import must handle.
import type { Actor } from "~/modules/access/actor.server";
import { createFigureImportDraft, confirmFigureImport, getFigureImportPreview } from "~/modules/figures/figure-import.server";
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors } from "../editing/helpers";

export async function importWorld() {
  const world = await partnershipWithActors();
  const { partnershipId } = world;
  const ids = await withTenant(partnershipId, async (tx) => {
    const households = await tx.denominator.findFirstOrThrow({ where: { partnershipId, kind: "HOUSEHOLDS" }, select: { id: true } });
    await tx.denominatorValue.create({ data: { partnershipId, denominatorId: households.id, financialYear: 2025, value: "135341" } });
    const make = (data: {
      code: string | null;
      name: string;
      unit: "COUNT" | "PERCENTAGE" | "RATE_PER_1000";
      frequency: "WEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY";
      leadAgencyId: string;
      figuresFrom?: "HAND_OR_CSV" | "POLICE_UK";
    }) => tx.indicator.create({ data: { partnershipId, direction: "LOWER_IS_BETTER", ...data }, select: { id: true } }).then((i) => i.id);
    return {
      vehicle: await make({ code: "LOCAL 2", name: "Vehicle crime", unit: "COUNT", frequency: "QUARTERLY", leadAgencyId: world.agencies.police }),
      reoffending: await make({ code: "LOCAL 3", name: "Re-offending", unit: "PERCENTAGE", frequency: "YEARLY", leadAgencyId: world.agencies.probation }),
      robbery: await make({ code: "LOCAL 4", name: "Robbery", unit: "COUNT", frequency: "MONTHLY", leadAgencyId: world.agencies.police, figuresFrom: "POLICE_UK" }),
      asb: await make({ code: "LOCAL 5", name: "ASB incidents", unit: "COUNT", frequency: "WEEKLY", leadAgencyId: world.agencies.police }),
      fear: await make({ code: null, name: "Fear of crime", unit: "PERCENTAGE", frequency: "YEARLY", leadAgencyId: world.agencies.council }),
      unratedRate: await make({ code: "LOCAL 6", name: "Rate with no denominator", unit: "RATE_PER_1000", frequency: "YEARLY", leadAgencyId: world.agencies.police }),
    };
  });
  return { ...world, indicators: { burglary: world.indicator, ...ids } };
}

export const HEADER = "indicator,period,value,count,note";

export function csv(...lines: string[]) {
  return new TextEncoder().encode(`${[HEADER, ...lines].join("\r\n")}\r\n`);
}

/** Upload, preview and (when it is clean) confirm, as the pages do. */
export async function runImport(actor: Actor, bytes: Uint8Array, options: { confirm?: boolean; fileName?: string } = {}) {
  const calendar = { timeZone: "Europe/London", financialYearStartMonth: 4 };
  const draft = await createFigureImportDraft(actor, { ok: true, fileName: options.fileName ?? "figures.csv", bytes });
  if (!draft.ok) return { draft, preview: null, result: null };
  const preview = (await getFigureImportPreview(actor, draft.draftId, calendar))!;
  const result = options.confirm === false ? null : await confirmFigureImport(actor, draft.draftId, preview.plan.signature, calendar);
  return { draft, preview, result };
}

/** Every figure and audit event of the partnership, to show what an import did or did not write. */
export async function snapshot(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => ({
    figures: (
      await tx.figure.findMany({
        where: { partnershipId },
        orderBy: [{ indicatorId: "asc" }, { periodId: "asc" }],
        select: { indicatorId: true, value: true, count: true, note: true, source: true, version: true, period: { select: { label: true } } },
      })
    ).map((f) => ({ ...f, value: f.value.toString(), count: f.count?.toString() ?? null })),
    audit: await tx.auditEvent.count({ where: { partnershipId } }),
  }));
}
