import { Button, Heading, Link, Text } from "@react-email/components";
import { buttonStyle, EmailLayout, headingStyle, textStyle } from "./_components/layout";

export const passwordResetSubject = "Reset your Safer Partnerships password";

export function PasswordResetEmail(props: { name: string; resetUrl: string; validFor: string }) {
  return (
    <EmailLayout
      preview="Use this link to choose a new password"
      footer="You got this e-mail because someone asked to reset the password of a Safer Partnerships account with this e-mail address."
    >
      <Heading as="h1" style={headingStyle}>
        Reset your password
      </Heading>
      <Text style={textStyle}>{`Dear ${props.name},`}</Text>
      <Text style={textStyle}>
        {`Someone asked to reset the password for your Safer Partnerships account. If it was you, choose a new password within ${props.validFor}. The link works once.`}
      </Text>
      <Button href={props.resetUrl} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text style={textStyle}>{"If the button does not work, copy this link into your browser:"}</Text>
      <Text style={textStyle}>
        <Link href={props.resetUrl}>{props.resetUrl}</Link>
      </Text>
      <Text style={textStyle}>
        {"If you did not ask for this, you can ignore this e-mail: your password has not changed."}
      </Text>
    </EmailLayout>
  );
}
