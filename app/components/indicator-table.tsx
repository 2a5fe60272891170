import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { IndicatorSummary } from "~/modules/indicators/indicators.server";
import { RagTag } from "./rag-tag";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import { DIRECTION_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";

type Props = {
  indicators: Array<IndicatorSummary & { canEnterFigure?: boolean }>;
  caption: string;
  partnershipSlug: string;
  showPriorities?: boolean;
};

/** "24.841 per 1,000 households", and for a rate the count it comes from: "3,362 (24.841 per 1,000 households)". */
function valueText(indicator: Props["indicators"][number], value: string | null, count?: string | null) {
  if (value === null) return count ? formatNumber(count) : null;
  const formatted = formatIndicatorValue(value, indicator.unit, indicator.denominator?.name);
  return count ? `${formatNumber(count)} (${formatted})` : formatted;
}

/** Indicators with their target, baseline and latest figure. */
export function IndicatorTable({ indicators, caption, partnershipSlug, showPriorities = false }: Props) {
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
          <th scope="col" className="govuk-table__header">RAG</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {indicators.map((indicator) => (
          <tr key={indicator.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link to={`/${partnershipSlug}/indicators/${indicator.id}`} className="govuk-link govuk-!-font-weight-bold">
                {indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name}
              </Link>
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
            <ValueCell
              entry={
                indicator.baseline && {
                  text: valueText(indicator, indicator.baseline.value, indicator.baseline.count) ?? "No value",
                  periodLabel: indicator.baseline.period?.label,
                  note: indicator.baseline.note,
                }
              }
              empty="None set"
            />
            <ValueCell
              entry={
                indicator.target && {
                  text:
                    valueText(indicator, indicator.target.value) ??
                    (indicator.target.requiredDirection ? REQUIRED_DIRECTION_LABELS[indicator.target.requiredDirection] : ""),
                  periodLabel: indicator.target.period.label,
                  note: indicator.target.note,
                }
              }
              empty="None set"
            />
            <ValueCell
              entry={
                indicator.latestFigure && {
                  text: valueText(indicator, indicator.latestFigure.value, indicator.latestFigure.count) ?? "",
                  periodLabel: indicator.latestFigure.period.label,
                }
              }
              empty="No figure yet"
              action={
                indicator.canEnterFigure ? (
                  <Link to={`/${partnershipSlug}/indicators/${indicator.id}/figures/new`} className="govuk-link">
                    Enter a figure<span className="govuk-visually-hidden">{` for ${indicator.name}`}</span>
                  </Link>
                ) : null
              }
            />
            <td className="govuk-table__cell">
              <RagTag rag={indicator.rag.rag} />
              <span className="govuk-body-s govuk-!-display-block">{indicator.rag.reason}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A baseline, target or figure: the value, its period, and any note. */
function ValueCell(props: {
  entry: { text: string; periodLabel?: string; note?: string | null } | null;
  empty: string;
  action?: ReactNode;
}) {
  const { entry } = props;
  return (
    <td className="govuk-table__cell">
      {entry ? (
        <>
          {entry.text}
          {entry.periodLabel ? <span className="govuk-body-s">{` (${entry.periodLabel})`}</span> : null}
          {entry.note ? <span className="govuk-body-s govuk-!-display-block">{entry.note}</span> : null}
        </>
      ) : (
        <span className="govuk-hint govuk-!-margin-0">{props.empty}</span>
      )}
      {props.action ? <span className="govuk-!-display-block govuk-!-margin-top-1">{props.action}</span> : null}
    </td>
  );
}
