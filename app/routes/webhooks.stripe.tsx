// Stripe's webhook. Other sites may post here (scripts/lib/http-security.ts lets
// /webhooks/ past the Origin check) because the signature authenticates each request:
// handleStripeWebhook verifies it against the raw body before anything is read.
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/modules/billing/billing.server";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  // The body exactly as sent: nothing upstream parses it, and a re-serialised body
  // would not match Stripe's signature.
  const rawBody = await request.text();
  const outcome = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return new Response(outcome.message, { status: outcome.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
