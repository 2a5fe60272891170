// Indicators as MeasuredIndicator carries them, measured by the real measures.ts, for chart tests.
import type { MeasuredChartIndicator } from "~/components/charts/trend-chart";
import { measureIndicator, type FigureInput, type MeasuredPeriod, type TargetInput, type BaselineInput } from "~/modules/performance/measures";
import { resolvePeriod } from "~/modules/periods/periods";
import type { Direction, Unit } from "~/modules/rag/rag";

const APRIL = 4;
export const year = (financialYear: number): MeasuredPeriod => resolvePeriod({ type: "YEAR", financialYear }, APRIL);
export const month = (y: number, m: number): MeasuredPeriod => resolvePeriod({ type: "MONTH", year: y, month: m }, APRIL);
export const quarter = (financialYear: number, q: 1 | 2 | 3 | 4): MeasuredPeriod => resolvePeriod({ type: "QUARTER", financialYear, quarter: q }, APRIL);

export function chartIndicator(input: {
  unit?: Unit;
  direction?: Direction;
  denominator?: { name: string; kind: "RESIDENTS" | "HOUSEHOLDS" | "OTHER" } | null;
  figures?: FigureInput[];
  targets?: TargetInput[];
  baselines?: BaselineInput[];
  denominatorByYear?: Map<number, string>;
}): MeasuredChartIndicator {
  const unit = input.unit ?? "PERCENTAGE";
  const direction = input.direction ?? "LOWER_IS_BETTER";
  const figures = input.figures ?? [];
  const targets = (input.targets ?? []).map((t) => ({ note: null, ...t }));
  const baselines = (input.baselines ?? []).map((b) => ({ note: null, ...b }));
  const measure = measureIndicator({ unit, direction, tolerance: "5", figures, targets, baselines, denominatorByYear: input.denominatorByYear, asAt: new Date(Date.UTC(2014, 0, 15)) });
  return {
    code: "NI 16",
    name: "Serious acquisitive crime",
    unit,
    direction,
    denominator: input.denominator ?? null,
    series: figures.map((f) => ({ ...f, updatedAt: new Date(Date.UTC(2014, 0, 1)), source: "ENTERED" })),
    allTargets: targets.map((t) => ({ ...t, requiredDirection: t.requiredDirection, note: t.note ?? null })),
    allBaselines: baselines.map((b) => ({ ...b, note: b.note ?? null })),
    measure,
  };
}
