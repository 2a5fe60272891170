// A partnership's strategy and its numbered priorities, for its managers. Renumbering
// moves the same rows (their actions, indicators and history stay with them); every
// change is audited in the transaction that makes it.
import { withdrawFromPublicPage } from "~/modules/publication/publication.server";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { findCurrentStrategy } from "~/modules/priorities/priorities.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import type { FieldErrors } from "./fields";
import type { PriorityChangeInput, PriorityInput, PriorityNumbersInput, StrategyInput } from "./strategy-schema";

export type SaveResult = { status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors; formErrors?: string[] };

const leadSelect = {
  orderBy: { position: "asc" },
  select: { agency: { select: { id: true, name: true } }, person: { select: { id: true, name: true } } },
} as const;

/** The strategy page: the current strategy and all its priorities, archived last. */
export async function getStrategySettings(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const strategy = await findCurrentStrategy(tx, partnershipId);
    const priorities = strategy
      ? await tx.priority.findMany({
          where: { partnershipId, strategyId: strategy.id },
          orderBy: { number: "asc" },
          select: {
            id: true,
            number: true,
            title: true,
            archivedAt: true,
            responsibleBoard: { select: { name: true } },
            leads: leadSelect,
            _count: { select: { actions: true, indicators: true, agendaItems: true } },
          },
        })
      : [];
    return {
      strategy,
      priorities: priorities.map(({ _count, ...priority }) => ({
        ...priority,
        canDelete: _count.actions + _count.indicators + _count.agendaItems === 0,
      })),
    };
  });
}

/** Creates the strategy, or updates the current one. */
export async function saveStrategy(actor: Actor, input: StrategyInput): Promise<SaveResult> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const data = { title: input.title, startYear: input.startYear, endYear: input.endYear };
    const current = await findCurrentStrategy(tx, partnershipId);
    if (!current) {
      const created = await tx.strategy.create({ data: { partnershipId, ...data }, select: { id: true } });
      await recordAudit(tx, actor, { action: "created the strategy", entityType: "Strategy", entityId: created.id, after: data });
      return { status: "saved", id: created.id };
    }
    const diff = changedFields<Record<string, unknown>>(current, data);
    if (diff.changed) {
      await tx.strategy.updateMany({ where: { id: current.id, partnershipId }, data });
      await recordAudit(tx, actor, { action: "updated the strategy", entityType: "Strategy", entityId: current.id, before: diff.before, after: diff.after });
    }
    return { status: "saved", id: current.id };
  });
}

/** The options a priority form offers: this partnership's boards, agencies and people. */
async function priorityFormOptions(tx: TenantTx, partnershipId: string) {
  const [boards, agencies, people] = [
    await tx.board.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    await tx.agency.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    await tx.person.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, jobTitle: true } }),
  ];
  return { boards, agencies, people };
}

/** The add or edit priority form: the priority (null when adding), the next free number and the options. */
export async function getPriorityForm(actor: Actor, priorityId: string | null) {
  assertCan(actor, "settings:manage");
  if (priorityId !== null && !isUuid(priorityId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const strategy = await findCurrentStrategy(tx, partnershipId);
    if (!strategy) return null;
    const priority = priorityId
      ? await tx.priority.findFirst({
          where: { id: priorityId, partnershipId },
          select: {
            id: true,
            number: true,
            title: true,
            whyPriority: true,
            whatWeWillDo: true,
            responsibleBoardId: true,
            version: true,
            archivedAt: true,
            leads: { orderBy: { position: "asc" }, select: { agencyId: true, personId: true } },
          },
        })
      : null;
    if (priorityId && !priority) return null;
    const last = await tx.priority.findFirst({ where: { partnershipId, strategyId: strategy.id }, orderBy: { number: "desc" }, select: { number: true } });
    return { strategy, priority, nextNumber: (last?.number ?? 0) + 1, options: await priorityFormOptions(tx, partnershipId) };
  });
}

/**
 * Checks that every id the form sent names a row of this partnership: a forged id
 * (another partnership's, or not an id at all) is a field error, never a write.
 */
async function checkPriorityReferences(tx: TenantTx, partnershipId: string, input: PriorityInput) {
  const fieldErrors: FieldErrors = {};
  const ids = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  const known = async (model: "board" | "agency" | "person", values: string[]) => {
    const valid = values.filter(isUuid);
    const where = { partnershipId, id: { in: valid } };
    const rows =
      model === "board"
        ? await tx.board.findMany({ where, select: { id: true } })
        : model === "agency"
          ? await tx.agency.findMany({ where, select: { id: true } })
          : await tx.person.findMany({ where, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  };
  if (input.responsibleBoardId) {
    const boards = await known("board", [input.responsibleBoardId]);
    if (!boards.has(input.responsibleBoardId)) fieldErrors.responsibleBoardId = ["Choose one of this partnership's boards"];
  }
  const agencies = await known("agency", ids(input.leads.map((l) => l.agencyId)));
  const people = await known("person", ids(input.leads.map((l) => l.personId)));
  input.leads.forEach((lead, index) => {
    if (lead.agencyId && !agencies.has(lead.agencyId)) fieldErrors[`leads[${index}].agencyId`] = ["Choose one of this partnership's agencies"];
    if (lead.personId && !people.has(lead.personId)) fieldErrors[`leads[${index}].personId`] = ["Choose one of this partnership's people"];
  });
  return fieldErrors;
}

/** Adds a priority to the current strategy (priorityId null), or edits one. */
export async function savePriority(actor: Actor, priorityId: string | null, input: PriorityInput): Promise<SaveResult | null> {
  assertCan(actor, "settings:manage");
  if (priorityId !== null && !isUuid(priorityId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<SaveResult | null> => {
    const strategy = await findCurrentStrategy(tx, partnershipId);
    if (!strategy) return { status: "invalid", fieldErrors: {}, formErrors: ["Set up the strategy before adding priorities"] };
    const existing = priorityId
      ? await tx.priority.findFirst({
          where: { id: priorityId, partnershipId },
          select: {
            id: true,
            strategyId: true,
            number: true,
            title: true,
            whyPriority: true,
            whatWeWillDo: true,
            responsibleBoardId: true,
            version: true,
            leads: { orderBy: { position: "asc" }, select: { agencyId: true, personId: true } },
          },
        })
      : null;
    if (priorityId && !existing) return null;

    const fieldErrors = await checkPriorityReferences(tx, partnershipId, input);
    const strategyId = existing?.strategyId ?? strategy.id;
    const clash = await tx.priority.findFirst({
      where: { partnershipId, strategyId, number: input.number, ...(existing ? { id: { not: existing.id } } : {}) },
      select: { title: true },
    });
    if (clash) fieldErrors.number = [`Priority ${input.number} is already "${clash.title}": choose another number, or renumber the priorities on the strategy page`];
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    const data = {
      number: input.number,
      title: input.title,
      whyPriority: input.whyPriority || null,
      whatWeWillDo: input.whatWeWillDo || null,
      responsibleBoardId: input.responsibleBoardId || null,
    };
    const leads = input.leads.filter((lead) => lead.agencyId || lead.personId).map((lead) => ({ agencyId: lead.agencyId || null, personId: lead.personId || null }));
    const leadRows = leads.map((lead, position) => ({ partnershipId, ...lead, position }));

    if (!existing) {
      const created = await tx.priority.create({
        data: { partnershipId, strategyId, ...data, updatedById: actor.userId },
        select: { id: true },
      });
      await tx.priorityLead.createMany({ data: leadRows.map((row) => ({ ...row, priorityId: created.id })) });
      await recordAudit(tx, actor, { action: "added the priority", entityType: "Priority", entityId: created.id, after: { ...data, leads } });
      return { status: "saved", id: created.id };
    }

    if (input.version !== undefined && input.version !== existing.version) {
      return { status: "invalid", fieldErrors: {}, formErrors: ["Someone changed this priority after you opened it: reload the page to see their changes, then make yours"] };
    }
    const { count } = await tx.priority.updateMany({
      where: { id: existing.id, partnershipId, version: existing.version },
      data: { ...data, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (count === 0) return { status: "invalid", fieldErrors: {}, formErrors: ["Someone saved this priority at the same moment: reload the page and try again"] };
    const leadsChanged = JSON.stringify(existing.leads) !== JSON.stringify(leads);
    if (leadsChanged) {
      await tx.priorityLead.deleteMany({ where: { partnershipId, priorityId: existing.id } });
      await tx.priorityLead.createMany({ data: leadRows.map((row) => ({ ...row, priorityId: existing.id })) });
    }
    const { leads: beforeLeads, id: _id, strategyId: _s, version: _v, ...beforeFields } = existing;
    const diff = changedFields<Record<string, unknown>>(beforeFields, data);
    if (diff.changed || leadsChanged) {
      await recordAudit(tx, actor, {
        action: "changed the priority's settings",
        entityType: "Priority",
        entityId: existing.id,
        before: { ...diff.before, ...(leadsChanged ? { leads: beforeLeads } : {}) },
        after: { ...diff.after, ...(leadsChanged ? { leads } : {}) },
      });
    }
    return { status: "saved", id: existing.id };
  });
}

export type PriorityChangeResult = { status: "done"; message: string } | { status: "refused"; message: string };

/** Moves a priority up or down (swapping numbers with its neighbour), archives, restores or deletes it. */
export async function changePriority(actor: Actor, input: PriorityChangeInput): Promise<PriorityChangeResult | null> {
  assertCan(actor, "settings:manage");
  if (!isUuid(input.priorityId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<PriorityChangeResult | null> => {
    const priority = await tx.priority.findFirst({
      where: { id: input.priorityId, partnershipId },
      select: {
        id: true,
        strategyId: true,
        number: true,
        title: true,
        archivedAt: true,
        _count: { select: { actions: true, indicators: true, agendaItems: true } },
      },
    });
    if (!priority) return null;
    const audit = (action: string, before: Record<string, unknown>, after: Record<string, unknown>, id = priority.id) =>
      recordAudit(tx, actor, { action, entityType: "Priority", entityId: id, before, after });

    switch (input.intent) {
      case "move-up":
      case "move-down": {
        const up = input.intent === "move-up";
        const neighbour = await tx.priority.findFirst({
          where: { partnershipId, strategyId: priority.strategyId, archivedAt: null, number: up ? { lt: priority.number } : { gt: priority.number } },
          orderBy: { number: up ? "desc" : "asc" },
          select: { id: true, number: true },
        });
        if (!neighbour) return { status: "refused", message: `Priority ${priority.number} is already ${up ? "first" : "last"}` };
        await swapNumbers(tx, partnershipId, priority, neighbour);
        await audit("renumbered the priority", { number: priority.number }, { number: neighbour.number });
        await audit("renumbered the priority", { number: neighbour.number }, { number: priority.number }, neighbour.id);
        return { status: "done", message: `"${priority.title}" is now priority ${neighbour.number}` };
      }
      case "archive":
      case "restore": {
        const archivedAt = input.intent === "archive" ? new Date() : null;
        await tx.priority.updateMany({ where: { id: priority.id, partnershipId }, data: { archivedAt, version: { increment: 1 } } });
        // An archived priority leaves the public page at once; restoring it publishes nothing until a manager approves.
        if (archivedAt) await withdrawFromPublicPage(tx, partnershipId, { priorityId: priority.id });
        await audit(input.intent === "archive" ? "archived the priority" : "restored the priority", { archivedAt: priority.archivedAt }, { archivedAt });
        return { status: "done", message: `Priority ${priority.number} ${input.intent === "archive" ? "archived" : "restored"}` };
      }
      case "delete": {
        const { actions, indicators, agendaItems } = priority._count;
        if (actions + indicators + agendaItems > 0) {
          return {
            status: "refused",
            message: `Priority ${priority.number} has ${[
              actions ? `${actions} action${actions === 1 ? "" : "s"}` : null,
              indicators ? `${indicators} indicator${indicators === 1 ? "" : "s"}` : null,
              agendaItems ? `${agendaItems} agenda item${agendaItems === 1 ? "" : "s"}` : null,
            ]
              .filter(Boolean)
              .join(", ")}: archive it instead, so its history is kept`,
          };
        }
        await audit("deleted the priority", { number: priority.number, title: priority.title }, {});
        await withdrawFromPublicPage(tx, partnershipId, { priorityId: priority.id });
        await tx.priority.deleteMany({ where: { id: priority.id, partnershipId } });
        return { status: "done", message: `Priority ${priority.number} deleted` };
      }
    }
  });
}

export type RenumberResult = { status: "saved"; changed: number } | { status: "invalid"; fieldErrors: FieldErrors; formErrors?: string[] };

/**
 * Gives every priority of the current strategy (archived ones too: they keep their
 * numbers) the number typed for it, all at once. The numbers must be 1 to the count,
 * each once; otherwise nothing is written. Only the numbers change: the rows, so their
 * actions, indicators and history, stay the same, and each changed one is audited.
 */
export async function renumberPriorities(actor: Actor, input: Pick<PriorityNumbersInput, "priorities">): Promise<RenumberResult> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<RenumberResult> => {
    const strategy = await findCurrentStrategy(tx, partnershipId);
    if (!strategy) return { status: "invalid", fieldErrors: {}, formErrors: ["Set up the strategy before numbering its priorities"] };
    const current = await tx.priority.findMany({
      where: { partnershipId, strategyId: strategy.id },
      select: { id: true, number: true, title: true },
    });
    const byId = new Map(current.map((priority) => [priority.id, priority]));
    const sentIds = new Set(input.priorities.map((row) => row.id));
    // A forged id (another partnership's, or none at all) and a priority added or
    // deleted since the page was opened look the same from here: the form is stale.
    if (sentIds.size !== input.priorities.length || sentIds.size !== current.length || input.priorities.some((row) => !byId.has(row.id))) {
      return {
        status: "invalid",
        fieldErrors: {},
        formErrors: ["The priorities have changed since this page was opened: reload the page, then set the numbers again"],
      };
    }

    const count = current.length;
    const rows = input.priorities.map((row) => ({ ...byId.get(row.id)!, typed: row.number ?? "" }));
    const fieldErrors: FieldErrors = {};
    const key = (index: number) => `priorities[${index}].number`;
    const numbers = rows.map((row, index) => {
      if (!row.typed) {
        fieldErrors[key(index)] = [`Enter the number for "${row.title}"`];
        return null;
      }
      const value = /^\d+$/.test(row.typed) ? Number(row.typed) : NaN;
      if (!(value >= 1 && value <= count)) {
        fieldErrors[key(index)] = [`Enter the number for "${row.title}" as a whole number from 1 to ${count}`];
        return null;
      }
      return value;
    });
    numbers.forEach((value, index) => {
      if (value === null) return;
      const others = rows.filter((_, other) => other !== index && numbers[other] === value).map((row) => `"${row.title}"`);
      if (others.length > 0) fieldErrors[key(index)] = [`Number ${value} is also given to ${others.join(" and ")}: give each priority a different number`];
    });
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    const changes = rows.map((row, index) => ({ ...row, to: numbers[index]! })).filter((row) => row.to !== row.number);
    // (strategyId, number) is unique and checked per statement, so the changed rows first
    // step aside to negative numbers (distinct, as the new numbers are), as swapNumbers does.
    for (const row of changes) await tx.priority.updateMany({ where: { id: row.id, partnershipId }, data: { number: -row.to } });
    for (const row of changes) {
      // A new version, so an edit form opened before cannot write the old number back.
      await tx.priority.updateMany({ where: { id: row.id, partnershipId }, data: { number: row.to, version: { increment: 1 } } });
      await recordAudit(tx, actor, { action: "renumbered the priority", entityType: "Priority", entityId: row.id, before: { number: row.number }, after: { number: row.to } });
    }
    return { status: "saved", changed: changes.length };
  });
}

/**
 * Swaps two priorities' numbers. (strategyId, number) is unique and checked per
 * statement, so one goes to a temporary negative number first; the rows, and so
 * their history, stay the same.
 */
async function swapNumbers(tx: TenantTx, partnershipId: string, a: { id: string; number: number }, b: { id: string; number: number }) {
  await tx.priority.updateMany({ where: { id: a.id, partnershipId }, data: { number: -a.number } });
  await tx.priority.updateMany({ where: { id: b.id, partnershipId }, data: { number: a.number, version: { increment: 1 } } });
  await tx.priority.updateMany({ where: { id: a.id, partnershipId }, data: { number: b.number, version: { increment: 1 } } });
}
