import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { PublicChrome } from "~/components/public-page";

/** The public pages' error page: friendly, and with no sign-in links (residents have no account). */
export function PublicNotFound() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  if (!missing && typeof console !== "undefined") console.error(error);
  return (
    <PublicChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{missing ? "Page not found" : "Sorry, there is a problem with this page"}</h1>
          {missing ? (
            <>
              <p className="govuk-body">If you typed the web address, check it is correct.</p>
              <p className="govuk-body">
                If the address is right, the partnership may not have published its page yet. Your council&apos;s website will say how to contact your community
                safety partnership.
              </p>
            </>
          ) : (
            <p className="govuk-body">Try again later.</p>
          )}
        </div>
      </div>
    </PublicChrome>
  );
}
