import { db } from "~/utils/db.server";

/** True when PostgreSQL answers a trivial query as the app role. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db().$queryRaw`select 1`;
    return true;
  } catch {
    return false;
  }
}
