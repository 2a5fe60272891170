import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { priorityScope, scopeOf } from "~/modules/access/scopes.server";
import { changedFields, historyOf, recordAudit } from "~/modules/audit/audit.server";
import { measureIndicators } from "~/modules/performance/performance.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import type { PriorityUpdateInput } from "./priority-schema";

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
            ownerAgency: { select: { id: true, parentAgencyId: true, name: true, shortName: true } },
            ownerPerson: { select: { name: true } },
            deliveryPlan: { select: { title: true, financialYear: true } },
            notes: { orderBy: { writtenOn: "desc" }, take: 1, select: { writtenOn: true, body: true } },
          },
        },
      },
    });
    if (!priority) return null;
    const { ...rest } = priority;
    const indicators = await measureIndicators(tx, partnershipId, { archivedAt: null, priorities: { some: { priorityId } } });
    // What the actor may do here decides which controls the page shows; every write
    // checks again on the server. Scopes are worked out from what is loaded already.
    const scope = (await priorityScope(tx, partnershipId, priorityId))!;
    return {
      ...rest,
      actions: rest.actions.map((action) => ({
        ...action,
        canUpdate: can(actor, "action:update", { agencyIds: [...scope.agencyIds, ...scopeOf([action.ownerAgency]).agencyIds] }),
      })),
      indicators: indicators.map((indicator) => ({
        ...indicator,
        canEnterFigure: indicator.figuresFrom === "HAND_OR_CSV" && can(actor, "figure:enter", scopeOf([indicator.leadAgency])),
      })),
      canUpdate: can(actor, "priority:update", scope),
      // An editor may always add an action their own agency owns.
      canAddAction: can(actor, "action:create", { agencyIds: [actor.agencyId] }),
      history: await historyOf(tx, partnershipId, "Priority", priorityId),
    };
  });
}

export type PriorityConflict = {
  status: "conflict";
  current: { whatWeWillDo: string | null; progressSummary: string | null; version: number };
  changedBy: string;
  changedAt: Date;
};

/** A lead agency updates "what we will do" and the progress summary. */
export async function updatePriority(actor: Actor, priorityId: string, input: PriorityUpdateInput) {
  if (!isUuid(priorityId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<{ status: "saved" } | PriorityConflict | null> => {
    const scope = await priorityScope(tx, partnershipId, priorityId);
    if (!scope) return null;
    assertCan(actor, "priority:update", scope);
    const before = (await tx.priority.findFirst({
      where: { id: priorityId, partnershipId },
      select: { whatWeWillDo: true, progressSummary: true, version: true },
    }))!;
    const data = { whatWeWillDo: input.whatWeWillDo || null, progressSummary: input.progressSummary || null };
    const { count } = await tx.priority.updateMany({
      where: { id: priorityId, partnershipId, version: input.version },
      data: { ...data, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (count === 0) {
      const current = (await tx.priority.findFirst({
        where: { id: priorityId, partnershipId },
        select: { whatWeWillDo: true, progressSummary: true, version: true, updatedAt: true, updatedById: true },
      }))!;
      const user = current.updatedById ? await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } }) : null;
      return { status: "conflict", current, changedBy: user?.name ?? "someone else", changedAt: current.updatedAt };
    }
    const diff = changedFields(before, data);
    if (diff.changed) {
      await recordAudit(tx, actor, { action: "updated", entityType: "Priority", entityId: priorityId, before: diff.before, after: diff.after });
    }
    return { status: "saved" };
  });
}

/** The priority's editable text and version, for the edit form. */
export async function getPriorityForEdit(actor: Actor, priorityId: string) {
  if (!isUuid(priorityId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const scope = await priorityScope(tx, partnershipId, priorityId);
    if (!scope) return null;
    assertCan(actor, "priority:update", scope);
    return tx.priority.findFirst({
      where: { id: priorityId, partnershipId },
      select: { id: true, number: true, title: true, whatWeWillDo: true, progressSummary: true, version: true },
    });
  });
}
