// Worker heartbeats, so that a worker killed outright (SIGKILL, a lost machine) has its
// jobs released in seconds rather than after graphile-worker's four-hour lock timeout.
// A live worker process stamps its ids (its pool's, which graphile-worker 0.17 locks jobs
// under, and its workers') every few seconds; an id whose stamp is stale, or a lock held
// by an id that never stamped, belongs to a dead worker and is force-unlocked.
// The table lives in its own schema beside graphile-worker's, made by the worker as
// graphile-worker makes its own; the app role has no access to either.
import type { Pool } from "pg";

export const HEARTBEAT_SCHEMA = "app_jobs";
const TABLE = `${HEARTBEAT_SCHEMA}.worker_heartbeat`;

export type HeartbeatSettings = {
  /** How often a live worker stamps its ids. */
  intervalMs: number;
  /** A stamp older than this means the worker is dead. Several intervals, so a busy event loop is not mistaken for death. */
  deadAfterMs: number;
};

export function heartbeatSettings(environment: NodeJS.ProcessEnv = process.env): HeartbeatSettings {
  const intervalMs = positiveInt(environment.WORKER_HEARTBEAT_MS, 10_000);
  const deadAfterMs = positiveInt(environment.WORKER_DEAD_AFTER_MS, 60_000);
  if (deadAfterMs < 2 * intervalMs) throw new Error("WORKER_DEAD_AFTER_MS must be at least twice WORKER_HEARTBEAT_MS");
  return { intervalMs, deadAfterMs };
}

function positiveInt(raw: string | undefined, fallback: number) {
  if (!raw) return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`Expected a positive number of milliseconds, not "${raw}"`);
  return value;
}

export async function installHeartbeatTable(pool: Pool) {
  const client = await pool.connect();
  try {
    await client.query("begin");
    // Two workers starting together would otherwise race on the catalog.
    await client.query("select pg_advisory_xact_lock(hashtext('app_jobs.worker_heartbeat'))");
    await client.query(`create schema if not exists ${HEARTBEAT_SCHEMA}`);
    await client.query(`
      create table if not exists ${TABLE} (
        worker_id  text primary key,
        pid        integer not null,
        hostname   text not null,
        started_at timestamptz not null default now(),
        beat_at    timestamptz not null default now()
      )`);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function beat(pool: Pool, workerIds: string[], process: { pid: number; hostname: string }) {
  if (workerIds.length === 0) return;
  await pool.query(
    `insert into ${TABLE} (worker_id, pid, hostname)
     select unnest($1::text[]), $2, $3
     on conflict (worker_id) do update set beat_at = now()`,
    [workerIds, process.pid, process.hostname],
  );
}

export async function forgetWorkers(pool: Pool, workerIds: string[]) {
  if (workerIds.length === 0) return;
  await pool.query(`delete from ${TABLE} where worker_id = any($1::text[])`, [workerIds]);
}

/**
 * The ids of dead workers still holding graphile-worker locks or heartbeat rows: stale
 * stamps, and locks older than the threshold whose holder never stamped (killed between
 * taking its first job and its first beat, or a worker that does not beat at all).
 */
export async function findDeadWorkers(pool: Pool, deadAfterMs: number, workerSchema = "graphile_worker"): Promise<string[]> {
  const { rows } = await pool.query<{ worker_id: string }>(
    `select worker_id from ${TABLE} where beat_at < now() - make_interval(secs => $1::double precision / 1000)
     union
     select distinct locked_by from ${workerSchema}.jobs j
     where locked_by is not null and locked_at < now() - make_interval(secs => $1::double precision / 1000)
       and not exists (select 1 from ${TABLE} h where h.worker_id = j.locked_by)`,
    [deadAfterMs],
  );
  return rows.map((row) => row.worker_id);
}

/** Releases the locks of dead workers (graphile-worker's forceUnlockWorkers) and forgets them. */
export async function releaseDeadWorkers(
  pool: Pool,
  utils: { forceUnlockWorkers: (workerIds: string[]) => Promise<void> },
  deadAfterMs: number,
): Promise<string[]> {
  const dead = await findDeadWorkers(pool, deadAfterMs);
  if (dead.length === 0) return [];
  await utils.forceUnlockWorkers(dead);
  await forgetWorkers(pool, dead);
  return dead;
}
