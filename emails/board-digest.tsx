// The pre-meeting digest (issue 7): one meeting, one board member. Everything in it is
// built from the live data by app/modules/digest/digest-content.server.ts; this file only
// lays it out. Outlook renders HTML with Word, so layout is tables and inline styles (no
// flex or grid), one column so it reads on a phone, and RAG is always a word beside its
// colour. React 18 puts markers between adjacent text nodes: each sentence is one
// template literal.
import { Heading, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailLayout, headingStyle, textStyle } from "./_components/layout";
import { renderEmail } from "./_components/render";

export type DigestRating = "Red" | "Amber" | "Green" | "Not rated" | "No figure yet";

export type DigestConcernAction = {
  title: string;
  url: string;
  rating: DigestRating;
  priority: string | null;
  owner: string;
  lastUpdated: string;
  slipped: string | null;
  /** Only when the partnership includes notes in its digests. */
  note: { writtenOn: string; body: string } | null;
};

export type DigestConcernIndicator = {
  title: string;
  url: string;
  rating: DigestRating;
  reason: string;
  owner: string;
  latest: string;
  lastUpdated: string;
};

export type BoardDigest = {
  partnershipName: string;
  boardName: string;
  subject: string;
  meeting: {
    date: string;
    /** "6:30pm", in the partnership's time zone; null when the papers give none. */
    time: string | null;
    place: string | null;
    onlineUrl: string | null;
    url: string;
    calendarUrl: string;
  };
  agenda: Array<{ number: string; title: string; reportOf: string | null; purpose: string | null; decisionSought: string | null }>;
  includesNotes: boolean;
  concerns: { actions: DigestConcernAction[]; indicators: DigestConcernIndicator[] };
  subBoardConcerns: Array<{ boardName: string; actions: DigestConcernAction[]; indicators: DigestConcernIndicator[] }>;
  priorities: Array<{ title: string; url: string; leads: string; actions: string; indicators: string; summary: string | null }>;
  indicators: Array<{
    title: string;
    url: string;
    rating: DigestRating;
    reason: string;
    latest: string;
    target: string;
    baseline: string;
    direction: string;
    trend: string;
    change: string | null;
  }>;
  changes: { intro: string; items: Array<{ when: string; who: string; what: string; url: string; change: string }>; more: boolean };
  waiting: {
    intro: string;
    indicators: Array<{ title: string; url: string; agency: string; awaiting: string }>;
    actions: Array<{ title: string; url: string; owner: string; last: string }>;
  };
  reportUrl: string;
};

export type BoardDigestEmailProps = {
  digest: BoardDigest;
  recipientName: string;
  /** The member's one-click unsubscribe link, when the unsubscribe feature provides one. */
  listUnsubscribeUrl?: string;
};

const COLOURS: Record<DigestRating, string> = {
  Red: "#d4351c",
  Amber: "#f47738",
  Green: "#00703c",
  "Not rated": "#505a5f",
  "No figure yet": "#505a5f",
};

const sectionHeading = { fontSize: "20px", lineHeight: "26px", fontWeight: 700, color: "#0b0c0c", margin: "32px 0 12px" };
const subHeading = { fontSize: "17px", lineHeight: "24px", fontWeight: 700, color: "#0b0c0c", margin: "20px 0 8px" };
const small = { fontSize: "15px", lineHeight: "22px", color: "#0b0c0c", margin: "0 0 4px" };
const quiet = { ...small, color: "#505a5f" };
const itemTitle = { fontSize: "16px", lineHeight: "22px", fontWeight: 700, margin: "0 0 4px" };
const link = { color: "#1d70b8", textDecoration: "underline" };

/** A block with a coloured bar on its left: a table cell border, which Outlook draws. */
function Item(props: { colour: string; children: ReactNode }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: "collapse", margin: "0 0 12px" }}>
      <tbody>
        <tr>
          <td style={{ borderLeft: `6px solid ${props.colour}`, padding: "4px 0 4px 12px", verticalAlign: "top" }}>{props.children}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <>
      <Heading as="h2" id={props.id} style={sectionHeading}>
        {props.title}
      </Heading>
      {props.children}
    </>
  );
}

function ConcernAction({ action, includesNotes }: { action: DigestConcernAction; includesNotes: boolean }) {
  return (
    <Item colour={COLOURS[action.rating]}>
      <Text style={itemTitle}>
        <Link href={action.url} style={link}>
          {action.title}
        </Link>
      </Text>
      <Text style={small}>{`${action.rating}. Owner: ${action.owner}. Last updated ${action.lastUpdated}.`}</Text>
      {action.priority ? <Text style={quiet}>{action.priority}</Text> : null}
      {action.slipped ? <Text style={quiet}>{action.slipped}</Text> : null}
      {includesNotes && action.note ? (
        <Text style={small}>{`Latest note, ${action.note.writtenOn}: ${action.note.body}`}</Text>
      ) : includesNotes ? (
        <Text style={quiet}>{"No progress note yet."}</Text>
      ) : (
        <Text style={small}>
          <Link href={action.url} style={link}>
            {`Read the progress notes for ${action.title}`}
          </Link>
        </Text>
      )}
    </Item>
  );
}

function ConcernIndicator({ indicator }: { indicator: DigestConcernIndicator }) {
  return (
    <Item colour={COLOURS[indicator.rating]}>
      <Text style={itemTitle}>
        <Link href={indicator.url} style={link}>
          {indicator.title}
        </Link>
      </Text>
      <Text style={small}>{`${indicator.rating}: ${indicator.reason}`}</Text>
      <Text style={small}>{`Latest figure: ${indicator.latest}. Lead: ${indicator.owner}. Last updated ${indicator.lastUpdated}.`}</Text>
    </Item>
  );
}

function Concerns(props: { actions: DigestConcernAction[]; indicators: DigestConcernIndicator[]; includesNotes: boolean; none: string }) {
  if (props.actions.length === 0 && props.indicators.length === 0) return <Text style={textStyle}>{props.none}</Text>;
  return (
    <>
      {props.actions.length > 0 ? <Heading as="h3" style={subHeading}>{`Actions (${props.actions.length})`}</Heading> : null}
      {props.actions.map((action) => (
        <ConcernAction key={action.url} action={action} includesNotes={props.includesNotes} />
      ))}
      {props.indicators.length > 0 ? <Heading as="h3" style={subHeading}>{`Indicators (${props.indicators.length})`}</Heading> : null}
      {props.indicators.map((indicator) => (
        <ConcernIndicator key={indicator.url} indicator={indicator} />
      ))}
    </>
  );
}

export function BoardDigestEmail({ digest, recipientName, listUnsubscribeUrl }: BoardDigestEmailProps) {
  const { meeting } = digest;
  const when = meeting.time ? `${meeting.date} at ${meeting.time}` : meeting.date;
  const concernCount = digest.concerns.actions.length + digest.concerns.indicators.length;
  return (
    <EmailLayout
      preview={`${digest.boardName} meets on ${when}. ${concernCount === 0 ? "Nothing is rated red or amber." : `${concernCount} areas of concern.`}`}
      footer={`You got this e-mail because you are a member of the ${digest.boardName} of ${digest.partnershipName}. It was built from the partnership's data in Safer Partnerships when it was sent.`}
    >
      <Heading as="h1" style={headingStyle}>
        {digest.subject}
      </Heading>
      <Text style={textStyle}>{`Dear ${recipientName},`}</Text>
      <Text style={textStyle}>{`The ${digest.boardName} meets on ${when}. This briefing shows what is off track and what the board will be asked to decide.`}</Text>

      <Section id="meeting" title="The meeting">
        <Text style={small}>{`Date: ${meeting.date}`}</Text>
        <Text style={small}>{`Time: ${meeting.time ?? "not given yet"}`}</Text>
        {meeting.place ? <Text style={small}>{`Place: ${meeting.place}`}</Text> : null}
        {meeting.onlineUrl ? (
          <Text style={small}>
            <Link href={meeting.onlineUrl} style={link}>
              {"Join the meeting online"}
            </Link>
          </Text>
        ) : null}
        <Text style={small}>
          <Link href={meeting.url} style={link}>
            {"See the meeting and its papers"}
          </Link>
        </Text>
        <Text style={small}>
          <Link href={meeting.calendarUrl} style={link}>
            {"Add the meeting to your calendar"}
          </Link>
        </Text>
        <Heading as="h3" style={subHeading}>
          {"Agenda"}
        </Heading>
        {digest.agenda.length === 0 ? <Text style={textStyle}>{"The agenda has not been published yet."}</Text> : null}
        {digest.agenda.map((item) => (
          <Item key={item.number + item.title} colour="#b1b4b6">
            <Text style={itemTitle}>{`${item.number}. ${item.title}`}</Text>
            {item.reportOf ? <Text style={small}>{`Report of: ${item.reportOf}`}</Text> : null}
            {item.purpose ? <Text style={small}>{`Purpose: ${item.purpose}`}</Text> : null}
            {item.decisionSought ? <Text style={small}>{`Decision sought: ${item.decisionSought}`}</Text> : null}
          </Item>
        ))}
      </Section>

      <Section id="concerns" title="Areas of concern">
        <Text style={textStyle}>{"Red, then amber, actions and indicators of the board, with their owners and when they were last updated."}</Text>
        {digest.includesNotes ? null : (
          <Text style={quiet}>{"Progress notes stay in the app, where only the partnership's members can read them."}</Text>
        )}
        <Concerns {...digest.concerns} includesNotes={digest.includesNotes} none="No action or indicator is rated red or amber, and no action has slipped." />
      </Section>

      {digest.subBoardConcerns.length > 0 ? (
        <Section id="sub-boards" title="Concerns from sub-boards">
          {digest.subBoardConcerns.map((sub) => (
            <div key={sub.boardName}>
              <Heading as="h3" style={subHeading}>
                {sub.boardName}
              </Heading>
              <Concerns actions={sub.actions} indicators={sub.indicators} includesNotes={digest.includesNotes} none="Nothing is rated red or amber." />
            </div>
          ))}
        </Section>
      ) : null}

      <Section id="priorities" title="Priorities the board oversees">
        {digest.priorities.length === 0 ? <Text style={textStyle}>{"The board oversees no priority of the current strategy."}</Text> : null}
        {digest.priorities.map((priority) => (
          <Item key={priority.url} colour="#1d70b8">
            <Text style={itemTitle}>
              <Link href={priority.url} style={link}>
                {priority.title}
              </Link>
            </Text>
            <Text style={small}>{`Led by ${priority.leads}.`}</Text>
            <Text style={small}>{`Actions: ${priority.actions}.`}</Text>
            <Text style={small}>{`Indicators: ${priority.indicators}.`}</Text>
            {digest.includesNotes && priority.summary ? <Text style={small}>{`Progress: ${priority.summary}`}</Text> : null}
          </Item>
        ))}
      </Section>

      <Section id="indicators" title="Indicators">
        {digest.indicators.length === 0 ? <Text style={textStyle}>{"The board owns no indicator."}</Text> : null}
        {digest.indicators.map((indicator) => (
          <Item key={indicator.url} colour={COLOURS[indicator.rating]}>
            <Text style={itemTitle}>
              <Link href={indicator.url} style={link}>
                {indicator.title}
              </Link>
            </Text>
            <Text style={small}>{`${indicator.rating}: ${indicator.reason}`}</Text>
            <Text style={small}>{`Latest figure: ${indicator.latest}`}</Text>
            <Text style={small}>{`Target: ${indicator.target}`}</Text>
            <Text style={small}>{`Baseline: ${indicator.baseline}`}</Text>
            {indicator.change ? <Text style={small}>{`Against the baseline: ${indicator.change}`}</Text> : null}
            <Text style={small}>{`Direction: ${indicator.direction}. Trend: ${indicator.trend}.`}</Text>
          </Item>
        ))}
      </Section>

      <Section id="changes" title="What changed since the last meeting">
        <Text style={textStyle}>{digest.changes.intro}</Text>
        {digest.changes.items.length === 0 ? <Text style={textStyle}>{"Nothing has changed."}</Text> : null}
        {digest.changes.items.map((change, index) => (
          <Item key={`${change.url}-${index}`} colour="#b1b4b6">
            <Text style={small}>
              <Link href={change.url} style={link}>
                {change.what}
              </Link>
            </Text>
            <Text style={small}>{`${change.change}. ${change.who}, ${change.when}.`}</Text>
          </Item>
        ))}
        {digest.changes.more ? <Text style={quiet}>{"Only the latest changes are listed: the app has them all."}</Text> : null}
      </Section>

      <Section id="waiting" title="Still waiting for an update">
        <Text style={textStyle}>{digest.waiting.intro}</Text>
        {digest.waiting.indicators.length === 0 && digest.waiting.actions.length === 0 ? (
          <Text style={textStyle}>{"Everything has been updated this period."}</Text>
        ) : null}
        {digest.waiting.indicators.map((indicator) => (
          <Item key={indicator.url} colour="#505a5f">
            <Text style={small}>
              <Link href={indicator.url} style={link}>
                {indicator.title}
              </Link>
            </Text>
            <Text style={small}>{`No figure yet for ${indicator.awaiting}. From: ${indicator.agency}.`}</Text>
          </Item>
        ))}
        {digest.waiting.actions.map((action) => (
          <Item key={action.url} colour="#505a5f">
            <Text style={small}>
              <Link href={action.url} style={link}>
                {action.title}
              </Link>
            </Text>
            <Text style={small}>{`${action.last}. From: ${action.owner}.`}</Text>
          </Item>
        ))}
      </Section>

      <Text style={{ ...textStyle, marginTop: "32px" }}>
        <Link href={digest.reportUrl} style={link}>
          {`Open the ${digest.boardName}'s full progress report`}
        </Link>
      </Text>
      {listUnsubscribeUrl ? (
        <Text style={quiet}>
          <Link href={listUnsubscribeUrl} style={link}>
            {`Stop receiving briefings for the ${digest.boardName}`}
          </Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
}

/** The e-mail as sent: subject, HTML and plain text. */
export async function renderBoardDigestEmail(props: BoardDigestEmailProps) {
  return { subject: props.digest.subject, ...(await renderEmail(<BoardDigestEmail {...props} />)) };
}

/** For the react-email preview server. */
BoardDigestEmail.PreviewProps = {
  recipientName: "Sam Member",
  digest: {
    partnershipName: "Safer Communities Partnership",
    boardName: "Community Safety Board",
    subject: "Community Safety Board: briefing for the meeting on 14 July 2027",
    meeting: {
      date: "14 July 2027",
      time: "6:30pm",
      place: "Town Hall, Committee Room 1",
      onlineUrl: null,
      url: "http://localhost:3000/example/meetings/1",
      calendarUrl: "http://localhost:3000/example/meetings/1/calendar.ics",
    },
    agenda: [{ number: "1", title: "Performance report", reportOf: "Community Safety Manager", purpose: "To note progress", decisionSought: "Agree the revised target" }],
    includesNotes: false,
    concerns: {
      actions: [
        {
          title: "1.2 Target prolific burglars",
          url: "http://localhost:3000/example/actions/1",
          rating: "Red",
          priority: "Priority 1. Reduce burglary",
          owner: "Police",
          lastUpdated: "2 July 2027",
          slipped: null,
          note: null,
        },
      ],
      indicators: [],
    },
    subBoardConcerns: [],
    priorities: [],
    indicators: [],
    changes: { intro: "Changes from 1 April 2027.", items: [], more: false },
    waiting: { intro: "", indicators: [], actions: [] },
    reportUrl: "http://localhost:3000/example/boards/1/report",
  },
} satisfies BoardDigestEmailProps;
