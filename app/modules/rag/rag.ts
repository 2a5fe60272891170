// The one place an indicator's RAG is worked out, from its latest figure, its target,
// its baseline and the partnership's tolerance. Pure: values are exact decimal
// strings (as figures leave the database) and compared as scaled integers, so
// 105 against a target of 100 with a 5% tolerance is amber, not a float's guess.

export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type RequiredDirection = "INCREASE" | "REDUCE" | "MAINTAIN";
export type Unit = "COUNT" | "PERCENTAGE" | "RATE_PER_100" | "RATE_PER_1000" | "RATE_PER_100000" | "SCORE" | "RATIO";

/** GREEN, AMBER, RED; NO_FIGURE (grey: "No figure yet"); NOT_RATED (grey: a figure, but nothing to rate it against). */
export type IndicatorRag = "GREEN" | "AMBER" | "RED" | "NO_FIGURE" | "NOT_RATED";

export type RagInput = {
  unit: Unit;
  direction: Direction;
  /** The latest figure's value, or null when there is none yet. */
  latest: string | null;
  target: { value: string | null; requiredDirection: RequiredDirection | null } | null;
  baseline: { value: string | null } | null;
  /** Percent of the target for counts and rates; percentage points for percentages. */
  tolerance: string | number;
};

export type RagResult = { rag: IndicatorRag; reason: string };

const VALUE_SCALE = 4; // Decimal(14, 4)
const TOLERANCE_SCALE = 2; // Decimal(6, 2)

/** An exact decimal string as an integer of `scale` decimal places; null when not a plain number. */
export function toScaled(value: string | number, scale: number): bigint | null {
  const text = typeof value === "number" ? String(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = `${whole}${fraction.padEnd(scale, "0").slice(0, scale)}`;
  const scaled = BigInt(digits);
  return sign ? -scaled : scaled;
}

function abs(value: bigint) {
  return value < 0n ? -value : value;
}

export function indicatorRag(input: RagInput): RagResult {
  if (input.latest === null) return { rag: "NO_FIGURE", reason: "No figure yet" };
  const latest = toScaled(input.latest, VALUE_SCALE);
  if (latest === null) return { rag: "NOT_RATED", reason: "The latest figure is not a number" };
  const better = (a: bigint, b: bigint) => (input.direction === "HIGHER_IS_BETTER" ? a > b : a < b);

  const targetValue = input.target?.value != null ? toScaled(input.target.value, VALUE_SCALE) : null;
  if (targetValue !== null) {
    if (latest === targetValue || better(latest, targetValue)) return { rag: "GREEN", reason: "Target met" };
    const tolerance = toScaled(input.tolerance, TOLERANCE_SCALE) ?? 0n;
    const gap = abs(latest - targetValue);
    // Percentages: the tolerance is in points. Counts, rates and the rest: a percent of the target.
    const withinTolerance =
      input.unit === "PERCENTAGE"
        ? gap * 10n ** BigInt(TOLERANCE_SCALE) <= tolerance * 10n ** BigInt(VALUE_SCALE)
        : gap * 100n * 10n ** BigInt(TOLERANCE_SCALE) <= abs(targetValue) * tolerance;
    return withinTolerance
      ? { rag: "AMBER", reason: "Target missed, within the tolerance" }
      : { rag: "RED", reason: "Target missed, beyond the tolerance" };
  }

  if (input.target?.requiredDirection) {
    const baseline = input.baseline?.value != null ? toScaled(input.baseline.value, VALUE_SCALE) : null;
    if (baseline === null) return { rag: "NOT_RATED", reason: "No baseline to compare with" };
    if (better(latest, baseline)) return { rag: "GREEN", reason: "Better than the baseline" };
    if (latest === baseline) {
      // To maintain a level is met by holding it.
      return input.target.requiredDirection === "MAINTAIN"
        ? { rag: "GREEN", reason: "Maintained at the baseline" }
        : { rag: "AMBER", reason: "No change from the baseline" };
    }
    return { rag: "RED", reason: "Worse than the baseline" };
  }

  return { rag: "NOT_RATED", reason: "No target set" };
}

/** A tolerance as the settings page shows it: "5%" of the target, or "5 percentage points". */
export function toleranceText(tolerance: string | number) {
  return `${tolerance}% of the target for counts and rates, ${tolerance} percentage points for percentages`;
}
