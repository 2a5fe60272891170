import { Link } from "@remix-run/react";
import { READ_ONLY_MESSAGE } from "~/modules/billing/billing-state";

/**
 * Above every partnership page: the partnership is read-only (everyone), or a payment
 * is overdue (managers). billingUrl is given to those who can act on it.
 */
export function BillingBanner({ kind, billingUrl }: { kind: "read-only" | "past-due" | null; billingUrl: string | null }) {
  if (!kind) return null;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="billing-banner-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="billing-banner-title">
          {kind === "read-only" ? "Read-only" : "Payment overdue"}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {kind === "read-only"
            ? READ_ONLY_MESSAGE
            : "A payment for this partnership's subscription is overdue. Everyone can keep working; pay the invoice or update the card to keep the subscription."}
        </p>
        {billingUrl ? (
          <p className="govuk-body">
            <Link to={billingUrl} className="govuk-notification-banner__link">
              Go to billing
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
