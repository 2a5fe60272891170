// What `npm run dev` (and the e2e server) do before serving: find or start the
// database, migrate it, seed it when it is empty.
import { migrate } from "./migrate.js";

export async function prepareDatabase(urls: { ownerUrl: string; appUrl: string }, log: (line: string) => void = console.log) {
  await migrate({ ...urls, quiet: true });
  log("Database migrated.");
  // The app modules read APP_DATABASE_URL on first use.
  process.env.APP_DATABASE_URL = urls.appUrl;
  const { seedDemo, printDemoAccounts } = await import("../../prisma/seed.js");
  const { db, disconnectDb } = await import("../../app/utils/db.server.js");
  const empty = (await db().partnership.count()) === 0;
  if (empty) {
    log("Empty database: seeding the demo partnerships.");
    await seedDemo(log);
  }
  await disconnectDb();
  return { printDemoAccounts };
}
