// Figures entered by the agency that leads an indicator (or a manager). A figure for
// a period that already has one replaces it, unless someone else saved it after the
// form was opened: then the user sees both and decides.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { indicatorScope } from "~/modules/access/scopes.server";
import { changedFields, historyOf, recordAudit } from "~/modules/audit/audit.server";
import { measureIndicators } from "~/modules/performance/performance.server";
import { parsePeriodKey, periodsForEntry, periodTypeOf, resolvePeriod, type Frequency } from "~/modules/periods/periods";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { isUuid } from "~/utils/uuid";
import type { FigureEntryInput } from "./figure-schema";
import { ratesFromCount, readFigure } from "./figure-reading";

export const POLICE_UK_SOURCE_MESSAGE =
  "Figures for this indicator come from police.uk crime files, so they cannot be entered by hand: import the month's police.uk file instead";

type PartnershipCalendar = { timeZone: string; financialYearStartMonth: number };

const RATE_UNITS = new Set(["RATE_PER_100", "RATE_PER_1000", "RATE_PER_100000"]);

async function loadIndicator(tx: TenantTx, partnershipId: string, indicatorId: string) {
  return tx.indicator.findFirst({
    where: { id: indicatorId, partnershipId },
    select: {
      id: true,
      code: true,
      name: true,
      unit: true,
      frequency: true,
      direction: true,
      figuresFrom: true,
      denominator: { select: { name: true, kind: true, values: { select: { financialYear: true, value: true } } } },
    },
  });
}

/** The indicator's denominator values by financial year, as readFigure takes them. */
export function denominatorByYear(denominator: { values: Array<{ financialYear: number; value: { toString(): string } }> } | null): Map<number, string> {
  return new Map((denominator?.values ?? []).map((v) => [v.financialYear, v.value.toString()]));
}

/** What the figure form needs: the indicator, the periods open for entry, figures already in. */
export async function getFigureEntryForm(actor: Actor, indicatorId: string, calendar: PartnershipCalendar) {
  if (!isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const scope = await indicatorScope(tx, partnershipId, indicatorId);
    if (!scope) return null;
    assertCan(actor, "figure:enter", scope);
    const indicator = (await loadIndicator(tx, partnershipId, indicatorId))!;
    const periods = periodsForEntry(indicator.frequency as Frequency, calendar.financialYearStartMonth, todayIn(calendar.timeZone));
    const existing = await tx.figure.findMany({
      where: { partnershipId, indicatorId, period: { startsOn: { in: periods.map((p) => p.startsOn) }, type: periodTypeOf(indicator.frequency as Frequency) } },
      select: { value: true, period: { select: { startsOn: true } } },
    });
    const entered = new Map(existing.map((f) => [f.period.startsOn.toISOString(), f.value.toString()]));
    const { denominator, ...rest } = indicator;
    return {
      indicator: { ...rest, denominator: denominator && { name: denominator.name, kind: denominator.kind } },
      isRate: RATE_UNITS.has(indicator.unit),
      /** The form asks for the count and the rate is worked out from it. */
      countsForRate: ratesFromCount(indicator),
      periods: periods.map((period) => ({ ...period, existingValue: entered.get(period.startsOn.toISOString()) ?? null })),
    };
  });
}

export type FigureResult =
  | { status: "saved"; replaced: boolean }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | { status: "conflict"; current: { value: string; count: string | null; note: string | null }; changedBy: string; changedAt: Date; periodLabel: string };

export async function enterFigure(actor: Actor, indicatorId: string, input: FigureEntryInput, calendar: PartnershipCalendar) {
  if (!isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<FigureResult | null> => {
    const scope = await indicatorScope(tx, partnershipId, indicatorId);
    if (!scope) return null;
    assertCan(actor, "figure:enter", scope);
    const indicator = (await loadIndicator(tx, partnershipId, indicatorId))!;

    // One source per indicator: a typed figure would be overwritten by the next import, or overwrite it.
    if (indicator.figuresFrom === "POLICE_UK") return { status: "invalid", fieldErrors: { value: [POLICE_UK_SOURCE_MESSAGE] } };

    const fieldErrors: Record<string, string[]> = {};
    const ref = parsePeriodKey(input.period);
    const period = ref && resolvePeriod(ref, calendar.financialYearStartMonth);
    if (!period || period.type !== periodTypeOf(indicator.frequency as Frequency)) {
      fieldErrors.period = ["Select the period the figure is for"];
    } else if (period.startsOn > todayIn(calendar.timeZone)) {
      fieldErrors.period = [`${period.label} has not started yet: enter figures for periods that have begun`];
    }
    const figure = readFigure(indicator, fieldErrors.period ? null : period, input, denominatorByYear(indicator.denominator));
    if (!figure.ok) Object.assign(fieldErrors, figure.fieldErrors);
    if (Object.keys(fieldErrors).length > 0 || !period || !figure.ok) {
      return { status: "invalid", fieldErrors };
    }

    const periodRow = await tx.reportingPeriod.upsert({
      where: { partnershipId_type_startsOn: { partnershipId, type: period.type, startsOn: period.startsOn } },
      create: { partnershipId, ...period },
      update: {},
      select: { id: true },
    });
    const data = { value: figure.value, count: figure.count, note: input.note || null };
    const existing = await tx.figure.findFirst({
      where: { partnershipId, indicatorId, periodId: periodRow.id },
      select: { id: true, value: true, count: true, note: true, version: true, updatedAt: true, enteredById: true },
    });

    if (!existing) {
      const created = await tx.figure.create({
        data: { partnershipId, indicatorId, periodId: periodRow.id, ...data, source: "ENTERED", enteredById: actor.userId },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "entered a figure",
        entityType: "Indicator",
        entityId: indicatorId,
        after: { period: period.label, ...data },
      });
      return created && { status: "saved" as const, replaced: false };
    }

    // Saved by someone else since this form was opened: show both rather than overwrite.
    if (existing.updatedAt > input.openedAt && existing.enteredById !== actor.userId) {
      const user = existing.enteredById ? await tx.user.findUnique({ where: { id: existing.enteredById }, select: { name: true } }) : null;
      return {
        status: "conflict",
        current: { value: existing.value.toString(), count: existing.count?.toString() ?? null, note: existing.note },
        changedBy: user?.name ?? "someone else",
        changedAt: existing.updatedAt,
        periodLabel: period.label,
      };
    }
    const { count: updated } = await tx.figure.updateMany({
      where: { id: existing.id, partnershipId, version: existing.version },
      data: { ...data, source: "ENTERED", enteredById: actor.userId, version: { increment: 1 } },
    });
    if (updated === 0) return { status: "invalid", fieldErrors: { value: ["Someone saved this figure at the same moment: reload the page and try again"] } };
    const diff = changedFields<Record<string, unknown>>({ value: existing.value, count: existing.count, note: existing.note }, data);
    await recordAudit(tx, actor, {
      action: "changed a figure",
      entityType: "Indicator",
      entityId: indicatorId,
      before: { period: period.label, ...diff.before },
      after: { period: period.label, ...diff.after },
    });
    return { status: "saved", replaced: true };
  });
}

/** An indicator with all its targets, baselines, figures and history. */
export async function getIndicator(actor: Actor, indicatorId: string) {
  assertCan(actor, "partnership:read");
  if (!isUuid(indicatorId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const period = { select: { label: true, startsOn: true } } as const;
    const indicator = await tx.indicator.findFirst({
      where: { id: indicatorId, partnershipId },
      select: {
        id: true,
        code: true,
        name: true,
        description: true,
        unit: true,
        direction: true,
        frequency: true,
        source: true,
        figuresFrom: true,
        denominator: { select: { name: true, kind: true } },
        leadAgency: { select: { id: true, parentAgencyId: true, name: true } },
        ownerBoard: { select: { name: true } },
        responsibleBoard: { select: { name: true } },
        priorities: { select: { priority: { select: { id: true, number: true, title: true } } } },
        baselines: { orderBy: { period: { startsOn: "desc" } }, select: { id: true, value: true, count: true, note: true, period } },
        targets: {
          orderBy: { period: { startsOn: "desc" } },
          select: {
            id: true,
            value: true,
            requiredDirection: true,
            note: true,
            period,
            changes: { orderBy: { changedAt: "desc" }, select: { previousValue: true, newValue: true, reason: true, agreedBy: true, agreedOn: true } },
          },
        },
        figures: {
          orderBy: { period: { startsOn: "desc" } },
          take: 60,
          select: { id: true, value: true, count: true, note: true, source: true, updatedAt: true, period },
        },
      },
    });
    if (!indicator) return null;
    const scope = (await indicatorScope(tx, partnershipId, indicatorId))!;
    const decimal = (d: { toString(): string } | null) => (d === null ? null : d.toString());
    const [measured] = await measureIndicators(tx, partnershipId, { id: indicatorId }, { seriesFrom: "all" });
    const { measure, series, awaitingFigureFor, allTargets, allBaselines, lastUpdatedAt } = measured!;
    const rag = measure.rag;
    return {
      rag,
      measure,
      series,
      awaitingFigureFor,
      /** As the trend chart takes them: every target and baseline, oldest first. */
      allTargets,
      allBaselines,
      lastUpdatedAt,
      indicator: {
        ...indicator,
        priorities: indicator.priorities.map((p) => p.priority).sort((a, b) => a.number - b.number),
        baselines: indicator.baselines.map((b) => ({ ...b, value: decimal(b.value), count: decimal(b.count) })),
        targets: indicator.targets.map((t) => ({
          ...t,
          value: decimal(t.value),
          changes: t.changes.map((c) => ({ ...c, previousValue: decimal(c.previousValue), newValue: decimal(c.newValue) })),
        })),
        figures: indicator.figures.map((f) => ({ ...f, value: f.value.toString(), count: decimal(f.count) })),
      },
      canEnterFigure: indicator.figuresFrom === "HAND_OR_CSV" && can(actor, "figure:enter", scope),
      history: await historyOf(tx, partnershipId, "Indicator", indicatorId),
    };
  });
}
