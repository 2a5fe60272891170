// The digest for BENCH_DIGEST_RECIPIENTS board members (default 10,000) of one meeting,
// run as a child of scripts/bench.ts: prepared, rendered with the worker's renderer and
// handed to the real sender (app/utils/email.server.ts, the Resend SDK) pointed at a
// Resend stand-in on 127.0.0.1 that honours Idempotency-Key. Writes the time, provider
// calls and deliveries to BENCH_DIGEST_OUT.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { defaultDependencies } from "~/modules/jobs/tasks.server";
import { pendingBatchNumbers, prepareDigestRun, sendDigestBatch } from "~/modules/digest/delivery.server";
import { loadProfile } from "~/modules/profiles/load-profile.server";
import { disconnectDb, withTenant } from "~/utils/db.server";
import { FakeResend } from "../../tests/digest/fake-resend.js";

const recipients = Number(process.env.BENCH_DIGEST_RECIPIENTS ?? "10000");
const out = process.env.BENCH_DIGEST_OUT;
if (!out || !Number.isInteger(recipients) || recipients < 1 || recipients > 100_000) throw new Error("BENCH_DIGEST_RECIPIENTS (1-100000) and BENCH_DIGEST_OUT are required");
// As the worker runs batches: a few jobs at once.
const CONCURRENCY = 4;

const resend = new FakeResend();
const server = await resend.listen();
// The SDK reads it when the sender first makes its client, after this.
process.env.RESEND_BASE_URL = server.url;
if (!process.env.RESEND_API_KEY) throw new Error("RESEND_API_KEY must be set (any value): without it e-mails go to the outbox");

const slug = `bench-digest-${randomUUID().slice(0, 8)}`;
const { partnershipId } = await loadProfile({
  slug,
  name: "Bench Digest Partnership",
  councils: [],
  agencies: [{ key: "council", name: "Bench Council", kind: "COUNCIL" }],
  people: [],
  boards: [{ key: "board", name: "Community Safety Partnership Board", kind: "PARTNERSHIP_BOARD", members: [] }],
  strategies: [],
  indicators: [],
});
const heldOn = new Date(Date.now() + 3 * 86_400_000);
const meetingId = await withTenant(
  partnershipId,
  async (tx) => {
    const board = await tx.board.findFirstOrThrow({ where: { partnershipId }, select: { id: true } });
    const people = Array.from({ length: recipients }, (_, i) => ({ id: randomUUID(), partnershipId, name: `Member ${i + 1}`, email: `member-${i + 1}@${slug}.bench.example` }));
    for (let start = 0; start < people.length; start += 5000) {
      const chunk = people.slice(start, start + 5000);
      await tx.person.createMany({ data: chunk });
      await tx.boardMember.createMany({ data: chunk.map((person) => ({ partnershipId, boardId: board.id, personId: person.id })) });
    }
    const meeting = await tx.meeting.create({ data: { partnershipId, boardId: board.id, heldOn, place: "Civic Centre" }, select: { id: true } });
    return meeting.id;
  },
  { timeoutMs: 120_000 },
);

const deps = defaultDependencies();
const started = performance.now();
const run = await prepareDigestRun(partnershipId, meetingId);
const prepareSeconds = (performance.now() - started) / 1000;
const batchMs: number[] = [];
const batches = await pendingBatchNumbers(partnershipId, meetingId);
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < batches.length) {
      const batchNumber = batches[next++]!;
      const batchStarted = performance.now();
      const result = await sendDigestBatch(partnershipId, meetingId, batchNumber, { sender: deps.sender, renderer: deps.renderer });
      batchMs.push(performance.now() - batchStarted);
      if (result.status !== "sent") throw new Error(`Batch ${batchNumber}: ${JSON.stringify(result)}`);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

const counts = resend.countsByRecipient();
const duplicates = [...counts.values()].filter((n) => n > 1).length;
writeFileSync(
  out,
  JSON.stringify({ recipients: run.recipientCount, batches: run.batchCount, seconds, prepareSeconds, meanBatchMs: batchMs.reduce((a, b) => a + b, 0) / Math.max(1, batchMs.length), providerCalls: resend.requests.length, delivered: resend.delivered.length, distinctRecipients: counts.size, duplicates }, null, 2),
);
await server.close();
await disconnectDb();
process.exit(0);
