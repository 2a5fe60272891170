// The former National Indicator Set (England, abolished 1 April 2011) as a starter
// library a partnership may pick from: never a fixed list. From
// shared/reference/national-indicators.md; names as published, units and directions as
// the definitions imply. A partnership can change any of them once added.
import type { Unit } from "~/modules/figures/figure-value";

export type NationalIndicator = {
  code: string;
  name: string;
  /** As the definition puts it: "rate per 1,000 residents". */
  usualUnit: string;
  unit: Unit;
  /** The denominator a rate usually takes; null when it takes none. */
  denominatorKind: "RESIDENTS" | "HOUSEHOLDS" | "OTHER" | null;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
};

export const NATIONAL_INDICATORS: readonly NationalIndicator[] = [
  { code: "NI 15", name: "Serious violent crime rate", usualUnit: "rate per 1,000 residents", unit: "RATE_PER_1000", denominatorKind: "RESIDENTS", direction: "LOWER_IS_BETTER" },
  { code: "NI 16", name: "Serious acquisitive crime rate", usualUnit: "rate per 1,000 residents", unit: "RATE_PER_1000", denominatorKind: "RESIDENTS", direction: "LOWER_IS_BETTER" },
  { code: "NI 17", name: "Perceptions of anti-social behaviour", usualUnit: "percentage (survey)", unit: "PERCENTAGE", denominatorKind: null, direction: "LOWER_IS_BETTER" },
  { code: "NI 18", name: "Adult re-offending rates for those under probation supervision", usualUnit: "actual vs predicted rate (%)", unit: "PERCENTAGE", denominatorKind: null, direction: "LOWER_IS_BETTER" },
  { code: "NI 19", name: "Rate of proven re-offending by young offenders", usualUnit: "re-offences per 100 young offenders", unit: "RATE_PER_100", denominatorKind: "OTHER", direction: "LOWER_IS_BETTER" },
  { code: "NI 20", name: "Assault with injury crime rate", usualUnit: "rate per 1,000 residents", unit: "RATE_PER_1000", denominatorKind: "RESIDENTS", direction: "LOWER_IS_BETTER" },
  { code: "NI 21", name: "Dealing with local concerns about anti-social behaviour and crime issues by the local council and police", usualUnit: "percentage (survey)", unit: "PERCENTAGE", denominatorKind: null, direction: "HIGHER_IS_BETTER" },
  { code: "NI 32", name: "Repeat incidents of domestic violence", usualUnit: "percentage of MARAC cases", unit: "PERCENTAGE", denominatorKind: null, direction: "LOWER_IS_BETTER" },
  { code: "NI 35", name: "Building resilience to violent extremism", usualUnit: "score 1-5", unit: "SCORE", denominatorKind: null, direction: "HIGHER_IS_BETTER" },
  { code: "NI 38", name: "Drug-related (Class A) offending rate", usualUnit: "actual vs predicted (ratio)", unit: "RATIO", denominatorKind: null, direction: "LOWER_IS_BETTER" },
  { code: "NI 39", name: "Rate of hospital admissions per 100,000 for alcohol related harm", usualUnit: "rate per 100,000 residents", unit: "RATE_PER_100000", denominatorKind: "RESIDENTS", direction: "LOWER_IS_BETTER" },
  { code: "NI 40", name: "Number of drug users recorded as being in effective treatment", usualUnit: "count", unit: "COUNT", denominatorKind: null, direction: "HIGHER_IS_BETTER" },
  { code: "NI 111", name: "First time entrants to the youth justice system aged 10-17", usualUnit: "rate per 100,000 aged 10-17", unit: "RATE_PER_100000", denominatorKind: "OTHER", direction: "LOWER_IS_BETTER" },
];

export function findNationalIndicator(code: string | null | undefined) {
  return NATIONAL_INDICATORS.find((indicator) => indicator.code === code) ?? null;
}
