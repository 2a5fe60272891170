// The reminder a lead officer gets a few days before a board's digest goes: the
// priorities, actions and indicators they lead that nobody has updated since the last
// meeting, each a link to the page where it is updated. React 18 puts markers between
// adjacent text nodes, so every sentence is one template literal.
import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, headingStyle, textStyle } from "./_components/layout";
import { renderEmail } from "./_components/render";

export type ReminderItem = { label: string; url: string };

export type UpdateReminderEmailProps = {
  recipientName: string;
  partnershipName: string;
  boardName: string;
  /** "Tuesday 8 December 2026" */
  meetingDate: string;
  /** "Thursday 3 December 2026": when the digest goes to the board. */
  digestDate: string;
  /** "the last meeting on 10 September 2026", or "the start of the quarter on 1 October 2026". */
  since: string;
  priorities: ReminderItem[];
  actions: ReminderItem[];
  indicators: ReminderItem[];
  meetingUrl: string;
  preferencesUrl: string;
};

export function updateReminderSubject(props: Pick<UpdateReminderEmailProps, "boardName" | "meetingDate">) {
  return `Please update before the ${props.boardName} meeting on ${props.meetingDate}`;
}

function ItemList(props: { heading: string; items: ReminderItem[] }) {
  if (props.items.length === 0) return null;
  return (
    <Section>
      <Heading as="h2" style={{ ...headingStyle, fontSize: "19px", lineHeight: "25px" }}>
        {props.heading}
      </Heading>
      {props.items.map((item) => (
        <Text key={item.url} style={{ ...textStyle, margin: "0 0 8px" }}>
          <Link href={item.url}>{item.label}</Link>
        </Text>
      ))}
    </Section>
  );
}

export function UpdateReminderEmail(props: UpdateReminderEmailProps) {
  const count = props.priorities.length + props.actions.length + props.indicators.length;
  return (
    <EmailLayout
      preview={`${count === 1 ? "1 thing you lead needs" : `${count} things you lead need`} an update before the ${props.boardName} meeting`}
      footer={`You got this e-mail because you lead work for ${props.partnershipName} on Safer Partnerships. You can turn these reminders off in your e-mail preferences: ${props.preferencesUrl}`}
    >
      <Heading as="h1" style={headingStyle}>
        {`Updates needed before the ${props.boardName} meeting`}
      </Heading>
      <Text style={textStyle}>{`Dear ${props.recipientName},`}</Text>
      <Text style={textStyle}>
        {`The ${props.boardName} meets on ${props.meetingDate}, and its members get their briefing by e-mail on ${props.digestDate}.`}
      </Text>
      <Text style={textStyle}>
        {`Nobody has updated ${count === 1 ? "this item" : `these ${count} items`} you lead since ${props.since}. Please update ${count === 1 ? "it" : "them"} before the briefing goes, so the board sees where things stand.`}
      </Text>
      <ItemList heading="Priorities" items={props.priorities} />
      <ItemList heading="Actions" items={props.actions} />
      <ItemList heading="Indicators" items={props.indicators} />
      <Button href={props.meetingUrl} style={buttonStyle}>
        See the meeting
      </Button>
    </EmailLayout>
  );
}

/** The e-mail as sent: subject, HTML and plain text. */
export async function renderUpdateReminderEmail(props: UpdateReminderEmailProps) {
  return { subject: updateReminderSubject(props), ...(await renderEmail(<UpdateReminderEmail {...props} />)) };
}

/** For the react-email preview server. */
UpdateReminderEmail.PreviewProps = {
  recipientName: "Alex Officer",
  partnershipName: "Anytown Community Safety Partnership",
  boardName: "Community Safety Board",
  meetingDate: "Tuesday 8 December 2026",
  digestDate: "Thursday 3 December 2026",
  since: "the last meeting on 10 September 2026",
  priorities: [{ label: "1. Reduce burglary", url: "http://localhost:3000/anytown/priorities/EXAMPLE" }],
  actions: [{ label: "Target-harden repeat victims' homes", url: "http://localhost:3000/anytown/actions/EXAMPLE" }],
  indicators: [{ label: "NI 16: Serious acquisitive crime", url: "http://localhost:3000/anytown/indicators/EXAMPLE" }],
  meetingUrl: "http://localhost:3000/anytown/meetings/EXAMPLE",
  preferencesUrl: "http://localhost:3000/anytown/preferences",
} satisfies UpdateReminderEmailProps;
