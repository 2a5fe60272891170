// The one way the app sends e-mail. With RESEND_API_KEY set it goes through Resend;
// without, to the local outbox (a table), which /dev/outbox shows in development and
// tests read. Either way a retried send with the same idempotency key sends once.
// Nothing goes to a suppressed address (a hard bounce or a spam complaint reported by
// Resend's webhook: app/modules/email-suppression).
import { Resend } from "resend";
import { isSuppressed } from "~/modules/email-suppression/email-suppression.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export type Email = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, such as List-Unsubscribe (RFC 8058); the outbox keeps them too. */
  headers?: Record<string, string>;
  /** The same key twice sends once (Resend keeps keys 24 hours; the outbox, for ever). */
  idempotencyKey?: string;
};

/** `suppressed`: nothing was sent, because the address bounced or complained before; id is empty. */
export type SentEmail = { id: string; via: "resend" | "outbox" | "suppressed" };

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
  if (await isSuppressed(email.to)) return { id: "", via: "suppressed" };
  const apiKey = env().RESEND_API_KEY;
  if (!apiKey) return { id: await writeToOutbox(email), via: "outbox" };
  const { data, error } = await resendClient(apiKey).emails.send(
    { from: env().EMAIL_FROM, ...resendFields(email) },
    email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
  );
  if (error || !data) throw new EmailSendError(`Resend refused the e-mail to ${email.to}${statusOf(error)}: ${error?.message ?? "no id returned"}`, error);
  return { id: data.id, via: "resend" };
}

function resendFields(email: Omit<Email, "idempotencyKey">) {
  return {
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.headers && Object.keys(email.headers).length > 0 ? { headers: email.headers } : {}),
  };
}

/**
 * The provider did not take the e-mail. `retryable` for a rate limit (429), a fault on
 * its side (5xx), no answer at all, or a 409 (Resend answers it to a request made while
 * another with the same key is still in flight): the job runner tries again later, with
 * the same idempotency key. Anything else (422: the e-mail itself is wrong) is final.
 */
export class EmailSendError extends Error {
  readonly statusCode: number | null;
  readonly retryable: boolean;
  constructor(message: string, error: unknown) {
    super(message);
    this.name = "EmailSendError";
    const code = error && typeof error === "object" && "statusCode" in error ? Number(error.statusCode) : NaN;
    this.statusCode = Number.isFinite(code) ? code : null;
    this.retryable = this.statusCode === null || this.statusCode === 409 || this.statusCode === 429 || this.statusCode >= 500;
  }
}

function statusOf(error: unknown) {
  return error && typeof error === "object" && "statusCode" in error && error.statusCode ? ` (${String(error.statusCode)})` : "";
}

async function writeToOutbox(email: Email): Promise<string> {
  const fields = { to: email.to.toLowerCase(), subject: email.subject, html: email.html, text: email.text, headers: email.headers };
  if (!email.idempotencyKey) return (await db().outboxEmail.create({ data: fields, select: { id: true } })).id;
  const row = await db().outboxEmail.upsert({
    where: { idempotencyKey: email.idempotencyKey },
    create: { ...fields, idempotencyKey: email.idempotencyKey },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** Resend takes at most this many e-mails in one batch call. */
export const MAX_BATCH_SIZE = 100;

/**
 * Sends up to 100 e-mails in one provider call under one idempotency key: the same key
 * again (Resend: within 24 hours; the outbox: for ever) sends nothing more and answers
 * with the same ids, so a retried batch reaches each recipient once. The ids come back
 * in the order of `emails`.
 *
 * Suppressed addresses are not filtered here: a retry must send exactly the batch the
 * key was first used with, or Resend refuses it. Whoever fixes a batch's recipients
 * leaves them out then (prepareDigestRun, sendDigestBatch).
 */
export async function sendEmailBatch(
  emails: Array<Omit<Email, "idempotencyKey">>,
  options: { idempotencyKey: string },
): Promise<SentEmail[]> {
  if (emails.length === 0) return [];
  if (emails.length > MAX_BATCH_SIZE) throw new Error(`A batch holds at most ${MAX_BATCH_SIZE} e-mails, not ${emails.length}`);
  const apiKey = env().RESEND_API_KEY;
  if (!apiKey) return writeBatchToOutbox(emails, options.idempotencyKey);
  const { data, error } = await resendClient(apiKey).batch.send(
    emails.map((email) => ({ from: env().EMAIL_FROM, ...resendFields(email) })),
    { idempotencyKey: options.idempotencyKey },
  );
  if (error || !data) {
    throw new EmailSendError(`Resend refused the batch ${options.idempotencyKey}${statusOf(error)}: ${error?.message ?? "no ids returned"}`, error);
  }
  if (data.data.length !== emails.length) {
    throw new Error(`Resend returned ${data.data.length} ids for the ${emails.length} e-mails of batch ${options.idempotencyKey}`);
  }
  return data.data.map((sent) => ({ id: sent.id, via: "resend" as const }));
}

async function writeBatchToOutbox(emails: Array<Omit<Email, "idempotencyKey">>, batchKey: string): Promise<SentEmail[]> {
  // One row per e-mail, each keyed by the batch key and its place in the batch, so the
  // whole batch written twice is stored once, as Resend delivers a repeated key once.
  const keys = emails.map((_, index) => `${batchKey}#${index}`);
  await db().outboxEmail.createMany({
    data: emails.map((email, index) => ({
      to: email.to.toLowerCase(),
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
      idempotencyKey: keys[index],
    })),
    skipDuplicates: true,
  });
  const rows = await db().outboxEmail.findMany({ where: { idempotencyKey: { in: keys } }, select: { id: true, idempotencyKey: true } });
  const idByKey = new Map(rows.map((row) => [row.idempotencyKey, row.id]));
  return keys.map((key) => {
    const id = idByKey.get(key);
    if (!id) throw new Error(`The outbox lost e-mail ${key}`);
    return { id, via: "outbox" as const };
  });
}

/** The newest outbox e-mails, optionally to one address: for /dev/outbox and tests. */
export async function readOutbox(options: { to?: string; take?: number } = {}) {
  return db().outboxEmail.findMany({
    where: options.to ? { to: options.to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
  });
}
