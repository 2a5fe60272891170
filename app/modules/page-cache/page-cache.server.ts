// Rendered pages kept in this process's memory, for the pages people open most: the
// partnership home, a board, a priority, an indicator, a board's progress report and
// the public page (docs/decisions/0018-page-cache.md). Rendering one of them costs
// 40-400 ms of CPU; sending it again costs well under one.
//
// What makes it safe:
// - A page is stored only when its loader asked for it (allowPageCache) after checking
//   who may see it, and only for the same request again: the same URL and the very same
//   Cookie header (so the same session, and the same flash message, if any). Nobody
//   else's cookie can reach another's entry, and a guessed session id without its secret
//   is a different key.
// - Every write that could change such a page makes PostgreSQL notify every app process
//   (the triggers of migration 20261201000500_page_cache_notifications): the
//   partnership's pages go, a session's pages go, or all go. A page rendered while a
//   write it might have missed happened is not stored (the invalidation sequence).
// - Without a working notification connection nothing is stored or served, and every
//   entry lives at most a minute, for what changes with the clock (today's date, a
//   trial that ends).
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { sessionCookieName } from "~/modules/auth/session.server";
import { env } from "~/utils/env.server";

export const PAGE_CACHE_CHANNEL = "page_cache";

type Rendered = {
  partnershipId: string;
  sessionId: string | null;
  status: number;
  headers: Array<[string, string | string[]]>;
  body: Buffer;
  /** The CSP nonce the stored page carries: each later response gets its own instead. */
  nonce: string;
};

type Entry = Omit<Rendered, "body" | "nonce"> & {
  /** The body cut where the nonce was, to be joined with each response's own. */
  pieces: Buffer[];
  bytes: number;
  expiresAt: number;
};

export type PageCacheOptions = { maxBytes: number; ttlMs: number; now?: () => number };

/** The store: bounded in bytes (least recently used go first) and in age. */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every invalidation; a render remembers it when it starts. */
  private sequence = 0;
  private clearedAt = 0;
  private readonly partnershipChangedAt = new Map<string, number>();
  private readonly sessionChangedAt = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size() {
    return this.entries.size;
  }

  get storedBytes() {
    return this.bytes;
  }

  /** Where the invalidations stand when a render starts. */
  mark(): number {
    return this.sequence;
  }

  get(key: string): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.remove(key, entry);
      return null;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores a page rendered since `mark`, unless something it shows may have changed
   * meanwhile. Returns whether it was stored.
   */
  store(key: string, rendered: Rendered, mark: number): boolean {
    const { body, nonce, ...entry } = rendered;
    const changedSince = Math.max(
      this.clearedAt,
      this.partnershipChangedAt.get(entry.partnershipId) ?? 0,
      entry.sessionId ? (this.sessionChangedAt.get(entry.sessionId) ?? 0) : 0,
    );
    if (changedSince > mark) return false;
    // One page may take at most an eighth of the room, so a few large pages cannot
    // push everything else out.
    if (body.length > this.options.maxBytes / 8) return false;
    const existing = this.entries.get(key);
    if (existing) this.remove(key, existing);
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes + body.length <= this.options.maxBytes) break;
      this.remove(oldestKey, oldest);
    }
    this.entries.set(key, { ...entry, pieces: cutAt(body, nonce), bytes: body.length, expiresAt: this.now() + this.options.ttlMs });
    this.bytes += body.length;
    return true;
  }

  invalidatePartnership(partnershipId: string) {
    this.sequence += 1;
    this.partnershipChangedAt.set(partnershipId, this.sequence);
    for (const [key, entry] of this.entries) if (entry.partnershipId === partnershipId) this.remove(key, entry);
  }

  invalidateSession(sessionId: string) {
    this.sequence += 1;
    // Sessions come and go; past this many remembered changes, forgetting all is simpler.
    if (this.sessionChangedAt.size >= 10_000) return this.clear();
    this.sessionChangedAt.set(sessionId, this.sequence);
    for (const [key, entry] of this.entries) if (entry.sessionId === sessionId) this.remove(key, entry);
  }

  clear() {
    this.sequence += 1;
    this.clearedAt = this.sequence;
    this.entries.clear();
    this.bytes = 0;
    this.partnershipChangedAt.clear();
    this.sessionChangedAt.clear();
  }

  /** A notification from PostgreSQL: "p:<partnership id>", "s:<session id>" or "*". */
  applyNotification(payload: string) {
    if (payload.startsWith("p:")) this.invalidatePartnership(payload.slice(2));
    else if (payload.startsWith("s:")) this.invalidateSession(payload.slice(2));
    else this.clear();
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** The body split at each occurrence of the nonce (none: one piece). */
function cutAt(body: Buffer, nonce: string): Buffer[] {
  if (!nonce) return [body];
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at));
    from = at + needle.length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/** A kept body with this response's nonce where the first response's was. */
export function bodyWithNonce(entry: Pick<Entry, "pieces">, nonce: string): Buffer {
  if (entry.pieces.length === 1) return entry.pieces[0]!;
  const joint = Buffer.from(nonce);
  return Buffer.concat(entry.pieces.flatMap((piece, index) => (index === 0 ? [piece] : [joint, piece])));
}

// ---------------------------------------------------------------------------
// What a request's loaders tell the cache.

type RequestScope = { partnershipId: string | null; refused: boolean };
const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Called by a loader, after it has checked who may see the page, to let this page be
 * kept for this same request again. `partnershipId` is the partnership whose data the
 * page shows: its writes are what make the page old. Does nothing outside the cache's
 * middleware (route tests, `npm run dev`).
 */
export function allowPageCache(partnershipId: string) {
  const scope = requestScope.getStore();
  if (!scope) return;
  if (scope.partnershipId && scope.partnershipId !== partnershipId) scope.refused = true;
  scope.partnershipId = partnershipId;
}

/**
 * This response must not be kept whatever its loaders allowed: app/entry.server.tsx
 * calls it when rendering fails after the 200 has gone out, and for any loader error.
 */
export function refusePageCache() {
  const scope = requestScope.getStore();
  if (scope) scope.refused = true;
}

// ---------------------------------------------------------------------------
// The notification connection.

export type ChangeListener = { readonly live: boolean; stop(): Promise<void> };

/**
 * LISTENs on the page_cache channel and applies what arrives. When the connection
 * drops (PostgreSQL restarting, say) the cache is emptied and stays off, and the
 * listener reconnects every second until it is back. A connection that dies without a
 * word (a network cut) is found by a query every 15 s that must answer within 5 s.
 */
export function listenForChanges(
  cache: PageCache,
  connectionString: string,
  log: (line: string) => void = console.error,
  options: { applicationName?: string; heartbeatMs?: number } = {},
): ChangeListener {
  let client: pg.Client | null = null;
  let live = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const lost = (from: pg.Client, reason: string) => {
    // An old connection's last events must not tear down its successor.
    if (client !== from) return;
    client = null;
    live = false;
    clearInterval(heartbeat);
    cache.clear();
    from.removeAllListeners("notification");
    from.end().catch(() => {});
    if (!stopped) {
      log(`[page cache] off until PostgreSQL is back: ${reason}`);
      retry = setTimeout(connect, 1_000);
      retry.unref();
    }
  };

  const connect = () => {
    if (stopped) return;
    const next = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 2_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: options.applicationName ?? "safer-partnerships page cache",
    });
    client = next;
    next.on("notification", (message) => cache.applyNotification(message.payload ?? "*"));
    next.on("error", (error) => lost(next, error.message));
    next.on("end", () => lost(next, "connection closed"));
    next
      .connect()
      .then(() => next.query(`LISTEN ${PAGE_CACHE_CHANNEL}`))
      .then(() => {
        if (client !== next) return;
        // Anything written while no one was listening is unknown: start empty.
        cache.clear();
        live = true;
        heartbeat = setInterval(() => {
          const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer in 5 s")), 5_000).unref());
          Promise.race([next.query("SELECT 1"), timeout]).catch((error: Error) => lost(next, `heartbeat: ${error.message}`));
        }, options.heartbeatMs ?? 15_000);
        heartbeat.unref();
      })
      .catch((error: Error) => lost(next, error.message));
  };

  connect();
  return {
    get live() {
      return live;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const current = client;
      client = null;
      live = false;
      await current?.end().catch(() => {});
    },
  };
}

// ---------------------------------------------------------------------------
// The HTTP side: in front of Remix in scripts/server.ts.

type Next = (error?: unknown) => void;
export type PageCacheMiddleware = ((req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }, next: Next) => void) & {
  cache: PageCache;
  listener: ChangeListener;
};

// Headers the server sets afresh for every response, or that describe how these bytes
// travelled rather than what they are.
const NOT_STORED_HEADERS = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "date",
  "vary",
  "set-cookie",
  "content-security-policy",
]);
const CACHEABLE_TYPES = ["text/html", "text/x-script"];

/**
 * The cache in front of the Remix handler: answers a GET it has kept, and keeps a GET
 * whose loader allowed it. A form posted to a partnership's pages empties that
 * partnership's entries in this process at once, besides the notification every
 * process gets, so whoever posted sees what they wrote.
 */
export function createPageCacheMiddleware(options: {
  connectionString: string;
  maxBytes?: number;
  ttlMs?: number;
  cookieName?: string;
  log?: (line: string) => void;
  /** The notification connection's name in pg_stat_activity, and how often it is checked. */
  applicationName?: string;
  heartbeatMs?: number;
}): PageCacheMiddleware {
  const cache = new PageCache({ maxBytes: options.maxBytes ?? 64 * 1024 * 1024, ttlMs: options.ttlMs ?? 60_000 });
  const listener = listenForChanges(cache, options.connectionString, options.log, { applicationName: options.applicationName, heartbeatMs: options.heartbeatMs });
  const cookieName = options.cookieName ?? sessionCookieName();
  // Which partnership a path's first segment (or /p/<slug>) names, learnt from stored pages.
  const partnershipOfSlug = new Map<string, string>();

  const middleware = (req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }, next: Next) => {
    const url = req.url ?? "/";
    const slug = slugOf(url);
    const cookie = req.headers.cookie ?? "";
    if (req.method !== "GET") {
      const sessionId = sessionIdOf(cookie, cookieName);
      if (req.method !== "HEAD" && req.method !== "OPTIONS" && (slug || sessionId)) {
        // The partnership written to, and the session writing (signing out, changing
        // one's name): their pages go in this process at once.
        const invalidate = () => {
          const partnershipId = slug ? partnershipOfSlug.get(slug) : undefined;
          if (partnershipId) cache.invalidatePartnership(partnershipId);
          if (sessionId) cache.invalidateSession(sessionId);
        };
        // Before, so no page read before the write is kept from now on; after, for
        // pages rendered while it ran.
        invalidate();
        res.on("finish", invalidate);
        res.on("close", invalidate);
      }
      return next();
    }
    // A conditional request is Remix's to answer (the public page's ETag).
    if (!listener.live || req.headers["if-none-match"] || !slug) return next();

    const key = createHash("sha256").update(url).update("\0").update(cookie).digest("base64url");
    const nonce = String(res.locals?.cspNonce ?? "");
    const hit = cache.get(key);
    if (hit) {
      res.statusCode = hit.status;
      for (const [name, value] of hit.headers) if (!res.hasHeader(name)) res.setHeader(name, value);
      res.setHeader("X-Page-Cache", "hit");
      res.end(bodyWithNonce(hit, nonce));
      return;
    }

    const mark = cache.mark();
    const scope: RequestScope = { partnershipId: null, refused: false };
    const chunks: Buffer[] = [];
    let size = 0;
    const limit = (options.maxBytes ?? 64 * 1024 * 1024) / 8;
    const collect = (chunk: unknown, encoding?: unknown) => {
      // The loaders have run before the first byte: a page none allowed is not held.
      if (!scope.partnershipId || scope.refused) size = limit + 1;
      if (size > limit || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      chunks.push(buffer);
      size += buffer.length;
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.setHeader("X-Page-Cache", "miss");
    res.write = ((...args: unknown[]) => {
      collect(args[0], args[1]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      collect(args[0], args[1]);
      const result = end(...args);
      const partnershipId = scope.partnershipId;
      if (partnershipId && !scope.refused && size <= limit && isStorable(res)) {
        const stored = cache.store(
          key,
          {
            partnershipId,
            sessionId: sessionIdOf(cookie, cookieName),
            status: res.statusCode,
            headers: Object.entries(res.getHeaders())
              .filter(([name, value]) => value !== undefined && !NOT_STORED_HEADERS.has(name))
              .map(([name, value]) => [name, typeof value === "number" ? String(value) : (value as string | string[])]),
            body: Buffer.concat(chunks),
            nonce,
          },
          mark,
        );
        if (stored) partnershipOfSlug.set(slug, partnershipId);
      }
      return result;
    }) as typeof res.end;
    requestScope.run(scope, next);
  };
  return Object.assign(middleware, { cache, listener });
}

/**
 * The page cache for scripts/server.ts, or null where it is off: in development (a new
 * build every save) and with PAGE_CACHE=off.
 */
export function pageCacheForServer(): PageCacheMiddleware | null {
  if (process.env.PAGE_CACHE === "off" || env().NODE_ENV !== "production") return null;
  return createPageCacheMiddleware({ connectionString: env().APP_DATABASE_URL });
}

function isStorable(res: ServerResponse) {
  if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return false;
  const type = String(res.getHeader("content-type") ?? "");
  if (!CACHEABLE_TYPES.some((allowed) => type.startsWith(allowed))) return false;
  return !/no-store/i.test(String(res.getHeader("cache-control") ?? ""));
}

/** "/<slug>/..." or "/p/<slug>/...": the partnership a path belongs to, if any. */
function slugOf(url: string): string | null {
  const segments = url.split("?")[0]!.split("/");
  const first = segments[1] === "p" ? segments[2] : segments[1];
  return first ? first.replace(/\.data$/, "") : null;
}

function sessionIdOf(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=").split(".")[0] || null;
  }
  return null;
}
