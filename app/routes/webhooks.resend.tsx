// Resend's webhook: bounces and complaints stop further mail to an address. Other sites
// may post here (the Origin check lets /webhooks/ through) because the Svix signature
// authenticates each request, checked against the raw body before anything is read.
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleResendWebhook } from "~/modules/email-suppression/resend-webhook.server";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const rawBody = await request.text();
  const outcome = await handleResendWebhook(rawBody, {
    id: request.headers.get("svix-id"),
    timestamp: request.headers.get("svix-timestamp"),
    signature: request.headers.get("svix-signature"),
  });
  return new Response(outcome.message, { status: outcome.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
