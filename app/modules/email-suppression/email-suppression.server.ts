// Addresses nothing is sent to any more: Resend reported a hard bounce (the mailbox
// does not exist) or a complaint (the recipient marked our mail as spam). Mailing them
// again would hurt the sending reputation every partnership shares, so the table is
// global, like User: an address is an address, whichever partnership mailed it.
import { db, type TenantTx } from "~/utils/db.server";

export type SuppressionReason = "BOUNCED" | "COMPLAINED";

const normalise = (email: string) => email.trim().toLowerCase();

export async function isSuppressed(email: string): Promise<boolean> {
  return (await db().emailSuppression.count({ where: { email: normalise(email) } })) > 0;
}

/** Of these addresses, the suppressed ones (lower-cased); inside a caller's transaction when given one. */
export async function suppressedAmong(emails: string[], tx?: TenantTx): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await (tx ?? db()).emailSuppression.findMany({ where: { email: { in: emails.map(normalise) } }, select: { email: true } });
  return new Set(rows.map((row) => row.email));
}

/** Idempotent: the first reason recorded stays, so a replayed webhook changes nothing. */
export async function suppressAddress(email: string, reason: SuppressionReason, providerEvent: string | null): Promise<void> {
  await db().emailSuppression.upsert({
    where: { email: normalise(email) },
    create: { email: normalise(email), reason, providerEvent },
    update: {},
  });
}
