// Stripe's API as the billing tests need it, behind MSW at the network edge: the
// customers, subscriptions, Checkout and portal endpoints the app calls. Each test sets
// what Stripe "currently" says about a customer's subscriptions; every request is kept
// (method, path, form-encoded body) so tests can assert on what the app sent.
import { randomUUID } from "node:crypto";
import { http, HttpResponse } from "msw";
import Stripe from "stripe";

export const TEST_STRIPE_ENV = {
  STRIPE_SECRET_KEY: "sk_test_billing_tests",
  STRIPE_WEBHOOK_SECRET: "whsec_billing_tests",
  STRIPE_PRICE_ID: "price_card_yearly",
  STRIPE_INVOICE_PRICE_ID: "price_invoice_yearly",
  STRIPE_VAT_TAX_RATE_ID: "txr_uk_vat_20",
};

export type FakeSubscription = {
  id: string;
  status: "trialing" | "active" | "past_due" | "unpaid" | "canceled" | "incomplete" | "incomplete_expired" | "paused";
  created?: number;
  trialEnd?: number | null;
  currentPeriodEnd?: number;
  cancelAtPeriodEnd?: boolean;
};

export type CapturedRequest = { method: string; path: string; body: URLSearchParams };

const API = "https://api.stripe.com";
const now = () => Math.floor(Date.now() / 1000);
const id = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 14)}`;

export class FakeStripe {
  readonly requests: CapturedRequest[] = [];
  private readonly subscriptions = new Map<string, FakeSubscription[]>();
  /** While set, every request answers with this HTTP status (Stripe is down). */
  failWith: number | null = null;

  /** What Stripe says about this customer's subscriptions from now on. */
  setSubscriptions(customerId: string, subscriptions: FakeSubscription[]) {
    this.subscriptions.set(customerId, subscriptions);
  }

  subscriptionsOf(customerId: string) {
    return this.subscriptions.get(customerId) ?? [];
  }

  requestsTo(method: string, path: string | RegExp) {
    return this.requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)));
  }

  private subscriptionObject(customer: string, s: FakeSubscription) {
    return {
      id: s.id,
      object: "subscription",
      customer,
      status: s.status,
      created: s.created ?? now() - 60,
      trial_end: s.trialEnd ?? null,
      cancel_at_period_end: s.cancelAtPeriodEnd ?? false,
      items: { object: "list", data: [{ id: `si_${s.id}`, object: "subscription_item", current_period_end: s.currentPeriodEnd ?? now() + 365 * 86400 }], has_more: false },
    };
  }

  handlers() {
    const record = async (request: Request, path: string) => {
      const body = new URLSearchParams(request.method === "GET" || request.method === "DELETE" ? new URL(request.url).search : await request.text());
      this.requests.push({ method: request.method, path, body });
      return this.failWith;
    };
    const failure = (status: number) => HttpResponse.json({ error: { type: "api_error", message: "Injected failure" } }, { status });
    return [
      http.post(`${API}/v1/customers`, async ({ request }) => {
        const failing = await record(request, "/v1/customers");
        if (failing) return failure(failing);
        return HttpResponse.json({ id: id("cus"), object: "customer" });
      }),
      http.post(`${API}/v1/customers/:id`, async ({ request, params }) => {
        const failing = await record(request, `/v1/customers/${String(params.id)}`);
        if (failing) return failure(failing);
        return HttpResponse.json({ id: params.id, object: "customer" });
      }),
      http.get(`${API}/v1/subscriptions`, async ({ request }) => {
        const failing = await record(request, "/v1/subscriptions");
        if (failing) return failure(failing);
        const customer = new URL(request.url).searchParams.get("customer") ?? "";
        const data = this.subscriptionsOf(customer).map((s) => this.subscriptionObject(customer, s));
        return HttpResponse.json({ object: "list", url: "/v1/subscriptions", has_more: false, data });
      }),
      http.post(`${API}/v1/subscriptions`, async ({ request }) => {
        const failing = await record(request, "/v1/subscriptions");
        if (failing) return failure(failing);
        const body = this.requests.at(-1)!.body;
        const customer = body.get("customer") ?? "";
        const trialEnd = body.get("trial_end");
        const subscription: FakeSubscription = { id: id("sub"), status: trialEnd ? "trialing" : "active", trialEnd: trialEnd ? Number(trialEnd) : null, created: now() };
        this.setSubscriptions(customer, [...this.subscriptionsOf(customer), subscription]);
        return HttpResponse.json(this.subscriptionObject(customer, subscription));
      }),
      http.delete(`${API}/v1/subscriptions/:id`, async ({ request, params }) => {
        const failing = await record(request, `/v1/subscriptions/${String(params.id)}`);
        if (failing) return failure(failing);
        for (const [customer, list] of this.subscriptions) {
          const found = list.find((s) => s.id === params.id);
          if (found) {
            found.status = "canceled";
            return HttpResponse.json(this.subscriptionObject(customer, found));
          }
        }
        return HttpResponse.json({ error: { type: "invalid_request_error", message: "No such subscription" } }, { status: 404 });
      }),
      http.post(`${API}/v1/checkout/sessions`, async ({ request }) => {
        const failing = await record(request, "/v1/checkout/sessions");
        if (failing) return failure(failing);
        const session = id("cs_test");
        return HttpResponse.json({ id: session, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${session}` });
      }),
      http.post(`${API}/v1/billing_portal/sessions`, async ({ request }) => {
        const failing = await record(request, "/v1/billing_portal/sessions");
        if (failing) return failure(failing);
        return HttpResponse.json({ id: id("bps"), object: "billing_portal.session", url: "https://billing.stripe.com/p/session/test_portal" });
      }),
    ];
  }
}

const signer = new Stripe("sk_test_signer_only");

/** A webhook request exactly as Stripe sends it, signed with Stripe's own library. */
export function signedWebhook(
  event: { id?: string; type: string; customer: string; object?: Record<string, unknown> },
  options: { secret?: string } = {},
) {
  const payload = JSON.stringify({
    id: event.id ?? id("evt"),
    object: "event",
    api_version: "2026-10-28.endive",
    created: now(),
    type: event.type,
    data: { object: { customer: event.customer, ...event.object } },
  });
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? TEST_STRIPE_ENV.STRIPE_WEBHOOK_SECRET });
  return new Request("http://localhost/webhooks/stripe", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
    body: payload,
  });
}
