// A published indicator's trend chart, with its table of the same figures, drawn from
// the snapshot: its plain JSON periods become the dates the chart measures with.
import { TrendChart, type TrendChartIndicator } from "~/components/charts/trend-chart";
import type { ChartIndicator } from "~/components/charts/chart-data";
import type { MeasuredPeriod } from "~/modules/performance/measures";
import type { PublicIndicator, PublicPeriod } from "~/modules/publication/snapshot";

function period(p: PublicPeriod): MeasuredPeriod {
  return { type: p.type, label: p.label, financialYear: p.financialYear, startsOn: new Date(`${p.startsOn}T00:00:00Z`), endsOn: new Date(`${p.endsOn}T00:00:00Z`) };
}

export function chartIndicatorOf(indicator: PublicIndicator): ChartIndicator {
  return {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    denominator: indicator.denominator === null ? null : { name: indicator.denominator },
    series: indicator.series.map((point) => ({ period: period(point.period), value: point.value, count: point.count })),
    allTargets: indicator.targets.map((t) => ({ period: period(t.period), value: t.value, requiredDirection: t.requiredDirection, note: t.note })),
    allBaselines: indicator.baselines.map((b) => ({ period: b.period && period(b.period), value: b.value, count: b.count, note: b.note })),
    measure: {
      basis: indicator.basis,
      yearToDate: indicator.yearToDate,
      latest: indicator.latest && { period: period(indicator.latest.period), value: indicator.latest.value, count: indicator.latest.count, rate: indicator.latest.rate },
      target: indicator.target && { period: period(indicator.target.period), value: indicator.target.value, requiredDirection: indicator.target.requiredDirection, note: indicator.target.note },
      baseline: indicator.baseline && { period: indicator.baseline.period && period(indicator.baseline.period), value: indicator.baseline.value, count: indicator.baseline.count, note: indicator.baseline.note },
    },
  };
}

export function PublicIndicatorChart({ indicator }: { indicator: PublicIndicator }) {
  // TrendChart reads only what ChartIndicator names; the snapshot has no figure's entry time or source to give it.
  return <TrendChart indicator={chartIndicatorOf(indicator) as unknown as TrendChartIndicator} size="full" withTable />;
}
