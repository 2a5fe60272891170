// For developers only: the e-mails the app would have sent, newest first, when no
// Resend key is set. Not there at all in production.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageChrome } from "~/components/page";
import { SummaryRow } from "~/components/summary-list";
import { readOutbox } from "~/utils/email.server";
import { isProduction } from "~/utils/env.server";
import { notFound } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Outbox (development) - Safer Partnerships" }];

const LINK = /https?:\/\/[^\s<>"')\]]+/g;

export async function loader({ request }: LoaderFunctionArgs) {
  if (isProduction()) throw notFound();
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  const emails = await readOutbox({ to, take: 20 });
  return {
    to: to ?? "",
    emails: emails.map((email) => ({
      id: email.id,
      to: email.to,
      subject: email.subject,
      sentAt: email.createdAt.toISOString(),
      sentAtLabel: email.createdAt.toLocaleString("en-GB", { timeZone: "Europe/London" }),
      text: email.text,
      html: email.html,
      links: [...new Set(email.text.match(LINK) ?? [])],
      headers: headerLines(email.headers),
    })),
  };
}

/** The extra headers stored with an e-mail (List-Unsubscribe and the like), as name and value. */
function headerLines(headers: unknown): Array<{ name: string; value: string }> {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return [];
  return Object.entries(headers as Record<string, unknown>).map(([name, value]) => ({ name, value: String(value) }));
}

export default function DevOutbox() {
  const { to, emails } = useLoaderData<typeof loader>();
  return (
    <PageChrome>
      <span className="govuk-caption-l">Development only</span>
      <h1 className="govuk-heading-l">Outbox</h1>
      <p className="govuk-body">
        Without <code>RESEND_API_KEY</code> the app sends no e-mail: it keeps each one here instead. The newest 20 are shown.
      </p>
      <form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            Only e-mails to
          </label>
          <input className="govuk-input govuk-input--width-20" id="to" name="to" type="email" defaultValue={to} spellCheck={false} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Filter
        </button>
      </form>
      {emails.length === 0 ? <p className="govuk-body">No e-mails yet.</p> : null}
      {emails.map((email) => (
        <section key={email.id} className="govuk-!-margin-bottom-9" aria-labelledby={`email-${email.id}`}>
          <h2 className="govuk-heading-m" id={`email-${email.id}`}>
            {email.subject}
          </h2>
          <dl className="govuk-summary-list">
            <SummaryRow label="To">{email.to}</SummaryRow>
            <SummaryRow label="Sent">
              <time dateTime={email.sentAt}>{email.sentAtLabel}</time>
            </SummaryRow>
            {email.links.length > 0 ? (
              <SummaryRow label="Links">
                <ul className="govuk-list">
                  {email.links.map((link) => (
                    <li key={link}>
                      <a className="govuk-link" href={link}>
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              </SummaryRow>
            ) : null}
            {email.headers.length > 0 ? (
              <SummaryRow label="Headers">
                <ul className="govuk-list">
                  {email.headers.map((header) => (
                    <li key={header.name}>
                      <code>{`${header.name}: ${header.value}`}</code>
                    </li>
                  ))}
                </ul>
              </SummaryRow>
            ) : null}
          </dl>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Plain text</span>
            </summary>
            <div className="govuk-details__text">
              <pre className="app-outbox-text">{email.text}</pre>
            </div>
          </details>
          <iframe
            title={`HTML of the e-mail: ${email.subject}`}
            // No scripts, no forms, no navigation of this page: the HTML is shown, nothing more.
            sandbox=""
            srcDoc={email.html}
            className="app-outbox-html"
            width="100%"
            height="480"
          />
        </section>
      ))}
    </PageChrome>
  );
}
