import { isRouteErrorResponse, Link, useParams, useRouteError } from "@remix-run/react";
import { READ_ONLY_MESSAGE } from "~/modules/billing/billing-state";
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
  const params = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A write refused because the subscription has ended says so, not "your role".
  const readOnly = status === 403 && isRouteErrorResponse(error) && error.data === READ_ONLY_MESSAGE;
  const message = readOnly ? { title: "This partnership is read-only", body: READ_ONLY_MESSAGE } : MESSAGES[status] ?? {
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
          {readOnly && params.partnership ? (
            <p className="govuk-body">
              <Link to={`/${params.partnership}/settings/billing`} className="govuk-link">
                Go to billing
              </Link>
            </p>
          ) : null}
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
