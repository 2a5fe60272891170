// `npm run db:migrate`: applies migrations to DATABASE_URL and sets up the app role
// named by APP_DATABASE_URL. With neither set it migrates the embedded dev database.
import "dotenv/config";
import { resolveDevDatabase } from "./lib/dev-database.js";
import { migrate } from "./lib/migrate.js";

const database = await resolveDevDatabase();
try {
  await migrate({ ownerUrl: database.ownerUrl, appUrl: database.appUrl });
  console.log("Migrations applied; app role ready.");
} finally {
  await database.stop();
}
