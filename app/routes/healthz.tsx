import { databaseAnswers } from "~/modules/health/health.server";

/** 200 when the database answers, 503 when it does not: Fly's health check. */
export async function loader() {
  const healthy = await databaseAnswers();
  return new Response(healthy ? "ok" : "database unavailable", {
    status: healthy ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
