// The invitation to join a partnership. React 18 puts markers between adjacent text
// nodes, so every sentence is one template literal.
import { Button, Heading, Link, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, headingStyle, textStyle } from "./_components/layout";
import { renderEmail } from "./_components/render";

export type InviteEmailProps = {
  inviterName: string;
  partnershipName: string;
  /** "a partnership manager", "an agency editor for London Fire Brigade"... */
  roleDescription: string;
  acceptUrl: string;
  /** "30 November 2026 at 6:42pm" */
  expiresOn: string;
};

export function inviteEmailSubject(props: Pick<InviteEmailProps, "partnershipName">) {
  return `You have been invited to join ${props.partnershipName} on Safer Partnerships`;
}

export function InviteEmail(props: InviteEmailProps) {
  return (
    <EmailLayout
      preview={`${props.inviterName} has invited you to join ${props.partnershipName}`}
      footer={`You got this e-mail because ${props.inviterName} invited this e-mail address to ${props.partnershipName} on Safer Partnerships.`}
    >
      <Heading as="h1" style={headingStyle}>
        {`Join ${props.partnershipName}`}
      </Heading>
      <Text style={textStyle}>
        {`${props.inviterName} has invited you to join ${props.partnershipName} on Safer Partnerships as ${props.roleDescription}.`}
      </Text>
      <Button href={props.acceptUrl} style={buttonStyle}>
        Accept the invitation
      </Button>
      <Text style={textStyle}>{"If the button does not work, copy this link into your browser:"}</Text>
      <Text style={textStyle}>
        <Link href={props.acceptUrl}>{props.acceptUrl}</Link>
      </Text>
      <Text style={textStyle}>
        {`The link works once and expires on ${props.expiresOn}. If it has expired, ask ${props.partnershipName} for a new one.`}
      </Text>
      <Text style={textStyle}>{"If you were not expecting this invitation, you can ignore this e-mail."}</Text>
    </EmailLayout>
  );
}

/** The e-mail as sent: subject, HTML and plain text. */
export async function renderInviteEmail(props: InviteEmailProps) {
  return { subject: inviteEmailSubject(props), ...(await renderEmail(<InviteEmail {...props} />)) };
}

/** For the react-email preview server. */
InviteEmail.PreviewProps = {
  inviterName: "Sam Example",
  partnershipName: "Example Community Safety Partnership",
  roleDescription: "an agency editor for London Fire Brigade",
  acceptUrl: "http://localhost:3000/invites/EXAMPLE-TOKEN",
  expiresOn: "30 November 2026 at 6:42pm",
} satisfies InviteEmailProps;
