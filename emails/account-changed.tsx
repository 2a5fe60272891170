// Sent after a change to how someone signs in, so that a change they did not make
// does not go unnoticed.
import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, headingStyle, textStyle } from "./_components/layout";

export type AccountChange = "password-changed" | "password-reset" | "two-factor-on" | "two-factor-off";

const WHAT_HAPPENED: Record<AccountChange, { subject: string; body: string }> = {
  "password-changed": {
    subject: "Your Safer Partnerships password was changed",
    body: "The password for your Safer Partnerships account was changed, and every other device signed in to it was signed out.",
  },
  "password-reset": {
    subject: "Your Safer Partnerships password was reset",
    body: "The password for your Safer Partnerships account was reset with a link sent to this e-mail address, and every device signed in to it was signed out.",
  },
  "two-factor-on": {
    subject: "Two-step verification is on for your Safer Partnerships account",
    body: "Two-step verification was turned on for your Safer Partnerships account. From now on, signing in needs a code from your authenticator app.",
  },
  "two-factor-off": {
    subject: "Two-step verification was turned off for your Safer Partnerships account",
    body: "Two-step verification was turned off for your Safer Partnerships account. Signing in now needs only your password.",
  },
};

export function accountChangedSubject(change: AccountChange) {
  return WHAT_HAPPENED[change].subject;
}

export function AccountChangedEmail(props: { name: string; change: AccountChange; accountUrl: string; forgotPasswordUrl: string }) {
  const { subject, body } = WHAT_HAPPENED[props.change];
  return (
    <EmailLayout preview={subject} footer="You got this e-mail because the sign-in details of your Safer Partnerships account changed.">
      <Heading as="h1" style={headingStyle}>
        {subject}
      </Heading>
      <Text style={textStyle}>{`Dear ${props.name},`}</Text>
      <Text style={textStyle}>{body}</Text>
      <Text style={textStyle}>{"If this was you, there is nothing more to do."}</Text>
      <Text style={textStyle}>
        {"If it was not you, reset your password now at "}
        <Link href={props.forgotPasswordUrl}>{props.forgotPasswordUrl}</Link>
        {" and tell your partnership manager. You can check your settings at "}
        <Link href={props.accountUrl}>{props.accountUrl}</Link>
        {"."}
      </Text>
    </EmailLayout>
  );
}
