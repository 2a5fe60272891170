// Preparing and sending a meeting's digest: batches, idempotency keys, retries and
// failures, with Resend's HTTP API mocked at the network edge (MSW).
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/access/actor.server";
import {
  digestIdempotencyKey,
  prepareDigestRun,
  sendDigestBatch,
  type DigestBatchSender,
} from "~/modules/digest/delivery.server";
import { makeDigestRenderer } from "~/modules/digest/digest-content.server";
import { digestDeliveryReport } from "~/modules/digest/report.server";
import { withTenant } from "~/utils/db.server";
import { sendEmailBatch } from "~/utils/email.server";
import { FakeResend } from "./fake-resend";
import { deliveriesOf, partnershipWithBoard, runOf } from "./helpers";

const renderDigest = makeDigestRenderer();

// Resend for this file only (the environment is read on first use); restored after.
const saved = { RESEND_API_KEY: process.env.RESEND_API_KEY, RESEND_BASE_URL: process.env.RESEND_BASE_URL };
process.env.RESEND_API_KEY = "re_test_key";
delete process.env.RESEND_BASE_URL;

let resend = new FakeResend();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function installFakeResend() {
  resend = new FakeResend();
  server.use(...resend.mswHandlers());
  return resend;
}

const crash = async () => {
  throw new Error("worker killed after the provider call");
};

describe("prepareDigestRun", () => {
  it("stores one delivery per member with an address, in batches of at most 100 ordered by person, before any call", async () => {
    const board = await partnershipWithBoard(250, { withoutEmail: 2 });
    const run = await prepareDigestRun(board.partnershipId, board.meetingId);
    expect(run).toMatchObject({ recipientCount: 250, batchCount: 3, created: true });

    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(rows).toHaveLength(250);
    expect(rows.every((row) => row.status === "PENDING" && row.attempts === 0 && row.subject === null)).toBe(true);
    const sizes = [1, 2, 3].map((batch) => rows.filter((row) => row.batchNumber === batch).length);
    expect(sizes).toEqual([100, 100, 50]);
    const byPerson = [...rows].sort((a, b) => a.personId.localeCompare(b.personId));
    expect(byPerson.map((row) => row.batchNumber)).toEqual(byPerson.map((_, index) => Math.floor(index / 100) + 1));
    expect(new Set(rows.map((row) => row.email)).size).toBe(250);

    // The sender looks at the database at the moment of the first call: every batch is there.
    let seenAtFirstCall: Array<{ batchNumber: number; subject: string | null }> = [];
    const sender: DigestBatchSender = async (emails) => {
      seenAtFirstCall = await deliveriesOf(board.partnershipId, board.meetingId);
      return emails.map((_, index) => ({ id: `id-${index}` }));
    };
    await sendDigestBatch(board.partnershipId, board.meetingId, 1, { sender, renderer: renderDigest });
    expect(seenAtFirstCall).toHaveLength(250);
    expect(seenAtFirstCall.filter((row) => row.batchNumber === 1).every((row) => row.subject !== null)).toBe(true);
  });

  it("changes nothing when called again, even after the board changed", async () => {
    const board = await partnershipWithBoard(120);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const before = await deliveriesOf(board.partnershipId, board.meetingId);

    await withTenant(board.partnershipId, async (tx) => {
      const person = await tx.person.create({ data: { partnershipId: board.partnershipId, name: "Late joiner", email: "late@test.example" } });
      await tx.boardMember.create({ data: { partnershipId: board.partnershipId, boardId: board.boardId, personId: person.id } });
    });
    const again = await prepareDigestRun(board.partnershipId, board.meetingId);
    expect(again).toMatchObject({ recipientCount: 120, batchCount: 2, created: false });
    expect(await deliveriesOf(board.partnershipId, board.meetingId)).toEqual(before);
  });

  it("collapses concurrent calls into one run", async () => {
    const board = await partnershipWithBoard(30);
    const results = await Promise.all([1, 2, 3].map(() => prepareDigestRun(board.partnershipId, board.meetingId)));
    expect(new Set(results.map((r) => r.runId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await deliveriesOf(board.partnershipId, board.meetingId)).toHaveLength(30);
  });

  it("refuses a meeting already past, and writes nothing", async () => {
    const board = await partnershipWithBoard(3, { meetingInDays: -1 });
    await expect(prepareDigestRun(board.partnershipId, board.meetingId)).rejects.toMatchObject({ reason: "meeting-past" });
    expect(await runOf(board.partnershipId, board.meetingId)).toBeNull();
    expect(await deliveriesOf(board.partnershipId, board.meetingId)).toHaveLength(0);
  });
});

describe("sendDigestBatch through Resend's batch API", () => {
  it("sends each batch with the key digest/<meeting>/<batch> and marks it SENT with the provider's ids", async () => {
    const fake = installFakeResend();
    const board = await partnershipWithBoard(150);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const sentAt = new Date("2026-11-30T12:34:56.789Z");
    for (const batch of [1, 2]) {
      expect(
        await sendDigestBatch(board.partnershipId, board.meetingId, batch, { sender: sendEmailBatch, renderer: renderDigest, now: () => sentAt }),
      ).toMatchObject({
        status: "sent",
      });
    }
    expect(fake.requests.map((r) => [r.key, r.count])).toEqual([
      [digestIdempotencyKey(board.meetingId, 1), 100],
      [digestIdempotencyKey(board.meetingId, 2), 50],
    ]);
    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(rows.every((row) => row.status === "SENT" && row.sentAt?.toISOString() === sentAt.toISOString())).toBe(true);
    const delivered = new Map(fake.delivered.map((email) => [email.to, email.id]));
    expect(rows.map((row) => row.providerId)).toEqual(rows.map((row) => delivered.get(row.email)));
    expect(fake.delivered[0]!.subject).toMatch(/^Community Safety Board: briefing for the meeting on \d{1,2} \w+ \d{4}$/);
    expect(fake.delivered[0]!.text).toContain(`/${board.slug}/meetings/${board.meetingId}`);
    expect((await runOf(board.partnershipId, board.meetingId))?.status).toBe("SENT");
    // A batch already sent is not sent again.
    expect(await sendDigestBatch(board.partnershipId, board.meetingId, 1, { sender: sendEmailBatch, renderer: renderDigest })).toEqual({
      status: "nothing-to-send",
    });
    expect(fake.requests).toHaveLength(2);
  });

  it("after a crash between the provider call and the commit, resends the identical batch under the same key: delivered once", async () => {
    const fake = installFakeResend();
    const board = await partnershipWithBoard(40);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const options = { sender: sendEmailBatch, renderer: renderDigest };
    await expect(sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, afterProviderCall: crash })).rejects.toThrow(/killed/);
    expect((await deliveriesOf(board.partnershipId, board.meetingId)).every((row) => row.status === "PENDING")).toBe(true);

    // What the digest says changes before the retry; the stored e-mails are resent as they were.
    await withTenant(board.partnershipId, (tx) => tx.meeting.update({ where: { id: board.meetingId }, data: { place: "Civic Centre" } }));
    expect(await sendDigestBatch(board.partnershipId, board.meetingId, 1, options)).toMatchObject({ status: "sent", count: 40 });

    expect(fake.requests.map((r) => [r.key, r.status])).toEqual([
      [digestIdempotencyKey(board.meetingId, 1), 200],
      [digestIdempotencyKey(board.meetingId, 1), 200],
    ]);
    expect(fake.delivered).toHaveLength(40);
    expect([...fake.countsByRecipient().values()].every((n) => n === 1)).toBe(true);
    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(rows.every((row) => row.status === "SENT")).toBe(true);
    expect(new Set(rows.map((row) => row.providerId))).toEqual(new Set(fake.delivered.map((email) => email.id)));
    expect(fake.delivered.every((email) => email.text.includes("Town Hall"))).toBe(true);
  });

  it("records each failed try, retries, and sends once when Resend recovers (429)", async () => {
    const fake = installFakeResend();
    const board = await partnershipWithBoard(5);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    fake.failNext(429);
    const options = { sender: sendEmailBatch, renderer: renderDigest, maxAttempts: 3 };
    await expect(sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt: 1 })).rejects.toThrow(/429/);
    const afterFailure = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(afterFailure.every((row) => row.status === "PENDING" && row.attempts === 1 && /429/.test(row.lastError ?? ""))).toBe(true);

    expect(await sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt: 2 })).toMatchObject({ status: "sent" });
    expect(fake.delivered).toHaveLength(5);
    expect((await deliveriesOf(board.partnershipId, board.meetingId)).every((row) => row.status === "SENT" && row.lastError === null)).toBe(true);
  });

  it("after the last attempt marks the batch FAILED with the error, which the manager sees", async () => {
    const fake = installFakeResend();
    const board = await partnershipWithBoard(4, { withoutEmail: 1 });
    await prepareDigestRun(board.partnershipId, board.meetingId);
    fake.failNext(500, 500, 500);
    const options = { sender: sendEmailBatch, renderer: renderDigest, maxAttempts: 3 };
    for (const attempt of [1, 2]) {
      await expect(sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt })).rejects.toThrow(/500/);
    }
    const result = await sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt: 3 });
    expect(result).toMatchObject({ status: "failed", count: 4 });
    expect(fake.delivered).toHaveLength(0);

    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(rows.every((row) => row.status === "FAILED" && row.attempts === 3 && /Resend refused the batch .*500/.test(row.lastError ?? ""))).toBe(true);
    const run = await runOf(board.partnershipId, board.meetingId);
    expect(run).toMatchObject({ status: "FAILED" });
    expect(run?.finishedAt).not.toBeNull();

    const manager = await managerOf(board.partnershipId);
    const report = await digestDeliveryReport(manager, board.meetingId);
    expect(report?.counts).toEqual({ pending: 0, sent: 0, failed: 4 });
    expect(report?.failed).toHaveLength(4);
    expect(report?.failed[0]).toMatchObject({ attempts: 3, lastError: expect.stringContaining("500") });
    expect(report?.unreachable.map((p) => p.name).sort()).toEqual(["Unreachable 1", "the Cabinet Member"].sort());

    await expect(digestDeliveryReport({ ...manager, role: "VIEWER" }, board.meetingId)).rejects.toMatchObject({ status: 403 });
  });
});

describe("a digest that cannot be rendered", () => {
  it("counts as a failed try, and is given up after the last, without calling the provider", async () => {
    const fake = installFakeResend();
    const board = await partnershipWithBoard(3);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const renderer = async () => {
      throw new Error("The agenda could not be read");
    };
    const options = { sender: sendEmailBatch, renderer, maxAttempts: 2 };
    await expect(sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt: 1 })).rejects.toThrow(/agenda/);
    expect(await sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt: 2 })).toMatchObject({ status: "failed", count: 3 });
    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(rows.every((row) => row.status === "FAILED" && row.attempts === 2 && row.lastError === "The agenda could not be read" && row.subject === null)).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });
});

async function managerOf(partnershipId: string): Promise<Actor> {
  return { userId: crypto.randomUUID(), userName: "Manager", partnershipId, membershipId: crypto.randomUUID(), role: "PARTNERSHIP_MANAGER", agencyId: null };
}
