// `npm run billing:reconcile`: syncs every partnership that has a Stripe customer with
// what Stripe says now, and ends the trials that ran out without one. Run daily (a
// graphile-worker cron task calls the same reconcileAllPartnerships), so a lost or
// failed webhook is put right within a day. Safe to run at any time, any number of
// times. Without STRIPE_SECRET_KEY it does nothing.
import "dotenv/config";
import { resolveDevDatabase } from "./lib/dev-database.js";

const database = await resolveDevDatabase();
process.env.APP_DATABASE_URL = database.appUrl;
const { reconcileAllPartnerships } = await import("../app/modules/billing/billing.server.js");
const { billingEnabled } = await import("../app/modules/billing/billing-config.server.js");
const { disconnectDb } = await import("../app/utils/db.server.js");
try {
  if (!billingEnabled()) console.log("Billing is off (no STRIPE_SECRET_KEY): nothing to reconcile.");
  const report = await reconcileAllPartnerships();
  console.log(`Synced ${report.synced} partnership(s) from Stripe; ended ${report.trialsEnded} trial(s).`);
  for (const failure of report.failed) console.error(`Could not sync ${failure.slug}: ${failure.error}`);
  process.exitCode = report.failed.length > 0 ? 1 : 0;
} finally {
  await disconnectDb();
  await database.stop();
}
