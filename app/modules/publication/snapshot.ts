// What a publication holds: exactly what the public page, the CSV and the JSON show,
// frozen when a manager approves it (docs/decisions/0012-publication-snapshots.md).
// Plain JSON only (dates as ISO strings), so the database stores it and the public
// reader returns it without another query. Pure: no database here.
import type { YearToDate } from "~/modules/performance/measures";
import type { IndicatorRag } from "~/modules/rag/rag";

export const SNAPSHOT_VERSION = 1;

type Unit = "COUNT" | "PERCENTAGE" | "RATE_PER_100" | "RATE_PER_1000" | "RATE_PER_100000" | "SCORE" | "RATIO";
type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
type RequiredDirection = "INCREASE" | "REDUCE" | "MAINTAIN";
type Frequency = "WEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY";
type PeriodType = "WEEK" | "MONTH" | "QUARTER" | "YEAR";
type Trend = "IMPROVING" | "WORSENING" | "NO_CHANGE";

/** A reporting period as the public sees it: "Q2 2025/26", from and to as YYYY-MM-DD. */
export type PublicPeriod = { label: string; type: PeriodType; startsOn: string; endsOn: string; financialYear: number };

export type PublicLead = { agency: string | null; officer: string | null };

export type PublicPriority = {
  /** Internal: lets an unpublish take it out. Not written to the CSV or JSON. */
  id: string;
  number: number;
  title: string;
  leads: PublicLead[];
};

export type PublicIndicator = {
  id: string;
  code: string | null;
  name: string;
  unit: Unit;
  denominator: string | null;
  direction: Direction;
  frequency: Frequency;
  source: string | null;
  leadAgency: string | null;
  /** The published priorities it measures (never an unpublished one's title). */
  priorities: Array<{ id: string; number: number; title: string }>;
  target: { value: string | null; requiredDirection: RequiredDirection | null; note: string | null; period: PublicPeriod } | null;
  baseline: { value: string | null; count: string | null; note: string | null; period: PublicPeriod | null } | null;
  latest: { value: string; count: string | null; rate: string | null; period: PublicPeriod } | null;
  /** How the RAG and the chart read it: the latest figure, or the year to date against a pro-rata target. */
  basis: "LATEST" | "YEAR_TO_DATE";
  yearToDate: YearToDate | null;
  rag: IndicatorRag;
  trend: Trend | null;
  change: { difference: string; percent: string | null } | null;
  /** When its newest figure was entered or last corrected (ISO), as at approval. */
  lastUpdatedAt: string | null;
  series: Array<{ period: PublicPeriod; value: string; count: string | null }>;
  targets: Array<{ period: PublicPeriod; value: string | null; requiredDirection: RequiredDirection | null; note: string | null }>;
  baselines: Array<{ period: PublicPeriod | null; value: string | null; count: string | null; note: string | null }>;
};

export type PublicSnapshot = {
  version: typeof SNAPSHOT_VERSION;
  partnershipName: string;
  contact: string | null;
  showMeetings: boolean;
  leadOfficerNamesShown: boolean;
  strategy: { title: string; startYear: number; endYear: number } | null;
  priorities: PublicPriority[];
  indicators: PublicIndicator[];
};

// What the builder takes: the shapes measureIndicators and the priority query return.
type PeriodLike = { type: PeriodType; startsOn: Date; endsOn: Date; financialYear: number; label: string };
type MeasuredLike = {
  id: string;
  code: string | null;
  name: string;
  unit: Unit;
  direction: Direction;
  frequency: Frequency;
  source: string | null;
  denominator: { name: string } | null;
  leadAgency: { name: string } | null;
  priorities: Array<{ id: string; number: number; title: string }>;
  rag: { rag: IndicatorRag };
  measure: {
    trend: Trend | null;
    change: { difference: string; percent: string | null } | null;
    basis: "LATEST" | "YEAR_TO_DATE";
    yearToDate: YearToDate | null;
    latest: { rate: string | null } | null;
  };
  target: { value: string | null; requiredDirection: RequiredDirection | null; note: string | null; period: PeriodLike } | null;
  baseline: { value: string | null; count: string | null; note: string | null; period: PeriodLike | null } | null;
  latestFigure: { value: string; count: string | null; period: PeriodLike } | null;
  lastUpdatedAt: Date | null;
  series: Array<{ period: PeriodLike; value: string; count: string | null }>;
  allTargets: Array<{ period: PeriodLike; value: string | null; requiredDirection: RequiredDirection | null; note: string | null }>;
  allBaselines: Array<{ period: PeriodLike | null; value: string | null; count: string | null; note: string | null }>;
};
type PriorityLike = {
  id: string;
  number: number;
  title: string;
  leads: Array<{ agency: { name: string } | null; person: { name: string } | null }>;
};

export type SnapshotInput = {
  partnershipName: string;
  contact: string | null;
  showMeetings: boolean;
  leadOfficerNamesShown: boolean;
  strategy: { title: string; startYear: number; endYear: number } | null;
  priorities: PriorityLike[];
  indicators: MeasuredLike[];
};

const day = (date: Date) => date.toISOString().slice(0, 10);

function period(p: PeriodLike): PublicPeriod {
  return { label: p.label, type: p.type, startsOn: day(p.startsOn), endsOn: day(p.endsOn), financialYear: p.financialYear };
}

/**
 * The snapshot of what is chosen. Each field is copied by name, so a field added to
 * the measured indicator later is never published by accident.
 */
export function buildSnapshot(input: SnapshotInput): PublicSnapshot {
  const priorities = input.priorities.map((priority) => ({
    id: priority.id,
    number: priority.number,
    title: priority.title,
    leads: priority.leads
      .map((lead) => ({ agency: lead.agency?.name ?? null, officer: input.leadOfficerNamesShown ? (lead.person?.name ?? null) : null }))
      .filter((lead) => lead.agency !== null || lead.officer !== null),
  }));
  const publishedPriorityIds = new Set(priorities.map((p) => p.id));
  return {
    version: SNAPSHOT_VERSION,
    partnershipName: input.partnershipName,
    contact: input.contact,
    showMeetings: input.showMeetings,
    leadOfficerNamesShown: input.leadOfficerNamesShown,
    strategy: input.strategy && { title: input.strategy.title, startYear: input.strategy.startYear, endYear: input.strategy.endYear },
    priorities,
    indicators: input.indicators.map((indicator) => ({
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      denominator: indicator.denominator?.name ?? null,
      direction: indicator.direction,
      frequency: indicator.frequency,
      source: indicator.source,
      leadAgency: indicator.leadAgency?.name ?? null,
      priorities: indicator.priorities
        .filter((p) => publishedPriorityIds.has(p.id))
        .map((p) => ({ id: p.id, number: p.number, title: p.title })),
      target: indicator.target && {
        value: indicator.target.value,
        requiredDirection: indicator.target.requiredDirection,
        note: indicator.target.note,
        period: period(indicator.target.period),
      },
      baseline: indicator.baseline && {
        value: indicator.baseline.value,
        count: indicator.baseline.count,
        note: indicator.baseline.note,
        period: indicator.baseline.period && period(indicator.baseline.period),
      },
      latest: indicator.latestFigure && {
        value: indicator.latestFigure.value,
        count: indicator.latestFigure.count,
        rate: indicator.measure.latest?.rate ?? null,
        period: period(indicator.latestFigure.period),
      },
      basis: indicator.measure.basis,
      yearToDate: indicator.measure.yearToDate && { ...indicator.measure.yearToDate },
      rag: indicator.rag.rag,
      trend: indicator.measure.trend,
      change: indicator.measure.change && { difference: indicator.measure.change.difference, percent: indicator.measure.change.percent },
      lastUpdatedAt: indicator.lastUpdatedAt?.toISOString() ?? null,
      series: indicator.series.map((point) => ({ period: period(point.period), value: point.value, count: point.count })),
      targets: indicator.allTargets.map((t) => ({ period: period(t.period), value: t.value, requiredDirection: t.requiredDirection, note: t.note ?? null })),
      baselines: indicator.allBaselines.map((b) => ({ period: b.period && period(b.period), value: b.value, count: b.count, note: b.note ?? null })),
    })),
  };
}

export type StillChosen = {
  priorityIds: ReadonlySet<string>;
  indicatorIds: ReadonlySet<string>;
  leadOfficerNames: boolean;
  meetings: boolean;
  /** False once the contact block has been emptied: a changed one waits for approval. */
  contact: boolean;
};

/**
 * The snapshot without whatever is no longer chosen: how an unpublish takes effect at
 * once. Only ever removes; anything added waits for the next approval.
 */
export function withdrawUnchosen(snapshot: PublicSnapshot, chosen: StillChosen): PublicSnapshot {
  const priorities = snapshot.priorities
    .filter((p) => chosen.priorityIds.has(p.id))
    .map((p) => ({ ...p, leads: chosen.leadOfficerNames ? p.leads : p.leads.map((l) => ({ ...l, officer: null })).filter((l) => l.agency !== null) }));
  const kept = new Set(priorities.map((p) => p.id));
  return {
    ...snapshot,
    showMeetings: snapshot.showMeetings && chosen.meetings,
    contact: chosen.contact ? snapshot.contact : null,
    leadOfficerNamesShown: snapshot.leadOfficerNamesShown && chosen.leadOfficerNames,
    priorities,
    indicators: snapshot.indicators
      .filter((i) => chosen.indicatorIds.has(i.id))
      .map((i) => ({ ...i, priorities: i.priorities.filter((p) => kept.has(p.id)) })),
  };
}

/** True when `withdrawUnchosen` would take something out. */
export function wouldWithdraw(snapshot: PublicSnapshot, chosen: StillChosen): boolean {
  return JSON.stringify(withdrawUnchosen(snapshot, chosen)) !== JSON.stringify(snapshot);
}

/** The stored JSON, read back (the database gives it untyped). */
export function asSnapshot(value: unknown): PublicSnapshot {
  const snapshot = value as PublicSnapshot;
  if (!snapshot || snapshot.version !== SNAPSHOT_VERSION) throw new Error("Publication snapshot of an unknown version");
  return snapshot;
}
