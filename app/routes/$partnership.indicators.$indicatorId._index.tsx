import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { TrendChart } from "~/components/charts/trend-chart";
import { History } from "~/components/history";
import { SuccessBanner } from "~/components/notification-banner";
import { RagTag } from "~/components/rag-tag";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { COUNT_LABEL } from "~/modules/figures/figure-reading";
import { getIndicator } from "~/modules/figures/figures.server";
import { isRateUnit } from "~/modules/performance/measures";
import { formatCalendarDate, formatInstant } from "~/utils/dates";
import { changeInWords, formatIndicatorValue, formatNumber, UNIT_LABELS } from "~/utils/format";
import { invariantResponse } from "~/utils/http";
import { DIRECTION_LABELS, FREQUENCY_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";
import { allowPageCache } from "~/modules/page-cache/page-cache.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.indicator.name ?? "Indicator"} - Safer Partnerships` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getIndicator(actor, params.indicatorId ?? "");
  invariantResponse(found, "Indicator not found");
  allowPageCache(actor.partnershipId);
  return { partnershipSlug: partnership.slug, timeZone: partnership.timeZone, ...found };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Hint({ children }: { children: ReactNode }) {
  return <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">{children}</span>;
}

/** "Improving: 23.5 in 2012/13, down from 24.1 in 2011/12", from measures.ts' trend and the figure before. */
function trendInWords(data: LoaderData, show: (v: string) => string) {
  const { trend, latest, previous } = data.measure;
  if (!trend || !latest || !previous) return "Not enough figures yet: a trend needs two figures for the same kind of period";
  if (trend === "NO_CHANGE") return `No change: ${show(latest.value)} in ${latest.period.label}, the same as in ${previous.period.label}`;
  const lowerIsBetter = data.indicator.direction === "LOWER_IS_BETTER";
  const down = (trend === "IMPROVING") === lowerIsBetter;
  return `${trend === "IMPROVING" ? "Improving" : "Worsening"}: ${show(latest.value)} in ${latest.period.label}, ${down ? "down" : "up"} from ${show(previous.value)} in ${previous.period.label}`;
}

/** The indicator's performance as the RAG sees it: each number with the period it is for. */
function PerformanceSummary({ data, show }: { data: LoaderData; show: (v: string) => string }) {
  const { indicator, measure } = data;
  const { latest, target, baseline, yearToDate, change } = measure;
  const words = { unit: indicator.unit, direction: indicator.direction, denominatorName: indicator.denominator?.name };
  const changed = change && changeInWords(change, words, measure.basis === "YEAR_TO_DATE" ? "the baseline pro rata" : "the baseline");
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Latest figure">
        {latest ? (
          <>
            {`${show(latest.value)} in ${latest.period.label}`}
            {latest.rate !== null && latest.count !== null ? <Hint>{`${COUNT_LABEL}: ${formatNumber(latest.count)}`}</Hint> : null}
          </>
        ) : (
          "No figure yet"
        )}
      </SummaryRow>
      <SummaryRow label="Target">
        {target ? (
          <>
            {`${target.value !== null ? show(target.value) : target.requiredDirection ? REQUIRED_DIRECTION_LABELS[target.requiredDirection] : "None"} for ${target.period.label}`}
            {target.note ? <Hint>{target.note}</Hint> : null}
          </>
        ) : latest && data.allTargets.length > 0 ? (
          `No target for ${latest.period.label}`
        ) : (
          "No target has been set"
        )}
      </SummaryRow>
      <SummaryRow label="Baseline">
        {baseline && baseline.value !== null ? (
          <>
            {`${baseline.count !== null && isRateUnit(indicator.unit) ? `${formatNumber(baseline.count)} (${show(baseline.value)})` : show(baseline.value)}${
              baseline.period ? ` in ${baseline.period.label}` : ""
            }`}
            {baseline.note ? <Hint>{baseline.note}</Hint> : null}
          </>
        ) : (
          "No baseline has been set"
        )}
      </SummaryRow>
      {yearToDate ? (
        <SummaryRow label="Year to date">
          {`${yearToDate.label}: ${show(yearToDate.value)}`}
          {yearToDate.targetToDate !== null ? ` against a target of ${show(yearToDate.targetToDate)} pro rata` : ""}
          <Hint>
            {`${latest ? `To the end of ${latest.period.label}: ` : ""}${Math.round(Number(yearToDate.shareOfYear) * 100)}% of the year. `}
            {target?.value != null && target.period.type === "YEAR"
              ? `The target for the whole of ${target.period.label} is ${show(target.value)}, shared out over the year by the days that have passed.`
              : "There is no target for the whole year to share out."}
          </Hint>
        </SummaryRow>
      ) : null}
      <SummaryRow label="Change against the baseline">
        {changed ? (
          <>
            {changed.text}
            {changed.better === null ? null : <Hint>{changed.better ? "Better than the baseline" : "Worse than the baseline"}</Hint>}
          </>
        ) : latest ? (
          "Nothing to compare: no baseline for the same kind of period"
        ) : (
          "No figure yet"
        )}
      </SummaryRow>
      <SummaryRow label="RAG">
        <RagTag rag={data.rag.rag} /> <span className="govuk-body-s">{data.rag.reason}</span>
      </SummaryRow>
      <SummaryRow label="Trend">{trendInWords(data, show)}</SummaryRow>
      <SummaryRow label="Last updated">{data.lastUpdatedAt ? formatInstant(data.lastUpdatedAt, data.timeZone) : "No figure yet"}</SummaryRow>
      <SummaryRow label="Figures come from">
        {indicator.figuresFrom === "POLICE_UK"
          ? "police.uk crime files: each month's count is imported from the police.uk street-level crime download, so figures are not entered by hand"
          : "Entered by hand, or imported from a CSV file, by the lead agency"}
      </SummaryRow>
    </dl>
  );
}

export default function IndicatorPage() {
  const data = useLoaderData<typeof loader>();
  const { partnershipSlug, indicator, canEnterFigure, history, awaitingFigureFor } = data;
  const [searchParams] = useSearchParams();
  const show = (v: string) => formatIndicatorValue(v, indicator.unit, indicator.denominator?.name);
  const value = (v: string | null) => (v === null ? null : show(v));
  const about: Array<[string, string]> = [
    ["Unit", `${UNIT_LABELS[indicator.unit]}${indicator.denominator ? ` (${indicator.denominator.name.toLowerCase()})` : ""}`],
    ["Better when", DIRECTION_LABELS[indicator.direction]],
    ["Reported", FREQUENCY_LABELS[indicator.frequency]],
    ["Lead agency", indicator.leadAgency?.name ?? "Not recorded"],
    ["Owned by", indicator.ownerBoard?.name ?? indicator.responsibleBoard?.name ?? "Not recorded"],
    ["Source", indicator.source ?? "Not recorded"],
  ];
  const chartIndicator = {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    denominator: indicator.denominator,
    series: data.series,
    allTargets: data.allTargets,
    allBaselines: data.allBaselines,
    measure: data.measure,
  };
  return (
    <>
      {searchParams.get("saved") ? <SuccessBanner heading="Figure saved" /> : null}
      <Link to={`/${partnershipSlug}/indicators`} className="govuk-back-link">
        All indicators
      </Link>
      {indicator.code ? <span className="govuk-caption-l">{indicator.code}</span> : null}
      <h1 className="govuk-heading-xl">{indicator.name}</h1>
      {indicator.description ? <p className="govuk-body-l">{indicator.description}</p> : null}
      {awaitingFigureFor ? <div className="govuk-inset-text">{`Waiting for a figure for ${awaitingFigureFor.label}.`}</div> : null}
      {canEnterFigure ? (
        <Link to={`/${partnershipSlug}/indicators/${indicator.id}/figures/new`} className="govuk-button" data-module="govuk-button">
          Enter a figure
        </Link>
      ) : null}

      <h2 className="govuk-heading-l">Performance</h2>
      <PerformanceSummary data={data} show={show} />

      <section aria-labelledby="trend-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-l" id="trend-heading">
          Trend
        </h2>
        <TrendChart indicator={chartIndicator} />
      </section>

      <h2 className="govuk-heading-l">About this indicator</h2>
      <dl className="govuk-summary-list">
        {about.map(([key, text]) => (
          <SummaryRow key={key} label={key}>
            {text}
          </SummaryRow>
        ))}
        <SummaryRow label="Priorities">
          {indicator.priorities.length === 0
            ? "None"
            : indicator.priorities.map((p, index) => (
                <span key={p.id}>
                  {index > 0 ? ", " : ""}
                  <Link to={`/${partnershipSlug}/priorities/${p.id}`} className="govuk-link">{`${p.number}. ${p.title}`}</Link>
                </span>
              ))}
        </SummaryRow>
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
            <th scope="col" className="govuk-table__header">
              Period
            </th>
            <th scope="col" className="govuk-table__header">
              Figure
            </th>
            <th scope="col" className="govuk-table__header">
              Note
            </th>
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
