// How values are written on the page. Values arrive as decimal strings (exact).
type Unit = "COUNT" | "PERCENTAGE" | "RATE_PER_100" | "RATE_PER_1000" | "RATE_PER_100000" | "SCORE" | "RATIO";

const RATE_BASE: Partial<Record<Unit, string>> = {
  RATE_PER_100: "100",
  RATE_PER_1000: "1,000",
  RATE_PER_100000: "100,000",
};

/** "3,362" from "3362"; keeps every decimal place given, adds thousands separators. */
export function formatNumber(value: string): string {
  const [whole = "", fraction] = value.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${fraction ? `.${fraction}` : ""}`;
}

/** "24.841 per 1,000 households", "60%", "3,362". */
export function formatIndicatorValue(value: string, unit: Unit, denominatorName?: string | null): string {
  const number = formatNumber(value);
  if (unit === "PERCENTAGE") return `${number}%`;
  const base = RATE_BASE[unit];
  if (base) return `${number} per ${base}${denominatorName ? ` ${denominatorName.toLowerCase()}` : ""}`;
  return number;
}

export const UNIT_LABELS: Record<Unit, string> = {
  COUNT: "Count",
  PERCENTAGE: "Percentage",
  RATE_PER_100: "Rate per 100",
  RATE_PER_1000: "Rate per 1,000",
  RATE_PER_100000: "Rate per 100,000",
  SCORE: "Score",
  RATIO: "Ratio",
};

/**
 * A change against a reference in words, in the indicator's terms: "168 fewer than the
 * baseline (5% lower)", "2 percentage points higher than the baseline (9.5% higher)".
 * `better` reads it in the indicator's direction; null when there is no change.
 */
export function changeInWords(
  change: { difference: string; percent: string | null },
  indicator: { unit: Unit; direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER"; denominatorName?: string | null },
  against = "the baseline",
): { text: string; better: boolean | null } {
  const lower = change.difference.startsWith("-");
  const size = change.difference.replace("-", "");
  if (/^0(\.0*)?$/.test(size)) return { text: `The same as ${against}`, better: null };
  const way = lower ? "lower" : "higher";
  const amount =
    indicator.unit === "COUNT"
      ? `${formatNumber(size)} ${lower ? "fewer" : "more"}`
      : indicator.unit === "PERCENTAGE"
        ? `${formatNumber(size)} percentage ${size === "1" ? "point" : "points"} ${way}`
        : `${formatIndicatorValue(size, indicator.unit, indicator.denominatorName)} ${way}`;
  const percent = change.percent === null ? "" : ` (${formatNumber(change.percent.replace("-", ""))}% ${way})`;
  return { text: `${amount} than ${against}${percent}`, better: lower === (indicator.direction === "LOWER_IS_BETTER") };
}
