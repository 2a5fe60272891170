// The HTTP layer around the Remix app (scripts/server.ts): security headers with a
// per-request Content-Security-Policy nonce, the Origin check that stops other sites
// posting forms to us (CSRF), and the client's IP address for sign-in throttling.
// Kept apart from the server's start-up so tests can wrap a stub handler in it.
import { randomBytes } from "node:crypto";
import express, { type Request, type RequestHandler, type Response } from "express";
import compression from "compression";
import helmet from "helmet";

/**
 * Paths that accept writes from other sites (payment webhooks, one-click
 * unsubscribe from a mail client): the Origin check lets them through. Each MUST
 * authenticate the request itself, by a signature (Stripe's, Resend's) or a
 * single-purpose token in the URL, because the browser's Origin tells it nothing.
 * Add a path here only with that check in its route, and a test of it.
 */
export const SELF_AUTHENTICATING_PATHS: readonly string[] = ["/webhooks/", "/unsubscribe/"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Where billing sends a manager to pay or manage the subscription (app/modules/billing). */
export const STRIPE_HOSTED_PAGES: readonly string[] = ["https://checkout.stripe.com", "https://billing.stripe.com"];

export type HttpSecurityOptions = {
  /** HSTS only in production: on plain-HTTP localhost it would do nothing or harm. */
  production: boolean;
  /** In development the page also talks to `remix dev`'s websocket. */
  development: boolean;
  /** REMIX_DEV_ORIGIN, e.g. http://localhost:3001: where that websocket lives. */
  devOrigin?: string;
  /** APP_URL: the site's public address, accepted as an Origin besides the request's own host. */
  appUrl?: string;
  /** TRUST_PROXY=1 behind Fly's proxy: believe its client-IP and protocol headers. */
  trustProxy: boolean;
};

/** What the Remix app gets in its load context (app/utils/request-context.ts). */
export function loadContextFor(req: Request, res: Response, trustProxy: boolean) {
  return { cspNonce: String(res.locals.cspNonce ?? ""), clientIp: clientIp(req, trustProxy) };
}

/**
 * The client's address. Behind a proxy we trust (Fly) it is the proxy's header;
 * otherwise the socket's, since anyone can send an X-Forwarded-For header.
 */
export function clientIp(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const fly = req.get("fly-client-ip")?.trim();
    if (fly) return fly;
    const forwarded = req.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? "";
}

/** A fresh nonce for each response: the CSP header and every inline script carry it. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

export function contentSecurityDirectives(options: Pick<HttpSecurityOptions, "development" | "devOrigin">) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${String((res as Response).locals.cspNonce)}'`;
  const devSocket = options.development ? [devWebSocketOrigin(options.devOrigin)] : [];
  return {
    "default-src": ["'self'"],
    // Remix's and GOV.UK Frontend's scripts are files on this site; the few inline
    // ones (Remix's hand-over of data, root.tsx's "js-enabled") carry the nonce.
    "script-src": ["'self'", nonce],
    // GOV.UK Frontend needs no inline styles; e-mails previewed (/dev/outbox, a digest's preview) do.
    "style-src": [stylesFor(options.development)],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...devSocket],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // Billing's buttons post here and are redirected to Stripe's hosted pages (Checkout,
    // the customer portal); browsers apply form-action to that redirect too.
    "form-action": ["'self'", ...STRIPE_HOSTED_PAGES],
    "frame-ancestors": ["'none'"],
  };
}

// E-mail HTML needs inline styles: the development outbox (an srcdoc iframe inherits its
// page's policy) and a digest's preview, which also sends a sandboxing policy of its own.
export const EMAIL_PREVIEW_PATH = /^\/[^/]+\/meetings\/[^/]+\/digest\/email$/;
function stylesFor(development: boolean) {
  return (req: unknown) => {
    const path = (req as Request).path;
    return (development && path.startsWith("/dev/")) || EMAIL_PREVIEW_PATH.test(path) ? "'self' 'unsafe-inline'" : "'self'";
  };
}

function devWebSocketOrigin(devOrigin: string | undefined) {
  if (!devOrigin) return "ws://localhost:*";
  const url = new URL(devOrigin);
  return `${url.protocol === "https:" ? "wss" : "ws"}://${url.host}`;
}

export function securityHeaders(options: HttpSecurityOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityDirectives(options) },
    strictTransportSecurity: options.production ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
    // helmet's own defaults for the rest: nosniff, no X-Powered-By, COOP same-origin...
  });
}

/**
 * Refuses a request that could change something (any method but GET, HEAD and
 * OPTIONS) unless the browser says it comes from this site. Browsers send Origin
 * with every such request and a page cannot forge it, so a form on another site
 * cannot post to us with the user's cookie. A request without Origin is refused too.
 */
export function originCheck(options: Pick<HttpSecurityOptions, "appUrl" | "trustProxy">): RequestHandler {
  const appOrigin = options.appUrl ? new URL(options.appUrl).origin : null;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (SELF_AUTHENTICATING_PATHS.some((prefix) => req.path.startsWith(prefix))) return next();
    const origin = req.get("origin");
    if (origin && (origin === appOrigin || origin === requestOrigin(req, options.trustProxy))) return next();
    res.status(403).type("text/plain").send("This request did not come from a Safer Partnerships page, so it was refused.");
  };
}

/** The origin the browser used to reach us: its Host header, and the scheme. */
function requestOrigin(req: Request, trustProxy: boolean): string | null {
  const host = req.get("host");
  if (!host) return null;
  const forwardedProto = trustProxy ? req.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  return `${forwardedProto || req.protocol}://${host}`;
}

/**
 * The Express app: compression, headers, static files, the Origin check, the page
 * cache, then the Remix handler (or a test's stub).
 */
export function createHttpApp(
  options: HttpSecurityOptions & {
    handleRequest: RequestHandler;
    /** Runs just before handleRequest, after the Origin check: the page cache (app/modules/page-cache). */
    beforeHandler?: RequestHandler | null;
    /** The build's fingerprinted assets: cached for a year. */
    assets?: { publicPath: string; directory: string };
    /** public/: GOV.UK fonts and images, the favicon. */
    publicDirectory?: string;
    log?: (line: string) => void;
  },
) {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use(cspNonce, securityHeaders(options));
  if (options.assets) app.use(options.assets.publicPath, express.static(options.assets.directory, { immutable: true, maxAge: "1y" }));
  if (options.publicDirectory) app.use(express.static(options.publicDirectory, { maxAge: "1h" }));
  if (options.log) app.use(requestLog(options.log));
  app.use(originCheck(options));
  if (options.beforeHandler) app.use(options.beforeHandler);
  app.all("*", options.handleRequest);
  return app;
}

function requestLog(log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${req.method} ${redactTokens(req.path)} ${res.statusCode} ${ms.toFixed(0)} ms`);
    });
    next();
  };
}

/**
 * The path without secrets: no query string, and long random segments (reset and
 * invite tokens, not record ids) replaced, so the logs cannot be used to take over
 * an account.
 */
export function redactTokens(path: string): string {
  const uuid = /^\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i; // record ids: not secret, useful
  // Remix's single-fetch data requests end in ".data" ("/invites/<token>.data").
  return path.replace(/\/[A-Za-z0-9_-]{24,}(?=\/|\.data$|$)/g, (segment) => (uuid.test(segment) ? segment : "/[token]"));
}
