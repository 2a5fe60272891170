/**
 * 200 while the process serves requests, without touching the database: a liveness
 * probe, and the ceiling `npm run bench` measures pages against (the same server,
 * middleware and Remix handler, with no data work). /healthz is the readiness check.
 */
export function loader() {
  return new Response("ok", { headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
}
