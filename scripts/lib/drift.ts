// Fails when prisma/schema.prisma and prisma/migrations disagree: someone changed
// the schema without `prisma migrate dev --create-only`, or edited a migration.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT, withDatabase } from "./database.js";

export async function checkMigrationDrift(serverUrl: string) {
  const prismaCli = path.join(PROJECT_ROOT, "node_modules/prisma/build/index.js");
  // migrate diff replays the migrations into a temporary shadow database on this server.
  const result = spawnSync(
    process.execPath,
    [prismaCli, "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
    { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, "postgres") } },
  );
  // rc 0 alone is not enough: an engine that failed quietly prints nothing.
  if (result.status === 0 && /No difference detected/.test(result.stdout + result.stderr)) {
    console.log("  No difference between schema.prisma and the migrations.");
    return;
  }
  console.error(result.stdout, result.stderr);
  throw new Error(
    result.status === 2
      ? "schema.prisma and prisma/migrations have drifted: create a migration with `npx prisma migrate dev --create-only`."
      : `prisma migrate diff failed (exit ${result.status}).`,
  );
}
