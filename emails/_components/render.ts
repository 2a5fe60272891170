import { render } from "@react-email/render";
import type { ReactElement } from "react";

/** An e-mail as HTML and as plain text (for clients that show no HTML, and for tests). */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
