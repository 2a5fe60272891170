import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useMatches } from "@remix-run/react";
import govukCss from "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import { useEffect, type ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/utils/nonce";
import appCss from "~/styles/app.css";
import printCss from "~/styles/print.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: govukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "stylesheet", href: printCss, media: "print" },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
];

export const meta: MetaFunction = () => [{ title: "Safer Partnerships" }];

// GOV.UK Frontend's components only initialise when the body says the browser
// supports them; this must run before initAll.
const supportScript =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

function useGovukFrontend() {
  const location = useLocation();
  useEffect(() => {
    // Pages reached by client-side navigation need their components initialised too.
    import("govuk-frontend")
      .then(({ initAll }) => initAll({ onError: () => {} }))
      .catch(() => {});
  }, [location.key]);
}

export function Layout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy runs only inline scripts that carry this response's nonce.
  const nonce = useNonce();
  // A route with handle { hydrate: false } (the public pages) is sent as plain HTML:
  // no scripts, so its cached copy never carries a stale CSP nonce and it is light on a phone.
  const hydrate = !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        {hydrate ? <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: supportScript }} /> : null}
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  useGovukFrontend();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
