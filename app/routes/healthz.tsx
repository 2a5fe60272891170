import { db } from "~/utils/db.server";

/** 200 when the database answers, 503 when it does not: Fly's health check. */
export async function loader() {
  try {
    await db().$queryRaw`select 1`;
    return new Response("ok", { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
