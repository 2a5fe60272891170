// The app server: Express around the Remix build, with the security headers and the
// Origin check of scripts/lib/http-security.ts. Used by `npm start`, the Dockerfile,
// the browser tests (scripts/e2e-server.ts) and `npm run dev`, which runs it under
// `remix dev --manual`: it then loads each new build as it is written and tells
// remix dev it is ready (broadcastDevReady), without restarting.
import "dotenv/config";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import { createHttpApp, loadContextFor } from "./lib/http-security.js";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
process.env.NODE_ENV ??= "production";
const mode = process.env.NODE_ENV;
const development = mode === "development";
const trustProxy = process.env.TRUST_PROXY === "1";
const port = Number(process.env.PORT ?? 3000);

const BUILD_DIR = path.resolve(PROJECT_ROOT, process.env.REMIX_BUILD_DIR ?? "build");
const BUILD_PATH = path.join(BUILD_DIR, "index.js");
// remix dev writes this after the rest of the build, so reading it never sees half a build.
const VERSION_PATH = path.join(BUILD_DIR, "version.txt");

async function importBuild(): Promise<ServerBuild> {
  // A new query string makes Node load the new build rather than its cached module.
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  return import(`${url.pathToFileURL(BUILD_PATH).href}?t=${stamp}`) as Promise<ServerBuild>;
}

let build = await importBuild();
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const getLoadContext = (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) =>
  loadContextFor(req, res, trustProxy);

let handleRequest: RequestHandler = createRequestHandler({ build, mode, getLoadContext });
if (development) {
  // A handler per request, on whichever build is newest.
  handleRequest = (req, res, next) => createRequestHandler({ build, mode, getLoadContext })(req, res, next);
  let reloading: NodeJS.Timeout | undefined;
  fs.watch(path.dirname(VERSION_PATH), (_event, file) => {
    if (file !== path.basename(VERSION_PATH)) return;
    clearTimeout(reloading);
    reloading = setTimeout(() => {
      importBuild()
        .then(async (next) => {
          build = next;
          await broadcastDevReady(build);
        })
        .catch((error: unknown) => console.error("Could not load the new build", error));
    }, 50);
  });
}

// Rendered pages kept in memory (docs/decisions/0018-page-cache.md); off in development.
type PageCacheEntry = { pageCacheForServer?: () => RequestHandler | null };
const pageCache = (build.entry.module as PageCacheEntry).pageCacheForServer?.() ?? null;

const app = createHttpApp({
  production: mode === "production",
  development,
  devOrigin: process.env.REMIX_DEV_ORIGIN,
  appUrl: process.env.APP_URL,
  trustProxy,
  handleRequest,
  beforeHandler: pageCache,
  assets: { publicPath: build.publicPath, directory: path.resolve(PROJECT_ROOT, build.assetsBuildDirectory) },
  publicDirectory: path.join(PROJECT_ROOT, "public"),
  log: (line) => console.log(line),
});

const server = app.listen(port, () => {
  console.log(`[server] http://localhost:${port} (${mode})`);
  if (development) void broadcastDevReady(build);
});
// A 200 MB police.uk file on a slow council line takes longer than Node's default 5
// minutes to arrive; it is counted as it streams, so a long request costs no memory.
server.requestTimeout = 30 * 60_000;

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections can hold close() open; do not wait for ever.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
