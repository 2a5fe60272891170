// The published indicators and figures as open data: one CSV (a row per figure) and one
// JSON document, both from the latest approved snapshot and nothing else. The column
// descriptions live here once and are written to the CSV's companion metadata (CSV on
// the Web), the JSON's metadata object and the public page.
import { CsvNumber, toCsv } from "~/modules/data-export/csv";
import type { PublicIndicator, PublicPeriod, PublicSnapshot } from "./snapshot";

export const LICENCE = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
} as const;

type Datatype = "string" | "number" | "date" | "datetime";

export const CSV_COLUMNS: ReadonlyArray<{ name: string; datatype: Datatype; description: string }> = [
  { name: "indicator_id", datatype: "string", description: "The indicator's identifier: the same in every publication." },
  { name: "indicator_code", datatype: "string", description: "The indicator's code, such as a national indicator number, when it has one." },
  { name: "indicator_name", datatype: "string", description: "What the indicator measures." },
  { name: "unit", datatype: "string", description: "COUNT, PERCENTAGE, RATE_PER_100, RATE_PER_1000, RATE_PER_100000, SCORE or RATIO." },
  { name: "rate_per", datatype: "string", description: "For a rate: the population it is per, such as households. Otherwise empty." },
  { name: "direction", datatype: "string", description: "HIGHER_IS_BETTER or LOWER_IS_BETTER." },
  { name: "lead_agency", datatype: "string", description: "The partner agency that leads on the indicator." },
  { name: "priorities", datatype: "string", description: "The published priorities the indicator measures, by number, separated by semicolons." },
  { name: "period", datatype: "string", description: "The period the figure is for, as the partnership writes it (\"Q2 2025/26\"). Empty when there is no figure yet." },
  { name: "period_start", datatype: "date", description: "The first day of the period (YYYY-MM-DD)." },
  { name: "period_end", datatype: "date", description: "The last day of the period (YYYY-MM-DD)." },
  { name: "value", datatype: "number", description: "The figure for the period, in the indicator's unit." },
  { name: "target", datatype: "number", description: "The target for the period the figure falls in, when the target is a number." },
  { name: "target_direction", datatype: "string", description: "When the target is a direction rather than a number: INCREASE, REDUCE or MAINTAIN." },
  { name: "baseline", datatype: "number", description: "The baseline the indicator's progress is measured from." },
  { name: "baseline_period", datatype: "string", description: "The period of the baseline." },
  { name: "latest", datatype: "string", description: "YES on the row of the indicator's latest figure, which the rating and trend describe." },
  { name: "rating", datatype: "string", description: "On the latest figure's row: GREEN, AMBER or RED against the target, NO_FIGURE or NOT_RATED." },
  { name: "trend", datatype: "string", description: "On the latest figure's row: IMPROVING, WORSENING or NO_CHANGE since the figure before it." },
  { name: "last_updated", datatype: "datetime", description: "When the indicator's newest figure was entered or last corrected, before this publication was approved." },
];

function contains(outer: PublicPeriod, inner: PublicPeriod) {
  return outer.startsOn <= inner.startsOn && inner.endsOn <= outer.endsOn;
}

/** The narrowest target whose period contains the figure's, as the app judges figures. */
function targetFor(indicator: PublicIndicator, period: PublicPeriod) {
  const containing = indicator.targets.filter((t) => contains(t.period, period));
  containing.sort((a, b) => a.period.endsOn.localeCompare(b.period.endsOn) || b.period.startsOn.localeCompare(a.period.startsOn));
  return containing[0] ?? null;
}

function indicatorColumns(indicator: PublicIndicator) {
  return {
    indicator_id: indicator.id,
    indicator_code: indicator.code,
    indicator_name: indicator.name,
    unit: indicator.unit,
    rate_per: indicator.unit.startsWith("RATE_PER_") ? indicator.denominator : null,
    direction: indicator.direction,
    lead_agency: indicator.leadAgency,
    priorities: indicator.priorities.map((p) => String(p.number)).join(";") || null,
    baseline: CsvNumber.of(indicator.baseline?.value),
    baseline_period: indicator.baseline?.period?.label ?? null,
    last_updated: indicator.lastUpdatedAt,
  };
}

export function indicatorsCsv(snapshot: PublicSnapshot): string {
  const rows: Array<Record<string, unknown>> = [];
  for (const indicator of snapshot.indicators) {
    const common = indicatorColumns(indicator);
    if (indicator.series.length === 0) {
      rows.push({
        ...common,
        target: CsvNumber.of(indicator.target?.value),
        target_direction: indicator.target?.value ? null : (indicator.target?.requiredDirection ?? null),
        latest: null,
        rating: indicator.rag,
        trend: null,
      });
      continue;
    }
    const latestEnd = indicator.latest?.period.endsOn;
    for (const point of indicator.series) {
      const target = targetFor(indicator, point.period);
      const isLatest = point.period.endsOn === latestEnd && point.period.type === indicator.latest?.period.type;
      rows.push({
        ...common,
        period: point.period.label,
        period_start: point.period.startsOn,
        period_end: point.period.endsOn,
        value: CsvNumber.of(point.value),
        target: CsvNumber.of(target?.value),
        target_direction: target && !target.value ? target.requiredDirection : null,
        latest: isLatest ? "YES" : null,
        rating: isLatest ? indicator.rag : null,
        trend: isLatest ? indicator.trend : null,
      });
    }
  }
  return toCsv(
    CSV_COLUMNS.map((c) => c.name),
    rows,
  );
}

/** CSV on the Web metadata for indicators.csv: its licence and what each column means. */
export function indicatorsCsvMetadata(snapshot: PublicSnapshot, csvUrl: string, approvedAt: Date) {
  return {
    "@context": "http://www.w3.org/ns/csvw",
    url: csvUrl,
    "dc:title": `${snapshot.partnershipName}: published indicators and figures`,
    "dc:publisher": snapshot.partnershipName,
    "dc:modified": approvedAt.toISOString(),
    "dc:license": { "@id": LICENCE.url, "dc:title": LICENCE.name },
    tableSchema: {
      columns: CSV_COLUMNS.map((c) => ({ name: c.name, titles: c.name, datatype: c.datatype, "dc:description": c.description })),
    },
  };
}

const JSON_FIELDS = {
  priorities: "The priorities the partnership has published: number, title and lead agencies (and lead officers, when the partnership publishes their names).",
  "indicators[].id": "The indicator's identifier: the same in every publication.",
  "indicators[].code": "The indicator's code, when it has one.",
  "indicators[].name": "What the indicator measures.",
  "indicators[].unit": "COUNT, PERCENTAGE, RATE_PER_100, RATE_PER_1000, RATE_PER_100000, SCORE or RATIO.",
  "indicators[].ratePer": "For a rate: the population it is per.",
  "indicators[].direction": "HIGHER_IS_BETTER or LOWER_IS_BETTER.",
  "indicators[].leadAgency": "The partner agency that leads on the indicator.",
  "indicators[].priorities": "The numbers of the published priorities it measures.",
  "indicators[].target": "The target that applies now: a number, or a direction (INCREASE, REDUCE, MAINTAIN), for a period.",
  "indicators[].baseline": "The baseline progress is measured from.",
  "indicators[].latest": "The latest published figure and its period.",
  "indicators[].rating": "GREEN, AMBER or RED against the target; NO_FIGURE or NOT_RATED.",
  "indicators[].trend": "IMPROVING, WORSENING or NO_CHANGE since the figure before the latest.",
  "indicators[].change": "The latest figure against the baseline: the difference, and the percentage change.",
  "indicators[].lastUpdated": "When the newest figure was entered or last corrected, before approval.",
  "indicators[].figures": "Every published figure, oldest first: period label, first and last day, value.",
  "indicators[].targets": "Every target, by period.",
  "numbers": "Numbers are JSON numbers; periods' days are YYYY-MM-DD; times are ISO 8601 in UTC.",
} as const;

const num = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));
const periodOut = (p: PublicPeriod) => ({ label: p.label, start: p.startsOn, end: p.endsOn });

/** The JSON document: a metadata object (licence, field descriptions), the priorities and the indicators. */
export function indicatorsJson(snapshot: PublicSnapshot, approvedAt: Date, urls: { page: string; csv: string }) {
  return {
    metadata: {
      title: `${snapshot.partnershipName}: published indicators and figures`,
      publisher: snapshot.partnershipName,
      approved: approvedAt.toISOString(),
      licence: LICENCE,
      page: urls.page,
      csv: urls.csv,
      fields: JSON_FIELDS,
    },
    priorities: snapshot.priorities.map((p) => ({
      number: p.number,
      title: p.title,
      leadAgencies: p.leads.map((l) => l.agency).filter((a): a is string => a !== null),
      ...(snapshot.leadOfficerNamesShown ? { leadOfficers: p.leads.map((l) => l.officer).filter((o): o is string => o !== null) } : {}),
    })),
    indicators: snapshot.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      ratePer: i.unit.startsWith("RATE_PER_") ? i.denominator : null,
      direction: i.direction,
      leadAgency: i.leadAgency,
      priorities: i.priorities.map((p) => p.number),
      target: i.target && { value: num(i.target.value), direction: i.target.requiredDirection, note: i.target.note, period: periodOut(i.target.period) },
      baseline: i.baseline && { value: num(i.baseline.value), note: i.baseline.note, period: i.baseline.period && periodOut(i.baseline.period) },
      latest: i.latest && { value: num(i.latest.value), period: periodOut(i.latest.period) },
      rating: i.rag,
      trend: i.trend,
      change: i.change && { difference: num(i.change.difference), percent: num(i.change.percent) },
      lastUpdated: i.lastUpdatedAt,
      figures: i.series.map((point) => ({ ...periodOut(point.period), value: num(point.value) })),
      targets: i.targets.map((t) => ({ ...periodOut(t.period), value: num(t.value), direction: t.requiredDirection })),
    })),
  };
}
