import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { PageChrome } from "./page";

const MESSAGES: Record<number, { title: string; body: string }> = {
  403: {
    title: "You cannot do this",
    body: "Your role in this partnership does not allow it. If you think it should, ask your partnership manager.",
  },
  404: {
    title: "Page not found",
    body: "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.",
  },
};

/** The one error boundary: 403, 404 and everything else, in the GOV.UK style. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = MESSAGES[status] ?? {
    title: "Sorry, there is a problem with the service",
    body: "Try again later. Nothing you entered has been saved.",
  };
  if (status >= 500 && typeof console !== "undefined") console.error(error);
  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{message.title}</h1>
          <p className="govuk-body">{message.body}</p>
          <p className="govuk-body">
            <Link to="/" className="govuk-link">
              Go to the start page
            </Link>
          </p>
        </div>
      </div>
    </PageChrome>
  );
}
