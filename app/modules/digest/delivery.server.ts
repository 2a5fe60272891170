// Sending a meeting's digest exactly once to each board member (issue 7, part 5;
// docs/decisions/0010-jobs-on-postgresql.md).
//
// The DigestDelivery row, unique per (meeting, person), is the truth. prepareDigestRun
// stores every delivery with its batch number before any provider call; sendDigestBatch
// renders a batch once, stores the renders, and sends them under the idempotency key
// `digest/<meeting>/<batch>`. A retry (after an error or after the worker was killed
// between the provider call and the commit) sends the same e-mails under the same key,
// which the provider answers without delivering again.
//
// Who gets it (part 6): board members with an address, but not those who unsubscribed
// from this board (DigestOptOut); a member whose address bounced or complained
// (EmailSuppression) gets a SUPPRESSED delivery, never sent, so the manager sees why.
// Every e-mail carries RFC 8058's List-Unsubscribe headers, whatever the renderer writes.
import { digestUnsubscribeHeaders } from "~/modules/digest/unsubscribe.server";
import { suppressedAmong } from "~/modules/email-suppression/email-suppression.server";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { EmailSendError, MAX_BATCH_SIZE } from "~/utils/email.server";
import { isUuid } from "~/utils/uuid";

export const DIGEST_BATCH_SIZE = MAX_BATCH_SIZE;

export type DigestContext = {
  partnership: { id: string; slug: string; name: string; timeZone: string };
  meeting: {
    id: string;
    heldOn: Date;
    startTime: Date | null;
    place: string | null;
    onlineUrl: string | null;
    board: { id: string; name: string };
  };
};
export type DigestRecipient = { personId: string; name: string; email: string };
export type RenderedDigest = { subject: string; html: string; text: string };

/** Builds one member's e-mail; runs inside the partnership's tenancy. */
export type DigestRenderer = (tx: TenantTx, context: DigestContext, recipient: DigestRecipient) => Promise<RenderedDigest>;

/** Sends up to 100 e-mails in one call; the same key twice must deliver once. Ids in order. */
export type DigestBatchSender = (
  emails: Array<{ to: string; headers: Record<string, string> } & RenderedDigest>,
  options: { idempotencyKey: string },
) => Promise<Array<{ id: string }>>;

export class DigestNotSendable extends Error {
  constructor(
    readonly reason: "meeting-not-found" | "meeting-past",
    message: string,
  ) {
    super(message);
    this.name = "DigestNotSendable";
  }
}

export const digestIdempotencyKey = (meetingId: string, batchNumber: number) => `digest/${meetingId}/${batchNumber}`;

export type PreparedRun = { runId: string; recipientCount: number; batchCount: number; created: boolean };

const TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Creates the meeting's run and one PENDING delivery per board member with an e-mail
 * address who has not unsubscribed from the board (SUPPRESSED for a suppressed
 * address), numbered into batches of at most 100 in person-id order, in one transaction.
 * Idempotent: when the run exists, nothing changes and the stored run is returned, so
 * members added to the board later are not mixed into batches already sent.
 */
export async function prepareDigestRun(
  partnershipId: string,
  meetingId: string,
  options: { now?: Date; onCreated?: (tx: TenantTx, run: PreparedRun) => Promise<void> } = {},
): Promise<PreparedRun> {
  const now = options.now ?? new Date();
  if (!isUuid(meetingId)) throw new DigestNotSendable("meeting-not-found", `No meeting ${meetingId}`);
  try {
    return await withTenant(
      partnershipId,
      async (tx) => {
        const existing = await tx.digestRun.findFirst({ where: { partnershipId, meetingId } });
        if (existing) return { runId: existing.id, recipientCount: existing.recipientCount, batchCount: existing.batchCount, created: false };

        const meeting = await tx.meeting.findFirst({
          where: { partnershipId, id: meetingId },
          select: { id: true, boardId: true, heldOn: true, recordedAsPast: true, partnership: { select: { timeZone: true } } },
        });
        if (!meeting) throw new DigestNotSendable("meeting-not-found", `No meeting ${meetingId}`);
        if (meeting.recordedAsPast || meeting.heldOn < todayIn(meeting.partnership.timeZone, now)) {
          throw new DigestNotSendable("meeting-past", "The meeting has already happened: no digest is sent for it.");
        }

        const seats = await tx.boardMember.findMany({
          where: {
            partnershipId,
            boardId: meeting.boardId,
            person: { archivedAt: null, email: { not: null }, digestOptOuts: { none: { partnershipId, boardId: meeting.boardId } } },
          },
          orderBy: { personId: "asc" },
          select: { personId: true, person: { select: { email: true } } },
        });
        const recipients = seats
          .map((seat) => ({ personId: seat.personId, email: seat.person.email?.trim().toLowerCase() ?? "" }))
          .filter((recipient) => recipient.email !== "");
        const suppressed = await suppressedAmong(recipients.map((recipient) => recipient.email), tx);
        // Suppressed members keep their row (the manager sees why) but are not recipients.
        const sendable = recipients.filter((recipient) => !suppressed.has(recipient.email)).length;
        const batchCount = Math.ceil(recipients.length / DIGEST_BATCH_SIZE);

        // The run first: a concurrent prepare waits on its unique index, then fails and
        // reads this one (below) instead of numbering the batches a second time.
        const run = await tx.digestRun.create({
          data: {
            partnershipId,
            meetingId,
            recipientCount: sendable,
            batchCount,
            ...(sendable === 0 ? { status: "SENT" as const, finishedAt: now } : {}),
          },
          select: { id: true },
        });
        await tx.digestDelivery.createMany({
          data: recipients.map((recipient, index) => ({
            partnershipId,
            meetingId,
            personId: recipient.personId,
            email: recipient.email,
            batchNumber: Math.floor(index / DIGEST_BATCH_SIZE) + 1,
            ...(suppressed.has(recipient.email) ? { status: "SUPPRESSED" as const } : {}),
          })),
        });
        const prepared = { runId: run.id, recipientCount: sendable, batchCount, created: true };
        await options.onCreated?.(tx, prepared);
        return prepared;
      },
      { timeoutMs: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const run = await withTenant(partnershipId, (tx) => tx.digestRun.findFirstOrThrow({ where: { partnershipId, meetingId } }));
      return { runId: run.id, recipientCount: run.recipientCount, batchCount: run.batchCount, created: false };
    }
    throw error;
  }
}

/** Batch numbers of the run that still have PENDING deliveries, for enqueuing. */
export async function pendingBatchNumbers(partnershipId: string, meetingId: string): Promise<number[]> {
  const rows = await withTenant(partnershipId, (tx) =>
    tx.digestDelivery.findMany({
      where: { partnershipId, meetingId, status: "PENDING" },
      distinct: ["batchNumber"],
      orderBy: { batchNumber: "asc" },
      select: { batchNumber: true },
    }),
  );
  return rows.map((row) => row.batchNumber);
}

export type SendBatchOptions = {
  sender: DigestBatchSender;
  renderer: DigestRenderer;
  /** This try, counting from 1, and how many there will be: the last marks the batch FAILED. */
  attempt?: number;
  maxAttempts?: number;
  /** Runs after the provider accepted the batch, before its deliveries are marked SENT. */
  afterProviderCall?: (batchNumber: number) => Promise<void>;
  now?: () => Date;
};

export type SendBatchResult =
  | { status: "sent"; count: number }
  | { status: "nothing-to-send" }
  | { status: "failed"; count: number; error: string };

/**
 * Sends one batch of a prepared run. Throws on a rendering or provider error before the last
 * attempt (the job runner retries with backoff); on the last, marks the batch FAILED
 * with the error for the manager to see, and returns.
 */
export async function sendDigestBatch(
  partnershipId: string,
  meetingId: string,
  batchNumber: number,
  options: SendBatchOptions,
): Promise<SendBatchResult> {
  const now = options.now ?? (() => new Date());
  const lastTry = (options.attempt ?? 1) >= (options.maxAttempts ?? 1);
  // Rendering and the provider call can fail; both count as a failed try of the batch,
  // so a digest that cannot be built is given up and shown too, not retried for ever.
  let rows: Awaited<ReturnType<typeof loadAndRenderBatch>>["rows"];
  let sent: Array<{ id: string }>;
  try {
    const batch = await loadAndRenderBatch(partnershipId, meetingId, batchNumber, options.renderer, now);
    rows = batch.rows;
    if (rows.length === 0) return { status: "nothing-to-send" };
    const emails = rows.map((row) => ({
      to: row.email,
      subject: row.subject ?? "",
      html: row.html ?? "",
      text: row.text ?? "",
      // Derived from the ids alone, so a retry's payload is identical to the first.
      headers: digestUnsubscribeHeaders(partnershipId, batch.boardId, row.personId),
    }));
    sent = await options.sender(emails, { idempotencyKey: digestIdempotencyKey(meetingId, batchNumber) });
    if (sent.length !== rows.length) throw new Error(`The provider answered ${sent.length} ids for ${rows.length} e-mails`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A refusal no retry can change (a malformed batch, say) is given up at once.
    const last = lastTry || (error instanceof EmailSendError && !error.retryable);
    const count = await withTenant(partnershipId, async (tx) => {
      const { count } = await tx.digestDelivery.updateMany({
        where: { partnershipId, meetingId, batchNumber, status: "PENDING" },
        data: { attempts: { increment: 1 }, lastError: message.slice(0, 2000), ...(last ? { status: "FAILED" as const } : {}) },
      });
      if (last) await finishRunIfDone(tx, partnershipId, meetingId, now());
      return count;
    });
    if (!last) throw error;
    return { status: "failed", count, error: message };
  }

  await options.afterProviderCall?.(batchNumber);

  await withTenant(
    partnershipId,
    async (tx) => {
      const sentAt = now();
      // Columns are timestamp(3) without time zone holding UTC, as Prisma writes them.
      await tx.$executeRaw`
        UPDATE "DigestDelivery" AS d
        SET "status" = 'SENT', "providerId" = s.provider_id, "lastError" = NULL,
            "sentAt" = (${sentAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        FROM unnest(${rows.map((row) => row.id)}::uuid[], ${sent.map((email) => email.id)}::text[]) AS s(id, provider_id)
        WHERE d."id" = s.id AND d."partnershipId" = ${partnershipId}::uuid AND d."status" = 'PENDING'`;
      await finishRunIfDone(tx, partnershipId, meetingId, sentAt);
    },
    { timeoutMs: TRANSACTION_TIMEOUT_MS },
  );
  return { status: "sent", count: rows.length };
}

async function loadAndRenderBatch(
  partnershipId: string,
  meetingId: string,
  batchNumber: number,
  renderer: DigestRenderer,
  now: () => Date,
) {
  return withTenant(
    partnershipId,
    async (tx) => {
      const meeting = await tx.meeting.findFirstOrThrow({ where: { partnershipId, id: meetingId }, select: { boardId: true } });
      const boardId = meeting.boardId;
      let pending = await tx.digestDelivery.findMany({
        where: { partnershipId, meetingId, batchNumber, status: "PENDING" },
        orderBy: { personId: "asc" },
        select: { id: true, personId: true, email: true, subject: true, html: true, text: true, person: { select: { name: true } } },
      });
      if (pending.length > 0 && pending.every((row) => row.subject !== null)) return { boardId, rows: pending };
      // Before the batch is fixed (rendered), an address that bounced or complained since
      // the run was prepared is left out; after, never: a retry must resend it unchanged.
      const suppressed = await suppressedAmong(pending.map((row) => row.email), tx);
      if (suppressed.size > 0) {
        await tx.digestDelivery.updateMany({
          where: { partnershipId, meetingId, batchNumber, status: "PENDING", email: { in: [...suppressed] } },
          data: { status: "SUPPRESSED" },
        });
        pending = pending.filter((row) => !suppressed.has(row.email));
      }
      if (pending.length === 0) {
        await finishRunIfDone(tx, partnershipId, meetingId, now());
        return { boardId, rows: [] };
      }
      // Rendered once, before the first call, and kept: a retry must send exactly
      // these e-mails under the same key, whatever has changed in the data since.
      const context = await loadContext(tx, partnershipId, meetingId);
      const rendered = [];
      for (const row of pending) {
        const email = await renderer(tx, context, { personId: row.personId, name: row.person.name, email: row.email });
        rendered.push({ ...row, ...email });
      }
      // One statement for the batch, not a hundred round trips.
      await tx.$executeRaw`
        UPDATE "DigestDelivery" AS d
        SET "subject" = r.subject, "html" = r.html, "text" = r.text
        FROM unnest(${rendered.map((r) => r.id)}::uuid[], ${rendered.map((r) => r.subject)}::text[],
                    ${rendered.map((r) => r.html)}::text[], ${rendered.map((r) => r.text)}::text[]) AS r(id, subject, html, text)
        WHERE d."id" = r.id AND d."partnershipId" = ${partnershipId}::uuid AND d."status" = 'PENDING'`;
      return { boardId, rows: rendered };
    },
    { timeoutMs: TRANSACTION_TIMEOUT_MS },
  );
}

async function loadContext(tx: TenantTx, partnershipId: string, meetingId: string): Promise<DigestContext> {
  const meeting = await tx.meeting.findFirstOrThrow({
    where: { partnershipId, id: meetingId },
    select: {
      id: true,
      heldOn: true,
      startTime: true,
      place: true,
      onlineUrl: true,
      board: { select: { id: true, name: true } },
      partnership: { select: { id: true, slug: true, name: true, timeZone: true } },
    },
  });
  const { partnership, ...rest } = meeting;
  return { partnership, meeting: rest };
}

async function finishRunIfDone(tx: TenantTx, partnershipId: string, meetingId: string, at: Date) {
  const pending = await tx.digestDelivery.count({ where: { partnershipId, meetingId, status: "PENDING" } });
  if (pending > 0) return;
  const failed = await tx.digestDelivery.count({ where: { partnershipId, meetingId, status: "FAILED" } });
  await tx.digestRun.updateMany({
    where: { partnershipId, meetingId, finishedAt: null },
    data: { status: failed > 0 ? "FAILED" : "SENT", finishedAt: at },
  });
}
