// `npm run db:seed`: seeds the dev database (idempotent).
import "dotenv/config";
import { resolveDevDatabase } from "./lib/dev-database.js";

const database = await resolveDevDatabase();
process.env.APP_DATABASE_URL = database.appUrl;
const { seedDemo, printDemoAccounts } = await import("../prisma/seed.js");
const { disconnectDb } = await import("../app/utils/db.server.js");
try {
  await seedDemo();
  printDemoAccounts();
} finally {
  await disconnectDb();
  await database.stop();
}
