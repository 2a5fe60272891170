// The public accountability page (/p/<slug>) and its frame, for residents on any
// device, signed out and without JavaScript. Also the manager's preview of a
// publication, so the preview is exactly what the public would see.
import type { ReactNode } from "react";
import { Fragment } from "react";
import { PublicIndicatorChart } from "~/components/public-indicator-chart";
import { RagTag } from "~/components/rag-tag";
import { SummaryRow } from "~/components/summary-list";
import type { PublicIndicator, PublicSnapshot } from "~/modules/publication/snapshot";
import { formatCalendarDate, formatInstant, formatTimeOfDay, strategyHeading } from "~/utils/dates";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import { REQUIRED_DIRECTION_LABELS } from "~/utils/labels";

export const LICENCE_NAME = "Open Government Licence v3.0";
export const LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

/** Header and footer of the public pages: the partnership's name, the statement, the licence. No sign-in. */
export function PublicChrome(props: { partnershipName?: string; slug?: string; children: ReactNode }) {
  const base = props.slug ? `/p/${props.slug}` : null;
  return (
    <>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href={base ?? "#main-content"} className="govuk-generic-header__homepage-link govuk-!-font-weight-bold govuk-!-font-size-24">
              {props.partnershipName ?? "Community safety partnership"}
            </a>
          </div>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {props.children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              {base ? (
                <>
                  <h2 className="govuk-visually-hidden">Support links</h2>
                  <ul className="govuk-footer__inline-list">
                    <li className="govuk-footer__inline-list-item">
                      <a className="govuk-footer__link" href={`${base}/accessibility`}>
                        Accessibility statement
                      </a>
                    </li>
                    <li className="govuk-footer__inline-list-item">
                      <a className="govuk-footer__link" href={`${base}/indicators.csv`}>
                        Open data (CSV)
                      </a>
                    </li>
                    <li className="govuk-footer__inline-list-item">
                      <a className="govuk-footer__link" href={`${base}/indicators.json`}>
                        Open data (JSON)
                      </a>
                    </li>
                  </ul>
                </>
              ) : null}
              <span className="govuk-footer__licence-description">
                All content is available under the{" "}
                <a className="govuk-footer__link" href={LICENCE_URL} rel="license">
                  {LICENCE_NAME}
                </a>
                , except where otherwise stated
              </span>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

export type PublicPageProps = {
  slug: string;
  timeZone: string;
  snapshot: PublicSnapshot;
  approvedAt: Date | string;
  revisedAt: Date | string | null;
  meetings: Array<{ heldOn: Date | string; startTime: Date | string | null; place: string | null; boardName: string }>;
  /** The manager's preview: headings one level down, no links to files that do not exist yet. */
  preview?: boolean;
};

const TREND_WORDS = { IMPROVING: "Getting better", WORSENING: "Getting worse", NO_CHANGE: "No change" } as const;

function value(indicator: PublicIndicator, figure: string) {
  return formatIndicatorValue(figure, indicator.unit, indicator.denominator);
}

function targetText(indicator: PublicIndicator) {
  const target = indicator.target;
  if (!target) return "No target set";
  const aim = target.value !== null ? value(indicator, target.value) : target.requiredDirection ? REQUIRED_DIRECTION_LABELS[target.requiredDirection] : "";
  return `${aim} by the end of ${target.period.label}${target.note ? ` (${target.note})` : ""}`;
}

function changeText(indicator: PublicIndicator) {
  const change = indicator.change;
  if (!change) return null;
  const signed = (n: string) => (n.startsWith("-") || /^0(\.0*)?$/.test(n) ? formatNumber(n) : `+${formatNumber(n)}`);
  return change.percent === null ? signed(change.difference) : `${signed(change.difference)} (${signed(change.percent)}%)`;
}

function ContactBlock({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="govuk-body">
          {paragraph.split(/\n/).map((line, i) => (
            <Fragment key={i}>
              {i > 0 ? <br /> : null}
              {line.trim()}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}

function IndicatorSection({ indicator, heading: Heading }: { indicator: PublicIndicator; heading: "h3" | "h4" }) {
  const title = indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name;
  const change = changeText(indicator);
  return (
    <section className="govuk-!-margin-bottom-9" aria-label={title}>
      <Heading className="govuk-heading-m">{title}</Heading>
      <dl className="govuk-summary-list">
        <SummaryRow label="Latest figure">{indicator.latest ? `${value(indicator, indicator.latest.value)} (${indicator.latest.period.label})` : "No figure yet"}</SummaryRow>
        <SummaryRow label="Target">{targetText(indicator)}</SummaryRow>
        <SummaryRow label="Starting point">
          {indicator.baseline?.value ? `${value(indicator, indicator.baseline.value)}${indicator.baseline.period ? ` (${indicator.baseline.period.label})` : ""}` : "Not set"}
        </SummaryRow>
        <SummaryRow label="Rating">
          <RagTag rag={indicator.rag} />
        </SummaryRow>
        <SummaryRow label="Since the figure before">{indicator.trend ? TREND_WORDS[indicator.trend] : "Not enough figures yet"}</SummaryRow>
        {change ? <SummaryRow label="Change since the starting point">{change}</SummaryRow> : null}
        <SummaryRow label="Better is">{indicator.direction === "HIGHER_IS_BETTER" ? "Higher" : "Lower"}</SummaryRow>
        {indicator.leadAgency ? <SummaryRow label="Led by">{indicator.leadAgency}</SummaryRow> : null}
        {indicator.priorities.length > 0 ? (
          <SummaryRow label="Priority">{indicator.priorities.map((p) => `${p.number}. ${p.title}`).join("; ")}</SummaryRow>
        ) : null}
        {indicator.source ? <SummaryRow label="Source">{indicator.source}</SummaryRow> : null}
        <SummaryRow label="Last updated">{indicator.lastUpdatedAt ? formatCalendarDate(new Date(indicator.lastUpdatedAt)) : "No figure yet"}</SummaryRow>
      </dl>
      {indicator.series.length > 0 ? <PublicIndicatorChart indicator={indicator} /> : null}
    </section>
  );
}

function meetingWhen(meeting: PublicPageProps["meetings"][number]) {
  const date = formatCalendarDate(new Date(meeting.heldOn));
  return meeting.startTime ? `${date} at ${formatTimeOfDay(new Date(meeting.startTime))}` : date;
}

/** Everything below the frame: what the partnership is working on, how it is doing, its meetings, contact. */
export function PublicPageBody(props: PublicPageProps) {
  const { snapshot, slug, preview } = props;
  const H1 = preview ? "h2" : "h1";
  const H2 = preview ? "h3" : "h2";
  const base = `/p/${slug}`;
  const approved = new Date(props.approvedAt);
  const updated = props.revisedAt ? new Date(props.revisedAt) : approved;
  return (
    <>
      <H1 className={preview ? "govuk-heading-l" : "govuk-heading-xl"}>{snapshot.partnershipName}</H1>
      <p className="govuk-body-l">What the partnership is working on to make the area safer, and how it is doing against its targets.</p>
      <p className="govuk-body">
        {preview ? "Figures as they are now; approving publishes them." : `The partnership approved these figures for publication on ${formatInstant(approved, props.timeZone)}.`}
        {!preview && props.revisedAt ? ` Last updated on ${formatCalendarDate(updated)}.` : null}
      </p>

      <H2 className="govuk-heading-l">What we are working on</H2>
      {snapshot.priorities.length === 0 ? (
        <p className="govuk-body">The partnership has not published its priorities yet.</p>
      ) : (
        <>
          {snapshot.strategy ? <p className="govuk-body">Our priorities in the {strategyHeading(snapshot.strategy)}:</p> : null}
          <ol className="govuk-list govuk-list--number govuk-list--spaced">
            {snapshot.priorities.map((priority) => (
              <li key={priority.id} value={priority.number}>
                <span className="govuk-!-font-weight-bold">{priority.title}</span>
                {priority.leads.length > 0 ? (
                  <>
                    <br />
                    <span className="govuk-body-s">
                      Led by {priority.leads.map((lead) => (lead.agency && lead.officer ? `${lead.agency} (${lead.officer})` : (lead.agency ?? lead.officer))).join(" and ")}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}

      <H2 className="govuk-heading-l">How we are doing</H2>
      {snapshot.indicators.length === 0 ? (
        <p className="govuk-body">The partnership has not published any figures yet.</p>
      ) : (
        <>
          <p className="govuk-body">
            Each measure is rated against its target: green when the target is met, amber when it is close, red when it is missed. A measure whose target is only a
            direction is rated against its starting point.
          </p>
          {snapshot.indicators.map((indicator) => (
            <IndicatorSection key={indicator.id} indicator={indicator} heading={preview ? "h4" : "h3"} />
          ))}
        </>
      )}

      {snapshot.showMeetings ? (
        <>
          <H2 className="govuk-heading-l">Board meetings</H2>
          {props.meetings.length === 0 ? (
            <p className="govuk-body">No board meetings are planned at the moment.</p>
          ) : (
            <ul className="govuk-list govuk-list--spaced">
              {props.meetings.map((meeting) => (
                <li key={`${meetingWhen(meeting)} ${meeting.boardName}`}>
                  <span className="govuk-!-font-weight-bold">{meetingWhen(meeting)}</span>
                  <br />
                  {meeting.boardName}
                  {meeting.place ? `, ${meeting.place}` : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}

      {preview ? null : (
        <>
          <H2 className="govuk-heading-l">Open data</H2>
          <p className="govuk-body">The published measures and figures, to download and reuse under the {LICENCE_NAME}:</p>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={`${base}/indicators.csv`}>
                Measures and figures (CSV)
              </a>{" "}
              and{" "}
              <a className="govuk-link" href={`${base}/indicators.csv-metadata.json`}>
                what each column means
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`${base}/indicators.json`}>
                Measures and figures (JSON)
              </a>
            </li>
          </ul>
        </>
      )}

      {snapshot.contact ? (
        <>
          <H2 className="govuk-heading-l">Contact us</H2>
          <ContactBlock text={snapshot.contact} />
        </>
      ) : null}

      {preview ? null : (
        <p className="govuk-body">
          <a className="govuk-link" href={`${base}/accessibility`}>
            Accessibility statement for this page
          </a>
        </p>
      )}
    </>
  );
}
