// A fresh database for each test run, on the embedded test server (its own data
// directory and port, so a running `npm run dev` is never touched) or on the server
// DATABASE_URL names.
import path from "node:path";
import {
  PROJECT_ROOT,
  createDatabaseIfMissing,
  deriveAppUrl,
  dropDatabase,
  embeddedPort,
  startEmbeddedPostgres,
  withDatabase,
} from "../../scripts/lib/database.js";
import { migrate } from "../../scripts/lib/migrate.js";

export async function startTestServer() {
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, stop: async () => {} };
  return startEmbeddedPostgres({
    dataDir: path.join(PROJECT_ROOT, ".data/test-postgres"),
    port: embeddedPort("EMBEDDED_PG_TEST_PORT", 54339),
  });
}

export async function createMigratedDatabase(serverUrl: string, name: string) {
  await dropDatabase(serverUrl, name);
  await createDatabaseIfMissing(serverUrl, name);
  const ownerUrl = withDatabase(serverUrl, name);
  const appUrl = process.env.APP_DATABASE_URL
    ? withDatabase(process.env.APP_DATABASE_URL, name)
    : deriveAppUrl(ownerUrl);
  await migrate({ ownerUrl, appUrl, quiet: true });
  return { ownerUrl, appUrl };
}
