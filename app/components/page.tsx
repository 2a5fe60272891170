import { Link, useLocation, useResolvedPath } from "@remix-run/react";
import type { ReactNode } from "react";

export type NavItem = { to: string; label: string; end?: boolean };

/** The header, service navigation and footer every page shares. */
export function PageChrome(props: {
  serviceName?: string;
  serviceUrl?: string;
  navigation?: NavItem[];
  signedIn?: { name: string };
  children: ReactNode;
}) {
  return (
    <>
      <header className="govuk-generic-header" data-module="govuk-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link govuk-!-font-weight-bold govuk-!-font-size-24">
              Safer Partnerships
            </Link>
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            {props.serviceName ? (
              <span className="govuk-service-navigation__service-name">
                <Link to={props.serviceUrl ?? "/"} className="govuk-service-navigation__link">
                  {props.serviceName}
                </Link>
              </span>
            ) : null}
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {(props.navigation ?? []).map((item) => (
                  <ServiceNavigationItem key={item.to} item={item} />
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {props.children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              {props.signedIn ? (
                <form method="post" action="/sign-out" className="govuk-!-display-inline">
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    Signed in as {props.signedIn.name}.{" "}
                    <Link to="/account" className="govuk-footer__link govuk-!-margin-left-2">
                      Your account
                    </Link>
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2">
                      Sign out
                    </button>
                  </p>
                </form>
              ) : (
                <p className="govuk-body-s govuk-!-margin-bottom-0">Safer Partnerships: community safety partnership plans, performance and boards.</p>
              )}
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}

function ServiceNavigationItem({ item }: { item: NavItem }) {
  const { pathname } = useLocation();
  const target = useResolvedPath(item.to).pathname;
  const current = pathname === target;
  const active = current || (!item.end && pathname.startsWith(`${target}/`));
  return (
    <li className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
      <Link
        className="govuk-service-navigation__link"
        to={item.to}
        aria-current={current ? "page" : active ? "true" : undefined}
      >
        {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
      </Link>
    </li>
  );
}
