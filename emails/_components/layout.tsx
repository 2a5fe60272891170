// The frame every e-mail shares: the service name, the message, and a footer that
// says why the reader got it. Inline styles only: e-mail clients ignore stylesheets.
// React 18 puts markers between adjacent text nodes, so text is built with template
// literals, never `{a} {b}` (docs: STACK.md).
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const page = { backgroundColor: "#f3f2f1", fontFamily: "Arial, sans-serif", margin: 0, padding: "24px 0" };
const card = { backgroundColor: "#ffffff", maxWidth: "580px", padding: "24px", margin: "0 auto" };
const brand = { fontSize: "20px", fontWeight: 700, color: "#0b0c0c", margin: "0 0 16px" };
const footer = { fontSize: "14px", color: "#505a5f", margin: "0" };

export const textStyle = { fontSize: "16px", lineHeight: "24px", color: "#0b0c0c", margin: "0 0 16px" };
export const headingStyle = { fontSize: "24px", lineHeight: "30px", fontWeight: 700, color: "#0b0c0c", margin: "0 0 16px" };
export const buttonStyle = {
  backgroundColor: "#00703c",
  color: "#ffffff",
  fontSize: "16px",
  fontWeight: 700,
  padding: "10px 16px",
  textDecoration: "none",
  display: "inline-block",
};

export function EmailLayout(props: { preview: string; children: ReactNode; footer: string }) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={brand}>Safer Partnerships</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
