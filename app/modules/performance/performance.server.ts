// Loads indicators with what app/modules/performance/measures needs, in a fixed number
// of queries whatever the number of indicators or figures, and measures each one. Every
// page, report, chart and e-mail that shows an indicator's performance goes through here.
import type { Prisma } from "~/generated/prisma/client";
import { financialYearOf, periodsForEntry, resolvePeriod, type Frequency } from "~/modules/periods/periods";
import type { TenantTx } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { measureIndicator, type FigureInput, type IndicatorMeasure, type MeasuredPeriod } from "./measures";

const periodSelect = { select: { type: true, label: true, startsOn: true, endsOn: true, financialYear: true } } as const;

const measuredIndicatorSelect = {
  id: true,
  code: true,
  name: true,
  unit: true,
  direction: true,
  frequency: true,
  source: true,
  figuresFrom: true,
  denominatorId: true,
  denominator: { select: { kind: true, name: true } },
  leadAgency: { select: { id: true, parentAgencyId: true, name: true, shortName: true } },
  ownerBoard: { select: { id: true, name: true } },
  responsibleBoard: { select: { id: true, name: true } },
  priorities: { select: { priority: { select: { id: true, number: true, title: true } } } },
  baselines: { select: { value: true, count: true, note: true, period: periodSelect } },
  targets: { select: { value: true, requiredDirection: true, note: true, period: periodSelect } },
} as const satisfies Prisma.IndicatorSelect;

type Decimalish = { toString(): string } | null;
const text = (value: Decimalish) => (value === null ? null : value.toString());

export type PartnershipCalendar = { timeZone: string; financialYearStartMonth: number; ragTolerance: string };

export async function partnershipCalendar(tx: TenantTx, partnershipId: string): Promise<PartnershipCalendar> {
  const row = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { timeZone: true, financialYearStartMonth: true, ragTolerance: true },
  });
  return { timeZone: row.timeZone, financialYearStartMonth: row.financialYearStartMonth, ragTolerance: row.ragTolerance.toString() };
}

export type SeriesPoint = FigureInput & { updatedAt: Date; source: string };

export type MeasureOptions = {
  /** Figures from this date on make the series (charts, year to date). Default: two financial years before this one. */
  seriesFrom?: Date | "all";
  /** For tests and reports "as at" a date. */
  today?: Date;
  /**
   * A report "as at" a past date leaves out figures for periods that end after it, so
   * it reads as it would have then (a figure since corrected shows its corrected value).
   */
  figuresUpTo?: Date;
  /** The partnership's calendar, when the caller has read it already in this transaction: saves a query. */
  calendar?: PartnershipCalendar;
};

/**
 * The indicators `where` selects (within the partnership), each measured: latest figure,
 * the target of its year, baseline, year to date, change, RAG, trend, the series, and
 * the period still waiting for a figure. Ordered by code, then name.
 */
export async function measureIndicators(tx: TenantTx, partnershipId: string, where: Prisma.IndicatorWhereInput, options: MeasureOptions = {}) {
  const calendar = options.calendar ?? (await partnershipCalendar(tx, partnershipId));
  const today = options.today ?? todayIn(calendar.timeZone);
  const rows = await tx.indicator.findMany({ where: { ...where, partnershipId }, select: measuredIndicatorSelect });
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const seriesFrom = options.seriesFrom === "all" ? null : (options.seriesFrom ?? startOfFinancialYear(today, calendar.financialYearStartMonth, -2));
  const upTo = options.figuresUpTo ? { lte: options.figuresUpTo } : {};
  const endsOn = { ...(seriesFrom ? { gte: seriesFrom } : {}), ...upTo };

  const figures = await tx.figure.findMany({
    where: { partnershipId, indicatorId: { in: ids }, ...(Object.keys(endsOn).length > 0 ? { period: { endsOn } } : {}) },
    orderBy: { period: { endsOn: "asc" } },
    select: { indicatorId: true, value: true, count: true, source: true, updatedAt: true, period: periodSelect },
  });
  const seriesOf = new Map<string, SeriesPoint[]>();
  for (const figure of figures) {
    const point = { period: figure.period, value: figure.value.toString(), count: text(figure.count), updatedAt: figure.updatedAt, source: figure.source };
    const series = seriesOf.get(figure.indicatorId);
    if (series) series.push(point);
    else seriesOf.set(figure.indicatorId, [point]);
  }
  // An indicator last reported before the window still shows its latest figure.
  const stale = ids.filter((id) => !seriesOf.has(id));
  if (seriesFrom && stale.length > 0) {
    const latest = await tx.figure.findMany({
      where: { partnershipId, indicatorId: { in: stale }, ...(options.figuresUpTo ? { period: { endsOn: upTo } } : {}) },
      orderBy: [{ indicatorId: "asc" }, { period: { endsOn: "desc" } }],
      distinct: ["indicatorId"],
      select: { indicatorId: true, value: true, count: true, source: true, updatedAt: true, period: periodSelect },
    });
    for (const figure of latest) {
      seriesOf.set(figure.indicatorId, [{ period: figure.period, value: figure.value.toString(), count: text(figure.count), updatedAt: figure.updatedAt, source: figure.source }]);
    }
  }

  const denominatorIds = [...new Set(rows.map((row) => row.denominatorId).filter((id): id is string => id !== null))];
  const denominatorValues =
    denominatorIds.length === 0
      ? []
      : await tx.denominatorValue.findMany({ where: { partnershipId, denominatorId: { in: denominatorIds } }, select: { denominatorId: true, financialYear: true, value: true } });

  // The last ended period depends only on the frequency here; working it out once per
  // indicator (two years of time-zone-aware dates each) was a third of the home page's CPU.
  const lastEnded = new Map<Frequency, MeasuredPeriod | null>();
  const lastEndedPeriod = (frequency: Frequency) => {
    if (!lastEnded.has(frequency)) lastEnded.set(frequency, lastEndedPeriodOf(frequency, calendar.financialYearStartMonth, today));
    return lastEnded.get(frequency) ?? null;
  };

  return rows
    .map(({ baselines, targets, priorities, ...indicator }) => {
      const series = seriesOf.get(indicator.id) ?? [];
      const denominatorByYear = new Map(
        denominatorValues.filter((d) => d.denominatorId === indicator.denominatorId).map((d) => [d.financialYear, d.value.toString()] as const),
      );
      const allTargets = targets.map((t) => ({ period: t.period, value: text(t.value), requiredDirection: t.requiredDirection, note: t.note }));
      const allBaselines = baselines.map((b) => ({ period: b.period, value: text(b.value), count: text(b.count), note: b.note }));
      const measure: IndicatorMeasure = measureIndicator({
        unit: indicator.unit,
        direction: indicator.direction,
        tolerance: calendar.ragTolerance,
        figures: series,
        targets: allTargets,
        baselines: allBaselines,
        denominatorByYear,
        asAt: today,
      });
      const latestSeriesPoint = series.at(-1);
      return {
        ...indicator,
        priorities: priorities.map((link) => link.priority).sort((a, b) => a.number - b.number),
        measure,
        rag: measure.rag,
        // The shapes lists have always shown: the target and baseline that apply, the latest figure.
        target: measure.target && { value: measure.target.value, requiredDirection: measure.target.requiredDirection, note: measure.target.note ?? null, period: measure.target.period },
        baseline: measure.baseline && { value: measure.baseline.value, count: measure.baseline.count, note: measure.baseline.note ?? null, period: measure.baseline.period },
        latestFigure: measure.latest && { value: measure.latest.value, count: measure.latest.count, period: measure.latest.period },
        lastUpdatedAt: latestSeriesPoint ? series.reduce((max, p) => (p.updatedAt > max ? p.updatedAt : max), latestSeriesPoint.updatedAt) : null,
        series,
        /** Every target and baseline, oldest first: the chart's target and baseline lines. */
        allTargets: allTargets.sort((a, b) => a.period.startsOn.getTime() - b.period.startsOn.getTime()),
        allBaselines,
        awaitingFigureFor: awaitingPeriod(lastEndedPeriod(indicator.frequency as Frequency), series),
      };
    })
    .sort(compareIndicators);
}

export type MeasuredIndicator = Awaited<ReturnType<typeof measureIndicators>>[number];

/** The first day of the financial year `offset` years from the one `date` is in. */
export function startOfFinancialYear(date: Date, startMonth: number, offset = 0): Date {
  return resolvePeriod({ type: "YEAR", financialYear: financialYearOf(date, startMonth) + offset }, startMonth).startsOn;
}

/** The last period of a frequency that has ended by `today`. */
function lastEndedPeriodOf(frequency: Frequency, startMonth: number, today: Date): MeasuredPeriod | null {
  return periodsForEntry(frequency, startMonth, today).find((period) => period.endsOn < today) ?? null;
}

/** The last period of the indicator's frequency that has ended, when it has no figure yet. */
function awaitingPeriod(ended: MeasuredPeriod | null, series: SeriesPoint[]): MeasuredPeriod | null {
  if (!ended) return null;
  const has = series.some((point) => point.period.type === ended.type && point.period.startsOn.getTime() === ended.startsOn.getTime());
  return has ? null : ended;
}

// The comparisons localeCompare(…, "en-GB", …) makes, with each collator built once
// rather than on every call of a sort.
const BY_CODE = new Intl.Collator("en-GB", { numeric: true });
const BY_NAME = new Intl.Collator("en-GB");

function compareIndicators(a: { code: string | null; name: string }, b: { code: string | null; name: string }) {
  if (a.code && b.code) return BY_CODE.compare(a.code, b.code);
  if (a.code) return -1;
  if (b.code) return 1;
  return BY_NAME.compare(a.name, b.name);
}
