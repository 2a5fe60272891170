// Delivery-plan actions: what a lead officer updates between board meetings.
// Every write checks the agency-scoped permission against the agencies that own the
// action or lead its priority, refuses a stale version (no lost updates), and
// records the change in the audit trail in the same transaction.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { actionScope, newActionScope } from "~/modules/access/scopes.server";
import { changedFields, historyOf, recordAudit } from "~/modules/audit/audit.server";
import { financialYearOf } from "~/modules/periods/periods";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { financialYearLabel, todayIn } from "~/utils/dates";
import { isUuid } from "~/utils/uuid";
import type { ActionDetailsInput, CloseActionInput, ProgressUpdateInput } from "./action-schema";

const snapshotSelect = {
  id: true,
  version: true,
  title: true,
  description: true,
  status: true,
  rag: true,
  originalDueOn: true,
  revisedDueOn: true,
  ownerAgencyId: true,
  ownerText: true,
  closedAt: true,
  updatedAt: true,
  updatedById: true,
} as const;

async function loadSnapshot(tx: TenantTx, partnershipId: string, actionId: string) {
  return tx.action.findFirst({ where: { id: actionId, partnershipId }, select: snapshotSelect });
}

export type ActionSnapshot = NonNullable<Awaited<ReturnType<typeof loadSnapshot>>> & {
  latestNote: { writtenOn: Date; body: string } | null;
};

/** What the user sees when someone else saved first: their version, who and when. */
export type Conflict = { status: "conflict"; current: ActionSnapshot; changedBy: string; changedAt: Date };
export type SaveResult =
  | { status: "saved"; actionId: string }
  | Conflict
  | { status: "invalid"; fieldErrors: Record<string, string[]> };

async function conflictFor(tx: TenantTx, partnershipId: string, actionId: string): Promise<Conflict> {
  const current = (await loadSnapshot(tx, partnershipId, actionId))!;
  const latestNote = await tx.progressNote.findFirst({
    where: { partnershipId, actionId },
    orderBy: [{ writtenOn: "desc" }, { createdAt: "desc" }],
    select: { writtenOn: true, body: true },
  });
  const user = current.updatedById
    ? await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } })
    : null;
  return {
    status: "conflict",
    current: { ...current, latestNote },
    changedBy: user?.name ?? "someone else",
    changedAt: current.updatedAt,
  };
}

/**
 * Applies `data` only if the action is still at `version`; otherwise reports who
 * changed it since. The audit row is written in the same transaction.
 */
async function saveIfUnchanged(
  tx: TenantTx,
  actor: Actor,
  actionId: string,
  version: number,
  before: Before,
  data: Record<string, unknown>,
  auditAction: string,
  extraAudit: Record<string, unknown> = {},
): Promise<SaveResult> {
  const { partnershipId } = actor;
  const { count } = await tx.action.updateMany({
    where: { id: actionId, partnershipId, version },
    data: { ...data, version: { increment: 1 }, updatedById: actor.userId },
  });
  if (count === 0) return conflictFor(tx, partnershipId, actionId);
  const diff = changedFields(before, data);
  await recordAudit(tx, actor, {
    action: auditAction,
    entityType: "Action",
    entityId: actionId,
    before: diff.before,
    after: { ...diff.after, ...extraAudit },
  });
  return { status: "saved", actionId };
}

type Before = NonNullable<Awaited<ReturnType<typeof loadSnapshot>>>;

/**
 * The preamble of every write to an action: a malformed id or another partnership's
 * action is null (404); an actor outside its scope gets 403; otherwise `fn` runs in
 * the tenant transaction with the action as it is now.
 */
async function withUpdatableAction<T>(
  actor: Actor,
  actionId: string,
  fn: (tx: TenantTx, before: Before) => Promise<T>,
): Promise<T | null> {
  if (!isUuid(actionId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const scope = await actionScope(tx, partnershipId, actionId);
    if (!scope) return null;
    assertCan(actor, "action:update", scope);
    return fn(tx, (await loadSnapshot(tx, partnershipId, actionId))!);
  });
}

/** An action with its notes, owner and history, and what the actor may do with it. */
export async function getAction(actor: Actor, actionId: string) {
  assertCan(actor, "partnership:read");
  if (!isUuid(actionId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const action = await tx.action.findFirst({
      where: { id: actionId, partnershipId },
      select: {
        ...snapshotSelect,
        reference: true,
        createdAt: true,
        ownerAgency: { select: { name: true, shortName: true } },
        ownerPerson: { select: { name: true } },
        deliveryPlan: { select: { title: true, financialYear: true } },
        outcomeArea: { select: { title: true } },
        priority: { select: { id: true, number: true, title: true } },
        notes: {
          orderBy: [{ writtenOn: "desc" }, { createdAt: "desc" }],
          select: { id: true, writtenOn: true, body: true, rag: true, createdAt: true },
        },
      },
    });
    if (!action) return null;
    const scope = (await actionScope(tx, partnershipId, actionId))!;
    const history = await historyOf(tx, partnershipId, "Action", actionId);
    return { action, canUpdate: can(actor, "action:update", scope), history };
  });
}

/** The action for an update, edit or close form: null (404) if not here, 403 if not the actor's to change. */
export async function getActionForUpdate(actor: Actor, actionId: string) {
  return withUpdatableAction(actor, actionId, async (_tx, before) => before);
}

/** Status, RAG, a dated progress note and a revised due date: the routine update. */
export async function updateActionProgress(actor: Actor, actionId: string, input: ProgressUpdateInput, timeZone: string) {
  const { partnershipId } = actor;
  return withUpdatableAction(actor, actionId, async (tx, before): Promise<SaveResult> => {
    if (before.closedAt) return { status: "invalid", fieldErrors: { status: ["This action is closed and can no longer be updated"] } };

    const today = todayIn(timeZone);
    const writtenOn = input.noteDate ?? today;
    if (writtenOn > today) return { status: "invalid", fieldErrors: { noteDate: ["The date of the note must be today or in the past"] } };
    if (input.revisedDueOn && before.originalDueOn && input.revisedDueOn < before.originalDueOn) {
      // Earlier than planned is fine to record, but it is not slippage: say so plainly.
      return { status: "invalid", fieldErrors: { revisedDueOn: ["The revised due date must be on or after the original due date"] } };
    }

    const data = {
      status: input.status,
      rag: input.rag,
      ...(input.revisedDueOn ? { revisedDueOn: input.revisedDueOn } : {}),
    };
    const result = await saveIfUnchanged(tx, actor, actionId, input.version, before, data, "updated progress", {
      ...(input.note ? { note: input.note } : {}),
    });
    if (result.status === "saved" && input.note) {
      await tx.progressNote.create({
        data: { partnershipId, actionId, writtenOn, body: input.note, rag: input.rag, authorUserId: actor.userId },
      });
    }
    return result;
  });
}

/** Edits what the action is and who owns it. An editor cannot hand it outside their agency's reach. */
export async function editAction(actor: Actor, actionId: string, input: ActionDetailsInput) {
  const { partnershipId } = actor;
  return withUpdatableAction(actor, actionId, async (tx, before): Promise<SaveResult> => {
    const priority = await tx.action.findFirst({ where: { id: actionId, partnershipId }, select: { priorityId: true } });
    const invalid = await checkOwner(tx, actor, { ownerAgencyId: input.ownerAgencyId ?? null, priorityId: priority?.priorityId ?? null });
    if (invalid) return invalid;
    const data = {
      title: input.title,
      description: input.description ?? null,
      ownerAgencyId: input.ownerAgencyId ?? null,
      ownerText: input.ownerText ?? null,
      originalDueOn: input.originalDueOn ?? before.originalDueOn,
    };
    return saveIfUnchanged(tx, actor, actionId, input.version ?? 0, before, data, "edited");
  });
}

/** Closes an action as complete or dropped, with a closing note. */
export async function closeAction(actor: Actor, actionId: string, input: CloseActionInput, timeZone: string) {
  const { partnershipId } = actor;
  return withUpdatableAction(actor, actionId, async (tx, before): Promise<SaveResult> => {
    if (before.closedAt) return { status: "invalid", fieldErrors: { outcome: ["This action is already closed"] } };
    const data = { status: input.outcome, closedAt: new Date() };
    const result = await saveIfUnchanged(tx, actor, actionId, input.version, before, data, "closed", { note: input.note });
    if (result.status === "saved") {
      await tx.progressNote.create({
        data: { partnershipId, actionId, writtenOn: todayIn(timeZone), body: input.note, rag: before.rag, authorUserId: actor.userId },
      });
    }
    return result;
  });
}

/** An agency editor may only place an action where their agency owns it or leads its priority. */
async function checkOwner(tx: TenantTx, actor: Actor, target: { ownerAgencyId: string | null; priorityId: string | null }) {
  const { partnershipId } = actor;
  if (target.ownerAgencyId) {
    const agency = await tx.agency.findFirst({ where: { id: target.ownerAgencyId, partnershipId }, select: { id: true } });
    if (!agency) return { status: "invalid" as const, fieldErrors: { ownerAgencyId: ["Select an agency from the list"] } };
  }
  if (!can(actor, "action:create", await newActionScope(tx, partnershipId, target))) {
    return {
      status: "invalid" as const,
      fieldErrors: { ownerAgencyId: ["Select your own agency: you can only own actions for your agency or under priorities it leads"] },
    };
  }
  return null;
}

/**
 * Adds an action under a priority, in the delivery plan of the current financial
 * year (created, titled like the papers, if the partnership has none yet).
 */
export async function createAction(
  actor: Actor,
  priorityId: string,
  input: ActionDetailsInput,
  partnership: { timeZone: string; financialYearStartMonth: number },
) {
  if (!isUuid(priorityId)) return null;
  return withTenant(actor.partnershipId, (tx) => createActionIn(tx, actor, priorityId, input, partnership));
}

/**
 * createAction inside a transaction the caller already holds, for a write that must
 * land together with the new action (a meeting's action arising that becomes one).
 */
export async function createActionIn(
  tx: TenantTx,
  actor: Actor,
  priorityId: string,
  input: ActionDetailsInput,
  partnership: { timeZone: string; financialYearStartMonth: number },
): Promise<SaveResult | null> {
  const { partnershipId } = actor;
  const priority = await tx.priority.findFirst({ where: { id: priorityId, partnershipId }, select: { id: true, strategyId: true } });
  if (!priority) return null;
  // Someone who may not add actions at all (a board member, a viewer) gets a 403;
  // an editor may always add one their own agency owns. Which owner they picked is
  // then a form question, checked below.
  const ownerAgencyId = input.ownerAgencyId ?? (actor.role === "AGENCY_EDITOR" ? actor.agencyId : null);
  const ownScope = await newActionScope(tx, partnershipId, { ownerAgencyId: actor.agencyId ?? ownerAgencyId, priorityId });
  assertCan(actor, "action:create", ownScope);
  const invalid = await checkOwner(tx, actor, { ownerAgencyId, priorityId });
  if (invalid) return invalid;

  const financialYear = financialYearOf(todayIn(partnership.timeZone), partnership.financialYearStartMonth);
  const plan =
    (await tx.deliveryPlan.findFirst({ where: { partnershipId, financialYear }, orderBy: { title: "asc" }, select: { id: true } })) ??
    (await tx.deliveryPlan.create({
      data: { partnershipId, financialYear, strategyId: priority.strategyId, title: `Delivery plan ${financialYearLabel(financialYear)}` },
      select: { id: true },
    }));
  const action = await tx.action.create({
    data: {
      partnershipId,
      deliveryPlanId: plan.id,
      priorityId,
      title: input.title,
      description: input.description ?? null,
      ownerAgencyId,
      ownerText: input.ownerText ?? null,
      originalDueOn: input.originalDueOn ?? null,
      status: "NOT_STARTED",
      updatedById: actor.userId,
    },
    select: snapshotSelect,
  });
  await recordAudit(tx, actor, { action: "created", entityType: "Action", entityId: action.id, after: action });
  return { status: "saved", actionId: action.id };
}
