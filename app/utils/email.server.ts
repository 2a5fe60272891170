// The one way the app sends e-mail. With RESEND_API_KEY set it goes through Resend;
// without, to the local outbox (a table), which /dev/outbox shows in development and
// tests read. Either way a retried send with the same idempotency key sends once.
import { Resend } from "resend";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export type Email = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The same key twice sends once (Resend keeps keys 24 hours; the outbox, for ever). */
  idempotencyKey?: string;
};

export type SentEmail = { id: string; via: "resend" | "outbox" };

let resend: Resend | undefined;
function resendClient(apiKey: string) {
  // `new Resend()` throws without a key, so it is made only when one is set.
  resend ??= new Resend(apiKey);
  return resend;
}

export function emailTransport(): "resend" | "outbox" {
  return env().RESEND_API_KEY ? "resend" : "outbox";
}

export async function sendEmail(email: Email): Promise<SentEmail> {
  const apiKey = env().RESEND_API_KEY;
  if (!apiKey) return { id: await writeToOutbox(email), via: "outbox" };
  const { data, error } = await resendClient(apiKey).emails.send(
    { from: env().EMAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text },
    email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
  );
  if (error || !data) throw new Error(`Resend refused the e-mail to ${email.to}: ${error?.message ?? "no id returned"}`);
  return { id: data.id, via: "resend" };
}

async function writeToOutbox(email: Email): Promise<string> {
  const fields = { to: email.to.toLowerCase(), subject: email.subject, html: email.html, text: email.text };
  if (!email.idempotencyKey) return (await db().outboxEmail.create({ data: fields, select: { id: true } })).id;
  const row = await db().outboxEmail.upsert({
    where: { idempotencyKey: email.idempotencyKey },
    create: { ...fields, idempotencyKey: email.idempotencyKey },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** The newest outbox e-mails, optionally to one address: for /dev/outbox and tests. */
export async function readOutbox(options: { to?: string; take?: number } = {}) {
  return db().outboxEmail.findMany({
    where: options.to ? { to: options.to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
  });
}
