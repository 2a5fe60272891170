// `npm run bench`: seeds partnerships at the scale of England and Wales on a database
// of its own, serves the production build with scripts/server.ts (what production
// runs: Express around the Remix build), measures the most used pages with autocannon
// on 127.0.0.1 against a trivial route of the same server, counts each page's SQL
// queries at two data sizes, times 10,000 digests to a loopback Resend stand-in, and
// writes bench/results.json and bench/RESULTS.md. docs/decisions/0016-benchmark.md.
//
// BENCH_PARTNERSHIPS (350), BENCH_DURATION (seconds per page, 20), BENCH_CONNECTIONS
// (10), BENCH_DIGEST_RECIPIENTS (10000), BENCH_REUSE=1 (skip seeding), DATABASE_URL (use that server, databases
// safer_bench and safer_bench_small, instead of the embedded one on port 54349).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { PROJECT_ROOT, deriveAppUrl, embeddedPort, startEmbeddedPostgres, withDatabase } from "./lib/database.js";
import { createMigratedDatabase } from "../tests/setup/test-database.js";

const intFromEnv = (name: string, fallback: number, min: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
};
const PARTNERSHIPS = intFromEnv("BENCH_PARTNERSHIPS", 350, 1, 1000);
const SMALL_PARTNERSHIPS = 10;
const DURATION = intFromEnv("BENCH_DURATION", 20, 1, 120);
const CONNECTIONS = intFromEnv("BENCH_CONNECTIONS", 10, 1, 100);
const DIGEST_RECIPIENTS = intFromEnv("BENCH_DIGEST_RECIPIENTS", 10_000, 1, 100_000);
const PORT = embeddedPort("BENCH_APP_PORT", 3190);
const BUILD_DIR = ".build/bench";
const WORK_DIR = path.join(PROJECT_ROOT, ".data/bench");
const RESULTS_DIR = path.join(PROJECT_ROOT, "bench");
const SESSION_SECRET = "bench-session-secret-not-for-production";
const APP_URL = `http://127.0.0.1:${PORT}`;

const children: ChildProcess[] = [];
const log = (line: string) => console.log(line);

/** Runs a TypeScript script to completion (bounded), output shown. */
async function runScript(script: string, env: Record<string, string>, timeoutMs: number) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, script)], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", SESSION_SECRET, APP_URL, ...env },
  });
  children.push(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${script} failed (exit ${code ?? "killed: timed out"})`);
}

function build() {
  log(`Building the production bundle into ${BUILD_DIR} ...`);
  const result = spawnSync(path.join(PROJECT_ROOT, "node_modules/.bin/remix"), ["build"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", REMIX_BUILD_DIR: BUILD_DIR },
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`);
}

async function startApp(appUrl: string, options: { pageCache: boolean }) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/server.ts")], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", REMIX_BUILD_DIR: BUILD_DIR, APP_DATABASE_URL: appUrl, SESSION_SECRET, APP_URL, PORT: String(PORT), PAGE_CACHE: options.pageCache ? "on" : "off" },
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("The app server exited while starting");
    try {
      if ((await fetch(`${APP_URL}/healthz/live`)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error("The app server did not answer within 60 s");
}

type Measured = { requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number };

async function measure(url: string, headers: Record<string, string>, seconds: number): Promise<Measured> {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds, timeout: 10 });
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

type Dataset = {
  partnerships: number;
  partnershipsInDb: number;
  seedSeconds: number;
  totals: Record<string, number>;
  target: { slug: string; sizes: Record<string, number> };
  cookie: string;
  pages: Array<{ key: string; name: string; path: string; queries: number; loaderJsonBytes: number | null }>;
};

const TARGET_RATIO: Record<string, number> = { home: 0.5, priority: 0.5, indicator: 0.5, public: 0.5, board: 0.25, report: 0.25 };

async function main() {
  mkdirSync(WORK_DIR, { recursive: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const server = process.env.DATABASE_URL
    ? { serverUrl: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(PROJECT_ROOT, ".data/bench-postgres"), port: embeddedPort("EMBEDDED_PG_BENCH_PORT", 54349), log });
  try {
    const started = Date.now();
    build();
    const largeOut = path.join(WORK_DIR, "large.json");
    const smallOut = path.join(WORK_DIR, "small.json");
    // BENCH_REUSE=1 measures again on the databases the last run seeded (after a fix to
    // the pages, say); its query counts are the last run's.
    const reuse = process.env.BENCH_REUSE === "1" && existsSync(largeOut) && existsSync(smallOut);
    const urlsOf = (name: string) => {
      const ownerUrl = withDatabase(server.serverUrl, name);
      return { ownerUrl, appUrl: deriveAppUrl(ownerUrl) };
    };
    const large = reuse ? urlsOf("safer_bench") : await createMigratedDatabase(server.serverUrl, "safer_bench");
    const small = reuse ? urlsOf("safer_bench_small") : await createMigratedDatabase(server.serverUrl, "safer_bench_small");
    if (reuse) {
      log("BENCH_REUSE=1: measuring on the databases and sessions of the last run.");
    } else {
      log(`Databases safer_bench and safer_bench_small migrated on ${new URL(server.serverUrl).host}.`);
      await runScript("scripts/bench/dataset.ts", { APP_DATABASE_URL: large.appUrl, BENCH_PARTNERSHIPS: String(PARTNERSHIPS), BENCH_TAG: "l", BENCH_DATASET_OUT: largeOut }, 30 * 60_000);
      await runScript("scripts/bench/dataset.ts", { APP_DATABASE_URL: small.appUrl, BENCH_PARTNERSHIPS: String(SMALL_PARTNERSHIPS), BENCH_TAG: "s", BENCH_DATASET_OUT: smallOut }, 5 * 60_000);
    }
    const largeSet = JSON.parse(readFileSync(largeOut, "utf8")) as Dataset;
    const smallSet = JSON.parse(readFileSync(smallOut, "utf8")) as Dataset;

    // ANALYZE so the planner sees the seeded sizes, as autovacuum would in time.
    const pg = (await import("pg")).default;
    const owner = new pg.Client({ connectionString: large.ownerUrl });
    await owner.connect();
    await owner.query("analyze");
    await owner.end();

    const warmup = Math.max(1, Math.min(3, Math.round(DURATION / 5)));
    const targets = [
      { key: "trivial", name: "Trivial route (/healthz/live, no database)", path: "/healthz/live", headers: {} as Record<string, string> },
      ...largeSet.pages.map((page) => ({ key: page.key, name: page.name, path: page.path, headers: (page.key === "public" ? {} : { Cookie: largeSet.cookie }) as Record<string, string> })),
    ];
    // Twice: as served (the page cache on, so a member opening a page again, or the
    // next of many, gets it from memory), and with the cache off, which is what the first
    // view after a change costs (docs/decisions/0018-page-cache.md).
    const measureAll = async (pageCache: boolean) => {
      const app = await startApp(large.appUrl, { pageCache });
      const measured: Record<string, Measured & { fromCache: boolean }> = {};
      for (const target of targets) {
        const url = `${APP_URL}${target.path}`;
        const first = await fetch(url, { headers: target.headers, redirect: "manual" });
        await first.arrayBuffer();
        if (first.status !== 200) throw new Error(`${target.path} answered ${first.status}, not 200`);
        await measure(url, target.headers, warmup);
        const after = await fetch(url, { headers: target.headers, redirect: "manual" });
        await after.arrayBuffer();
        log(`Measuring ${target.name}${pageCache ? "" : " (page cache off)"} for ${DURATION} s ...`);
        measured[target.key] = { ...(await measure(url, target.headers, DURATION)), fromCache: after.headers.get("x-page-cache") === "hit" };
      }
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
      return measured;
    };
    const measured = await measureAll(true);
    const uncached = await measureAll(false);

    const digestOut = path.join(WORK_DIR, "digest.json");
    log(`Digest for ${DIGEST_RECIPIENTS} recipients ...`);
    await runScript(
      "scripts/bench/digest.ts",
      { APP_DATABASE_URL: large.appUrl, BENCH_DIGEST_RECIPIENTS: String(DIGEST_RECIPIENTS), BENCH_DIGEST_OUT: digestOut, RESEND_API_KEY: "re_bench_key" },
      10 * 60_000,
    );
    const digest = JSON.parse(readFileSync(digestOut, "utf8")) as {
      recipients: number;
      batches: number;
      seconds: number;
      providerCalls: number;
      delivered: number;
      distinctRecipients: number;
      duplicates: number;
    };

    const trivial = measured.trivial!;
    const rows = targets.map((target) => {
      const m = measured[target.key]!;
      const cold = uncached[target.key]!;
      const large = largeSet.pages.find((p) => p.key === target.key);
      const small = smallSet.pages.find((p) => p.key === target.key);
      const ratio = m.requestsPerSecond / trivial.requestsPerSecond;
      const ratioTarget = TARGET_RATIO[target.key];
      const p99Ok = target.key === "trivial" || m.p99 < 10 * trivial.p99;
      return {
        key: target.key,
        name: target.name,
        path: target.path,
        ...m,
        ratio: Math.round(ratio * 1000) / 1000,
        ratioTarget: ratioTarget ?? null,
        meetsRatio: ratioTarget === undefined ? null : ratio >= ratioTarget,
        meetsP99: p99Ok,
        uncached: { requestsPerSecond: cold.requestsPerSecond, p50: cold.p50, p99: cold.p99, ratio: Math.round((cold.requestsPerSecond / uncached.trivial!.requestsPerSecond) * 1000) / 1000, non2xx: cold.non2xx, errors: cold.errors },
        queries: large?.queries ?? 0,
        queriesSmall: small?.queries ?? 0,
        queriesConstant: large ? large.queries === small?.queries : true,
        loaderJsonBytes: large?.loaderJsonBytes ?? null,
      };
    });
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      date: new Date().toISOString(),
    };
    const results = {
      machine,
      settings: { partnerships: PARTNERSHIPS, smallPartnerships: SMALL_PARTNERSHIPS, durationSeconds: DURATION, connections: CONNECTIONS, server: "scripts/server.ts (Express + Remix production build)", database: process.env.DATABASE_URL ? "DATABASE_URL server" : "embedded PostgreSQL 17" },
      seed: { partnerships: largeSet.partnerships, seconds: Math.round(largeSet.seedSeconds), reused: reuse, totals: largeSet.totals, measuredPartnership: largeSet.target },
      pages: rows,
      digest: { ...digest, seconds: Math.round(digest.seconds * 100) / 100, meetsTime: digest.seconds < 30, meetsCalls: digest.providerCalls <= Math.ceil(digest.recipients / 100) },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(path.join(RESULTS_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    const markdown = renderMarkdown(results);
    writeFileSync(path.join(RESULTS_DIR, "RESULTS.md"), markdown.replace("<!-- NOTES -->", notesToKeep()));
    console.log(`\n${markdown}`);
    log("Written bench/results.json and bench/RESULTS.md.");
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await server.stop();
  }
}

/** The hand-written part of RESULTS.md (what moved and why) survives a re-run. */
function notesToKeep(): string {
  try {
    const previous = readFileSync(path.join(RESULTS_DIR, "RESULTS.md"), "utf8");
    const start = previous.indexOf("<!-- notes -->");
    const end = previous.indexOf("<!-- /notes -->");
    if (start >= 0 && end > start) return previous.slice(start, end + "<!-- /notes -->".length);
  } catch {
    // first run
  }
  return "<!-- notes -->\n<!-- /notes -->";
}

function renderMarkdown(results: {
  machine: Record<string, string | number>;
  settings: Record<string, string | number>;
  seed: { partnerships: number; seconds: number; totals: Record<string, number> };
  pages: Array<{ name: string; path: string; fromCache: boolean; uncached: { requestsPerSecond: number; p50: number; p99: number; ratio: number; non2xx: number; errors: number }; requestsPerSecond: number; p50: number; p99: number; ratio: number; ratioTarget: number | null; meetsRatio: boolean | null; meetsP99: boolean; queries: number; queriesSmall: number; queriesConstant: boolean; loaderJsonBytes: number | null; non2xx: number; errors: number }>;
  digest: { recipients: number; seconds: number; providerCalls: number; delivered: number; duplicates: number; meetsTime: boolean; meetsCalls: boolean };
}) {
  const m = results.machine;
  const s = results.settings;
  const t = results.seed.totals;
  const yes = (ok: boolean | null) => (ok === null ? "" : ok ? "yes" : "**no**");
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (scripts/bench.ts) on ${String(m.date)}: ${m.cpus} CPUs (${String(m.cpuModel)}), ${m.memoryGb} GB, Node ${String(m.node)}, ${String(m.platform)}.`,
    `Server: ${String(s.server)} on 127.0.0.1; database: ${String(s.database)} on the same machine. autocannon, ${s.connections} connections, ${s.durationSeconds} s per page after a short warm-up.`,
    "",
    `Seeded ${results.seed.partnerships} partnerships in ${results.seed.seconds} s: ${t.priorities} priorities, ${t.indicators} indicators, ${t.figures} monthly figures, ${t.actions} actions, ${t.notes} progress notes, ${t.boards} boards, ${t.meetings} meetings, ${t.members} members.`,
    "",
    "As served, with the page cache (app/modules/page-cache): the same member asking for the same page again, as autocannon does, gets it from memory until something in the partnership changes.",
    "",
    `| page | req/s | p50 ms | p99 ms | ratio to trivial | target | met | p99 < 10x trivial | from the cache | SQL queries when rendered (${s.partnerships} / ${s.smallPartnerships} partnerships) | loader JSON |`,
    "|---|---:|---:|---:|---:|---:|---|---|---|---|---:|",
    ...results.pages.map(
      (p) =>
        `| ${p.name} | ${p.requestsPerSecond} | ${p.p50} | ${p.p99} | ${(p.ratio * 100).toFixed(0)}% | ${p.ratioTarget === null ? "ceiling" : `>= ${p.ratioTarget * 100}%`} | ${yes(p.meetsRatio)} | ${yes(p.meetsP99)} | ${p.path === "/healthz/live" ? "" : p.fromCache ? "yes" : "no"} | ${p.path === "/healthz/live" ? "0" : `${p.queries} / ${p.queriesSmall}${p.queriesConstant ? "" : " **differs**"}`} | ${p.loaderJsonBytes === null ? "" : `${(p.loaderJsonBytes / 1024).toFixed(1)} KB`} |`,
    ),
    "",
    "Rendered every time (the same server with PAGE_CACHE=off): what the first view after a change costs.",
    "",
    "| page | req/s | p50 ms | p99 ms | ratio to its trivial route |",
    "|---|---:|---:|---:|---:|",
    ...results.pages.map((p) => `| ${p.name} | ${p.uncached.requestsPerSecond} | ${p.uncached.p50} | ${p.uncached.p99} | ${(p.uncached.ratio * 100).toFixed(0)}% |`),
    "",
    `Errors or non-2xx answers during the runs: ${results.pages.map((p) => p.errors + p.non2xx + p.uncached.errors + p.uncached.non2xx).reduce((a, b) => a + b, 0)}.`,
    "",
    `Digest: ${results.digest.recipients} recipients rendered and handed to the sender (Resend SDK -> loopback stand-in) in ${results.digest.seconds} s (target < 30 s: ${yes(results.digest.meetsTime)}), in ${results.digest.providerCalls} provider calls (at most 1 per 100: ${yes(results.digest.meetsCalls)}); ${results.digest.delivered} delivered, ${results.digest.duplicates} recipients with more than one.`,
    "",
    "SQL queries are counted by calling each page's loaders once (the layout's and the page's, on one Request, as Remix does) under `countQueries` in a process of the same build's code, on the partnership in the middle of each dataset, which differ in size.",
    "",
    "<!-- NOTES -->",
    "",
  ];
  return lines.join("\n");
}

const hardStop = setTimeout(() => {
  console.error("The benchmark ran past its 60-minute bound: stopping.");
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
}, 60 * 60_000);
hardStop.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill("SIGTERM");
    process.exit(1);
  });
}

await main();
process.exit(0);
