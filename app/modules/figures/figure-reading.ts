// From what was typed (in the form or a CSV cell) to the figure that is stored. The one
// place that decides it, so a figure entered by hand and one imported from a file are
// worked out the same way: a rate with a denominator is never typed, it comes from the
// count and that year's denominator.
import { isRateUnit, rateFromCount } from "~/modules/performance/measures";
import { financialYearLabel } from "~/utils/dates";
import { parseFigureValue, type Unit } from "./figure-value";

export type FigureIndicator = {
  code: string | null;
  name: string;
  unit: Unit;
  denominator: { name: string; kind: "RESIDENTS" | "HOUSEHOLDS" | "OTHER" } | null;
};

export type TypedFigure = { value?: string | null; count?: string | null };

export type StoredFigure = { ok: true; value: string; count: string | null } | { ok: false; fieldErrors: { value?: string[]; count?: string[] } };

/** A rate per residents or households: the officer gives the count and the rate is worked out. */
export function ratesFromCount(indicator: Pick<FigureIndicator, "unit" | "denominator">): boolean {
  return isRateUnit(indicator.unit) && indicator.denominator !== null;
}

export const COUNT_LABEL = "Number of offences";

function perWhat(indicator: FigureIndicator) {
  const per = indicator.unit === "RATE_PER_100" ? "100" : indicator.unit === "RATE_PER_1000" ? "1,000" : "100,000";
  return `per ${per}${indicator.denominator ? ` ${indicator.denominator.name.toLowerCase()}` : ""}`;
}

function whereDenominatorsLive(kind: "RESIDENTS" | "HOUSEHOLDS" | "OTHER") {
  // Residents and households are kept on the details page; other populations only in the profile.
  return kind === "OTHER" ? "Settings, Partnership profile" : "Settings, Partnership details (residents and households)";
}

/**
 * The value and count to store for one period, or what is wrong with each field.
 * `denominatorByYear` holds the indicator's denominator values by financial year.
 * With no period (it was mistyped), only what was typed is checked: ok is then false.
 */
export function readFigure(
  indicator: FigureIndicator,
  period: { financialYear: number } | null,
  typed: TypedFigure,
  denominatorByYear: ReadonlyMap<number, string>,
): StoredFigure {
  const valueText = typed.value?.trim() ?? "";
  const countText = typed.count?.trim() ?? "";

  if (valueText.endsWith("%") && indicator.unit !== "PERCENTAGE") {
    return { ok: false, fieldErrors: { value: [`Write the figure without “%”: ${indicator.code ?? indicator.name} is not a percentage`] } };
  }

  if (ratesFromCount(indicator)) {
    const denominator = indicator.denominator!;
    const count = parseFigureValue(countText, "COUNT", `the ${COUNT_LABEL.toLowerCase()}`);
    if (!count.ok) return { ok: false, fieldErrors: { count: [count.message] } };
    if (!period) return { ok: false, fieldErrors: {} };
    const base = denominatorByYear.get(period.financialYear);
    if (base === undefined || Number(base) <= 0) {
      const year = financialYearLabel(period.financialYear);
      return {
        ok: false,
        fieldErrors: {
          count: [
            `The rate cannot be worked out: there is no number of ${denominator.name.toLowerCase()} for ${year}. A partnership manager can add it in ${whereDenominatorsLive(denominator.kind)}`,
          ],
        },
      };
    }
    const rate = rateFromCount(count.value, base, indicator.unit);
    // A file may carry the rate beside the count (as a previous export printed it): it must agree.
    if (valueText) {
      const typedRate = parseFigureValue(valueText, indicator.unit);
      if (!typedRate.ok || Number(typedRate.value) !== Number(rate)) {
        return {
          ok: false,
          fieldErrors: { value: [`Leave the figure empty: the rate ${perWhat(indicator)} is worked out from the count (${countText} gives ${rate})`] },
        };
      }
    }
    return { ok: true, value: rate, count: count.value };
  }

  const fieldErrors: { value?: string[]; count?: string[] } = {};
  const value = parseFigureValue(valueText, indicator.unit, "the figure");
  if (!value.ok) fieldErrors.value = [value.message];
  let count: string | null = null;
  if (countText) {
    if (!isRateUnit(indicator.unit)) {
      fieldErrors.count = [`Leave the count empty: ${indicator.code ?? indicator.name} is not a rate, so its figure goes in the value`];
    } else {
      const parsed = parseFigureValue(countText, "COUNT", "the count");
      if (parsed.ok) count = parsed.value;
      else fieldErrors.count = [parsed.message];
    }
  }
  if (!value.ok || fieldErrors.count || !period) return { ok: false, fieldErrors };
  return { ok: true, value: value.value, count };
}
