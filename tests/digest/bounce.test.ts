// Resend's side of issue 7, part 6 and its bad input, with Resend's HTTP API mocked at
// the network edge (MSW): the unsubscribe headers in the batch payload, a 429 or 500
// that is retried under the same key and delivered once, and the signed bounce and
// complaint webhook that suppresses an address.
import { randomUUID } from "node:crypto";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { digestIdempotencyKey, prepareDigestRun, sendDigestBatch, type DigestRenderer } from "~/modules/digest/delivery.server";
import { isSuppressed } from "~/modules/email-suppression/email-suppression.server";
import { signWebhook } from "~/modules/email-suppression/resend-webhook.server";
import { action as webhook } from "~/routes/webhooks.resend";
import { db } from "~/utils/db.server";
import { sendEmailBatch } from "~/utils/email.server";
import { FakeResend } from "./fake-resend";
import { deliveriesOf, partnershipWithBoard } from "./helpers";

// Resend and its webhook secret for this file only (the environment is read on first use).
const SECRET = `whsec_${Buffer.from("a test secret of thirty-two bytes").toString("base64")}`;
const saved = { RESEND_API_KEY: process.env.RESEND_API_KEY, RESEND_BASE_URL: process.env.RESEND_BASE_URL, RESEND_WEBHOOK_SECRET: process.env.RESEND_WEBHOOK_SECRET };
process.env.RESEND_API_KEY = "re_test_key";
process.env.RESEND_WEBHOOK_SECRET = SECRET;
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

const renderer: DigestRenderer = async (_tx, { meeting }, recipient) => ({
  subject: `${meeting.board.name}: your briefing`,
  html: `<p>Dear ${recipient.name}</p>`,
  text: `Dear ${recipient.name}`,
});

describe("digest batches sent through Resend", () => {
  it("carry the unsubscribe headers in the payload", async () => {
    const fake = installFakeResend();
    const board = await partnershipWithBoard(2);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    await sendDigestBatch(board.partnershipId, board.meetingId, 1, { sender: sendEmailBatch, renderer });
    expect(fake.delivered).toHaveLength(2);
    for (const email of fake.delivered) {
      expect(email.headers).toEqual({
        "List-Unsubscribe": expect.stringMatching(/^<https?:\/\/[^>]+\/unsubscribe\/[A-Za-z0-9_-]{107}>$/),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
    }
  });

  it.each([429, 500])("are retried after a %i under the same key, and each member gets one e-mail", async (status) => {
    const fake = installFakeResend();
    fake.failNext(status);
    const board = await partnershipWithBoard(3);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const options = { sender: sendEmailBatch, renderer, maxAttempts: 8 };

    // The first try throws, so the job runner retries it later with backoff.
    await expect(sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt: 1 })).rejects.toThrow(`(${status})`);
    expect((await deliveriesOf(board.partnershipId, board.meetingId)).every((row) => row.status === "PENDING" && row.attempts === 1)).toBe(true);
    expect(await sendDigestBatch(board.partnershipId, board.meetingId, 1, { ...options, attempt: 2 })).toEqual({ status: "sent", count: 3 });

    const key = digestIdempotencyKey(board.meetingId, 1);
    expect(fake.requests.map((r) => [r.key, r.status])).toEqual([
      [key, status],
      [key, 200],
    ]);
    expect([...fake.countsByRecipient().values()]).toEqual([1, 1, 1]);
    expect((await deliveriesOf(board.partnershipId, board.meetingId)).every((row) => row.status === "SENT")).toBe(true);
  });
});

describe("a refusal no retry can change", () => {
  it("(422) marks the batch FAILED at once instead of retrying for half an hour", async () => {
    const fake = installFakeResend();
    fake.failNext(422);
    const board = await partnershipWithBoard(2);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const result = await sendDigestBatch(board.partnershipId, board.meetingId, 1, { sender: sendEmailBatch, renderer, attempt: 1, maxAttempts: 8 });
    expect(result).toMatchObject({ status: "failed", count: 2 });
    expect((await deliveriesOf(board.partnershipId, board.meetingId)).map((row) => row.status)).toEqual(["FAILED", "FAILED"]);
    expect(fake.delivered).toEqual([]);
  });
});

function webhookRequest(body: string, options: { id?: string; timestamp?: number; signature?: string } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = options.signature ?? `v1,${signWebhook(SECRET, id, timestamp, body)}`;
  const request = new Request("http://localhost/webhooks/resend", {
    method: "POST",
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": timestamp, "svix-signature": signature },
    body,
  });
  return webhook({ request, params: {}, context: {} });
}

const bounced = (to: string, type = "Permanent") =>
  JSON.stringify({ type: "email.bounced", created_at: new Date().toISOString(), data: { email_id: randomUUID(), to: [to], bounce: { type, message: "No such user" } } });

describe("Resend's webhook", () => {
  it("suppresses a hard-bounced address on a valid signature; a replay changes nothing", async () => {
    const to = `Gone-${randomUUID().slice(0, 8)}@test.example`;
    const body = bounced(to);
    const first = await webhookRequest(body, { id: "msg_replayed" });
    expect(first.status).toBe(200);
    expect(await isSuppressed(to)).toBe(true);
    const replay = await webhookRequest(body, { id: "msg_replayed" });
    expect(replay.status).toBe(200);
    expect(await db().emailSuppression.findMany({ where: { email: to.toLowerCase() }, select: { reason: true, providerEvent: true } })).toEqual([
      { reason: "BOUNCED", providerEvent: "msg_replayed" },
    ]);
  });

  it("suppresses a complaint, and ignores a soft bounce and other events", async () => {
    const complainer = `spam-${randomUUID().slice(0, 8)}@test.example`;
    const soft = `full-${randomUUID().slice(0, 8)}@test.example`;
    const complaint = JSON.stringify({ type: "email.complained", data: { email_id: randomUUID(), to: [complainer] } });
    expect((await webhookRequest(complaint)).status).toBe(200);
    expect((await webhookRequest(bounced(soft, "Transient"))).status).toBe(200);
    expect((await webhookRequest(JSON.stringify({ type: "email.delivered", data: { to: [soft] } }))).status).toBe(200);
    expect(await isSuppressed(complainer)).toBe(true);
    expect(await isSuppressed(soft)).toBe(false);
  });

  it("answers 400 and changes nothing for a bad signature, an altered body, an old timestamp or none at all", async () => {
    const to = `forged-${randomUUID().slice(0, 8)}@test.example`;
    const body = bounced(to);
    const id = "msg_forged";
    const now = Math.floor(Date.now() / 1000);
    const signed = `v1,${signWebhook(SECRET, id, String(now), body)}`;
    const attempts = [
      webhookRequest(body, { id, timestamp: now, signature: `v1,${signWebhook(`whsec_${Buffer.from("another secret").toString("base64")}`, id, String(now), body)}` }),
      webhookRequest(body.replace("Permanent", "Permanent "), { id, timestamp: now, signature: signed }),
      webhookRequest(body, { id, timestamp: now - 6 * 60 }),
      webhookRequest(body, { id, timestamp: now, signature: "" }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(400);
    expect(await isSuppressed(to)).toBe(false);
  });
});
