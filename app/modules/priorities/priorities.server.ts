import { assertCan, type Actor } from "~/modules/access/actor.server";
import { summariseIndicators, indicatorSummarySelect } from "~/modules/indicators/indicators.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";

export type RagCounts = { RED: number; AMBER: number; GREEN: number; NOT_RATED: number };

const leadSelect = {
  orderBy: { position: "asc" },
  select: {
    id: true,
    agency: { select: { id: true, name: true, shortName: true } },
    person: { select: { id: true, name: true, jobTitle: true } },
  },
} as const;

/** The strategy a partnership works to now: the one that started most recently. */
export async function findCurrentStrategy(tx: TenantTx, partnershipId: string) {
  return tx.strategy.findFirst({
    where: { partnershipId },
    orderBy: [{ startYear: "desc" }, { title: "asc" }],
    select: { id: true, title: true, startYear: true, endYear: true, summary: true },
  });
}

/** RAG counts of open actions per priority, in one query. */
async function ragCountsByPriority(tx: TenantTx, partnershipId: string, priorityIds: string[]) {
  const groups = await tx.action.groupBy({
    by: ["priorityId", "rag"],
    where: { partnershipId, priorityId: { in: priorityIds }, closedAt: null, status: { not: "DROPPED" } },
    _count: { _all: true },
  });
  const counts = new Map<string, RagCounts>();
  for (const id of priorityIds) counts.set(id, { RED: 0, AMBER: 0, GREEN: 0, NOT_RATED: 0 });
  for (const group of groups) {
    const entry = group.priorityId ? counts.get(group.priorityId) : undefined;
    if (entry) entry[group.rag ?? "NOT_RATED"] += group._count._all;
  }
  return counts;
}

export async function listPrioritiesOfCurrentStrategy(tx: TenantTx, partnershipId: string) {
  const strategy = await findCurrentStrategy(tx, partnershipId);
  if (!strategy) return { strategy: null, priorities: [] };
  const priorities = await tx.priority.findMany({
    where: { partnershipId, strategyId: strategy.id, archivedAt: null },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      leads: leadSelect,
      responsibleBoard: { select: { id: true, name: true } },
    },
  });
  const counts = await ragCountsByPriority(
    tx,
    partnershipId,
    priorities.map((p) => p.id),
  );
  return {
    strategy,
    priorities: priorities.map((priority) => ({ ...priority, ragCounts: counts.get(priority.id)! })),
  };
}

/** One priority with its leads, actions and indicators; null when not in this partnership. */
export async function getPriority(actor: Actor, priorityId: string) {
  assertCan(actor, "partnership:read");
  if (!isUuid(priorityId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const priority = await tx.priority.findFirst({
      where: { id: priorityId, partnershipId },
      select: {
        id: true,
        number: true,
        title: true,
        whyPriority: true,
        whatWeWillDo: true,
        progressSummary: true,
        strategy: { select: { id: true, title: true, startYear: true, endYear: true } },
        responsibleBoard: { select: { id: true, name: true } },
        leads: leadSelect,
        actions: {
          where: { partnershipId },
          orderBy: [{ reference: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            reference: true,
            title: true,
            status: true,
            rag: true,
            originalDueOn: true,
            revisedDueOn: true,
            ownerText: true,
            ownerAgency: { select: { name: true, shortName: true } },
            ownerPerson: { select: { name: true } },
            deliveryPlan: { select: { title: true, financialYear: true } },
            notes: { orderBy: { writtenOn: "desc" }, take: 1, select: { writtenOn: true, body: true } },
          },
        },
        indicators: {
          where: { partnershipId },
          select: { indicator: { select: indicatorSummarySelect } },
        },
      },
    });
    if (!priority) return null;
    const { indicators, ...rest } = priority;
    return {
      ...rest,
      indicators: summariseIndicators(indicators.map((link) => link.indicator)),
    };
  });
}
