// `npm test`: everything CI checks, in order, stopping at the first failure:
// types, lint, schema/migration drift, the vitest suites on real PostgreSQL, the
// browser tests, and the fault tests. Each step is also runnable alone (see package.json).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./lib/database.js";
import { startTestServer } from "../tests/setup/test-database.js";
import { checkMigrationDrift } from "./lib/drift.js";

const bin = (name: string) => path.join(PROJECT_ROOT, "node_modules/.bin", name);

function run(title: string, command: string, args: string[]) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

run("Typecheck", bin("tsc"), ["--noEmit"]);
run("Lint", bin("eslint"), ["."]);

console.log("\n▶ Schema and migrations agree");
const server = await startTestServer();
try {
  await checkMigrationDrift(server.serverUrl);
} finally {
  await server.stop();
}

run("Unit, domain and route tests (vitest, real PostgreSQL)", bin("vitest"), ["run"]);
run("Browser tests (Playwright)", bin("playwright"), ["test"]);
// Last: PostgreSQL stopped and restarted under load (about a minute). The worker's
// SIGKILL half is tests/digest/crash.test.ts, which the vitest step above has run.
run("Fault tests (PostgreSQL restart under load)", bin("tsx"), ["scripts/test-faults.ts", "--skip-digest"]);
console.log("\n✔ All checks passed");
