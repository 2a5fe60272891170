import type { ReactNode } from "react";

/** The GOV.UK success notification banner: confirms what the user just did. */
export function SuccessBanner({ heading, children }: { heading: string; children?: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <h3 className="govuk-notification-banner__heading">{heading}</h3>
        {children}
      </div>
    </div>
  );
}

/** The GOV.UK important notification banner: something the user must know first. */
export function ImportantBanner({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="important-banner-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="important-banner-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
