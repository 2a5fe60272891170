// `npm run dev`: a running, seeded app on a fresh machine. Without DATABASE_URL it
// starts (or reuses) the embedded PostgreSQL under .data/; then migrates, seeds when
// empty, and runs `remix dev` with the app server (scripts/server.ts) on
// http://localhost:3000.
import "dotenv/config";
import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PROJECT_ROOT } from "./lib/database.js";
import { resolveDevDatabase } from "./lib/dev-database.js";
import { prepareDatabase } from "./lib/prepare-database.js";

const log = (line: string) => console.log(`[dev] ${line}`);
const database = await resolveDevDatabase(log);
log(database.embedded ? `Embedded PostgreSQL at ${new URL(database.ownerUrl).host}` : "Using DATABASE_URL");

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await database.stop().catch(() => {});
  process.exit(code);
}

try {
  const { printDemoAccounts } = await prepareDatabase(database, log);
  printDemoAccounts((line) => log(line));
} catch (error) {
  console.error(error);
  await shutdown(1);
}

const port = process.env.PORT ?? "3000";
// --manual: the app server (scripts/server.ts) stays up and loads each new build
// itself, so the database pool and the embedded server survive a rebuild.
const remix = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/remix"), ["dev", "--manual", "-c", "node --import tsx scripts/server.ts"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "development",
    PORT: port,
    DATABASE_URL: database.ownerUrl,
    APP_DATABASE_URL: database.appUrl,
  },
});
log(`Serving http://localhost:${port}`);

// The job worker (digests, reminders) beside the app, as production runs it
// (fly.toml [processes]). Started with node directly, not through the tsx CLI, so a
// signal reaches the worker itself rather than a wrapper.
const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: database.ownerUrl,
    APP_DATABASE_URL: database.appUrl,
  },
});
const workerExited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
let workerStopRequested = false;
worker.on("exit", (code, signal) => {
  if (!workerStopRequested) log(`The job worker stopped (${signal ?? `exit code ${code}`}); the app runs on. Restart it with \`npm run worker\`.`);
});

/** The worker finishes its jobs in hand before the database it uses is stopped. */
async function stopWorker(signal: NodeJS.Signals) {
  workerStopRequested = true;
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  worker.kill(signal);
  const timedOut = await Promise.race([workerExited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) worker.kill("SIGKILL");
}

remix.on("exit", (code) => void stopWorker("SIGTERM").finally(() => void shutdown(code ?? 0)));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    remix.kill(signal);
    void stopWorker(signal).finally(() => void shutdown(0));
  });
}
