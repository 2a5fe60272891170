// `npm run worker`: the job worker (graphile-worker on PostgreSQL; no Redis). Runs the
// tasks in app/modules/jobs/tasks.server.ts and the cron that finds due digests.
// graphile-worker connects as the owner (DATABASE_URL): it installs and migrates its own
// schema. Tenant data is reached only through withTenant on the app role
// (APP_DATABASE_URL), exactly as the app does. docs/decisions/0010-jobs-on-postgresql.md.
//
// Environment: DATABASE_URL, APP_DATABASE_URL (without DATABASE_URL, the dev database
// `npm run dev` uses), WORKER_CONCURRENCY (default 2), WORKER_POLL_INTERVAL_MS (2000),
// WORKER_HEARTBEAT_MS (10000), WORKER_DEAD_AFTER_MS (60000).
import "dotenv/config";
import { EventEmitter } from "node:events";
import os from "node:os";
import { makeWorkerUtils, run, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { resolveDevDatabase } from "./lib/dev-database.js";

const log = (line: string) => console.log(`[worker] ${line}`);

const database = await resolveDevDatabase(log);
process.env.APP_DATABASE_URL = database.appUrl;

const { CRONTAB, FIND_DUE_DIGESTS, makeTaskList } = await import("../app/modules/jobs/tasks.server.js");
const { beat, forgetWorkers, heartbeatSettings, installHeartbeatTable, releaseDeadWorkers } = await import(
  "../app/modules/jobs/heartbeat.server.js"
);
const { disconnectDb } = await import("../app/utils/db.server.js");

const concurrency = Number.parseInt(process.env.WORKER_CONCURRENCY ?? "2", 10);
const pollInterval = Number.parseInt(process.env.WORKER_POLL_INTERVAL_MS ?? "2000", 10);
const heartbeat = heartbeatSettings();
const me = { pid: process.pid, hostname: os.hostname() };

const pgPool = new pg.Pool({ connectionString: database.ownerUrl, max: concurrency + 4 });
// An idle client losing its connection (a database restart) must not crash the worker.
pgPool.on("error", (error) => log(`Database connection lost: ${error.message}`));
pgPool.on("connect", (client) => client.on("error", (error) => log(`Database connection lost: ${error.message}`)));
const utils = await makeWorkerUtils({ pgPool });
// Installs or upgrades graphile-worker's schema before anything reads it.
await utils.migrate();
await installHeartbeatTable(pgPool);

async function releaseTheDead() {
  const dead = await releaseDeadWorkers(pgPool, utils, heartbeat.deadAfterMs);
  if (dead.length > 0) log(`Released the jobs of dead workers: ${dead.join(", ")}`);
}
await releaseTheDead();

// graphile-worker 0.17 locks jobs in the name of the pool (locked_by = "pool-..."), and
// each worker in it has an id too: both are stamped, so either found in a lock is known.
const workerIds = new Set<string>();
const events = new EventEmitter() as WorkerEvents;
function remember(id: string) {
  workerIds.add(id);
  void beat(pgPool, [id], me).catch((error: unknown) => log(`Heartbeat failed: ${String(error)}`));
}
events.on("pool:create", ({ workerPool }) => remember(workerPool.id));
events.on("worker:create", ({ worker }) => remember(worker.workerId));

const runner = await run({
  pgPool,
  concurrency,
  pollInterval,
  // Signals are ours: the heartbeat rows go with a clean stop (below).
  noHandleSignals: true,
  events,
  taskList: makeTaskList(),
  crontab: CRONTAB,
});
log(`Started ${concurrency} worker(s) in process ${process.pid}`);

// Look for due digests now rather than at the next quarter hour (after a deploy, say).
await utils.addJob(FIND_DUE_DIGESTS, {}, { jobKey: FIND_DUE_DIGESTS, jobKeyMode: "replace", maxAttempts: 3 });

const timer = setInterval(() => {
  void (async () => {
    await beat(pgPool, [...workerIds], me);
    // Every beat, not only on start: a worker that dies while this one runs is
    // recovered too, within deadAfterMs.
    await releaseTheDead();
  })().catch((error: unknown) => log(`Heartbeat failed: ${String(error)}`));
}, heartbeat.intervalMs);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing the jobs in hand, then stopping`);
  clearInterval(timer);
  try {
    await runner.stop();
    await forgetWorkers(pgPool, [...workerIds]);
  } finally {
    await utils.release();
    await pgPool.end();
    await disconnectDb();
    await database.stop();
  }
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));

await runner.promise;
