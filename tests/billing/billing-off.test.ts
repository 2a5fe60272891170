// Without STRIPE_SECRET_KEY billing is off: every partnership is active whatever its
// stored state, nothing talks to Stripe, and the billing page says so.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateActionProgress } from "~/modules/actions/actions.server";
import { reconcileAllPartnerships } from "~/modules/billing/billing.server";
import { loader as layoutLoader } from "~/routes/$partnership";
import { action as billingAction, loader as billingLoader } from "~/routes/$partnership.settings.billing";
import * as signUp from "~/routes/sign-up";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { db, withTenant } from "~/utils/db.server";
import { uniqueSlug } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";
import { FakeStripe, signedWebhook } from "./fake-stripe";
import { actorOf, billingOf, billingWorld, setBilling } from "./helpers";

for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_ID", "STRIPE_INVOICE_PRICE_ID", "STRIPE_VAT_TAX_RATE_ID"]) {
  delete process.env[key];
}

// Any call to Stripe would be a failure of "billing off": MSW errors on it.
const stripe = new FakeStripe();
const server = setupServer(...stripe.handlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("billing off", () => {
  it("treats a canceled partnership as active: writes go through, no banner", async () => {
    const world = await billingWorld();
    await setBilling(world.partnershipId, { subscriptionStatus: "CANCELED", trialEndsAt: new Date(Date.now() - 1000) });
    const manager = await actorOf(world.manager.cookie, world.slug);
    expect(manager.readOnly).toBe(false);
    const action = await withTenant(world.partnershipId, (tx) =>
      tx.action.findFirstOrThrow({ where: { partnershipId: world.partnershipId }, select: { id: true, version: true } }),
    );
    const result = await updateActionProgress(
      manager,
      action.id,
      { version: action.version, status: "IN_PROGRESS", rag: "GREEN", noteDate: undefined, revisedDueOn: undefined, note: undefined },
      "Europe/London",
    );
    expect(result).toMatchObject({ status: "saved" });
    const layout = await callRoute(layoutLoader, { path: `/${world.slug}`, params: { partnership: world.slug }, cookie: world.viewer.cookie });
    if (isResponse(layout)) throw new Error(`layout answered ${layout.status}`);
    expect(layout.billingBanner).toBeNull();
  });

  it("says so on the billing page, which is still managers' only, and starts nothing", async () => {
    const world = await billingWorld();
    const args = { path: `/${world.slug}/settings/billing`, params: { partnership: world.slug } };
    const page = await callRoute(billingLoader, { ...args, cookie: world.manager.cookie });
    if (isResponse(page)) throw new Error(`billing answered ${page.status}`);
    expect(page.overview).toEqual({ billing: "off" });
    const checkout = await callRoute(billingAction, { ...args, cookie: world.manager.cookie, form: { intent: "checkout" } });
    expect(isResponse(checkout)).toBe(false);
    const editor = await callRoute(billingLoader, { ...args, cookie: world.editor.cookie });
    expect(isResponse(editor) && editor.status).toBe(403);
    expect(stripe.requests).toEqual([]);
  });

  it("refuses webhooks and reconciles nothing", async () => {
    const world = await billingWorld();
    const response = await webhookAction({ request: signedWebhook({ type: "invoice.paid", customer: world.customerId }), params: {}, context: {} });
    expect(response.status).toBe(400);
    expect(await reconcileAllPartnerships()).toEqual({ synced: 0, trialsEnded: 0, failed: [] });
    expect((await billingOf(world.partnershipId)).events).toEqual([]);
  });

  it("still gives a new partnership its trial dates, but never makes it read-only", async () => {
    const slug = uniqueSlug("off");
    const res = await callRoute(signUp.action, {
      path: "/sign-up",
      form: {
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
      },
    });
    expect(isResponse(res) && res.status).toBe(302);
    const { id } = await db().partnership.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    expect(await billingOf(id)).toMatchObject({ subscriptionStatus: "TRIALING", stripeCustomerId: null });
    expect(stripe.requests).toEqual([]);
  });
});
