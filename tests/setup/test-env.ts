import { afterAll, inject } from "vitest";
import { disconnectDb } from "~/utils/db.server";

// The app connects as the app role, exactly as in production: RLS applies.
process.env.APP_DATABASE_URL = inject("appUrl");
process.env.NODE_ENV = "test";

afterAll(async () => {
  await disconnectDb();
});
