import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { scopeOf } from "~/modules/access/scopes.server";
import { indicatorRag } from "~/modules/rag/rag";
import { ragToleranceOf } from "~/modules/rag/rag-settings.server";
import { withTenant } from "~/utils/db.server";
import type { Prisma } from "~/generated/prisma/client";

const periodSelect = { select: { label: true, startsOn: true, endsOn: true, type: true } } as const;

/** What a list or a priority page shows of an indicator: latest target, baseline and figure. */
export const indicatorSummarySelect = {
  id: true,
  code: true,
  name: true,
  unit: true,
  direction: true,
  frequency: true,
  source: true,
  denominator: { select: { kind: true, name: true } },
  leadAgency: { select: { id: true, parentAgencyId: true, name: true, shortName: true } },
  ownerBoard: { select: { id: true, name: true } },
  responsibleBoard: { select: { id: true, name: true } },
  priorities: {
    select: { priority: { select: { id: true, number: true, title: true } } },
  },
  baselines: {
    orderBy: { period: { startsOn: "desc" } },
    take: 1,
    select: { value: true, count: true, note: true, period: periodSelect },
  },
  targets: {
    orderBy: { period: { startsOn: "desc" } },
    take: 1,
    select: { value: true, requiredDirection: true, note: true, period: periodSelect },
  },
  figures: {
    orderBy: { period: { startsOn: "desc" } },
    take: 1,
    select: { value: true, count: true, period: periodSelect },
  },
} as const satisfies Prisma.IndicatorSelect;

type IndicatorRow = Prisma.IndicatorGetPayload<{ select: typeof indicatorSummarySelect }>;

/** Flattens the "latest one" relations, adds the RAG (by the partnership's tolerance) and orders by code, then name. */
export function summariseIndicators(rows: IndicatorRow[], ragTolerance: string) {
  return rows
    .map(({ baselines, targets, figures, priorities, ...indicator }) => {
      const baseline = baselines[0];
      const target = targets[0];
      const figure = figures[0];
      return {
        ...indicator,
        rag: indicatorRag({
          unit: indicator.unit,
          direction: indicator.direction,
          latest: figure ? figure.value.toString() : null,
          target: target ? { value: decimalText(target.value), requiredDirection: target.requiredDirection } : null,
          baseline: baseline ? { value: decimalText(baseline.value) } : null,
          tolerance: ragTolerance,
        }),
        priorities: priorities.map((link) => link.priority).sort((a, b) => a.number - b.number),
        baseline: baseline ? { ...baseline, value: decimalText(baseline.value), count: decimalText(baseline.count) } : null,
        target: target ? { ...target, value: decimalText(target.value) } : null,
        latestFigure: figure ? { ...figure, value: figure.value.toString(), count: decimalText(figure.count) } : null,
      };
    })
    .sort(compareIndicators);
}

export type IndicatorSummary = ReturnType<typeof summariseIndicators>[number];

/** Decimals leave the module as exact strings: they cross to the browser intact. */
function decimalText(value: Prisma.Decimal | null): string | null {
  return value === null ? null : value.toString();
}

function compareIndicators(a: { code: string | null; name: string }, b: { code: string | null; name: string }) {
  if (a.code && b.code) return a.code.localeCompare(b.code, "en-GB", { numeric: true });
  if (a.code) return -1;
  if (b.code) return 1;
  return a.name.localeCompare(b.name, "en-GB");
}

export async function listIndicators(actor: Actor) {
  assertCan(actor, "partnership:read");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const rows = await tx.indicator.findMany({
      where: { partnershipId, archivedAt: null },
      select: indicatorSummarySelect,
    });
    return summariseIndicators(rows, await ragToleranceOf(tx, partnershipId)).map((indicator) => ({
      ...indicator,
      canEnterFigure: can(actor, "figure:enter", scopeOf([indicator.leadAgency])),
    }));
  });
}
