// Billing with Stripe configured: Stripe's API is MSW at the network edge (fake-stripe.ts),
// webhooks are signed with Stripe's own library. The state always comes from what
// Stripe says now, never from an event's payload or order.
import type { RequestHandler } from "express";
import { setupServer } from "msw/node";
import supertest from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { updateActionProgress } from "~/modules/actions/actions.server";
import { reconcileAllPartnerships } from "~/modules/billing/billing.server";
import { READ_ONLY_MESSAGE } from "~/modules/billing/billing-state";
import { exportAllData } from "~/modules/data-export/data-export.server";
import { getPriority } from "~/modules/priorities/priorities.server";
import { loader as layoutLoader } from "~/routes/$partnership";
import { action as billingAction, loader as billingLoader } from "~/routes/$partnership.settings.billing";
import { loader as exportLoader } from "~/routes/$partnership.settings.export._index";
import { loader as settingsLoader } from "~/routes/$partnership.settings._index";
import * as signUp from "~/routes/sign-up";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { db, withTenant } from "~/utils/db.server";
import { uniqueSlug } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";
import { createHttpApp } from "../../scripts/lib/http-security";
import { FakeStripe, signedWebhook, TEST_STRIPE_ENV } from "./fake-stripe";
import { actorOf, billingOf, billingWorld, setBilling } from "./helpers";

// Billing is on for this file only: set before anything reads env(), put back after.
const savedAppUrl = process.env.APP_URL;
Object.assign(process.env, TEST_STRIPE_ENV, { APP_URL: "https://app.example" });

const stripe = new FakeStripe();
const server = setupServer(...stripe.handlers());

beforeAll(() =>
  server.listen({
    // Our own server on loopback (the HTTP-layer test) passes; anything else is a mistake.
    onUnhandledRequest: (request, print) => {
      if (!["127.0.0.1", "localhost"].includes(new URL(request.url).hostname)) print.error();
    },
  }),
);
afterEach(() => {
  stripe.failWith = null;
});
afterAll(() => {
  server.close();
  for (const key of Object.keys(TEST_STRIPE_ENV)) delete process.env[key];
  if (savedAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = savedAppUrl;
});

const DAY = 86_400;
const inDays = (days: number) => Math.floor(Date.now() / 1000) + days * DAY;

async function deliver(request: Request) {
  const response = await webhookAction({ request, params: {}, context: {} });
  return { status: response.status, text: await response.text() };
}

async function layoutFor(world: { slug: string }, cookie: string) {
  const page = await callRoute(layoutLoader, { path: `/${world.slug}`, params: { partnership: world.slug }, cookie });
  if (isResponse(page)) throw new Error(`layout answered ${page.status}`);
  return page;
}

describe("the webhook", () => {
  it("refuses a bad signature with 400 and changes nothing", async () => {
    const world = await billingWorld();
    stripe.setSubscriptions(world.customerId, [{ id: "sub_bad_sig", status: "canceled" }]);
    const before = await billingOf(world.partnershipId);
    const forged = signedWebhook({ type: "customer.subscription.deleted", customer: world.customerId }, { secret: "whsec_someone_else" });
    expect((await deliver(forged)).status).toBe(400);
    const unsigned = new Request("http://localhost/webhooks/stripe", { method: "POST", body: "{}" });
    expect((await deliver(unsigned)).status).toBe(400);
    // A signed body altered afterwards no longer matches its signature.
    const genuine = signedWebhook({ type: "customer.subscription.deleted", customer: world.customerId });
    const tampered = new Request(genuine.url, {
      method: "POST",
      headers: genuine.headers,
      body: (await genuine.text()).replace("customer.subscription.deleted", "customer.subscription.updated"),
    });
    expect((await deliver(tampered)).status).toBe(400);
    expect(await billingOf(world.partnershipId)).toEqual(before);
    expect(stripe.requestsTo("GET", "/v1/subscriptions").filter((r) => r.body.get("customer") === world.customerId)).toEqual([]);
  });

  it("acts on a replayed event once: the second delivery changes nothing", async () => {
    const world = await billingWorld();
    stripe.setSubscriptions(world.customerId, [{ id: "sub_replay", status: "past_due" }]);
    const event = signedWebhook({ id: `evt_replay_${world.slug}`, type: "invoice.payment_failed", customer: world.customerId });
    const replay = new Request(event.url, { method: "POST", headers: event.headers, body: await event.clone().text() });
    expect(await deliver(event)).toEqual({ status: 200, text: "Synced." });
    const afterFirst = await billingOf(world.partnershipId);
    expect(afterFirst.subscriptionStatus).toBe("PAST_DUE");

    // Stripe's state moves on, but the same event again must not be acted on again.
    stripe.setSubscriptions(world.customerId, [{ id: "sub_replay", status: "active" }]);
    expect(await deliver(replay)).toEqual({ status: 200, text: "Already handled." });
    expect(await billingOf(world.partnershipId)).toEqual(afterFirst);
    expect(afterFirst.events).toEqual([{ id: `evt_replay_${world.slug}`, type: "invoice.payment_failed" }]);
  });

  it("gets the state right when events arrive out of order: it is fetched, not read from the payload", async () => {
    const world = await billingWorld();
    stripe.setSubscriptions(world.customerId, [{ id: "sub_order", status: "active", currentPeriodEnd: inDays(365), cancelAtPeriodEnd: false }]);
    // `updated` (to active) arrives before `created` (trialing, as it was then).
    const updated = signedWebhook({ type: "customer.subscription.updated", customer: world.customerId, object: { id: "sub_order", status: "active" } });
    const created = signedWebhook({ type: "customer.subscription.created", customer: world.customerId, object: { id: "sub_order", status: "trialing" } });
    expect((await deliver(updated)).status).toBe(200);
    expect((await deliver(created)).status).toBe(200);
    const state = await billingOf(world.partnershipId);
    expect(state.subscriptionStatus).toBe("ACTIVE");
    expect(state.stripeSubscriptionId).toBe("sub_order");
    expect(Math.round(state.currentPeriodEnd!.getTime() / 1000)).toBe(inDays(365));
    expect(state.events.map((e) => e.type).sort()).toEqual(["customer.subscription.created", "customer.subscription.updated"]);
  });

  it("marks a failed payment PAST_DUE with a banner to managers, and recovers on invoice.paid", async () => {
    const world = await billingWorld();
    stripe.setSubscriptions(world.customerId, [{ id: "sub_pay", status: "past_due" }]);
    await deliver(signedWebhook({ type: "invoice.payment_failed", customer: world.customerId }));
    expect((await billingOf(world.partnershipId)).subscriptionStatus).toBe("PAST_DUE");
    expect((await layoutFor(world, world.manager.cookie)).billingBanner).toBe("past-due");
    expect((await layoutFor(world, world.editor.cookie)).billingBanner).toBeNull();
    // Past due still lets everyone work.
    expect((await actorOf(world.editor.cookie, world.slug)).readOnly).toBe(false);

    stripe.setSubscriptions(world.customerId, [{ id: "sub_pay", status: "active" }]);
    await deliver(signedWebhook({ type: "invoice.paid", customer: world.customerId }));
    expect((await billingOf(world.partnershipId)).subscriptionStatus).toBe("ACTIVE");
    expect((await layoutFor(world, world.manager.cookie)).billingBanner).toBeNull();
  });

  it("gets Stripe's raw body through the HTTP layer: no Origin check, nothing parses it first", async () => {
    const world = await billingWorld();
    stripe.setSubscriptions(world.customerId, [{ id: "sub_http", status: "active" }]);
    // The server's own middleware (scripts/lib/http-security.ts), with the route behind it
    // given the body as Remix's Express adapter would: the bytes the socket received.
    const handleRequest: RequestHandler = async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const request = new Request(`http://localhost${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      const response = await webhookAction({ request, params: {}, context: {} });
      res.status(response.status).send(await response.text());
    };
    const app = createHttpApp({ production: true, development: false, trustProxy: false, appUrl: "https://app.example", handleRequest });
    const signed = signedWebhook({ type: "customer.subscription.updated", customer: world.customerId });
    const res = await supertest(app)
      .post("/webhooks/stripe")
      .set("Origin", "https://stripe.com")
      .set("Content-Type", "application/json")
      .set("Stripe-Signature", signed.headers.get("Stripe-Signature")!)
      .send(await signed.text());
    expect([res.status, res.text]).toEqual([200, "Synced."]);
    expect((await billingOf(world.partnershipId)).subscriptionStatus).toBe("ACTIVE");
  });

  it("ignores events it does not act on, and customers that are not a partnership's", async () => {
    expect(await deliver(signedWebhook({ type: "customer.updated", customer: "cus_whoever" }))).toEqual({ status: 200, text: "Ignored: not a subscription event." });
    expect(await deliver(signedWebhook({ type: "invoice.paid", customer: "cus_notapartnership" }))).toEqual({ status: 200, text: "Ignored: unknown customer." });
  });

  it("answers 500 when Stripe cannot be asked, so Stripe delivers the event again, and stores nothing", async () => {
    const world = await billingWorld();
    stripe.failWith = 500;
    const event = signedWebhook({ type: "invoice.paid", customer: world.customerId });
    await expect(deliver(event)).rejects.toThrow();
    expect((await billingOf(world.partnershipId)).events).toEqual([]);
  });
});

describe("cancellation: read-only, enforced in the permission check", () => {
  it("refuses writes with the read-only message while reads, the data export and billing keep working", async () => {
    const world = await billingWorld();
    stripe.setSubscriptions(world.customerId, [{ id: "sub_end", status: "canceled" }]);
    await deliver(signedWebhook({ type: "customer.subscription.deleted", customer: world.customerId }));
    expect((await billingOf(world.partnershipId)).subscriptionStatus).toBe("CANCELED");

    const manager = await actorOf(world.manager.cookie, world.slug);
    expect(manager.readOnly).toBe(true);
    const action = await withTenant(world.partnershipId, (tx) =>
      tx.action.findFirstOrThrow({ where: { partnershipId: world.partnershipId }, select: { id: true, version: true } }),
    );
    const write = updateActionProgress(
      manager,
      action.id,
      { version: action.version, status: "IN_PROGRESS", rag: "GREEN", noteDate: undefined, revisedDueOn: undefined, note: undefined },
      "Europe/London",
    );
    const refusal = await write.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(403);
    expect(await (refusal as Response).text()).toBe(READ_ONLY_MESSAGE);
    const unchanged = await withTenant(world.partnershipId, (tx) => tx.action.findUniqueOrThrow({ where: { id: action.id }, select: { version: true } }));
    expect(unchanged.version).toBe(action.version);

    // Reads, the full export and the billing page still work.
    expect((await getPriority(manager, world.ids.priorities[0]!.id))?.title).toBe("Reduce burglary");
    const exported = await exportAllData(manager);
    expect(exported.zip.byteLength).toBeGreaterThan(0);
    const exportPage = await callRoute(exportLoader, { path: `/${world.slug}/settings/export`, params: { partnership: world.slug }, cookie: world.manager.cookie });
    expect(isResponse(exportPage)).toBe(false);
    const billing = await callRoute(billingLoader, { path: `/${world.slug}/settings/billing`, params: { partnership: world.slug }, cookie: world.manager.cookie });
    if (isResponse(billing)) throw new Error(`billing answered ${billing.status}`);
    expect(billing.overview).toMatchObject({ billing: "on", status: "CANCELED", readOnly: true, canPayByCard: true, canPayByInvoice: true });
    const settings = await callRoute(settingsLoader, { path: `/${world.slug}/settings`, params: { partnership: world.slug }, cookie: world.manager.cookie });
    expect(settings).toMatchObject({ readOnly: true });
    const editorSettings = await callRoute(settingsLoader, { path: `/${world.slug}/settings`, params: { partnership: world.slug }, cookie: world.editor.cookie });
    expect(isResponse(editorSettings) && editorSettings.status).toBe(403);

    // Everyone sees why.
    expect((await layoutFor(world, world.viewer.cookie)).billingBanner).toBe("read-only");
    expect((await layoutFor(world, world.manager.cookie)).billingBanner).toBe("read-only");
    // Nothing was deleted.
    expect(await withTenant(world.partnershipId, (tx) => tx.action.count({ where: { partnershipId: world.partnershipId } }))).toBeGreaterThan(0);
  });

  it("makes a partnership read-only when its trial has ended without a subscription, and the daily reconcile records it", async () => {
    const world = await billingWorld({ customer: false });
    await setBilling(world.partnershipId, { subscriptionStatus: "TRIALING", trialEndsAt: new Date(Date.now() - 1000) });
    expect((await actorOf(world.editor.cookie, world.slug)).readOnly).toBe(true);
    await reconcileAllPartnerships();
    expect((await billingOf(world.partnershipId)).subscriptionStatus).toBe("CANCELED");
  });

  it("subscribing again makes it writable", async () => {
    const world = await billingWorld();
    await setBilling(world.partnershipId, { subscriptionStatus: "CANCELED" });
    expect((await actorOf(world.manager.cookie, world.slug)).readOnly).toBe(true);
    stripe.setSubscriptions(world.customerId, [
      { id: "sub_old", status: "canceled", created: inDays(-400) },
      { id: "sub_new", status: "active", created: inDays(0) },
    ]);
    await deliver(signedWebhook({ type: "customer.subscription.created", customer: world.customerId }));
    expect((await actorOf(world.manager.cookie, world.slug)).readOnly).toBe(false);
  });
});

describe("the daily reconcile", () => {
  it("syncs every partnership with a customer from Stripe, as the webhook would", async () => {
    const a = await billingWorld();
    const b = await billingWorld();
    stripe.setSubscriptions(a.customerId, [{ id: "sub_a", status: "past_due" }]);
    stripe.setSubscriptions(b.customerId, [{ id: "sub_b", status: "unpaid" }]);
    const report = await reconcileAllPartnerships();
    expect(report.failed).toEqual([]);
    expect((await billingOf(a.partnershipId)).subscriptionStatus).toBe("PAST_DUE");
    expect((await billingOf(b.partnershipId)).subscriptionStatus).toBe("PAST_DUE");
    expect((await billingOf(a.partnershipId)).events).toEqual([]);
  });
});

describe("the billing page", () => {
  it("is for managers only: an agency editor gets 403 on the page and on each of its actions", async () => {
    const world = await billingWorld();
    const args = { path: `/${world.slug}/settings/billing`, params: { partnership: world.slug }, cookie: world.editor.cookie };
    const page = await callRoute(billingLoader, args);
    expect(isResponse(page) && page.status).toBe(403);
    for (const intent of ["checkout", "portal", "invoice"]) {
      const res = await callRoute(billingAction, { ...args, form: { intent } });
      expect(isResponse(res) && res.status).toBe(403);
    }
    const viewer = await callRoute(billingLoader, { ...args, cookie: world.viewer.cookie });
    expect(isResponse(viewer) && viewer.status).toBe(403);
    expect(stripe.requestsTo("POST", "/v1/checkout/sessions").filter((r) => r.body.get("customer") === world.customerId)).toEqual([]);
  });

  it("starts Stripe Checkout for the partnership's customer and the configured price", async () => {
    const world = await billingWorld();
    await setBilling(world.partnershipId, { subscriptionStatus: "TRIALING", trialEndsAt: new Date(Date.now() + 10 * DAY * 1000) });
    const res = await callRoute(billingAction, {
      path: `/${world.slug}/settings/billing`,
      params: { partnership: world.slug },
      cookie: world.manager.cookie,
      form: { intent: "checkout" },
    });
    expect(isResponse(res) && res.status).toBe(303);
    expect((res as Response).headers.get("Location")).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const [sent] = stripe.requestsTo("POST", "/v1/checkout/sessions").filter((r) => r.body.get("customer") === world.customerId);
    expect(sent).toBeDefined();
    const body = Object.fromEntries(sent!.body);
    expect(body).toMatchObject({
      mode: "subscription",
      customer: world.customerId,
      "line_items[0][price]": TEST_STRIPE_ENV.STRIPE_PRICE_ID,
      "line_items[0][quantity]": "1",
      "line_items[0][tax_rates][0]": TEST_STRIPE_ENV.STRIPE_VAT_TAX_RATE_ID,
      client_reference_id: world.partnershipId,
      success_url: `https://app.example/${world.slug}/settings/billing?checkout=done`,
      cancel_url: `https://app.example/${world.slug}/settings/billing?checkout=cancelled`,
    });
  });

  it("opens Stripe's customer portal", async () => {
    const world = await billingWorld();
    const res = await callRoute(billingAction, {
      path: `/${world.slug}/settings/billing`,
      params: { partnership: world.slug },
      cookie: world.manager.cookie,
      form: { intent: "portal" },
    });
    expect((res as Response).headers.get("Location")).toBe("https://billing.stripe.com/p/session/test_portal");
    const [sent] = stripe.requestsTo("POST", "/v1/billing_portal/sessions").filter((r) => r.body.get("customer") === world.customerId);
    expect(sent!.body.get("return_url")).toBe(`https://app.example/${world.slug}/settings/billing`);
  });

  it("checks the invoice form, GOV.UK style, and sends nothing to Stripe when it is wrong", async () => {
    const world = await billingWorld();
    const before = stripe.requests.length;
    const res = await callRoute(billingAction, {
      path: `/${world.slug}/settings/billing`,
      params: { partnership: world.slug },
      cookie: world.manager.cookie,
      form: { intent: "invoice", purchaseOrder: "", organisationName: "Tatton Vale Borough Council", addressLine1: "Town Hall", town: "Tatton", postcode: "not a postcode", email: "ap@tattonvale.example" },
    });
    const errors = (res as unknown as { data: { error: Record<string, string[]> } }).data.error;
    expect(errors.purchaseOrder).toEqual(["Enter the purchase order number"]);
    expect(errors.postcode).toEqual(["Enter a full UK postcode, like AA3 1AB"]);
    expect(stripe.requests.length).toBe(before);
  });

  it("subscribes by invoice: 30 days to pay, the purchase order and address on the customer, VAT on the subscription", async () => {
    const world = await billingWorld();
    await setBilling(world.partnershipId, { subscriptionStatus: "TRIALING", trialEndsAt: new Date(Date.now() + 10 * DAY * 1000) });
    const res = await callRoute(billingAction, {
      path: `/${world.slug}/settings/billing`,
      params: { partnership: world.slug },
      cookie: world.manager.cookie,
      form: {
        intent: "invoice",
        purchaseOrder: "PO-2027-0042",
        organisationName: "Tatton Vale Borough Council",
        addressLine1: "Town Hall",
        addressLine2: "Market Street",
        town: "Tatton",
        postcode: "tv1 2ab",
        email: "ap@tattonvale.example",
      },
    });
    expect((res as Response).headers.get("Location")).toBe(`/${world.slug}/settings/billing?subscribed`);
    const customer = Object.fromEntries(stripe.requestsTo("POST", `/v1/customers/${world.customerId}`)[0]!.body);
    expect(customer).toMatchObject({
      "address[line1]": "Town Hall",
      "address[postal_code]": "TV1 2AB",
      "address[country]": "GB",
      "invoice_settings[custom_fields][0][name]": "Purchase order",
      "invoice_settings[custom_fields][0][value]": "PO-2027-0042",
      email: "ap@tattonvale.example",
    });
    const subscription = Object.fromEntries(stripe.requestsTo("POST", "/v1/subscriptions").filter((r) => r.body.get("customer") === world.customerId)[0]!.body);
    expect(subscription).toMatchObject({
      "items[0][price]": TEST_STRIPE_ENV.STRIPE_INVOICE_PRICE_ID,
      collection_method: "send_invoice",
      days_until_due: "30",
      "default_tax_rates[0]": TEST_STRIPE_ENV.STRIPE_VAT_TAX_RATE_ID,
      "metadata[purchaseOrder]": "PO-2027-0042",
    });
    // Synced straight away from what Stripe now says.
    expect((await billingOf(world.partnershipId)).subscriptionStatus).toBe("ACTIVE");
  });
});

describe("sign-up", () => {
  const signUpForm = (slug: string) => ({
    name: "Sam Officer",
    email: `${slug}@tattonvale.example`,
    password: "correct horse battery staple",
    partnershipName: "Safer Tatton Vale",
    councils: "Tatton Vale Borough Council",
    slug,
    policeForceArea: "Cheshire",
    financialYearStartMonth: "4",
    residents: "212,000",
    households: "91000",
  });

  it("gives a new partnership a 30-day trial without a card: a customer and a trialing subscription that cancels without one", async () => {
    const slug = uniqueSlug("trial");
    const res = await callRoute(signUp.action, { path: "/sign-up", form: signUpForm(slug) });
    expect(isResponse(res) && res.status).toBe(302);
    const { id } = await db().partnership.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const state = await billingOf(id);
    expect(state.subscriptionStatus).toBe("TRIALING");
    expect(state.stripeCustomerId).toMatch(/^cus_/);
    const days = (state.trialEndsAt!.getTime() - Date.now()) / (DAY * 1000);
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const trial = Object.fromEntries(stripe.requestsTo("POST", "/v1/subscriptions").find((r) => r.body.get("customer") === state.stripeCustomerId)!.body);
    expect(trial).toMatchObject({
      "items[0][price]": TEST_STRIPE_ENV.STRIPE_PRICE_ID,
      "trial_settings[end_behavior][missing_payment_method]": "cancel",
      trial_end: String(Math.floor(state.trialEndsAt!.getTime() / 1000)),
    });
    expect(trial).not.toHaveProperty("default_payment_method");
  });

  it("still signs up when Stripe is down; the customer is made later, from the billing page", async () => {
    stripe.failWith = 503;
    const slug = uniqueSlug("down");
    const res = await callRoute(signUp.action, { path: "/sign-up", form: signUpForm(slug) });
    expect(isResponse(res) && res.status).toBe(302);
    const { id } = await db().partnership.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    expect(await billingOf(id)).toMatchObject({ subscriptionStatus: "TRIALING", stripeCustomerId: null });

    stripe.failWith = null;
    const cookie = (res as Response).headers.get("Set-Cookie")!.split(";")[0]!;
    const checkout = await callRoute(billingAction, { path: `/${slug}/settings/billing`, params: { partnership: slug }, cookie, form: { intent: "checkout" } });
    expect(isResponse(checkout) && checkout.status).toBe(303);
    expect((await billingOf(id)).stripeCustomerId).toMatch(/^cus_/);
  });
});
