// Whether billing is on, and the one Stripe client. Billing is on exactly when
// STRIPE_SECRET_KEY is set: without it (development, tests, a self-hosted install)
// every partnership is active and nothing talks to Stripe.
import Stripe from "stripe";
import { env } from "~/utils/env.server";

export function billingEnabled(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

let client: { key: string; stripe: Stripe } | undefined;

/** The Stripe client; throws when billing is off, so callers check billingEnabled() first. */
export function stripeClient(): Stripe {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) throw new Error("Billing is off: STRIPE_SECRET_KEY is not set.");
  if (client?.key !== key) {
    // Stripe retries network errors and 5xx itself, with the same idempotency key.
    client = { key, stripe: new Stripe(key, { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "Safer Partnerships" } }) };
  }
  return client.stripe;
}

export function cardPriceId(): string | undefined {
  return env().STRIPE_PRICE_ID;
}

export function invoicePriceId(): string | undefined {
  return env().STRIPE_INVOICE_PRICE_ID ?? env().STRIPE_PRICE_ID;
}
