// Applies the committed migrations as the owner, then creates or updates the app
// role and grants it what it needs. The one way migrations run: dev, tests and the
// Fly release command all come here (`npm run db:migrate`).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { runMigrations } from "graphile-worker";
import pg from "pg";
import { PROJECT_ROOT } from "./database.js";

/** Tasks the app may enqueue itself (a manager's "Send now"); everything else is the worker's. */
const APP_ENQUEUEABLE_TASKS = ["find_due_digests"];

export async function migrate(options: { ownerUrl: string; appUrl: string; quiet?: boolean }) {
  const prismaCli = path.join(PROJECT_ROOT, "node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: options.ownerUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (!options.quiet) {
    const applied = result.stdout.split("\n").filter((line) => /migration|applied|No pending/i.test(line));
    for (const line of applied) console.log(`  ${line.trim()}`);
  }
  await ensureAppRole(options.ownerUrl, options.appUrl);
  await ensureJobQueue(options.ownerUrl, options.appUrl);
}

/**
 * The app connects as a role that owns no table and cannot bypass RLS. Its
 * password comes from APP_DATABASE_URL, never from committed SQL.
 */
export async function ensureAppRole(ownerUrl: string, appUrl: string) {
  const app = new URL(appUrl);
  const role = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  if (!role || !password) throw new Error("APP_DATABASE_URL must name a user and a password");
  const owner = new URL(ownerUrl);
  if (decodeURIComponent(owner.username) === role) {
    throw new Error("APP_DATABASE_URL must use a different role from DATABASE_URL: the owner bypasses row-level security");
  }

  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = (await client.query("select 1 from pg_roles where rolname = $1", [role])).rowCount;
    const verb = exists ? "alter role" : "create role";
    const { rows } = await client.query<{ sql: string }>(
      `select format('${verb} %I login password %L nosuperuser nobypassrls nocreatedb nocreaterole', $1::text, $2::text) as sql`,
      [role, password],
    );
    await client.query(rows[0]!.sql);
    const r = pg.escapeIdentifier(role);
    const database = pg.escapeIdentifier(decodeURIComponent(owner.pathname.slice(1)));
    await client.query(`
      grant connect on database ${database} to ${r};
      grant usage on schema public to ${r};
      grant select, insert, update, delete on all tables in schema public to ${r};
      grant usage, select on all sequences in schema public to ${r};
      grant execute on all functions in schema public to ${r};
      revoke all on table "_prisma_migrations" from ${r};
      -- The audit trail is append-only for the app: what happened stays recorded.
      revoke update, delete, truncate on table "AuditEvent" from ${r};
    `);
  } finally {
    await client.end();
  }
}

/**
 * graphile-worker's schema, installed here as well as by the worker, so the app can
 * enqueue before any worker has started; and one narrow door into it for the app role:
 * app_jobs.add_job, SECURITY DEFINER, which adds only the tasks listed above. The app
 * role gets no rights on graphile-worker's own tables or functions
 * (docs/decisions/0010-jobs-on-postgresql.md).
 */
export async function ensureJobQueue(ownerUrl: string, appUrl: string) {
  await runMigrations({ connectionString: ownerUrl });
  const role = pg.escapeIdentifier(decodeURIComponent(new URL(appUrl).username));
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("begin");
    // The worker creates app_jobs on start too (its heartbeat table): one at a time.
    await client.query("select pg_advisory_xact_lock(hashtext('app_jobs.worker_heartbeat'))");
    await client.query("create schema if not exists app_jobs");
    await client.query(`
      create or replace function app_jobs.add_job(task text, payload json, job_key text) returns void
      language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
      begin
        if not (task = any (${pg.escapeLiteral(`{${APP_ENQUEUEABLE_TASKS.join(",")}}`)}::text[])) then
          raise exception 'The app may not enqueue %', task using errcode = 'insufficient_privilege';
        end if;
        perform graphile_worker.add_job(task, payload, job_key => job_key, job_key_mode => 'replace', max_attempts => 3);
      end
      $fn$`);
    await client.query(`
      revoke all on function app_jobs.add_job(text, json, text) from public;
      grant usage on schema app_jobs to ${role};
      grant execute on function app_jobs.add_job(text, json, text) to ${role};
    `);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
