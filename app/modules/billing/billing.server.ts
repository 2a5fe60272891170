// Billing per partnership: each partnership is one Stripe customer, and its
// subscription state comes from Stripe. Why the state is always fetched rather than
// read from a webhook's payload: docs/decisions/0015-billing-state-from-stripe.md.
//
// Stripe's subscription status -> ours (what it lets members do):
//   trialing                      -> TRIALING  everything, until the trial's end
//   active                        -> ACTIVE    everything
//   past_due, unpaid              -> PAST_DUE  everything, and a banner to managers
//                                              (councils pay late; Stripe's own retry
//                                              and cancellation settings end it)
//   canceled, incomplete_expired,
//   paused                        -> CANCELED  read-only: reads and the export only
//   incomplete                    -> not counted: the first payment is still pending
// With several subscriptions (a sign-up trial and the one paid for later) the one that
// grants the most counts; no subscription at all leaves the sign-up trial running
// until its end, then CANCELED.
import type Stripe from "stripe";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { recordAudit } from "~/modules/audit/audit.server";
import {
  findPartnershipByStripeCustomerId,
  listEndedTrialsWithoutStripeCustomer,
  listPartnershipsWithStripeCustomer,
} from "~/modules/registry/registry.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { billingEnabled, cardPriceId, invoicePriceId, stripeClient } from "./billing-config.server";
import type { InvoiceSubscriptionInput } from "./billing-schema";
import { isReadOnly, type SubscriptionStatus } from "./billing-state";

export const TRIAL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function trialEndFrom(start: Date): Date {
  return new Date(start.getTime() + TRIAL_DAYS * DAY_MS);
}

/** The events that mean "this customer's subscription may have changed". */
export function isSubscriptionEvent(type: string): boolean {
  return type.startsWith("customer.subscription.") || type === "invoice.paid" || type === "invoice.payment_failed";
}

// ---------------------------------------------------------------------------
// From Stripe's subscriptions to our state

type SyncedState = {
  subscriptionStatus: SubscriptionStatus;
  stripeSubscriptionId: string | null;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
};

const RANK: Record<string, number> = { active: 6, past_due: 5, unpaid: 4, trialing: 3, paused: 2, canceled: 1, incomplete_expired: 1 };
const STATUS: Record<string, SubscriptionStatus> = {
  active: "ACTIVE",
  past_due: "PAST_DUE",
  unpaid: "PAST_DUE",
  trialing: "TRIALING",
  paused: "CANCELED",
  canceled: "CANCELED",
  incomplete_expired: "CANCELED",
};

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** The subscription that decides the state: the one granting the most, the newest of equals. */
export function decidingSubscription(subscriptions: readonly Stripe.Subscription[]): Stripe.Subscription | null {
  const counted = subscriptions.filter((s) => (RANK[s.status] ?? 0) > 0);
  counted.sort((a, b) => (RANK[b.status] ?? 0) - (RANK[a.status] ?? 0) || b.created - a.created);
  return counted[0] ?? null;
}

export function stateFromSubscriptions(
  subscriptions: readonly Stripe.Subscription[],
  current: { subscriptionStatus: SubscriptionStatus; trialEndsAt: Date | null },
  now: Date = new Date(),
): SyncedState {
  const subscription = decidingSubscription(subscriptions);
  if (!subscription) {
    // Never subscribed: the trial given at sign-up runs to its end. A partnership
    // from before billing (no trial end) keeps the state it has.
    const trialOver = current.trialEndsAt !== null && current.trialEndsAt.getTime() <= now.getTime();
    return {
      subscriptionStatus: trialOver ? "CANCELED" : current.trialEndsAt ? "TRIALING" : current.subscriptionStatus,
      stripeSubscriptionId: null,
      trialEndsAt: current.trialEndsAt,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
    };
  }
  const periodEnds = subscription.items.data.map((item) => item.current_period_end).filter((t): t is number => typeof t === "number");
  return {
    subscriptionStatus: STATUS[subscription.status] ?? "CANCELED",
    stripeSubscriptionId: subscription.id,
    trialEndsAt: fromUnix(subscription.trial_end) ?? current.trialEndsAt,
    currentPeriodEnd: periodEnds.length > 0 ? fromUnix(Math.max(...periodEnds)) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  };
}

async function fetchSubscriptions(customerId: string): Promise<Stripe.Subscription[]> {
  const subscriptions: Stripe.Subscription[] = [];
  for await (const subscription of stripeClient().subscriptions.list({ customer: customerId, status: "all", limit: 100 })) {
    subscriptions.push(subscription);
  }
  return subscriptions;
}

export type SyncResult = "synced" | "duplicate" | "superseded";

/**
 * Fetches the customer's subscriptions from Stripe and stores what they mean. With an
 * event, the event's id is stored in the same transaction: a redelivered event finds
 * it there and changes nothing. A sync whose fetch started before the stored one's
 * changes nothing either, so two events handled at once cannot leave the older
 * answer in place.
 */
export async function syncPartnershipFromStripe(
  partnershipId: string,
  customerId: string,
  event?: { id: string; type: string },
): Promise<SyncResult> {
  if (event && (await eventAlreadyHandled(partnershipId, event.id))) return "duplicate";
  const fetchedAt = new Date();
  const subscriptions = await fetchSubscriptions(customerId);
  const result = await withTenant(partnershipId, async (tx) => {
    if (event) {
      const inserted = await tx.$executeRaw`
        INSERT INTO "StripeEvent" ("id", "partnershipId", "type") VALUES (${event.id}, ${partnershipId}::uuid, ${event.type})
        ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) return { outcome: "duplicate" as const };
    }
    const before = await tx.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: { subscriptionStatus: true, trialEndsAt: true, stripeSubscriptionId: true, currentPeriodEnd: true, cancelAtPeriodEnd: true },
    });
    const state = stateFromSubscriptions(subscriptions, before, fetchedAt);
    const updated = await tx.partnership.updateMany({
      where: { id: partnershipId, OR: [{ billingSyncedAt: null }, { billingSyncedAt: { lte: fetchedAt } }] },
      data: { ...state, billingSyncedAt: fetchedAt },
    });
    if (updated.count === 0) return { outcome: "superseded" as const };
    if (before.subscriptionStatus !== state.subscriptionStatus) {
      await recordBillingAudit(tx, partnershipId, { subscriptionStatus: before.subscriptionStatus }, { subscriptionStatus: state.subscriptionStatus });
    }
    return { outcome: "synced" as const, state };
  });
  if (result.outcome === "synced") await cancelSupersededTrials(subscriptions);
  return result.outcome;
}

async function eventAlreadyHandled(partnershipId: string, eventId: string) {
  const seen = await withTenant(partnershipId, (tx) =>
    tx.stripeEvent.findFirst({ where: { id: eventId, partnershipId }, select: { id: true } }),
  );
  return seen !== null;
}

/**
 * Once a paid subscription exists, the trial made at sign-up must not go on: were
 * the new card the customer's default, the trial would start charging too at its end.
 */
async function cancelSupersededTrials(subscriptions: readonly Stripe.Subscription[]) {
  const deciding = decidingSubscription(subscriptions);
  if (!deciding || deciding.status === "trialing") return;
  for (const trial of subscriptions.filter((s) => s.status === "trialing" && s.id !== deciding.id)) {
    try {
      await stripeClient().subscriptions.cancel(trial.id, {}, { idempotencyKey: `cancel-superseded-trial-${trial.id}` });
    } catch (error) {
      // Already canceled, or Stripe is down: the next sync tries again.
      console.warn(`billing: could not cancel superseded trial ${trial.id}`, error);
    }
  }
}

/** Billing changes made by Stripe have no member behind them: the log says so. */
async function recordBillingAudit(tx: TenantTx, partnershipId: string, before: object, after: object) {
  await tx.auditEvent.create({
    data: {
      partnershipId,
      actorName: "Stripe (billing)",
      action: "billing-synced",
      entityType: "Partnership",
      entityId: partnershipId,
      before: before as never,
      after: after as never,
    },
  });
}

// ---------------------------------------------------------------------------
// The webhook

export type WebhookOutcome = { status: number; message: string };

/**
 * /webhooks/stripe. The signature is checked against the raw body before anything
 * else; an event about a subscription only tells us which customer to look at.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!billingEnabled() || !secret) return { status: 400, message: "Billing is not configured." };
  if (!signature) return { status: 400, message: "Missing Stripe-Signature header." };
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, message: "Invalid signature." };
  }
  if (!isSubscriptionEvent(event.type)) return { status: 200, message: "Ignored: not a subscription event." };
  const customerId = customerOf(event);
  if (!customerId) return { status: 200, message: "Ignored: no customer." };
  // Not one of ours (another product on the same account), or created a moment ago
  // and not yet saved: nothing to change; the daily reconcile catches the latter.
  const partnership = await findPartnershipByStripeCustomerId(customerId);
  if (!partnership) return { status: 200, message: "Ignored: unknown customer." };
  const outcome = await syncPartnershipFromStripe(partnership.id, customerId, { id: event.id, type: event.type });
  return { status: 200, message: outcome === "duplicate" ? "Already handled." : "Synced." };
}

function customerOf(event: Stripe.Event): string | null {
  const object = event.data.object as { customer?: string | { id: string } | null };
  const customer = object.customer;
  if (!customer) return null;
  return typeof customer === "string" ? customer : customer.id;
}

// ---------------------------------------------------------------------------
// The daily reconcile

export type ReconcileReport = { synced: number; trialsEnded: number; failed: Array<{ slug: string; error: string }> };

/**
 * Syncs every partnership that has a Stripe customer, as the webhook would, so a lost
 * or failed webhook is put right within a day; and ends the trials of partnerships
 * that never got a customer (Stripe was down at sign-up and no one opened billing).
 */
export async function reconcileAllPartnerships(now: Date = new Date()): Promise<ReconcileReport> {
  const report: ReconcileReport = { synced: 0, trialsEnded: 0, failed: [] };
  if (!billingEnabled()) return report;
  for (const partnership of await listPartnershipsWithStripeCustomer()) {
    try {
      await syncPartnershipFromStripe(partnership.id, partnership.stripeCustomerId);
      report.synced += 1;
    } catch (error) {
      report.failed.push({ slug: partnership.slug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const { id } of await listEndedTrialsWithoutStripeCustomer(now)) {
    await withTenant(id, async (tx) => {
      const ended = await tx.partnership.updateMany({
        where: { id, stripeCustomerId: null, subscriptionStatus: "TRIALING", trialEndsAt: { lte: now } },
        data: { subscriptionStatus: "CANCELED", billingSyncedAt: now },
      });
      if (ended.count > 0) {
        await recordBillingAudit(tx, id, { subscriptionStatus: "TRIALING" }, { subscriptionStatus: "CANCELED" });
        report.trialsEnded += 1;
      }
    });
  }
  return report;
}

// ---------------------------------------------------------------------------
// Sign-up's trial, and the customer

/**
 * After sign-up has committed: the partnership's Stripe customer and its trial
 * subscription (no card; Stripe cancels it at the trial's end unless a payment
 * method has been added). Never fails sign-up: if Stripe cannot be reached, the
 * trial still runs on our side (trialEndsAt) and the customer is made when a manager
 * first acts on the billing page.
 */
export async function startTrialInStripe(partnershipId: string): Promise<"started" | "billing-off" | "failed"> {
  if (!billingEnabled()) return "billing-off";
  try {
    const customerId = await ensureStripeCustomer(partnershipId, { timeout: 5_000, maxNetworkRetries: 0 });
    const price = cardPriceId();
    const partnership = await readBilling(partnershipId);
    if (price && partnership.trialEndsAt && partnership.trialEndsAt.getTime() > Date.now()) {
      await stripeClient().subscriptions.create(
        {
          customer: customerId,
          items: [{ price }],
          trial_end: Math.floor(partnership.trialEndsAt.getTime() / 1000),
          trial_settings: { end_behavior: { missing_payment_method: "cancel" } },
          metadata: { partnershipId },
        },
        { idempotencyKey: `trial-${partnershipId}`, timeout: 5_000, maxNetworkRetries: 0 },
      );
    }
    await syncPartnershipFromStripe(partnershipId, customerId);
    return "started";
  } catch (error) {
    console.warn(`billing: could not start the Stripe trial of partnership ${partnershipId}; it runs locally until a manager opens billing`, error);
    return "failed";
  }
}

async function readBilling(partnershipId: string) {
  return withTenant(partnershipId, (tx) =>
    tx.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: {
        slug: true,
        name: true,
        stripeCustomerId: true,
        subscriptionStatus: true,
        trialEndsAt: true,
        currentPeriodEnd: true,
        cancelAtPeriodEnd: true,
        stripeSubscriptionId: true,
      },
    }),
  );
}

/**
 * The partnership's Stripe customer, made on first need. The idempotency key makes two
 * attempts at once (or a retry after a lost answer) get the same customer.
 */
async function ensureStripeCustomer(partnershipId: string, requestOptions: Stripe.RequestOptions = {}): Promise<string> {
  const partnership = await readBilling(partnershipId);
  if (partnership.stripeCustomerId) return partnership.stripeCustomerId;
  const customer = await stripeClient().customers.create(
    { name: partnership.name, metadata: { partnershipId, slug: partnership.slug } },
    { idempotencyKey: `customer-${partnershipId}`, ...requestOptions },
  );
  await withTenant(partnershipId, (tx) =>
    tx.partnership.updateMany({ where: { id: partnershipId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } }),
  );
  return (await readBilling(partnershipId)).stripeCustomerId ?? customer.id;
}

// ---------------------------------------------------------------------------
// The billing page, and the banner on every page

/**
 * The banner the partnership layout shows: read-only to everyone (they should know
 * why nothing can be changed), a payment overdue only to those who can pay.
 */
export function billingBanner(actor: Actor, partnership: { subscriptionStatus: SubscriptionStatus }): "read-only" | "past-due" | null {
  if (actor.readOnly) return "read-only";
  if (billingEnabled() && partnership.subscriptionStatus === "PAST_DUE" && can(actor, "billing:manage")) return "past-due";
  return null;
}

export type BillingOverview =
  | { billing: "off" }
  | {
      billing: "on";
      status: SubscriptionStatus;
      readOnly: boolean;
      trialEndsAt: Date | null;
      currentPeriodEnd: Date | null;
      cancelAtPeriodEnd: boolean;
      /** Paying (by card or invoice): manage it in Stripe's portal rather than subscribe again. */
      subscribed: boolean;
      hasCustomer: boolean;
      canPayByCard: boolean;
      canPayByInvoice: boolean;
    };

export async function getBillingOverview(actor: Actor): Promise<BillingOverview> {
  assertCan(actor, "billing:manage");
  if (!billingEnabled()) return { billing: "off" };
  const partnership = await readBilling(actor.partnershipId);
  const subscribed = partnership.subscriptionStatus === "ACTIVE" || partnership.subscriptionStatus === "PAST_DUE";
  return {
    billing: "on",
    status: partnership.subscriptionStatus,
    readOnly: isReadOnly(partnership, true),
    trialEndsAt: partnership.trialEndsAt,
    currentPeriodEnd: partnership.currentPeriodEnd,
    cancelAtPeriodEnd: partnership.cancelAtPeriodEnd,
    subscribed,
    hasCustomer: Boolean(partnership.stripeCustomerId),
    canPayByCard: !subscribed && Boolean(cardPriceId()),
    canPayByInvoice: !subscribed && Boolean(invoicePriceId()),
  };
}

export type BillingRedirect = { status: "redirect"; url: string } | { status: "unavailable"; message: string };

function billingPageUrl(slug: string, query = "") {
  return `${env().APP_URL.replace(/\/$/, "")}/${slug}/settings/billing${query}`;
}

const UNAVAILABLE = "Billing is not available at the moment. Try again later.";

/** "Pay by card": a Stripe Checkout session for the partnership's customer and price. */
export async function startCardCheckout(actor: Actor): Promise<BillingRedirect> {
  assertCan(actor, "billing:manage");
  const price = cardPriceId();
  if (!billingEnabled() || !price) return { status: "unavailable", message: "Paying by card is not set up." };
  const overview = await getBillingOverview(actor);
  if (overview.billing === "on" && overview.subscribed) return { status: "unavailable", message: "The partnership already has a subscription: manage it in Stripe." };
  const customerId = await ensureStripeCustomer(actor.partnershipId);
  const { slug } = await readBilling(actor.partnershipId);
  const taxRate = env().STRIPE_VAT_TAX_RATE_ID;
  const session = await stripeClient().checkout.sessions.create({
    mode: "subscription",
    customer: customerId,
    client_reference_id: actor.partnershipId,
    line_items: [{ price, quantity: 1, ...(taxRate ? { tax_rates: [taxRate] } : {}) }],
    ...(taxRate ? {} : { automatic_tax: { enabled: true }, customer_update: { address: "auto", name: "auto" } }),
    billing_address_collection: "required",
    subscription_data: { metadata: { partnershipId: actor.partnershipId } },
    success_url: billingPageUrl(slug, "?checkout=done"),
    cancel_url: billingPageUrl(slug, "?checkout=cancelled"),
  });
  if (!session.url) return { status: "unavailable", message: UNAVAILABLE };
  return { status: "redirect", url: session.url };
}

/** "Manage billing": Stripe's customer portal (cards, invoices, cancellation). */
export async function openCustomerPortal(actor: Actor): Promise<BillingRedirect> {
  assertCan(actor, "billing:manage");
  if (!billingEnabled()) return { status: "unavailable", message: UNAVAILABLE };
  const customerId = await ensureStripeCustomer(actor.partnershipId);
  const { slug } = await readBilling(actor.partnershipId);
  const session = await stripeClient().billingPortal.sessions.create({ customer: customerId, return_url: billingPageUrl(slug) });
  return { status: "redirect", url: session.url };
}

/**
 * "Pay by invoice", as councils usually pay: a subscription Stripe invoices (30 days
 * to pay), with the council's purchase-order number on every invoice (the customer's
 * invoice custom field) and its billing address on the customer. UK VAT: the tax rate
 * in STRIPE_VAT_TAX_RATE_ID when set, otherwise Stripe Tax works it out from the address.
 */
export async function subscribeByInvoice(actor: Actor, input: InvoiceSubscriptionInput): Promise<{ status: "subscribed" } | { status: "unavailable"; message: string }> {
  assertCan(actor, "billing:manage");
  const price = invoicePriceId();
  if (!billingEnabled() || !price) return { status: "unavailable", message: "Paying by invoice is not set up." };
  const overview = await getBillingOverview(actor);
  if (overview.billing === "on" && overview.subscribed) return { status: "unavailable", message: "The partnership already has a subscription: manage it in Stripe." };
  const customerId = await ensureStripeCustomer(actor.partnershipId);
  const stripe = stripeClient();
  await stripe.customers.update(customerId, {
    name: input.organisationName,
    email: input.email,
    address: { line1: input.addressLine1, line2: input.addressLine2 || undefined, city: input.town, postal_code: input.postcode, country: "GB" },
    invoice_settings: { custom_fields: [{ name: "Purchase order", value: input.purchaseOrder }] },
    metadata: { purchaseOrder: input.purchaseOrder },
  });
  const taxRate = env().STRIPE_VAT_TAX_RATE_ID;
  await stripe.subscriptions.create(
    {
      customer: customerId,
      items: [{ price }],
      collection_method: "send_invoice",
      days_until_due: 30,
      ...(taxRate ? { default_tax_rates: [taxRate] } : { automatic_tax: { enabled: true } }),
      metadata: { partnershipId: actor.partnershipId, purchaseOrder: input.purchaseOrder },
    },
    // One subscription per purchase order, however often the form is sent.
    { idempotencyKey: `invoice-subscription-${actor.partnershipId}-${input.purchaseOrder}` },
  );
  await withTenant(actor.partnershipId, (tx) =>
    recordAudit(tx, actor, {
      action: "subscribed-by-invoice",
      entityType: "Partnership",
      entityId: actor.partnershipId,
      after: { purchaseOrder: input.purchaseOrder },
    }),
  );
  await syncPartnershipFromStripe(actor.partnershipId, customerId);
  return { status: "subscribed" };
}
