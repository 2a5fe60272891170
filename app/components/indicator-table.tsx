import type { IndicatorSummary } from "~/modules/indicators/indicators.server";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import { DIRECTION_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";

type Props = { indicators: IndicatorSummary[]; caption: string; showPriorities?: boolean };

/** "24.841 per 1,000 households", and for a rate the count it comes from: "3,362 (24.841 per 1,000 households)". */
function valueText(indicator: Props["indicators"][number], value: string | null, count?: string | null) {
  if (value === null) return count ? formatNumber(count) : null;
  const formatted = formatIndicatorValue(value, indicator.unit, indicator.denominator?.name);
  return count ? `${formatNumber(count)} (${formatted})` : formatted;
}

/** Indicators with their target, baseline and latest figure. */
export function IndicatorTable({ indicators, caption, showPriorities = false }: Props) {
  if (indicators.length === 0) return <p className="govuk-body">No indicators.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Indicator</th>
          <th scope="col" className="govuk-table__header">Baseline</th>
          <th scope="col" className="govuk-table__header">Target</th>
          <th scope="col" className="govuk-table__header">Latest figure</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {indicators.map((indicator) => (
          <tr key={indicator.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <strong>{indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name}</strong>
              <br />
              <span className="govuk-body-s">
                {DIRECTION_LABELS[indicator.direction]}
                {indicator.leadAgency ? `. Led by ${indicator.leadAgency.shortName ?? indicator.leadAgency.name}` : ""}
                {indicator.ownerBoard ? `. Owned by ${indicator.ownerBoard.name}` : ""}
                {indicator.responsibleBoard && !indicator.ownerBoard ? `. Responsible board: ${indicator.responsibleBoard.name}` : ""}
                {showPriorities && indicator.priorities.length > 0
                  ? `. Priorities ${indicator.priorities.map((p) => p.number).join(", ")}`
                  : ""}
              </span>
            </td>
            <td className="govuk-table__cell">
              {indicator.baseline ? (
                <>
                  {valueText(indicator, indicator.baseline.value, indicator.baseline.count) ?? "No value"}
                  {indicator.baseline.period ? <span className="govuk-body-s">{` (${indicator.baseline.period.label})`}</span> : null}
                  {indicator.baseline.note ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{indicator.baseline.note}</span>
                    </>
                  ) : null}
                </>
              ) : (
                <span className="govuk-hint govuk-!-margin-0">None set</span>
              )}
            </td>
            <td className="govuk-table__cell">
              {indicator.target ? (
                <>
                  {valueText(indicator, indicator.target.value) ??
                    (indicator.target.requiredDirection ? REQUIRED_DIRECTION_LABELS[indicator.target.requiredDirection] : "")}
                  <span className="govuk-body-s">{` (${indicator.target.period.label})`}</span>
                  {indicator.target.note ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{indicator.target.note}</span>
                    </>
                  ) : null}
                </>
              ) : (
                <span className="govuk-hint govuk-!-margin-0">None set</span>
              )}
            </td>
            <td className="govuk-table__cell">
              {indicator.latestFigure ? (
                <>
                  {valueText(indicator, indicator.latestFigure.value, indicator.latestFigure.count)}
                  <span className="govuk-body-s">{` (${indicator.latestFigure.period.label})`}</span>
                </>
              ) : (
                <span className="govuk-hint govuk-!-margin-0">No figure yet</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
