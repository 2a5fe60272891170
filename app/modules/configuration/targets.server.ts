// An indicator's baselines and its targets per financial year. A target's year must be
// within the strategy (a baseline may precede it); changing a target's value records a
// TargetChange: who, why, which body agreed it and when.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { parseFigureValue } from "~/modules/figures/figure-value";
import { resolvePeriod } from "~/modules/periods/periods";
import { findCurrentStrategy } from "~/modules/priorities/priorities.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { financialYearLabel } from "~/utils/dates";
import { isUuid } from "~/utils/uuid";
import type { FieldErrors } from "./fields";
import type { BaselineInput, TargetInput } from "./indicators-settings-schema";

type Calendar = { financialYearStartMonth: number };
export type TargetResult = { status: "saved"; changed: boolean } | { status: "invalid"; fieldErrors: FieldErrors };

async function yearPeriod(tx: TenantTx, partnershipId: string, financialYear: number, calendar: Calendar) {
  const period = resolvePeriod({ type: "YEAR", financialYear }, calendar.financialYearStartMonth);
  return tx.reportingPeriod.upsert({
    where: { partnershipId_type_startsOn: { partnershipId, type: "YEAR", startsOn: period.startsOn } },
    create: { partnershipId, ...period },
    update: {},
    select: { id: true, label: true },
  });
}

const yearOf = (text: string | undefined) => (text && /^\d{4}$/.test(text) ? Number(text) : null);

async function loadIndicator(tx: TenantTx, partnershipId: string, indicatorId: string) {
  return tx.indicator.findFirst({ where: { id: indicatorId, partnershipId }, select: { id: true, unit: true } });
}

/** Adds a baseline, or replaces the one for the same year (or the one with no year). */
export async function saveBaseline(actor: Actor, indicatorId: string, input: BaselineInput, calendar: Calendar): Promise<TargetResult | null> {
  assertCan(actor, "settings:manage");
  if (!isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<TargetResult | null> => {
    const indicator = await loadIndicator(tx, partnershipId, indicatorId);
    if (!indicator) return null;
    const fieldErrors: FieldErrors = {};
    const year = yearOf(input.period);
    if (input.period && (year === null || year < 1990 || year > 2100)) fieldErrors.period = ["Choose the year of the baseline, or none"];
    const value = input.value ? parseFigureValue(input.value, indicator.unit, "the baseline") : null;
    if (value && !value.ok) fieldErrors.value = [value.message];
    const count = input.count ? parseFigureValue(input.count, "COUNT", "the count") : null;
    if (count && !count.ok) fieldErrors.count = [count.message];
    if (!input.value && !input.count && !input.note) fieldErrors.value = ["Enter the baseline, or a note such as To be established 2011/12"];
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    const period = year === null ? null : await yearPeriod(tx, partnershipId, year, calendar);
    const data = { value: value?.ok ? value.value : null, count: count?.ok ? count.value : null, note: input.note || null };
    const existing = await tx.baseline.findFirst({
      where: { partnershipId, indicatorId, periodId: period?.id ?? null },
      select: { id: true, value: true, count: true, note: true },
    });
    const label = period?.label ?? "no year";
    if (!existing) {
      await tx.baseline.create({ data: { partnershipId, indicatorId, periodId: period?.id ?? null, ...data } });
      await recordAudit(tx, actor, { action: "set a baseline", entityType: "Indicator", entityId: indicatorId, after: { period: label, ...data } });
      return { status: "saved", changed: true };
    }
    const diff = changedFields<Record<string, unknown>>(existing, data);
    if (!diff.changed) return { status: "saved", changed: false };
    await tx.baseline.updateMany({ where: { id: existing.id, partnershipId }, data });
    await recordAudit(tx, actor, { action: "changed a baseline", entityType: "Indicator", entityId: indicatorId, before: { period: label, ...diff.before }, after: { period: label, ...diff.after } });
    return { status: "saved", changed: true };
  });
}

/** Sets the target for a financial year of the strategy; a changed value is recorded with who and why. */
export async function saveTarget(actor: Actor, indicatorId: string, input: TargetInput, calendar: Calendar): Promise<TargetResult | null> {
  assertCan(actor, "settings:manage");
  if (!isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<TargetResult | null> => {
    const indicator = await loadIndicator(tx, partnershipId, indicatorId);
    if (!indicator) return null;
    const strategy = await findCurrentStrategy(tx, partnershipId);
    const fieldErrors: FieldErrors = {};
    const year = yearOf(input.period);
    if (!strategy) {
      fieldErrors.period = ["Set up the strategy first: targets are for its years"];
    } else if (year === null || year < strategy.startYear || year > strategy.endYear) {
      fieldErrors.period = [`Choose a year within the strategy, ${financialYearLabel(strategy.startYear)} to ${financialYearLabel(strategy.endYear)}`];
    }
    const value = input.value ? parseFigureValue(input.value, indicator.unit, "the target") : null;
    if (value && !value.ok) fieldErrors.value = [value.message];
    if (Object.keys(fieldErrors).length > 0 || year === null) return { status: "invalid", fieldErrors };

    const period = await yearPeriod(tx, partnershipId, year, calendar);
    const data = { value: value?.ok ? value.value : null, requiredDirection: input.requiredDirection ?? null, note: input.note || null };
    const existing = await tx.target.findFirst({
      where: { partnershipId, indicatorId, periodId: period.id },
      select: { id: true, value: true, requiredDirection: true, note: true },
    });
    if (!existing) {
      const created = await tx.target.create({ data: { partnershipId, indicatorId, periodId: period.id, ...data }, select: { id: true } });
      await recordAudit(tx, actor, { action: "set a target", entityType: "Indicator", entityId: indicatorId, after: { period: period.label, ...data, targetId: created.id } });
      return { status: "saved", changed: true };
    }
    const diff = changedFields<Record<string, unknown>>(existing, data);
    if (!diff.changed) return { status: "saved", changed: false };
    const valueChanged = "value" in diff.after;
    // Changing an agreed value needs its reason, as the board's minutes would give it.
    if (valueChanged && existing.value !== null && !input.reason) {
      return { status: "invalid", fieldErrors: { reason: ["Enter why the target is changing"] } };
    }
    await tx.target.updateMany({ where: { id: existing.id, partnershipId }, data });
    if (valueChanged) {
      await tx.targetChange.create({
        data: {
          partnershipId,
          targetId: existing.id,
          previousValue: existing.value,
          newValue: data.value,
          reason: input.reason || null,
          agreedBy: input.agreedBy || null,
          agreedOn: input.agreedOn ?? null,
          changedById: actor.userId,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: "changed a target",
      entityType: "Indicator",
      entityId: indicatorId,
      before: { period: period.label, ...diff.before },
      after: { period: period.label, ...diff.after, ...(valueChanged ? { reason: input.reason ?? null, agreedBy: input.agreedBy ?? null } : {}) },
    });
    return { status: "saved", changed: true };
  });
}
