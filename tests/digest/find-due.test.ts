// The cron task: which meetings' digests are due, preparing their runs and enqueuing
// one job per pending batch. Its own database: the task scans every partnership.
import { describe, expect, it } from "vitest";
import { approveDigestRun } from "~/modules/digest/report.server";
import { findDueDigestsAndEnqueue, SEND_DIGEST_BATCH, sendDigestBatchJobKey } from "~/modules/jobs/tasks.server";
import { withTenant } from "~/utils/db.server";
import { createUser } from "../factories";
import { deliveriesOf, partnershipWithBoard, runOf, ownDatabaseForThisFile } from "./helpers";

ownDatabaseForThisFile();

function recordingEnqueuer() {
  const jobs: Array<{ task: string; payload: unknown; jobKey?: string; jobKeyMode?: string }> = [];
  const enqueuer = {
    addJob: async (task: string, payload?: unknown, spec?: { jobKey?: string; jobKeyMode?: string }) => {
      jobs.push({ task, payload, jobKey: spec?.jobKey, jobKeyMode: spec?.jobKeyMode });
      return {} as never;
    },
    withPgClient: async <T,>(fn: (client: never) => Promise<T>) => fn({ query: async () => ({ rows: [] }) } as never),
  };
  return { jobs, enqueuer: enqueuer as unknown as Parameters<typeof findDueDigestsAndEnqueue>[1] };
}

describe("find_due_digests", () => {
  it("prepares meetings within their board's days-before and enqueues each batch under a job key; nothing for later, past or approval-bound meetings", async () => {
    const due = await partnershipWithBoard(205, { meetingInDays: 5 });
    const later = await partnershipWithBoard(3, { meetingInDays: 6 });
    const past = await partnershipWithBoard(3, { meetingInDays: -2 });
    const approval = await partnershipWithBoard(3, { meetingInDays: 1 });
    await withTenant(approval.partnershipId, (tx) => tx.board.update({ where: { id: approval.boardId }, data: { digestNeedsApproval: true } }));
    const closer = await partnershipWithBoard(2, { meetingInDays: 8 });
    await withTenant(closer.partnershipId, (tx) => tx.board.update({ where: { id: closer.boardId }, data: { digestDaysBefore: 10 } }));

    const { jobs, enqueuer } = recordingEnqueuer();
    await findDueDigestsAndEnqueue(new Date(), enqueuer);

    const keys = jobs.map((job) => job.jobKey);
    expect(keys).toEqual(
      expect.arrayContaining([1, 2, 3].map((b) => sendDigestBatchJobKey(due.meetingId, b)).concat(sendDigestBatchJobKey(closer.meetingId, 1))),
    );
    expect(jobs).toHaveLength(4);
    expect(jobs.every((job) => job.task === SEND_DIGEST_BATCH && job.jobKeyMode === "unsafe_dedupe")).toBe(true);
    expect(jobs.find((job) => job.jobKey === sendDigestBatchJobKey(due.meetingId, 2))?.payload).toEqual({
      partnershipId: due.partnershipId,
      meetingId: due.meetingId,
      batchNumber: 2,
    });
    expect(await deliveriesOf(due.partnershipId, due.meetingId)).toHaveLength(205);
    for (const skipped of [later, past, approval]) expect(await runOf(skipped.partnershipId, skipped.meetingId)).toBeNull();

    // Again: the runs stay as they are and the same keys are offered (the queue collapses them).
    const before = await deliveriesOf(due.partnershipId, due.meetingId);
    const second = recordingEnqueuer();
    await findDueDigestsAndEnqueue(new Date(), second.enqueuer);
    expect(second.jobs.map((job) => job.jobKey).sort()).toEqual([...keys].sort());
    expect(await deliveriesOf(due.partnershipId, due.meetingId)).toEqual(before);
  });

  it("goes on the right calendar day in London: just after midnight BST is already the next day", async () => {
    // 23:30 UTC on 10 June is 00:30 on 11 June in London; 5 days before 16 June is 11 June.
    const board = await partnershipWithBoard(2, { heldOn: new Date(Date.UTC(2027, 5, 16)) });
    const { enqueuer: early } = recordingEnqueuer();
    await findDueDigestsAndEnqueue(new Date("2027-06-10T22:59:00Z"), early);
    expect(await runOf(board.partnershipId, board.meetingId)).toBeNull();

    const { jobs, enqueuer } = recordingEnqueuer();
    await findDueDigestsAndEnqueue(new Date("2027-06-10T23:30:00Z"), enqueuer);
    expect(jobs.map((job) => job.jobKey)).toContain(sendDigestBatchJobKey(board.meetingId, 1));
    expect(await runOf(board.partnershipId, board.meetingId)).not.toBeNull();
  });

  it("sends a board's digest that needs approval only once a manager approved it, and records who did", async () => {
    const board = await partnershipWithBoard(3, { meetingInDays: 2 });
    await withTenant(board.partnershipId, (tx) => tx.board.update({ where: { id: board.boardId }, data: { digestNeedsApproval: true } }));
    const first = recordingEnqueuer();
    await findDueDigestsAndEnqueue(new Date(), first.enqueuer);
    expect(first.jobs.filter((job) => job.jobKey?.includes(board.meetingId))).toHaveLength(0);

    const user = await createUser({ memberships: [{ partnershipId: board.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const membership = await withTenant(board.partnershipId, (tx) =>
      tx.membership.findFirstOrThrow({ where: { partnershipId: board.partnershipId, userId: user.id } }),
    );
    const manager = { userId: user.id, userName: user.name, partnershipId: board.partnershipId, membershipId: membership.id, role: "PARTNERSHIP_MANAGER" as const, agencyId: null };
    expect(await approveDigestRun(manager, board.meetingId)).toMatchObject({ recipientCount: 3, batchCount: 1, created: true });
    expect(await approveDigestRun(manager, board.meetingId)).toMatchObject({ created: false });
    const audit = await withTenant(board.partnershipId, (tx) =>
      tx.auditEvent.findMany({ where: { partnershipId: board.partnershipId, entityId: board.meetingId } }),
    );
    expect(audit.map((event) => event.action)).toEqual(["approved the digest"]);

    const second = recordingEnqueuer();
    await findDueDigestsAndEnqueue(new Date(), second.enqueuer);
    expect(second.jobs.map((job) => job.jobKey)).toContain(sendDigestBatchJobKey(board.meetingId, 1));
    await expect(approveDigestRun({ ...manager, role: "VIEWER" }, board.meetingId)).rejects.toMatchObject({ status: 403 });
  });
});
