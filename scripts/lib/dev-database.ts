// The database `npm run dev` and `npm run db:*` use: DATABASE_URL when set (nothing
// is started), otherwise the embedded server under .data/postgres.
import path from "node:path";
import {
  PROJECT_ROOT,
  createDatabaseIfMissing,
  deriveAppUrl,
  embeddedPort,
  startEmbeddedPostgres,
  withDatabase,
} from "./database.js";

export const DEV_DATABASE_NAME = "safer_partnerships";

export async function resolveDevDatabase(log: (line: string) => void = console.log) {
  if (process.env.DATABASE_URL) {
    const ownerUrl = process.env.DATABASE_URL;
    const appUrl = process.env.APP_DATABASE_URL ?? deriveAppUrl(ownerUrl);
    return { ownerUrl, appUrl, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(PROJECT_ROOT, ".data/postgres"),
    port: embeddedPort("EMBEDDED_PG_PORT", 54329),
    log,
  });
  await createDatabaseIfMissing(server.serverUrl, DEV_DATABASE_NAME);
  const ownerUrl = withDatabase(server.serverUrl, DEV_DATABASE_NAME);
  return { ownerUrl, appUrl: deriveAppUrl(ownerUrl), embedded: true, stop: server.stop };
}
