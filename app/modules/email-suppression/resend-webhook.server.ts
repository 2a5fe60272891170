// Resend's webhook (POST /webhooks/resend): a hard bounce or a complaint suppresses the
// address. Resend signs its webhooks the Svix way: HMAC-SHA256, keyed by the base64
// secret after "whsec_", over `${svix-id}.${svix-timestamp}.${body}`, sent as one or
// more "v1,<base64>" in svix-signature. The route is exempt from the Origin check
// (scripts/lib/http-security.ts), so this signature is all that authenticates it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "~/utils/env.server";
import { suppressAddress } from "./email-suppression.server";

/** Svix's tolerance: an older (or future) timestamp is a replay or a wrong clock. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookHeaders = { id: string | null; timestamp: string | null; signature: string | null };
export type WebhookOutcome = { status: 200 | 400; message: string };

const ResendEvent = z.object({
  type: z.string(),
  data: z
    .object({
      to: z.union([z.string(), z.array(z.string())]).optional(),
      bounce: z.object({ type: z.string().optional() }).passthrough().optional(),
    })
    .passthrough(),
});

export async function handleResendWebhook(rawBody: string, headers: WebhookHeaders, now = new Date()): Promise<WebhookOutcome> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return { status: 400, message: "Webhooks are not configured" };
  const problem = signatureProblem(secret, rawBody, headers, now);
  if (problem) return { status: 400, message: problem };

  let event: z.infer<typeof ResendEvent>;
  try {
    event = ResendEvent.parse(JSON.parse(rawBody));
  } catch {
    return { status: 400, message: "Not a Resend event" };
  }
  const reason = suppressionReason(event);
  if (!reason) return { status: 200, message: `Ignored ${event.type}` };
  const addresses = [event.data.to ?? []].flat().filter((address) => address.includes("@"));
  // A replay (Svix retries until it hears 200) finds the rows there and changes nothing.
  for (const address of addresses) await suppressAddress(address, reason, headers.id);
  return { status: 200, message: `Suppressed ${addresses.length} address(es)` };
}

function suppressionReason(event: z.infer<typeof ResendEvent>): "BOUNCED" | "COMPLAINED" | null {
  if (event.type === "email.complained") return "COMPLAINED";
  if (event.type !== "email.bounced") return null;
  // Only a permanent bounce proves the mailbox is gone; a full mailbox may empty.
  const type = event.data.bounce?.type;
  return type === undefined || type === "Permanent" ? "BOUNCED" : null;
}

function signatureProblem(secret: string, body: string, headers: WebhookHeaders, now: Date): string | null {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return "Missing signature headers";
  if (!/^\d{1,12}$/.test(timestamp)) return "Bad timestamp";
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return "Timestamp too old or too new";
  const expected = signWebhook(secret, id, timestamp, body);
  const matches = signature
    .split(" ")
    .map((part) => part.split(","))
    .some(([version, value]) => version === "v1" && value !== undefined && equal(value, expected));
  return matches ? null : "Bad signature";
}

/** The base64 signature Svix sends for this message (tests sign with it too). */
export function signWebhook(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

function equal(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
