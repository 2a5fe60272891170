// The server the browser tests use: the production build (`remix build`, then
// scripts/server.ts, as in production) on a freshly migrated and seeded database of its own, on the tests'
// embedded PostgreSQL (or DATABASE_URL's server). Playwright starts and stops it.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./lib/database.js";
import { prepareDatabase } from "./lib/prepare-database.js";
import { createMigratedDatabase, startTestServer } from "../tests/setup/test-database.js";

const server = await startTestServer();
const port = process.env.PORT ?? "3100";
// One database per port, so parallel runs on other ports never share one.
const urls = await createMigratedDatabase(server.serverUrl, `safer_e2e_${port}`);
await prepareDatabase(urls, () => {});

// A build per port: parallel runs on other ports never overwrite each other's.
const buildDir = `.build/e2e-${port}`;
const build = spawnSync(path.join(PROJECT_ROOT, "node_modules/.bin/remix"), ["build"], {
  cwd: PROJECT_ROOT,
  encoding: "utf8",
  env: { ...process.env, REMIX_BUILD_DIR: buildDir },
});
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}

const app = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/server.ts")], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, REMIX_BUILD_DIR: buildDir, NODE_ENV: "production", APP_DATABASE_URL: urls.appUrl, SESSION_SECRET: "e2e-session-secret-not-for-production", APP_URL: `http://localhost:${port}`, PORT: port },
});

async function stop() {
  app.kill("SIGTERM");
  await server.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
app.on("exit", () => void stop());
