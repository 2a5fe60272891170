import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { History } from "~/components/history";
import { SuccessBanner } from "~/components/notification-banner";
import { RagTag } from "~/components/rag-tag";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getIndicator } from "~/modules/figures/figures.server";
import { formatCalendarDate } from "~/utils/dates";
import { formatIndicatorValue, formatNumber, UNIT_LABELS } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { DIRECTION_LABELS, FREQUENCY_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.indicator.name ?? "Indicator"} - Safer Partnerships` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getIndicator(actor, params.indicatorId ?? "");
  invariantResponse(found, "Indicator not found");
  return { partnershipSlug: partnership.slug, ...found };
}

export default function IndicatorPage() {
  const { partnershipSlug, indicator, canEnterFigure, rag, history } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const value = (v: string | null) => (v === null ? null : formatIndicatorValue(v, indicator.unit, indicator.denominator?.name));
  const summary: Array<[string, string]> = [
    ["Unit", `${UNIT_LABELS[indicator.unit]}${indicator.denominator ? ` (${indicator.denominator.name.toLowerCase()})` : ""}`],
    ["Better when", DIRECTION_LABELS[indicator.direction]],
    ["Reported", FREQUENCY_LABELS[indicator.frequency]],
    ["Lead agency", indicator.leadAgency?.name ?? "Not recorded"],
    ["Owned by", indicator.ownerBoard?.name ?? indicator.responsibleBoard?.name ?? "Not recorded"],
    ["Source", indicator.source ?? "Not recorded"],
  ];
  return (
    <>
      {searchParams.get("saved") ? (
        <SuccessBanner heading="Figure saved" />
      ) : null}
      <Link to={`/${partnershipSlug}/indicators`} className="govuk-back-link">
        All indicators
      </Link>
      {indicator.code ? <span className="govuk-caption-l">{indicator.code}</span> : null}
      <h1 className="govuk-heading-xl">{indicator.name}</h1>
      {indicator.description ? <p className="govuk-body-l">{indicator.description}</p> : null}
      {canEnterFigure ? (
        <Link to={`/${partnershipSlug}/indicators/${indicator.id}/figures/new`} className="govuk-button" data-module="govuk-button">
          Enter a figure
        </Link>
      ) : null}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">RAG</dt>
          <dd className="govuk-summary-list__value">
            <RagTag rag={rag.rag} /> <span className="govuk-body-s">{rag.reason}</span>
          </dd>
        </div>
        {summary.map(([key, text]) => (
          <div key={key} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{text}</dd>
          </div>
        ))}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Priorities</dt>
          <dd className="govuk-summary-list__value">
            {indicator.priorities.length === 0
              ? "None"
              : indicator.priorities.map((p, index) => (
                  <span key={p.id}>
                    {index > 0 ? ", " : ""}
                    <Link to={`/${partnershipSlug}/priorities/${p.id}`} className="govuk-link">{`${p.number}. ${p.title}`}</Link>
                  </span>
                ))}
          </dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Targets</h2>
      {indicator.targets.length === 0 ? (
        <p className="govuk-body">No target has been set.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {indicator.targets.map((target) => (
            <li key={target.id}>
              <strong>{`${target.period.label}: ${value(target.value) ?? (target.requiredDirection ? REQUIRED_DIRECTION_LABELS[target.requiredDirection] : "")}`}</strong>
              {target.note ? <span className="govuk-body-s govuk-!-display-block">{target.note}</span> : null}
              {target.changes.map((change, index) => (
                <span key={index} className="govuk-body-s govuk-!-display-block">
                  {`Changed from ${change.previousValue === null ? "none" : value(change.previousValue)} to ${change.newValue === null ? "none" : value(change.newValue)}`}
                  {change.agreedBy ? `, agreed by ${change.agreedBy}` : ""}
                  {change.agreedOn ? ` on ${formatCalendarDate(change.agreedOn)}` : ""}
                  {change.reason ? `. ${change.reason}` : ""}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Baselines</h2>
      {indicator.baselines.length === 0 ? (
        <p className="govuk-body">No baseline has been set.</p>
      ) : (
        <ul className="govuk-list">
          {indicator.baselines.map((baseline) => (
            <li key={baseline.id}>
              {`${baseline.period ? `${baseline.period.label}: ` : ""}${baseline.count ? `${formatNumber(baseline.count)} ` : ""}${baseline.value ? (baseline.count ? `(${value(baseline.value)})` : value(baseline.value)) : ""}`}
              {baseline.note ? <span className="govuk-body-s govuk-!-display-block">{baseline.note}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Figures</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Period</th>
            <th scope="col" className="govuk-table__header">Figure</th>
            <th scope="col" className="govuk-table__header">Note</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {indicator.figures.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={3}>
                No figures yet.
              </td>
            </tr>
          ) : (
            indicator.figures.map((figure) => (
              <tr key={figure.id} className="govuk-table__row">
                <td className="govuk-table__cell">{figure.period.label}</td>
                <td className="govuk-table__cell">{`${figure.count ? `${formatNumber(figure.count)} (${value(figure.value)})` : value(figure.value)}`}</td>
                <td className="govuk-table__cell">{figure.note ?? ""}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <History events={history} />
    </>
  );
}
