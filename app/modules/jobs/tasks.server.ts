// The worker's tasks (scripts/worker.ts runs them; docs/decisions/0010-jobs-on-postgresql.md).
// graphile-worker reaches the database as the owner for its own schema; every task
// reads and writes tenant data only through withTenant on the app role.
import type { JobHelpers, Task, TaskList } from "graphile-worker";
import { z } from "zod";
import {
  DigestNotSendable,
  pendingBatchNumbers,
  prepareDigestRun,
  sendDigestBatch,
  type DigestBatchSender,
  type DigestRenderer,
} from "~/modules/digest/delivery.server";
import { makeDigestRenderer } from "~/modules/digest/digest-content.server";
import { isReadOnly } from "~/modules/billing/billing-state";
import { billingEnabled } from "~/modules/billing/billing-config.server";
import { reconcileAllPartnerships } from "~/modules/billing/billing.server";
import { findDueRemindersAndSend } from "~/modules/reminders/reminders.server";
import { listPartnerships } from "~/modules/registry/registry.server";
import { todayIn } from "~/utils/dates";
import { db, withTenant } from "~/utils/db.server";
import { sendEmailBatch } from "~/utils/email.server";

export const FIND_DUE_DIGESTS = "find_due_digests";
export const SEND_DIGEST_BATCH = "send_digest_batch";
export const RECONCILE_BILLING = "reconcile_billing";
export const FIND_DUE_REMINDERS = "find_due_reminders";

/** graphile-worker's backoff is exp(attempt) seconds: 8 tries span about half an hour. */
export const SEND_DIGEST_BATCH_MAX_ATTEMPTS = 8;

/** Every 15 minutes; jobKey collapses a run that is still queued with the next. */
export const CRONTAB = [
  `*/15 * * * * ${FIND_DUE_DIGESTS} ?max=3&jobKey=${FIND_DUE_DIGESTS}&jobKeyMode=replace`,
  // Lead officers' update reminders (app/modules/reminders); a failed send is retried next time.
  `*/15 * * * * ${FIND_DUE_REMINDERS} ?max=3&jobKey=${FIND_DUE_REMINDERS}&jobKeyMode=replace`,
  // Daily, in case a webhook never arrived: every partnership synced from Stripe (a no-op with billing off).
  `30 4 * * * ${RECONCILE_BILLING} ?max=3&jobKey=${RECONCILE_BILLING}&jobKeyMode=replace`,
].join("\n");

const GRAPHILE_WORKER_SCHEMA = "graphile_worker";

export const sendDigestBatchJobKey = (meetingId: string, batchNumber: number) => `digest:${meetingId}:${batchNumber}`;

const SendDigestBatchPayload = z.object({
  partnershipId: z.string().uuid(),
  meetingId: z.string().uuid(),
  batchNumber: z.number().int().min(1),
});
export type SendDigestBatchPayload = z.infer<typeof SendDigestBatchPayload>;

export type TaskDependencies = {
  renderer: DigestRenderer;
  sender: DigestBatchSender;
  now: () => Date;
  /** See testPauseAfterProviderCall. */
  afterProviderCall?: (batchNumber: number) => Promise<void>;
};

export const defaultDependencies = (): TaskDependencies => ({
  renderer: makeDigestRenderer(),
  sender: sendEmailBatch,
  now: () => new Date(),
  afterProviderCall: testPauseAfterProviderCall(),
});

export function makeTaskList(deps: TaskDependencies = defaultDependencies()): TaskList {
  const findDueDigests: Task = async (_payload, helpers) => {
    const { enqueued } = await findDueDigestsAndEnqueue(deps.now(), helpers);
    if (enqueued.length > 0) helpers.logger.info(`Enqueued digest batches: ${enqueued.join(", ")}`);
  };

  const sendBatch: Task = async (payload, helpers) => {
    const { partnershipId, meetingId, batchNumber } = SendDigestBatchPayload.parse(payload);
    const result = await sendDigestBatch(partnershipId, meetingId, batchNumber, {
      sender: deps.sender,
      renderer: deps.renderer,
      attempt: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
      afterProviderCall: deps.afterProviderCall,
      now: deps.now,
    });
    // A batch that gave up is recorded as FAILED on its deliveries (the manager sees
    // it); the job itself completes so that nothing retries it behind the record.
    if (result.status === "failed") helpers.logger.error(`Digest ${meetingId} batch ${batchNumber} failed: ${result.error}`);
  };

  const reconcileBilling: Task = async (_payload, helpers) => {
    const report = await reconcileAllPartnerships(deps.now());
    helpers.logger.info(`Billing reconciled: ${JSON.stringify(report)}`);
  };

  const findDueReminders: Task = async (_payload, helpers) => {
    const report = await findDueRemindersAndSend(deps.now());
    if (report.meetings.length > 0) helpers.logger.info(`Reminders: ${report.sent} sent, ${report.failed} failed, for ${report.meetings.length} meeting(s)`);
  };

  return {
    [FIND_DUE_DIGESTS]: findDueDigests,
    [SEND_DIGEST_BATCH]: sendBatch,
    [RECONCILE_BILLING]: reconcileBilling,
    [FIND_DUE_REMINDERS]: findDueReminders,
  };
}

type Enqueuer = Pick<JobHelpers, "addJob" | "withPgClient">;

/**
 * From the app (a manager's "Send now" or approval): asks the worker to look for due
 * digests now rather than at the next quarter hour. The app role may enqueue only this,
 * through app_jobs.add_job (scripts/lib/migrate.ts); the job key collapses repeats.
 */
export async function requestDueDigestsNow() {
  await db().$executeRaw`select app_jobs.add_job(${FIND_DUE_DIGESTS}, '{}'::json, ${FIND_DUE_DIGESTS})`;
}

/**
 * Prepares the run of each meeting whose digest is due (its board's digestDaysBefore
 * reached, the meeting not yet past, the board not waiting for approval) and enqueues
 * one job per batch still PENDING, including those of runs a manager started. Job keys
 * collapse duplicates, so running this twice enqueues nothing new.
 */
export async function findDueDigestsAndEnqueue(now: Date, enqueuer: Enqueuer): Promise<{ enqueued: string[] }> {
  const enqueued: string[] = [];
  for (const partnership of await listPartnerships()) {
    // Digests pause while the partnership is read-only, by the same rule as every write.
    if (isReadOnly(partnership, billingEnabled(), now)) continue;
    const partnershipId = partnership.id;
    const today = todayIn(partnership.timeZone, now);
    const meetings = await withTenant(partnershipId, (tx) =>
      tx.meeting.findMany({
        where: {
          partnershipId,
          heldOn: { gte: today },
          recordedAsPast: false,
          board: { archivedAt: null },
          OR: [{ digestRun: { is: null }, board: { digestNeedsApproval: false } }, { digestRun: { is: { status: "SENDING" } } }],
        },
        orderBy: { heldOn: "asc" },
        select: { id: true, heldOn: true, board: { select: { digestDaysBefore: true } }, digestRun: { select: { id: true } } },
      }),
    );
    for (const meeting of meetings) {
      const dueOn = new Date(meeting.heldOn.getTime() - meeting.board.digestDaysBefore * 86_400_000);
      if (!meeting.digestRun && dueOn > today) continue;
      try {
        await prepareDigestRun(partnershipId, meeting.id, { now });
      } catch (error) {
        if (error instanceof DigestNotSendable) continue;
        throw error;
      }
      const batches = await pendingBatchNumbers(partnershipId, meeting.id);
      await enqueueBatches(enqueuer, partnershipId, meeting.id, batches);
      enqueued.push(...batches.map((batch) => sendDigestBatchJobKey(meeting.id, batch)));
    }
  }
  return { enqueued };
}

export async function enqueueBatches(enqueuer: Enqueuer, partnershipId: string, meetingId: string, batches: number[]) {
  if (batches.length === 0) return;
  const keys = batches.map((batch) => sendDigestBatchJobKey(meetingId, batch));
  // A job that used up its attempts without recording the failure (its worker was
  // killed on the last try) still holds its key; unsafe_dedupe would keep it forever.
  await enqueuer.withPgClient((client) =>
    client.query(
      `select ${GRAPHILE_WORKER_SCHEMA}.remove_job(key) from ${GRAPHILE_WORKER_SCHEMA}.jobs
       where key = any($1::text[]) and locked_at is null and attempts >= max_attempts`,
      [keys],
    ),
  );
  for (const [index, batchNumber] of batches.entries()) {
    const payload: SendDigestBatchPayload = { partnershipId, meetingId, batchNumber };
    // unsafe_dedupe, not replace: replace would reset a retrying job's attempts and
    // backoff every time the cron runs, so a failing batch would never be given up.
    await enqueuer.addJob(SEND_DIGEST_BATCH, payload, {
      jobKey: keys[index],
      jobKeyMode: "unsafe_dedupe",
      maxAttempts: SEND_DIGEST_BATCH_MAX_ATTEMPTS,
    });
  }
}

/**
 * Test hook for tests/digest/crash.test.ts: with DIGEST_TEST_PAUSE_AFTER_PROVIDER_CALL=<batch>
 * the worker announces on stdout that the provider accepted that batch and then waits,
 * so the test can SIGKILL it before the deliveries are marked SENT. Inert in
 * production, and when the variable is unset.
 */
export function testPauseAfterProviderCall(): ((batchNumber: number) => Promise<void>) | undefined {
  const raw = process.env.DIGEST_TEST_PAUSE_AFTER_PROVIDER_CALL;
  if (!raw || process.env.NODE_ENV === "production") return undefined;
  const pauseAt = Number.parseInt(raw, 10);
  return async (batchNumber) => {
    if (batchNumber !== pauseAt) return;
    process.stdout.write(`DIGEST_TEST_PAUSED batch=${batchNumber}\n`);
    await new Promise(() => {});
  };
}
