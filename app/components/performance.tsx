// The pieces the partnership home, a board's page and the board progress report share:
// areas of slippage, progress by priority, what has not been updated, actions due, and
// what changed since the last meeting. RAG is always written in words (it prints in
// black and white and is read out by screen readers).
import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { TrendChart } from "~/components/charts/trend-chart";
import { Leads } from "~/components/leads";
import { RagTag, type RagValue } from "~/components/rag-tag";
import { SummaryRow } from "~/components/summary-list";
import { describeActor, describeChanges } from "~/modules/audit/describe";
import type {
  ActionItem,
  AreasOfSlippage as Slippage,
  ChangeSinceMeeting,
  IndicatorRagCounts,
  Performance,
  PriorityProgress,
} from "~/modules/performance/board-performance.server";
import type { MeasuredIndicator } from "~/modules/performance/performance.server";
import { formatCalendarDate, formatInstant } from "~/utils/dates";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import { ACTION_STATUS_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";

type Heading = "h2" | "h3";

const RAG_ORDER: RagValue[] = ["RED", "AMBER", "GREEN", "NO_FIGURE", "NOT_RATED"];

/** "2 red, 1 amber, 4 green": a tag for each rating that has any. */
export function RagCountTags({ counts, none }: { counts: Partial<IndicatorRagCounts>; none: string }) {
  const shown = RAG_ORDER.filter((rag) => (counts[rag] ?? 0) > 0);
  if (shown.length === 0) return <span className="govuk-hint govuk-!-margin-0">{none}</span>;
  return (
    <span className="app-rag-counts">
      {shown.map((rag) => (
        <RagTag key={rag} rag={rag} count={counts[rag]} />
      ))}
    </span>
  );
}

/** The two summary-list rows a board's page and its report open with: actions and indicators by RAG. */
export function RagSummaryRows({ summary }: { summary: { actions: Partial<IndicatorRagCounts>; indicators: Partial<IndicatorRagCounts> } }) {
  return (
    <>
      <SummaryRow label="Actions">
        <RagCountTags counts={summary.actions} none="No actions" />
      </SummaryRow>
      <SummaryRow label="Indicators">
        <RagCountTags counts={summary.indicators} none="No indicators" />
      </SummaryRow>
    </>
  );
}

export function indicatorTitle(indicator: Pick<MeasuredIndicator, "code" | "name">) {
  return indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name;
}

function actionTitle(action: Pick<ActionItem, "reference" | "title">) {
  return action.reference ? `${action.reference} ${action.title}` : action.title;
}

/** "24.841 per 1,000 households" */
export function indicatorValue(indicator: Pick<MeasuredIndicator, "unit" | "denominator">, value: string) {
  return formatIndicatorValue(value, indicator.unit, indicator.denominator?.name);
}

function plusSign(value: string) {
  return value.startsWith("-") || /^0(\.0*)?$/.test(value) ? formatNumber(value) : `+${formatNumber(value)}`;
}

/** "-168 (-5%)" against the baseline. */
export function changeText(indicator: MeasuredIndicator) {
  const change = indicator.measure.change;
  if (!change) return null;
  return change.percent === null ? plusSign(change.difference) : `${plusSign(change.difference)} (${plusSign(change.percent)}%)`;
}

export const TREND_LABELS = {
  IMPROVING: "Improving",
  WORSENING: "Worsening",
  NO_CHANGE: "No change",
} as const;

/** The owner's rating, with "slipped from X to Y" when the due date has moved later. */
function ActionRag({ action }: { action: ActionItem }) {
  return (
    <>
      <RagTag rag={action.rag} />
      {action.slipped ? (
        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
          {`Slipped from ${formatCalendarDate(action.slipped.from)} to ${formatCalendarDate(action.slipped.to)}`}
        </span>
      ) : null}
    </>
  );
}

function LatestNote({ note }: { note: ActionItem["latestNote"] }) {
  if (!note) return <span className="govuk-hint govuk-!-margin-0">No progress note yet</span>;
  return (
    <>
      <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-bold">{formatCalendarDate(note.writtenOn)}</span>
      {note.body}
    </>
  );
}

function updatedText(at: Date | null) {
  return at ? formatCalendarDate(at) : "Not known";
}

/** Red and amber actions (the owners' ratings) and slipped ones, then red and amber indicators. */
export function AreasOfSlippage(props: { slippage: Slippage; slug: string; heading?: Heading; id?: string; title?: string; intro?: boolean }) {
  const { slippage, slug } = props;
  const Heading = props.heading ?? "h2";
  const Sub = Heading === "h2" ? "h3" : "h4";
  const id = props.id ?? "areas-of-slippage";
  return (
    <section aria-labelledby={id}>
      <Heading className={Heading === "h2" ? "govuk-heading-l" : "govuk-heading-m"} id={id}>
        {props.title ?? "Areas of slippage"}
      </Heading>
      {props.intro === false ? null : (
        <p className="govuk-body">
          Actions their owners rate red or amber, or whose revised due date is later than the original, then indicators rated red or amber.
        </p>
      )}
      {slippage.actions.length === 0 && slippage.indicators.length === 0 ? (
        <p className="govuk-body">No action or indicator is rated red or amber, and no action has slipped.</p>
      ) : null}
      {slippage.actions.length > 0 ? (
        <>
          <Sub className="govuk-heading-m">{`Actions (${slippage.actions.length})`}</Sub>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Actions rated red or amber, or slipped</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Action
                </th>
                <th scope="col" className="govuk-table__header">
                  Owner
                </th>
                <th scope="col" className="govuk-table__header">
                  RAG
                </th>
                <th scope="col" className="govuk-table__header">
                  Latest note
                </th>
                <th scope="col" className="govuk-table__header">
                  Last updated
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {slippage.actions.map((action) => (
                <tr key={action.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link to={`/${slug}/actions/${action.id}`} className="govuk-link">
                      {actionTitle(action)}
                    </Link>
                    {action.priority ? (
                      <span className="govuk-body-s govuk-!-display-block">{`Priority ${action.priority.number}. ${action.priority.title}`}</span>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{action.owner ?? <span className="govuk-hint govuk-!-margin-0">No owner</span>}</td>
                  <td className="govuk-table__cell">
                    <ActionRag action={action} />
                  </td>
                  <td className="govuk-table__cell">
                    <LatestNote note={action.latestNote} />
                  </td>
                  <td className="govuk-table__cell">{updatedText(action.lastUpdatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {slippage.indicators.length > 0 ? (
        <>
          <Sub className="govuk-heading-m">{`Indicators (${slippage.indicators.length})`}</Sub>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Indicators rated red or amber</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Indicator
                </th>
                <th scope="col" className="govuk-table__header">
                  Lead agency
                </th>
                <th scope="col" className="govuk-table__header">
                  Latest figure
                </th>
                <th scope="col" className="govuk-table__header">
                  RAG
                </th>
                <th scope="col" className="govuk-table__header">
                  Last updated
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {slippage.indicators.map(({ indicator, rag, reason, leadAgency }) => (
                <tr key={indicator.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link to={`/${slug}/indicators/${indicator.id}`} className="govuk-link">
                      {indicatorTitle(indicator)}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{leadAgency ?? <span className="govuk-hint govuk-!-margin-0">None recorded</span>}</td>
                  <td className="govuk-table__cell">
                    {indicator.latestFigure
                      ? `${indicatorValue(indicator, indicator.latestFigure.value)} (${indicator.latestFigure.period.label})`
                      : "No figure yet"}
                  </td>
                  <td className="govuk-table__cell">
                    <RagTag rag={rag} />
                    <span className="govuk-body-s govuk-!-display-block">{reason}</span>
                  </td>
                  <td className="govuk-table__cell">{updatedText(indicator.lastUpdatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

/** Each priority with its leads and the RAG counts of its actions and indicators. */
export function PriorityProgressTable(props: { priorities: PriorityProgress[]; slug: string; caption: string; withSummaries?: boolean }) {
  const { priorities, slug } = props;
  if (priorities.length === 0) return <p className="govuk-body">No priorities.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{props.caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Priority
          </th>
          <th scope="col" className="govuk-table__header">
            Led by
          </th>
          <th scope="col" className="govuk-table__header">
            Actions
          </th>
          <th scope="col" className="govuk-table__header">
            Indicators
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {priorities.map((priority) => (
          <tr key={priority.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link to={`/${slug}/priorities/${priority.id}`} className="govuk-link">
                {priority.number}. {priority.title}
              </Link>
              {props.withSummaries && priority.progressSummary ? (
                <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">{priority.progressSummary}</p>
              ) : null}
            </td>
            <td className="govuk-table__cell">
              <Leads leads={priority.leads} />
            </td>
            <td className="govuk-table__cell">
              <RagCountTags counts={priority.ragCounts} none="No actions" />
            </td>
            <td className="govuk-table__cell">
              <RagCountTags counts={priority.indicatorRagCounts} none="No indicators" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Indicators still waiting for a figure, and open actions with no note this quarter; the rule is stated. */
export function NotUpdated(props: { notUpdated: Performance["notUpdated"]; quarterLabel: string; slug: string; heading?: Heading }) {
  const { notUpdated, slug } = props;
  const Heading = props.heading ?? "h2";
  const Sub = Heading === "h2" ? "h3" : "h4";
  return (
    <section aria-labelledby="not-updated">
      <Heading className={Heading === "h2" ? "govuk-heading-l" : "govuk-heading-m"} id="not-updated">
        Not updated this period
      </Heading>
      <p className="govuk-body">
        {`An indicator is listed when it has no figure yet for the last period of its frequency that has ended. An open action is listed when it has no progress note written on or after ${formatCalendarDate(
          notUpdated.since
        )}, the first day of ${props.quarterLabel}.`}
      </p>
      {notUpdated.indicators.length === 0 && notUpdated.actions.length === 0 ? <p className="govuk-body">Everything has been updated this period.</p> : null}
      {notUpdated.indicators.length > 0 ? (
        <>
          <Sub className="govuk-heading-m">{`Indicators waiting for a figure (${notUpdated.indicators.length})`}</Sub>
          <ul className="govuk-list govuk-list--bullet">
            {notUpdated.indicators.map(({ indicator, awaiting }) => (
              <li key={indicator.id}>
                <Link to={`/${slug}/indicators/${indicator.id}`} className="govuk-link">
                  {indicatorTitle(indicator)}
                </Link>
                {`: no figure for ${awaiting.label}${indicator.leadAgency ? ` (${indicator.leadAgency.shortName ?? indicator.leadAgency.name})` : ""}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notUpdated.actions.length > 0 ? (
        <>
          <Sub className="govuk-heading-m">{`Actions with no progress note this quarter (${notUpdated.actions.length})`}</Sub>
          <ul className="govuk-list govuk-list--bullet">
            {notUpdated.actions.map((action) => (
              <li key={action.id}>
                <Link to={`/${slug}/actions/${action.id}`} className="govuk-link">
                  {actionTitle(action)}
                </Link>
                {`${action.owner ? ` (${action.owner})` : ""}: ${
                  action.latestNote ? `last note ${formatCalendarDate(action.latestNote.writtenOn)}` : "no progress note yet"
                }`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Open actions due this quarter and next, by quarter. */
export function ActionsDue(props: { actionsDue: Performance["actionsDue"]; slug: string; heading?: Heading }) {
  const Heading = props.heading ?? "h2";
  const Sub = Heading === "h2" ? "h3" : "h4";
  return (
    <section aria-labelledby="actions-due">
      <Heading className={Heading === "h2" ? "govuk-heading-l" : "govuk-heading-m"} id="actions-due">
        Actions for the coming quarters
      </Heading>
      <p className="govuk-body">Open actions due in these quarters, by their revised due date where there is one.</p>
      {props.actionsDue.map(({ quarter, actions }) => (
        <div key={quarter.label} className="app-avoid-break">
          <Sub className="govuk-heading-m">{`${quarter.label}: ${formatCalendarDate(quarter.startsOn)} to ${formatCalendarDate(quarter.endsOn)}`}</Sub>
          {actions.length === 0 ? (
            <p className="govuk-body">No actions are due.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">{`Actions due in ${quarter.label}`}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Action
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Owner
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Due
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Status
                  </th>
                  <th scope="col" className="govuk-table__header">
                    RAG
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {actions.map((action) => (
                  <tr key={action.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link to={`/${props.slug}/actions/${action.id}`} className="govuk-link">
                        {actionTitle(action)}
                      </Link>
                      {action.priority ? <span className="govuk-body-s govuk-!-display-block">{`Priority ${action.priority.number}`}</span> : null}
                    </td>
                    <td className="govuk-table__cell">{action.owner ?? ""}</td>
                    <td className="govuk-table__cell">{action.dueOn ? formatCalendarDate(action.dueOn) : ""}</td>
                    <td className="govuk-table__cell">{ACTION_STATUS_LABELS[action.status]}</td>
                    <td className="govuk-table__cell">
                      <ActionRag action={action} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}

const ENTITY_NAMES = {
  Priority: "Priority",
  Action: "Action",
  Indicator: "Indicator",
} as const;

function changeSentence(event: ChangeSinceMeeting) {
  const changes = describeChanges(event);
  const what = changes.map((c) => (c.from === null ? `${c.label} ${c.to}` : `${c.label} ${c.from} → ${c.to}`)).join(", ");
  return `${event.action.charAt(0).toUpperCase()}${event.action.slice(1)}${what ? `: ${what}` : ""}`;
}

/** Who changed what on the board's priorities, actions and indicators, and when. */
export function ChangesSinceLastMeeting(props: { changes: Performance["changes"]; slug: string; heading?: Heading }) {
  const { changes } = props;
  const Heading = props.heading ?? "h2";
  return (
    <section aria-labelledby="changes">
      <Heading className={Heading === "h2" ? "govuk-heading-l" : "govuk-heading-m"} id="changes">
        What changed since the last meeting
      </Heading>
      <p className="govuk-body">
        {changes.lastMeeting
          ? `Changes from ${formatCalendarDate(changes.since)}, the day of the last meeting of the ${changes.lastMeeting.boardName}.`
          : `No earlier meeting is recorded: changes from ${formatCalendarDate(changes.since)}, the start of this quarter.`}
      </p>
      {changes.events.length === 0 ? (
        <p className="govuk-body">Nothing has changed.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Changes since the last meeting, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                Change
              </th>
              <th scope="col" className="govuk-table__header">
                Who
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {changes.events.map((event) => (
              <tr key={event.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <time dateTime={event.at.toISOString()}>{formatInstant(event.at)}</time>
                </td>
                <td className="govuk-table__cell">
                  <span className="govuk-body-s govuk-!-display-block">{ENTITY_NAMES[event.entityType]}</span>
                  <Link
                    to={`/${props.slug}/${event.entityType === "Priority" ? "priorities" : event.entityType === "Action" ? "actions" : "indicators"}/${
                      event.entityId
                    }`}
                    className="govuk-link"
                  >
                    {event.entityLabel}
                  </Link>
                </td>
                <td className="govuk-table__cell">{changeSentence(event)}</td>
                <td className="govuk-table__cell">
                  {describeActor({
                    actorName: event.who.name,
                    actorAgencyName: event.who.agency,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.more ? <p className="govuk-body-s">Only the latest changes are shown: the audit log has them all.</p> : null}
    </section>
  );
}

function targetText(indicator: MeasuredIndicator) {
  const target = indicator.target;
  if (!target) return null;
  const value =
    target.value !== null ? indicatorValue(indicator, target.value) : target.requiredDirection ? REQUIRED_DIRECTION_LABELS[target.requiredDirection] : "";
  return `${value} (${target.period.label})`;
}

function baselineText(indicator: MeasuredIndicator) {
  const baseline = indicator.baseline;
  if (!baseline || baseline.value === null) return null;
  return `${indicatorValue(indicator, baseline.value)}${baseline.period ? ` (${baseline.period.label})` : ""}`;
}

/** The report's indicator table: target, baseline, latest figure with its period, change, trend and RAG. */
export function IndicatorPerformanceTable(props: { indicators: MeasuredIndicator[]; slug: string; caption: string }) {
  if (props.indicators.length === 0) return <p className="govuk-body">No indicators.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{props.caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Indicator
          </th>
          <th scope="col" className="govuk-table__header">
            Target
          </th>
          <th scope="col" className="govuk-table__header">
            Baseline
          </th>
          <th scope="col" className="govuk-table__header">
            Latest figure
          </th>
          <th scope="col" className="govuk-table__header">
            Change against baseline
          </th>
          <th scope="col" className="govuk-table__header">
            Trend
          </th>
          <th scope="col" className="govuk-table__header">
            RAG
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {props.indicators.map((indicator) => {
          const ytd = indicator.measure.yearToDate;
          return (
            <tr key={indicator.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link to={`/${props.slug}/indicators/${indicator.id}`} className="govuk-link">
                  {indicatorTitle(indicator)}
                </Link>
                {indicator.leadAgency ? (
                  <span className="govuk-body-s govuk-!-display-block">{`Led by ${indicator.leadAgency.shortName ?? indicator.leadAgency.name}`}</span>
                ) : null}
              </td>
              <td className="govuk-table__cell">{targetText(indicator) ?? <span className="govuk-hint govuk-!-margin-0">None set</span>}</td>
              <td className="govuk-table__cell">{baselineText(indicator) ?? <span className="govuk-hint govuk-!-margin-0">None set</span>}</td>
              <td className="govuk-table__cell">
                {indicator.latestFigure ? (
                  <>
                    {`${indicatorValue(indicator, indicator.latestFigure.value)} (${indicator.latestFigure.period.label})`}
                    {ytd ? (
                      <span className="govuk-body-s govuk-!-display-block">
                        {`${ytd.label}: ${indicatorValue(indicator, ytd.value)}${
                          ytd.targetToDate ? ` against ${indicatorValue(indicator, ytd.targetToDate)} pro rata` : ""
                        }`}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="govuk-hint govuk-!-margin-0">No figure yet</span>
                )}
              </td>
              <td className="govuk-table__cell">{changeText(indicator) ?? <span className="govuk-hint govuk-!-margin-0">None</span>}</td>
              <td className="govuk-table__cell">
                {indicator.measure.trend ? TREND_LABELS[indicator.measure.trend] : <span className="govuk-hint govuk-!-margin-0">Not enough figures</span>}
              </td>
              <td className="govuk-table__cell">
                <RagTag rag={indicator.rag.rag} />
                {indicator.rag.rag === "NO_FIGURE" ? null : <span className="govuk-body-s govuk-!-display-block">{indicator.rag.reason}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One small chart per indicator, each named with its latest figure and RAG in words. */
export function SmallMultiples(props: { indicators: MeasuredIndicator[]; heading?: Heading; title?: string }) {
  const Heading = props.heading ?? "h2";
  if (props.indicators.length === 0) return null;
  const charted = props.indicators.filter((indicator) => indicator.series.length > 0);
  return (
    <section aria-labelledby="trends">
      <Heading className={Heading === "h2" ? "govuk-heading-l" : "govuk-heading-m"} id="trends">
        {props.title ?? "Trends"}
      </Heading>
      {charted.length === 0 ? (
        <p className="govuk-body">No indicator has figures to chart yet.</p>
      ) : (
        <p className="govuk-body">{`Each indicator's figures against its target (heavy line) and baseline (dashed line)${
          charted.length < props.indicators.length ? `; the ${props.indicators.length - charted.length} with no figures yet are not charted` : ""
        }.`}</p>
      )}
      {charted.length > 0 ? (
        <ul className="app-small-multiples">
          {charted.map((indicator) => (
            <li key={indicator.id}>
              <TrendChart
                indicator={indicator}
                size="small"
                caption={`${indicatorTitle(indicator)}: ${RAG_WORDS[indicator.rag.rag]}${
                  indicator.latestFigure ? `, latest ${indicatorValue(indicator, indicator.latestFigure.value)} (${indicator.latestFigure.period.label})` : ""
                }.`}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const RAG_WORDS = { RED: "red", AMBER: "amber", GREEN: "green", NO_FIGURE: "no figure yet", NOT_RATED: "not rated" } as const;

/** "Print or save as PDF": needs the browser's print dialog, so it appears only once scripts run. */
export function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="govuk-button govuk-button--secondary app-no-print" data-module="govuk-button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
