// Exactly once, with the real worker (scripts/worker.ts) as a child process: it is
// SIGKILLed (a) between Resend accepting a batch and the database recording it, and
// (b) part-way through the rest of the run; each restart releases the dead worker's
// locks within seconds, and in the end every member has one delivery row, SENT, and no
// member was sent two distinct e-mails. Resend is a loopback server honouring
// Idempotency-Key as Resend does.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestIdempotencyKey } from "~/modules/digest/delivery.server";
import { PROJECT_ROOT } from "../../scripts/lib/database.js";
import { FakeResend } from "./fake-resend";
import { deliveriesOf, partnershipWithBoard, runOf, ownDatabaseForThisFile } from "./helpers";

const database = ownDatabaseForThisFile();
const resend = new FakeResend();
let resendServer: { url: string; close: () => Promise<void> };
const workers: Worker[] = [];

type Worker = { child: ChildProcess; output: string[]; exited: Promise<void> };

function startWorker(extraEnv: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/worker.ts")], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: database.ownerUrl,
      APP_DATABASE_URL: database.appUrl,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resendServer.url,
      // One job at a time, so the kill points are the ones named below.
      WORKER_CONCURRENCY: "1",
      WORKER_POLL_INTERVAL_MS: "200",
      WORKER_HEARTBEAT_MS: "250",
      WORKER_DEAD_AFTER_MS: "1500",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const worker = { child, output, exited };
  workers.push(worker);
  return worker;
}

async function kill(worker: Worker) {
  worker.child.kill("SIGKILL");
  await worker.exited;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, worker: Worker, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (worker.child.exitCode !== null) throw new Error(`The worker exited while waiting for ${what}:\n${worker.output.join("")}`);
    await sleep(100);
  }
  throw new Error(`Timed out waiting for ${what}. Worker output:\n${worker.output.join("")}`);
}

beforeAll(async () => {
  resendServer = await resend.listen();
});

afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) await kill(worker);
  await resendServer?.close();
});

describe("the digest worker killed mid-send", () => {
  it("delivers each of 250 members exactly one e-mail across SIGKILLs and restarts", async () => {
    const board = await partnershipWithBoard(250, { meetingInDays: 2 });
    const { partnershipId, meetingId } = board;
    const statuses = async () => {
      const rows = await deliveriesOf(partnershipId, meetingId);
      return { rows, sent: rows.filter((row) => row.status === "SENT").length };
    };

    // (a) Killed after Resend accepted batch 2, before the database recorded it.
    const first = startWorker({ DIGEST_TEST_PAUSE_AFTER_PROVIDER_CALL: "2" });
    await waitFor("the pause after batch 2's provider call", () => first.output.join("").includes("DIGEST_TEST_PAUSED batch=2"), first, 30_000);
    await kill(first);
    const afterFirst = await statuses();
    expect(afterFirst.rows).toHaveLength(250);
    expect(afterFirst.rows.filter((row) => row.batchNumber === 1).every((row) => row.status === "SENT")).toBe(true);
    expect(afterFirst.rows.filter((row) => row.batchNumber > 1).every((row) => row.status === "PENDING")).toBe(true);
    expect(resend.delivered).toHaveLength(200); // batch 2 went out; the database does not know

    // (b) Restarted at once (the dead worker's heartbeat is still fresh): it releases
    // batch 2's lock within seconds, resends it under the same key, and is killed
    // part-way through the rest.
    const second = startWorker();
    await waitFor("batch 2 recorded as SENT", async () => (await statuses()).sent >= 200, second);
    await kill(second);

    // Restarted again: finishes whatever is left.
    const third = startWorker();
    await waitFor("every delivery SENT", async () => (await statuses()).sent === 250, third);
    await waitFor("the run finished", async () => (await runOf(partnershipId, meetingId))?.status === "SENT", third);
    await kill(third);

    const { rows } = await statuses();
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((row) => row.personId)).size).toBe(250);
    expect(rows.every((row) => row.status === "SENT" && row.providerId !== null)).toBe(true);

    // Resend saw batch 2's key at least twice and delivered it once.
    expect(resend.requests.filter((r) => r.key === digestIdempotencyKey(meetingId, 2)).length).toBeGreaterThanOrEqual(2);
    expect(resend.requests.every((r) => r.status === 200)).toBe(true);
    expect(resend.delivered).toHaveLength(250);
    expect(resend.countsByRecipient().size).toBe(250);
    expect([...resend.countsByRecipient().values()].every((n) => n === 1)).toBe(true);
    expect(new Set(rows.map((row) => row.providerId))).toEqual(new Set(resend.delivered.map((email) => email.id)));
  }, 60_000);
});
