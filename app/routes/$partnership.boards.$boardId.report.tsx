// The board progress report: the paper a board reads, generated from the live data for
// a date, ready to print or save as PDF (app/styles/print.css).
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import {
  ActionsDue,
  AreasOfSlippage,
  ChangesSinceLastMeeting,
  IndicatorPerformanceTable,
  indicatorTitle,
  NotUpdated,
  PrintButton,
  PriorityProgressTable,
  RagSummaryRows,
  SmallMultiples,
} from "~/components/performance";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getBoardPerformance } from "~/modules/performance/board-performance.server";
import { parseReportDate, reportDateParam } from "~/modules/performance/report-schema";
import { formatCalendarDate, todayIn } from "~/utils/dates";
import { notFound } from "~/utils/http";
import { allowPageCache } from "~/modules/page-cache/page-cache.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Performance report"} - Safer Partnerships` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const url = new URL(request.url);
  const chosen = parseReportDate(url.searchParams, todayIn(partnership.timeZone));
  // The date input's parts become `?date=`, so the report's address names its date.
  if (chosen.ok && chosen.fromInput && chosen.date) throw redirect(`${url.pathname}?date=${reportDateParam(chosen.date)}`);
  const performance = await getBoardPerformance(actor, params.boardId ?? "", { asAt: chosen.ok ? chosen.date : undefined });
  if (!performance) throw notFound();
  allowPageCache(actor.partnershipId);
  const date = formatCalendarDate(performance.asAt);
  return {
    slug: partnership.slug,
    partnershipName: partnership.name,
    title: `${performance.board.name} performance report, ${date}`,
    date: reportDateParam(performance.asAt),
    dateError: chosen.ok ? null : { message: chosen.error, typed: chosen.typed },
    performance,
  };
}

export default function BoardReport() {
  const { slug, partnershipName, title, date, dateError, performance } = useLoaderData<typeof loader>();
  const { board, summary, slippage } = performance;
  const base = `/${slug}`;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const typed = dateError?.typed.day || dateError?.typed.month || dateError?.typed.year ? dateError.typed : { day: String(day), month: String(month), year: String(year) };
  const redActions = slippage.actions.filter((a) => a.rag === "RED");
  const redIndicators = slippage.indicators.filter((i) => i.rag === "RED");
  return (
    <article>
      <Link to={`${base}/boards/${board.id}`} className="govuk-back-link app-no-print">
        {board.name}
      </Link>

      {dateError ? (
        <div className="govuk-error-summary app-no-print" data-module="govuk-error-summary">
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                <li>
                  <a href="#date">{dateError.message}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      ) : null}

      <span className="govuk-caption-l">{partnershipName}</span>
      <h1 className="govuk-heading-xl">{title}</h1>
      <p className="govuk-body-s">
        {performance.isPast
          ? `As at ${formatCalendarDate(performance.asAt)}: figures for periods that ended after that date and progress notes written after it are left out. Actions' status and dates are as they are now.`
          : `As at ${formatCalendarDate(performance.asAt)}, from the figures, ratings and progress notes in Safer Partnerships.`}
      </p>

      <div className="app-no-print">
        <Form method="get" className="govuk-!-margin-bottom-4">
          <div className={`govuk-form-group${dateError ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" role="group" aria-describedby={`date-hint${dateError ? " date-error" : ""}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Report date</legend>
              <div id="date-hint" className="govuk-hint">
                The report as it stood on a date, for example 26 9 2013
              </div>
              {dateError ? (
                <p id="date-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {dateError.message}
                </p>
              ) : null}
              <div className="govuk-date-input">
                {(
                  [
                    { name: "day", label: "Day", width: 2, id: "date" },
                    { name: "month", label: "Month", width: 2, id: "date-month" },
                    { name: "year", label: "Year", width: 4, id: "date-year" },
                  ] as const
                ).map((part) => (
                  <div key={part.name} className="govuk-date-input__item">
                    <div className="govuk-form-group">
                      <label className="govuk-label govuk-date-input__label" htmlFor={part.id}>
                        {part.label}
                      </label>
                      <input
                        className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${dateError ? " govuk-input--error" : ""}`}
                        id={part.id}
                        name={part.name}
                        type="text"
                        inputMode="numeric"
                        defaultValue={typed[part.name]}
                      />
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Show the report for this date
          </button>
        </Form>
        <div className="govuk-button-group">
          <PrintButton />
          <a href={`${base}/boards/${board.id}/report.csv?date=${date}`} className="govuk-link" download>
            Download the indicator table (CSV)
          </a>
        </div>
      </div>

      <section aria-labelledby="summary">
        <h2 className="govuk-heading-l" id="summary">
          Summary
        </h2>
        <dl className="govuk-summary-list">
          <RagSummaryRows summary={summary} />
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Areas of slippage</dt>
            <dd className="govuk-summary-list__value">
              {summary.slippingActions + summary.slippingIndicators === 0
                ? "None"
                : `${summary.slippingActions} ${summary.slippingActions === 1 ? "action" : "actions"} and ${summary.slippingIndicators} ${summary.slippingIndicators === 1 ? "indicator" : "indicators"}`}
            </dd>
          </div>
        </dl>
        {redActions.length + redIndicators.length > 0 ? (
          <>
            <p className="govuk-body">Flagged red:</p>
            <ul className="govuk-list govuk-list--bullet">
              {redActions.map((action) => (
                <li key={action.id}>{`Action: ${action.title}${action.owner ? ` (${action.owner})` : ""}`}</li>
              ))}
              {redIndicators.map(({ indicator, reason }) => (
                <li key={indicator.id}>{`Indicator: ${indicatorTitle(indicator)}. ${reason}`}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="by-priority">
        <h2 className="govuk-heading-l" id="by-priority">
          Progress by priority
        </h2>
        <PriorityProgressTable
          priorities={performance.priorities}
          slug={slug}
          caption={`Priorities ${board.name} is responsible for, with the RAG ratings of their actions and indicators`}
          withSummaries
        />
      </section>

      <AreasOfSlippage slippage={slippage} slug={slug} id="slippage" title="Areas of slippage" />
      {performance.subBoardConcerns.map((concern) => (
        <AreasOfSlippage
          key={concern.board.id}
          slippage={concern.slippage}
          slug={slug}
          heading="h3"
          id={`concerns-${concern.board.id}`}
          title={`Reported by ${concern.board.name}`}
          intro={false}
        />
      ))}

      <section aria-labelledby="indicators">
        <h2 className="govuk-heading-l" id="indicators">
          Indicators
        </h2>
        <IndicatorPerformanceTable
          indicators={performance.indicators}
          slug={slug}
          caption={`Indicators of ${board.name}: target, baseline, latest figure, change, trend and RAG`}
        />
      </section>
      <SmallMultiples indicators={performance.indicators} />

      <ActionsDue actionsDue={performance.actionsDue} slug={slug} />
      <NotUpdated notUpdated={performance.notUpdated} quarterLabel={performance.quarter.label} slug={slug} />
      <ChangesSinceLastMeeting changes={performance.changes} slug={slug} />
    </article>
  );
}
