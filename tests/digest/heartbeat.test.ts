// Which workers count as dead: stale heartbeats, and old locks whose holder never
// stamped; a live worker's locks are left alone however long its job runs.
import { randomUUID } from "node:crypto";
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { beat, findDeadWorkers, installHeartbeatTable, releaseDeadWorkers } from "~/modules/jobs/heartbeat.server";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../../scripts/lib/database.js";

// graphile-worker's schema and the heartbeat table need no application tables: a bare database.
const serverUrl = withDatabase(inject("ownerUrl"), "postgres");
const name = `safer_heartbeat_${Date.now()}_${randomUUID().slice(0, 6)}`;
let pool: pg.Pool;
let utils: WorkerUtils;

beforeAll(async () => {
  await createDatabaseIfMissing(serverUrl, name);
  pool = new pg.Pool({ connectionString: withDatabase(serverUrl, name) });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  utils = await makeWorkerUtils({ pgPool: pool });
  await utils.migrate();
  await installHeartbeatTable(pool);
  await installHeartbeatTable(pool); // a second worker starting: no error
});

afterAll(async () => {
  await utils?.release();
  await pool?.end();
  await dropDatabase(serverUrl, name);
});

async function lockedJob(lockedBy: string, secondsAgo: number) {
  const job = await utils.addJob("send_digest_batch", {}, { jobKey: `test:${lockedBy}` });
  await pool.query(
    `update graphile_worker._private_jobs set locked_by = $1, locked_at = now() - make_interval(secs => $2), attempts = 1 where id = $3`,
    [lockedBy, secondsAgo, job.id],
  );
  return job.id;
}

describe("worker heartbeats", () => {
  it("finds stale and never-stamped holders, releases their jobs, and leaves live workers' jobs locked", async () => {
    const me = { pid: 1, hostname: "test" };
    await beat(pool, ["pool-live"], me);
    await beat(pool, ["pool-stale"], me);
    await pool.query(`update app_jobs.worker_heartbeat set beat_at = now() - interval '2 minutes' where worker_id = 'pool-stale'`);

    const live = await lockedJob("pool-live", 600);
    const stale = await lockedJob("pool-stale", 5);
    const ghost = await lockedJob("pool-ghost", 120);
    const fresh = await lockedJob("pool-just-started", 1);

    expect((await findDeadWorkers(pool, 60_000)).sort()).toEqual(["pool-ghost", "pool-stale"]);
    expect((await releaseDeadWorkers(pool, utils, 60_000)).sort()).toEqual(["pool-ghost", "pool-stale"]);

    const { rows } = await pool.query<{ id: string; locked_by: string | null }>(
      "select id, locked_by from graphile_worker.jobs where id = any($1::bigint[])",
      [[live, stale, ghost, fresh]],
    );
    const lockedBy = new Map(rows.map((row) => [String(row.id), row.locked_by]));
    expect(lockedBy.get(String(live))).toBe("pool-live");
    expect(lockedBy.get(String(fresh))).toBe("pool-just-started");
    expect(lockedBy.get(String(stale))).toBeNull();
    expect(lockedBy.get(String(ghost))).toBeNull();
    const stamps = await pool.query<{ worker_id: string }>("select worker_id from app_jobs.worker_heartbeat order by worker_id");
    expect(stamps.rows.map((row) => row.worker_id)).toEqual(["pool-live"]);
  });
});
