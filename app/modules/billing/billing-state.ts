// What a partnership's subscription state means for its members. Pure, so the
// permission check, the layout's banners and the error page agree on one rule.

export type SubscriptionStatus = "TRIALING" | "ACTIVE" | "PAST_DUE" | "CANCELED";

/** Shown on the 403 page and in the banner when a write is refused for this reason. */
export const READ_ONLY_MESSAGE =
  "This partnership is read-only because its subscription has ended: a manager can subscribe again on the billing page.";

export type BillingStanding = {
  subscriptionStatus: SubscriptionStatus;
  trialEndsAt: Date | string | null;
};

/**
 * Canceled, or a trial whose end has passed: members can read and export but not
 * change anything. The trial's end is checked here as well as by Stripe (which
 * cancels a trial that ends without a payment method) so that a partnership whose
 * Stripe customer was never created, or whose webhook is late, does not stay
 * writable past its trial. With billing off nothing is ever read-only.
 */
export function isReadOnly(standing: BillingStanding, billingOn: boolean, now: Date = new Date()): boolean {
  if (!billingOn) return false;
  if (standing.subscriptionStatus === "CANCELED") return true;
  if (standing.subscriptionStatus === "TRIALING" && standing.trialEndsAt) {
    return new Date(standing.trialEndsAt).getTime() <= now.getTime();
  }
  return false;
}
