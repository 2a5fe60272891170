// Remix's default Node entry, plus the Content-Security-Policy nonce: the server
// (scripts/server.ts) makes one per request and sends it in the CSP header; every
// script Remix and app/root.tsx write into the page must carry it or the browser
// refuses to run it.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { refusePageCache } from "~/modules/page-cache/page-cache.server";
import { renderToPipeableStream } from "react-dom/server";
import { isDatabaseUnavailable } from "~/utils/http";
import { NonceProvider } from "~/utils/nonce";
import "~/utils/request-context";

// scripts/server.ts puts it in front of Remix, so it shares this build's modules with the loaders.
export { pageCacheForServer } from "~/modules/page-cache/page-cache.server";

const ABORT_DELAY = 5_000;

// Remix hands handleError the raw error but the page render only a sanitised copy:
// remember here which requests failed for want of a database.
const databaseUnavailable = new WeakSet<Request>();

export const handleError: HandleErrorFunction = (error, { request }) => {
  refusePageCache();
  if (isDatabaseUnavailable(error)) {
    databaseUnavailable.add(request);
    // One line, not a stack per request, while PostgreSQL is down or restarting.
    if (!request.signal.aborted) console.error(`[db unavailable] ${request.method} ${new URL(request.url).pathname}: ${String((error as Error).message ?? error).split("\n")[0]}`);
    return;
  }
  if (!request.signal.aborted) console.error(error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // The database is down or restarting: the error page says "try again later", and
  // 503 tells browsers, proxies and monitors the same.
  if (responseStatusCode >= 500 && databaseUnavailable.has(request)) {
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", "5");
  }
  // Crawlers and the SPA build get the whole page at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady: waitForAll ? undefined : ready,
        onAllReady: waitForAll ? ready : undefined,
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Once the shell has gone out as 200 the status cannot change: never keep this page.
          refusePageCache();
          // Errors in the shell reject and are logged by Remix; log only later ones.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
