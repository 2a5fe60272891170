// `npm run test:faults` (also the last step of `npm test`): the app keeps working
// through a PostgreSQL restart, and the digest worker survives SIGKILL.
//
// 1. On an embedded PostgreSQL of its own (.data/faults-postgres), the production
//    server (scripts/server.ts around a build in .build/faults) serves a steady,
//    bounded load of page requests; PostgreSQL is stopped and started again. While it
//    is down every page answers 503 with the error page, quickly (no hang) and the
//    server stays up; within 5 s of PostgreSQL accepting connections pages answer 200
//    again, from the same server process.
// 2. tests/digest/crash.test.ts (vitest): the worker SIGKILLed mid-batch and restarted
//    leaves every recipient with exactly one delivery.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { PROJECT_ROOT, embeddedPort, startEmbeddedPostgres } from "./lib/database.js";
import { createMigratedDatabase } from "../tests/setup/test-database.js";

const PG_PORT = embeddedPort("EMBEDDED_PG_FAULTS_PORT", 54359);
const APP_PORT = embeddedPort("FAULTS_APP_PORT", 3195);
const DATA_DIR = path.join(PROJECT_ROOT, ".data/faults-postgres");
const BUILD_DIR = ".build/faults";
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const SESSION_SECRET = "faults-session-secret-not-for-production";
/** A request taking longer than this counts as a hang. */
const HANG_MS = 5_000;
const RECOVERY_MS = 5_000;
const CLIENTS = 3;
/** The signed-in pages' error page, and the public page's own. */
const ERROR_PAGE = /Sorry, there is a problem with (the service|this page)/;

const children: ChildProcess[] = [];
const failures: string[] = [];
const check = (ok: boolean, message: string) => {
  console.log(`${ok ? "  ✔" : "  ✖"} ${message}`);
  if (!ok) failures.push(message);
};

function startPostgres() {
  return startEmbeddedPostgres({ dataDir: DATA_DIR, port: PG_PORT, log: (line) => console.log(line) });
}

async function postgresAccepts(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

type Sample = { at: number; path: string; status: number | "error" | "hang"; ms: number; body?: string };

async function restartTest() {
  console.log("\n▶ Page requests through a PostgreSQL restart");
  let server = await startPostgres();
  const urls = await createMigratedDatabase(server.serverUrl, "safer_faults");

  const build = spawnSync(path.join(PROJECT_ROOT, "node_modules/.bin/remix"), ["build"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", REMIX_BUILD_DIR: BUILD_DIR },
    timeout: 300_000,
  });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);

  // One partnership shaped like the benchmark's, with a publication and a session.
  const datasetOut = path.join(PROJECT_ROOT, ".data/faults-dataset.json");
  const seeding = spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/bench/dataset.ts")], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    timeout: 300_000,
    env: { ...process.env, NODE_ENV: "production", SESSION_SECRET, APP_URL, APP_DATABASE_URL: urls.appUrl, BENCH_PARTNERSHIPS: "1", BENCH_TAG: "faults", BENCH_DATASET_OUT: datasetOut },
  });
  if (seeding.status !== 0) throw new Error("Seeding the fault test's partnership failed");
  const dataset = JSON.parse(readFileSync(datasetOut, "utf8")) as { cookie: string; pages: Array<{ key: string; path: string }> };
  const pathOf = (key: string) => dataset.pages.find((page) => page.key === key)!.path;
  // A signed-in page (session, membership, withTenant), the public page, and the
  // readiness check: every path by which a request reaches PostgreSQL.
  const targets: Array<{ path: string; headers: Record<string, string> }> = [
    { path: pathOf("indicator"), headers: { Cookie: dataset.cookie } },
    { path: pathOf("public"), headers: {} },
    { path: "/healthz", headers: {} },
  ];

  const app = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/server.ts")], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NODE_ENV: "production", REMIX_BUILD_DIR: BUILD_DIR, APP_DATABASE_URL: urls.appUrl, SESSION_SECRET, APP_URL, PORT: String(APP_PORT) },
  });
  children.push(app);
  let appErrors = "";
  app.stderr?.on("data", (chunk: Buffer) => {
    appErrors = (appErrors + chunk.toString()).slice(-20_000);
  });
  for (let i = 0; i < 300; i += 1) {
    if (app.exitCode !== null) throw new Error(`The app exited while starting:\n${appErrors}`);
    if (await fetch(`${APP_URL}/healthz/live`).then((r) => r.ok, () => false)) break;
    await sleep(200);
  }

  const samples: Sample[] = [];
  const t0 = Date.now();
  let loading = true;
  const client = async (id: number) => {
    // Bounded by time (the phases below) and by count.
    for (let n = 0; loading && n < 20_000; n += 1) {
      const target = targets[(id + n) % targets.length]!;
      const started = Date.now();
      try {
        const response = await fetch(`${APP_URL}${target.path}`, { headers: target.headers, redirect: "manual", signal: AbortSignal.timeout(HANG_MS) });
        const body = await response.text();
        samples.push({ at: started - t0, path: target.path, status: response.status, ms: Date.now() - started, body: response.status === 200 ? undefined : body });
      } catch (error) {
        const hang = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        samples.push({ at: started - t0, path: target.path, status: hang ? "hang" : "error", ms: Date.now() - started });
        await sleep(50);
      }
    }
  };
  const load = Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)));

  // Healthy first: a few answers of each kind (bounded), whatever the machine's speed.
  for (let i = 0; i < 200 && samples.filter((x) => x.status === 200).length < 3 * targets.length; i += 1) await sleep(100);
  await sleep(1_000);
  const stopAt = Date.now() - t0;
  console.log(`  PostgreSQL stopping at ${stopAt} ms`);
  await server.stop();
  const stoppedAt = Date.now() - t0;
  await sleep(6_000);
  const restartAt = Date.now() - t0;
  server = await startPostgres();
  for (let i = 0; i < 100 && !(await postgresAccepts(urls.ownerUrl)); i += 1) await sleep(100);
  const upAt = Date.now() - t0;
  console.log(`  PostgreSQL stopped ${stoppedAt} ms, restarting ${restartAt} ms, accepting connections ${upAt} ms`);
  await sleep(8_000);
  loading = false;
  await load;
  const pidAlive = app.exitCode === null && app.signalCode === null;

  const before = samples.filter((s) => s.at + s.ms < stopAt);
  const down = samples.filter((s) => s.at > stoppedAt + 500 && s.at + s.ms < restartAt);
  // Recovered: the first request that succeeded once PostgreSQL was back had been sent by then.
  const firstOk = samples.filter((s) => s.status === 200 && s.at + s.ms >= upAt).sort((a, b) => a.at - b.at)[0];
  const recoveredAt = firstOk ? Math.max(firstOk.at, upAt) : Infinity;
  const after = samples.filter((s) => s.at >= upAt + RECOVERY_MS);
  const statusCounts = (list: Sample[]) => list.reduce<Record<string, number>>((acc, s) => ({ ...acc, [String(s.status)]: (acc[String(s.status)] ?? 0) + 1 }), {});
  console.log(`  before: ${JSON.stringify(statusCounts(before))}, down: ${JSON.stringify(statusCounts(down))}, after recovery: ${JSON.stringify(statusCounts(after))}`);

  check(before.length > 0 && before.every((s) => s.status === 200), `before the restart every page answered 200 (${before.length} requests)`);
  check(down.length > 0 && down.every((s) => s.status === 503), `while PostgreSQL was down every page answered 503 (${down.length} requests)`);
  // /healthz is the readiness check: plain text, for machines.
  const notAPage = down.find((s) => !(typeof s.body === "string" && (s.path === "/healthz" ? s.body === "database unavailable" : ERROR_PAGE.test(s.body))));
  check(!notAPage, `each 503 was the service's error page${notAPage ? ` (not ${notAPage.path}: ${String(notAPage.body).slice(0, 300)})` : ""}`);
  check(samples.every((s) => s.status !== "hang" && s.status !== "error"), `no request hung past ${HANG_MS} ms or lost its connection (slowest ${Math.max(...samples.map((s) => s.ms))} ms)`);
  check(recoveredAt - upAt <= RECOVERY_MS, `a request sent ${recoveredAt - upAt} ms after PostgreSQL came back answered 200 (limit ${RECOVERY_MS} ms)`);
  check(after.length > 0 && after.every((s) => s.status === 200), `every request sent from ${RECOVERY_MS} ms after its return answered 200 (${after.length} requests)`);
  check(pidAlive, "the same app process served throughout (not restarted, not crashed)");

  app.kill("SIGTERM");
  await server.stop();
}

function digestCrashTest() {
  console.log("\n▶ The digest worker killed with SIGKILL mid-batch and restarted (tests/digest/crash.test.ts)");
  const result = spawnSync(path.join(PROJECT_ROOT, "node_modules/.bin/vitest"), ["run", "tests/digest/crash.test.ts"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    timeout: 600_000,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  check(result.status === 0, "every recipient has exactly one delivery after SIGKILLs and restarts");
}

const hardStop = setTimeout(() => {
  console.error("The fault test ran past its 15-minute bound: stopping.");
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
}, 15 * 60_000);
hardStop.unref();

try {
  await restartTest();
  // `npm test` passes it: its vitest step has already run the crash test.
  if (!process.argv.includes("--skip-digest")) digestCrashTest();
} catch (error) {
  failures.push(String(error instanceof Error ? error.stack : error));
  console.error(error);
} finally {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}
if (failures.length > 0) {
  console.error(`\n✖ Fault tests failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("\n✔ Fault tests passed");
process.exit(0);
