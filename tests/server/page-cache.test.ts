// The page cache (app/modules/page-cache) in front of a stub of Remix, on the real
// database's notifications: a kept page goes only to the request that made it (same
// URL, same cookies), and a write to its partnership, the end of its session or a lost
// notification connection take it away.
//
// Other test files write to the same database at the same time, and some of their
// writes empty the whole cache ("*"). So a test may see a miss where it hoped for a
// hit, never the other way round: what is asserted after every request is whose page
// came back, and hits are waited for (expectHit) rather than assumed.
import type { RequestHandler } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deleteSession } from "~/modules/auth/session.server";
import pg from "pg";
import { allowPageCache, createPageCacheMiddleware, PageCache, refusePageCache, type PageCacheMiddleware } from "~/modules/page-cache/page-cache.server";
import { withTenant } from "~/utils/db.server";
import { createHttpApp } from "../../scripts/lib/http-security";
import { createPartnership, createUser, sessionCookieFor, smallProfile, uniqueSlug } from "../factories";

type Rendering = {
  partnershipId: string;
  allow?: boolean;
  refuse?: boolean;
  during?: () => Promise<void>;
  setCookie?: boolean;
  status?: number;
  /** Written in several chunks, strings and bytes, as a streamed render is. */
  streamed?: boolean;
};

let renders = 0;
/** What the stub renders for a path, by path: set by each test. */
const pages = new Map<string, Rendering>();

// Stands in for Remix: a page naming whose request it rendered, with the CSP nonce on
// its inline script as root.tsx writes it.
const handleRequest: RequestHandler = (req, res, next) => {
  const page = pages.get(req.path);
  if (!page) return next();
  renders += 1;
  const render = renders;
  void (async () => {
    await page.during?.();
    if (page.allow !== false) allowPageCache(page.partnershipId);
    if (page.refuse) refusePageCache();
    if (page.setCookie) res.setHeader("Set-Cookie", "flash=; Max-Age=0");
    res.status(page.status ?? 200).type("html");
    const html = `<html><script nonce="${String(res.locals.cspNonce)}">1</script><p>For: ${req.headers.cookie ?? "nobody"}</p><p>Render ${render}</p><script nonce="${String(res.locals.cspNonce)}">2</script></html>`;
    if (!page.streamed) return res.send(html);
    const third = Math.floor(html.length / 3);
    res.write(html.slice(0, third));
    res.write(Buffer.from(html.slice(third, 2 * third)));
    res.end(new Uint8Array(Buffer.from(html.slice(2 * third))));
  })();
};

let middleware: PageCacheMiddleware;
let app: ReturnType<typeof createHttpApp>;
let a: { partnershipId: string; slug: string };
let b: { partnershipId: string; slug: string };
let aliceCookie: string;
let bobCookie: string;

beforeAll(async () => {
  middleware = createPageCacheMiddleware({ connectionString: inject("appUrl"), log: () => {} });
  app = createHttpApp({ production: true, development: false, trustProxy: false, handleRequest, beforeHandler: middleware });
  a = await createPartnership(smallProfile(uniqueSlug("cache-a")));
  b = await createPartnership(smallProfile(uniqueSlug("cache-b")));
  const alice = await createUser({ memberships: [{ partnershipId: a.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
  const bob = await createUser({ memberships: [{ partnershipId: a.partnershipId, role: "VIEWER" }] });
  aliceCookie = await sessionCookieFor(alice.id);
  bobCookie = await sessionCookieFor(bob.id);
  await until(() => middleware.listener.live, "the notification connection to be listening");
});

afterAll(async () => {
  await middleware.listener.stop();
});

async function until(condition: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function get(path: string, cookie?: string) {
  const req = request(app).get(path);
  return cookie ? req.set("Cookie", cookie) : req;
}

/** Asks for the page until it comes from the cache (others' writes may empty it meanwhile). */
async function expectHit(path: string, cookie?: string) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const res = await get(path, cookie);
    expect(res.text).toContain(`For: ${cookie ?? "nobody"}`);
    if (res.headers["x-page-cache"] === "hit") return res;
  }
  throw new Error(`${path} never came from the cache`);
}

function renderNumber(text: string) {
  return Number(/Render (\d+)/.exec(text)?.[1]);
}

function pagePath(slug: string, name: string) {
  return `/${slug}/${name}-${Math.random().toString(36).slice(2, 8)}`;
}

describe("the page cache", () => {
  it("gives a kept page only to the same cookies: another member of the same partnership gets their own", async () => {
    const path = pagePath(a.slug, "home");
    pages.set(path, { partnershipId: a.partnershipId });

    const alicePage = await expectHit(path, aliceCookie);
    const bobFirst = await get(path, bobCookie);
    expect(bobFirst.text).toContain(`For: ${bobCookie}`);
    expect(bobFirst.text).not.toContain(aliceCookie);
    const bobPage = await expectHit(path, bobCookie);
    expect(bobPage.text).not.toContain(aliceCookie);

    // Signed out, or with a session id whose secret is wrong: never someone's page.
    const anonymous = await get(path);
    expect(anonymous.text).toContain("For: nobody");
    const [name, token] = aliceCookie.split("=");
    const forged = `${name}=${token!.split(".")[0]}.${"a".repeat(32)}`;
    const forgedPage = await get(path, forged);
    expect(forgedPage.headers["x-page-cache"]).toBe("miss");
    expect(forgedPage.text).not.toContain(aliceCookie);
    expect(renderNumber(alicePage.text)).not.toBe(renderNumber(bobPage.text));
  });

  it("sends a kept page with this response's own CSP nonce, not the first one's", async () => {
    const path = pagePath(a.slug, "nonce");
    pages.set(path, { partnershipId: a.partnershipId });
    const first = await get(path, aliceCookie);
    const hit = await expectHit(path, aliceCookie);
    const nonceOf = (res: request.Response) => /script-src 'self' 'nonce-([^']+)'/.exec(res.headers["content-security-policy"] ?? "")?.[1];
    expect(nonceOf(hit)).toBeTruthy();
    expect(nonceOf(hit)).not.toBe(nonceOf(first));
    expect(hit.text).toContain(`<script nonce="${nonceOf(hit)}">`);
    expect(hit.text).not.toContain(nonceOf(first)!);
  });

  it("keeps a page written in chunks whole, and gives each answer its own nonce everywhere", async () => {
    const path = pagePath(a.slug, "streamed");
    pages.set(path, { partnershipId: a.partnershipId, streamed: true });
    const first = await get(path, aliceCookie);
    const hit = await expectHit(path, aliceCookie);
    const nonceIn = (text: string) => [...text.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(nonceIn(first.text)).toHaveLength(2);
    const [hitNonce] = nonceIn(hit.text);
    expect(nonceIn(hit.text)).toEqual([hitNonce, hitNonce]);
    expect(hit.text.replaceAll(hitNonce!, "N")).toBe(first.text.replaceAll(nonceIn(first.text)[0]!, "N"));
  });

  it("keeps only what a loader allowed, answered 200 and set no cookie", async () => {
    const notAllowed = pagePath(a.slug, "settings");
    const refused = pagePath(a.slug, "failed-late");
    pages.set(refused, { partnershipId: a.partnershipId, refuse: true });
    const withCookie = pagePath(a.slug, "flash");
    const notFound = pagePath(a.slug, "missing");
    pages.set(notAllowed, { partnershipId: a.partnershipId, allow: false });
    pages.set(withCookie, { partnershipId: a.partnershipId, setCookie: true });
    pages.set(notFound, { partnershipId: a.partnershipId, status: 404 });
    for (const path of [notAllowed, refused, withCookie, notFound]) {
      await get(path, aliceCookie);
      const again = await get(path, aliceCookie);
      expect(again.headers["x-page-cache"], path).toBe("miss");
    }
  });

  it("drops a partnership's pages when its data changes, and only that partnership's", async () => {
    const pathA = pagePath(a.slug, "board");
    const pathB = pagePath(b.slug, "board");
    pages.set(pathA, { partnershipId: a.partnershipId });
    pages.set(pathB, { partnershipId: b.partnershipId });
    await expectHit(pathA, aliceCookie);
    const before = renderNumber((await expectHit(pathB, aliceCookie)).text);

    const mark = middleware.cache.mark();
    await withTenant(a.partnershipId, (tx) => tx.agency.create({ data: { partnershipId: a.partnershipId, name: `New agency ${uniqueSlug()}`, kind: "COUNCIL" } }));
    await until(() => middleware.cache.mark() > mark, "the notification of partnership A's write");

    const afterA = await get(pathA, aliceCookie);
    expect(afterA.headers["x-page-cache"]).toBe("miss");
    // B's page is still the one rendered before, unless another test file emptied everything.
    const afterB = await get(pathB, aliceCookie);
    if (afterB.headers["x-page-cache"] === "hit") expect(renderNumber(afterB.text)).toBe(before);
  });

  it("does not keep a page during whose render its partnership changed", async () => {
    const path = pagePath(a.slug, "priority");
    pages.set(path, {
      partnershipId: a.partnershipId,
      during: async () => {
        const mark = middleware.cache.mark();
        await withTenant(a.partnershipId, (tx) => tx.agency.create({ data: { partnershipId: a.partnershipId, name: `Agency ${uniqueSlug()}`, kind: "POLICE" } }));
        await until(() => middleware.cache.mark() > mark, "the notification");
      },
    });
    await get(path, aliceCookie);
    pages.set(path, { partnershipId: a.partnershipId });
    const again = await get(path, aliceCookie);
    expect(again.headers["x-page-cache"]).toBe("miss");
  });

  it("drops a session's pages when it ends (signing out)", async () => {
    const user = await createUser({ memberships: [{ partnershipId: a.partnershipId, role: "VIEWER" }] });
    const cookie = await sessionCookieFor(user.id);
    const path = pagePath(a.slug, "indicator");
    pages.set(path, { partnershipId: a.partnershipId });
    await expectHit(path, cookie);

    const mark = middleware.cache.mark();
    await deleteSession(cookie.split("=")[1]!.split(".")[0]!);
    await until(() => middleware.cache.mark() > mark, "the notification of the session's end");
    expect((await get(path, cookie)).headers["x-page-cache"]).toBe("miss");
  });

  it("drops a session's pages in this process as soon as it posts anything (signing out)", async () => {
    const user = await createUser({ memberships: [{ partnershipId: a.partnershipId, role: "VIEWER" }] });
    const cookie = await sessionCookieFor(user.id);
    const path = pagePath(a.slug, "overview");
    pages.set(path, { partnershipId: a.partnershipId });
    await expectHit(path, cookie);
    await request(app).post("/sign-out").set("Origin", "http://127.0.0.1").set("Host", "127.0.0.1").set("Cookie", cookie);
    expect((await get(path, cookie)).headers["x-page-cache"]).toBe("miss");
  });

  it("drops a partnership's pages in this process as soon as a form is posted to it", async () => {
    const path = pagePath(a.slug, "report");
    pages.set(path, { partnershipId: a.partnershipId });
    await expectHit(path, aliceCookie);
    const origin = "http://127.0.0.1";
    await request(app).post(`/${a.slug}/anything`).set("Origin", origin).set("Host", "127.0.0.1").set("Cookie", aliceCookie);
    expect((await get(path, aliceCookie)).headers["x-page-cache"]).toBe("miss");
  });

  it("empties itself when the notification connection is lost, and works again once it is back", async () => {
    const applicationName = `page-cache-test-${uniqueSlug()}`;
    const own = createPageCacheMiddleware({ connectionString: inject("appUrl"), log: () => {}, applicationName });
    const ownApp = createHttpApp({ production: true, development: false, trustProxy: false, handleRequest, beforeHandler: own });
    const path = pagePath(a.slug, "lost");
    pages.set(path, { partnershipId: a.partnershipId });
    const ask = () => request(ownApp).get(path).set("Cookie", aliceCookie);
    try {
      await until(() => own.listener.live, "the listener");
      await ask();
      await until(() => own.cache.size > 0, "the page to be kept");

      const owner = new pg.Client({ connectionString: inject("ownerUrl") });
      await owner.connect();
      try {
        const { rowCount } = await owner.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [applicationName]);
        expect(rowCount).toBe(1);
      } finally {
        await owner.end();
      }
      await until(() => !own.listener.live, "the loss to be noticed");
      expect(own.cache.size).toBe(0);
      const whileDown = await ask();
      expect(whileDown.headers["x-page-cache"]).toBeUndefined();
      expect(own.cache.size).toBe(0);

      await until(() => own.listener.live, "the listener to reconnect", 10_000);
      let answers: string[] = [];
      for (let attempt = 0; attempt < 5 && !answers.includes("hit"); attempt += 1) answers = [...answers, String((await ask()).headers["x-page-cache"])];
      expect(answers).toContain("hit");
    } finally {
      await own.listener.stop();
    }
  });

  it("keeps and serves nothing while the notification connection is down", async () => {
    const own = createPageCacheMiddleware({ connectionString: inject("appUrl"), log: () => {} });
    const ownApp = createHttpApp({ production: true, development: false, trustProxy: false, handleRequest, beforeHandler: own });
    const path = pagePath(a.slug, "public");
    pages.set(path, { partnershipId: a.partnershipId });
    await until(() => own.listener.live, "the listener");
    await own.listener.stop();
    const first = await request(ownApp).get(path).set("Cookie", aliceCookie);
    const second = await request(ownApp).get(path).set("Cookie", aliceCookie);
    expect(renderNumber(second.text)).toBe(renderNumber(first.text) + 1);
    expect(own.cache.size).toBe(0);
  });
});

describe("PageCache", () => {
  const entry = (partnershipId: string, bytes: number, sessionId: string | null = null) => ({
    partnershipId,
    sessionId,
    status: 200,
    headers: [],
    body: Buffer.alloc(bytes, 120),
    nonce: "",
  });

  it("forgets a page after its time to live", () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1_000, ttlMs: 60_000, now: () => now });
    expect(cache.store("k", entry("p", 10), cache.mark())).toBe(true);
    now = 59_999;
    expect(cache.get("k")).not.toBeNull();
    now = 60_000;
    expect(cache.get("k")).toBeNull();
  });

  it("stays within its size, dropping the least recently used first", () => {
    const cache = new PageCache({ maxBytes: 1_000, ttlMs: 60_000 });
    cache.store("a", entry("p", 100), cache.mark());
    cache.store("b", entry("p", 100), cache.mark());
    for (let i = 0; i < 8; i += 1) cache.store(`fill-${i}`, entry("p", 100), cache.mark());
    cache.get("a");
    cache.store("c", entry("p", 100), cache.mark());
    expect(cache.storedBytes).toBeLessThanOrEqual(1_000);
    expect(cache.get("a")).not.toBeNull();
    expect(cache.get("b")).toBeNull();
    // One page may not take more than an eighth.
    expect(cache.store("big", entry("p", 126), cache.mark())).toBe(false);
  });

  it("refuses a page rendered before a change to its partnership, its session or everything", () => {
    const cache = new PageCache({ maxBytes: 10_000, ttlMs: 60_000 });
    const mark = cache.mark();
    cache.applyNotification("p:one");
    expect(cache.store("k1", entry("one", 10), mark)).toBe(false);
    expect(cache.store("k2", entry("two", 10), mark)).toBe(true);
    const sessionMark = cache.mark();
    cache.applyNotification("s:session-1");
    expect(cache.store("k3", entry("two", 10, "session-1"), sessionMark)).toBe(false);
    expect(cache.store("k4", entry("two", 10, "session-2"), sessionMark)).toBe(true);
    const allMark = cache.mark();
    cache.applyNotification("*");
    expect(cache.size).toBe(0);
    expect(cache.store("k5", entry("two", 10), allMark)).toBe(false);
  });
});
