// A partnership's indicators, for its managers: added from the national library or
// made locally, edited and archived. Direction is always chosen, never guessed; a rate
// names the denominator it is per.
import { withdrawFromPublicPage } from "~/modules/publication/publication.server";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { NATIONAL_INDICATORS } from "~/modules/indicators/national-indicators";
import { findCurrentStrategy } from "~/modules/priorities/priorities.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import type { FieldErrors } from "./fields";
import { RATE_UNITS, type IndicatorInput } from "./indicators-settings-schema";
import type { SaveResult } from "./strategy.server";

/** The indicators page: every indicator (archived last) and the library entries not yet added. */
export async function listIndicatorSettings(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const indicators = await tx.indicator.findMany({
      where: { partnershipId },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { code: "asc" }, { name: "asc" }],
      select: { id: true, code: true, name: true, unit: true, direction: true, archivedAt: true, _count: { select: { targets: true, baselines: true } } },
    });
    const codes = new Set(indicators.map((i) => i.code));
    return { indicators, library: NATIONAL_INDICATORS.filter((ni) => !codes.has(ni.code)) };
  });
}

async function indicatorFormOptions(tx: TenantTx, partnershipId: string) {
  const strategy = await findCurrentStrategy(tx, partnershipId);
  return {
    denominators: await tx.denominator.findMany({ where: { partnershipId }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } }),
    boards: await tx.board.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    agencies: await tx.agency.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    priorities: strategy
      ? await tx.priority.findMany({ where: { partnershipId, strategyId: strategy.id, archivedAt: null }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true } })
      : [],
    strategy,
  };
}

const indicatorFields = {
  id: true,
  code: true,
  name: true,
  description: true,
  unit: true,
  direction: true,
  denominatorId: true,
  source: true,
  frequency: true,
  ownerBoardId: true,
  responsibleBoardId: true,
  leadAgencyId: true,
  archivedAt: true,
  priorities: { select: { priorityId: true } },
} as const;

/** The add or edit form: the indicator with its baselines and targets (null when adding) and the options. */
export async function getIndicatorForm(actor: Actor, indicatorId: string | null) {
  assertCan(actor, "settings:manage");
  if (indicatorId !== null && !isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const period = { select: { label: true, financialYear: true } } as const;
    const indicator = indicatorId
      ? await tx.indicator.findFirst({
          where: { id: indicatorId, partnershipId },
          select: {
            ...indicatorFields,
            baselines: { orderBy: { period: { startsOn: "desc" } }, select: { id: true, value: true, count: true, note: true, period } },
            targets: {
              orderBy: { period: { startsOn: "asc" } },
              select: { id: true, value: true, requiredDirection: true, note: true, period, _count: { select: { changes: true } } },
            },
          },
        })
      : null;
    if (indicatorId && !indicator) return null;
    const text = (d: { toString(): string } | null) => (d === null ? null : d.toString());
    return {
      indicator: indicator && {
        ...indicator,
        priorityIds: indicator.priorities.map((p) => p.priorityId),
        baselines: indicator.baselines.map((b) => ({ ...b, value: text(b.value), count: text(b.count) })),
        targets: indicator.targets.map((t) => ({ ...t, value: text(t.value) })),
      },
      options: await indicatorFormOptions(tx, partnershipId),
    };
  });
}

/** Every id the form sent must name a row of this partnership; a forged one is a field error. */
async function checkIndicatorReferences(tx: TenantTx, partnershipId: string, input: IndicatorInput) {
  const fieldErrors: FieldErrors = {};
  const ok = (id: string, rows: Array<{ id: string }>) => isUuid(id) && rows.some((row) => row.id === id);
  const where = (id: string) => ({ partnershipId, id: isUuid(id) ? id : "00000000-0000-0000-0000-000000000000" });
  if (input.denominatorId) {
    const found = await tx.denominator.findMany({ where: where(input.denominatorId), select: { id: true } });
    if (!ok(input.denominatorId, found)) fieldErrors.denominatorId = ["Choose one of this partnership's denominators"];
  }
  for (const key of ["ownerBoardId", "responsibleBoardId"] as const) {
    const id = input[key];
    if (id && !ok(id, await tx.board.findMany({ where: where(id), select: { id: true } }))) fieldErrors[key] = ["Choose one of this partnership's boards"];
  }
  if (input.leadAgencyId && !ok(input.leadAgencyId, await tx.agency.findMany({ where: where(input.leadAgencyId), select: { id: true } }))) {
    fieldErrors.leadAgencyId = ["Choose one of this partnership's agencies"];
  }
  const priorityIds = [...new Set(input.priorityIds ?? [])].filter(Boolean);
  if (priorityIds.length > 0) {
    const found = await tx.priority.findMany({ where: { partnershipId, id: { in: priorityIds.filter(isUuid) } }, select: { id: true } });
    if (found.length !== priorityIds.length) fieldErrors.priorityIds = ["Choose from this partnership's priorities"];
  }
  return { fieldErrors, priorityIds };
}

/** Adds an indicator (indicatorId null) or edits one, with its linked priorities. */
export async function saveIndicator(actor: Actor, indicatorId: string | null, input: IndicatorInput): Promise<SaveResult | null> {
  assertCan(actor, "settings:manage");
  if (indicatorId !== null && !isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<SaveResult | null> => {
    const existing = indicatorId ? await tx.indicator.findFirst({ where: { id: indicatorId, partnershipId }, select: indicatorFields }) : null;
    if (indicatorId && !existing) return null;
    const { fieldErrors, priorityIds } = await checkIndicatorReferences(tx, partnershipId, input);
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    const data = {
      code: input.code || null,
      name: input.name,
      description: input.description || null,
      unit: input.unit,
      direction: input.direction,
      // Only a rate is per something.
      denominatorId: RATE_UNITS.has(input.unit) ? input.denominatorId || null : null,
      source: input.source || null,
      frequency: input.frequency,
      ownerBoardId: input.ownerBoardId || null,
      responsibleBoardId: input.responsibleBoardId || null,
      leadAgencyId: input.leadAgencyId || null,
    };
    const links = (id: string) => priorityIds.map((priorityId) => ({ partnershipId, indicatorId: id, priorityId }));
    if (!existing) {
      const created = await tx.indicator.create({ data: { partnershipId, ...data }, select: { id: true } });
      if (priorityIds.length > 0) await tx.indicatorPriority.createMany({ data: links(created.id) });
      await recordAudit(tx, actor, { action: "added the indicator", entityType: "Indicator", entityId: created.id, after: { ...data, priorityIds } });
      return { status: "saved", id: created.id };
    }
    await tx.indicator.updateMany({ where: { id: existing.id, partnershipId }, data });
    const beforeLinks = existing.priorities.map((p) => p.priorityId).sort();
    const linksChanged = JSON.stringify(beforeLinks) !== JSON.stringify([...priorityIds].sort());
    if (linksChanged) {
      await tx.indicatorPriority.deleteMany({ where: { partnershipId, indicatorId: existing.id } });
      if (priorityIds.length > 0) await tx.indicatorPriority.createMany({ data: links(existing.id) });
    }
    const { priorities: _p, id: _id, archivedAt: _a, ...before } = existing;
    const diff = changedFields<Record<string, unknown>>(before, data);
    if (diff.changed || linksChanged) {
      await recordAudit(tx, actor, {
        action: "changed the indicator's settings",
        entityType: "Indicator",
        entityId: existing.id,
        before: { ...diff.before, ...(linksChanged ? { priorityIds: beforeLinks } : {}) },
        after: { ...diff.after, ...(linksChanged ? { priorityIds } : {}) },
      });
    }
    return { status: "saved", id: existing.id };
  });
}

/** Archives an indicator (its figures and targets are kept) or restores it. */
export async function setIndicatorArchived(actor: Actor, indicatorId: string, archived: boolean) {
  assertCan(actor, "settings:manage");
  if (!isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const existing = await tx.indicator.findFirst({ where: { id: indicatorId, partnershipId }, select: { archivedAt: true } });
    if (!existing) return null;
    const archivedAt = archived ? new Date() : null;
    await tx.indicator.updateMany({ where: { id: indicatorId, partnershipId }, data: { archivedAt } });
    // An archived indicator leaves the public page at once; restoring it publishes nothing until a manager approves.
    if (archivedAt) await withdrawFromPublicPage(tx, partnershipId, { indicatorId });
    await recordAudit(tx, actor, {
      action: archived ? "archived the indicator" : "restored the indicator",
      entityType: "Indicator",
      entityId: indicatorId,
      before: { archivedAt: existing.archivedAt },
      after: { archivedAt },
    });
    return { status: "done" as const };
  });
}
