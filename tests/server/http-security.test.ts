// The HTTP layer of scripts/server.ts around a stub app: security headers with a
// fresh nonce per response, the Origin check, and whose IP address we believe.
import type { RequestHandler } from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createHttpApp, loadContextFor, redactTokens, SELF_AUTHENTICATING_PATHS } from "../../scripts/lib/http-security";

function appWith(options: { production?: boolean; development?: boolean; trustProxy?: boolean; appUrl?: string } = {}) {
  // Stands in for Remix: answers with the load context Remix would get.
  const handleRequest: RequestHandler = (req, res) => {
    res.json({ method: req.method, context: loadContextFor(req, res, options.trustProxy ?? false) });
  };
  return createHttpApp({
    production: options.production ?? true,
    development: options.development ?? false,
    trustProxy: options.trustProxy ?? false,
    appUrl: options.appUrl,
    devOrigin: "http://localhost:3001",
    handleRequest,
  });
}

function directives(header: string | undefined) {
  return Object.fromEntries((header ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("security headers", () => {
  it("send a Content-Security-Policy whose script nonce is the one the page gets, new for each response", async () => {
    const app = appWith();
    const first = await request(app).get("/sign-in");
    const second = await request(app).get("/sign-in");
    const csp = directives(first.headers["content-security-policy"]);
    const nonce = first.body.context.cspNonce as string;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(second.body.context.cspNonce).not.toBe(nonce);
    expect(csp["style-src"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'", "https://checkout.stripe.com", "https://billing.stripe.com"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
  });

  it("send nosniff, the referrer policy and HSTS in production, and no X-Powered-By", async () => {
    const res = await request(appWith({ production: true })).get("/");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("in development: no HSTS, the dev server's websocket allowed, inline styles only on /dev/ pages", async () => {
    const app = appWith({ production: false, development: true });
    const page = await request(app).get("/sign-in");
    expect(page.headers["strict-transport-security"]).toBeUndefined();
    expect(directives(page.headers["content-security-policy"])["connect-src"]).toEqual(["'self'", "ws://localhost:3001"]);
    expect(directives(page.headers["content-security-policy"])["style-src"]).toEqual(["'self'"]);
    const outbox = await request(app).get("/dev/outbox");
    expect(directives(outbox.headers["content-security-policy"])["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("in production: inline styles only on a digest's e-mail preview, never on /dev/ or other pages", async () => {
    const app = appWith({ production: true });
    const styles = async (path: string) => directives((await request(app).get(path)).headers["content-security-policy"])["style-src"];
    expect(await styles("/tatton-vale/meetings/2f1c/digest/email")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(await styles("/tatton-vale/meetings/2f1c/digest")).toEqual(["'self'"]);
    expect(await styles("/dev/outbox")).toEqual(["'self'"]);
  });
});

describe("the Origin check", () => {
  it("lets reads through whatever their origin", async () => {
    const app = appWith();
    for (const method of ["get", "head", "options"] as const) {
      expect((await request(app)[method]("/account").set("Origin", "https://evil.example")).status).toBe(200);
    }
  });

  it("refuses a write from another site, or with no Origin at all, before the app sees it", async () => {
    const app = appWith();
    for (const origin of ["https://evil.example", "http://localhost:9999", "null", undefined]) {
      const req = request(app).post("/account").type("form").send("intent=sign-out-everywhere");
      const res = await (origin ? req.set("Origin", origin) : req);
      expect(res.status).toBe(403);
      expect(res.text).toBe("This request did not come from a Safer Partnerships page, so it was refused.");
      expect(res.body.method).toBeUndefined();
    }
    for (const method of ["put", "patch", "delete"] as const) {
      expect((await request(app)[method]("/account").set("Origin", "https://evil.example")).status).toBe(403);
    }
  });

  it("lets a write from this site through: the request's own host, or APP_URL", async () => {
    const app = appWith({ appUrl: "https://safer-partnerships.example" });
    const sameHost = await request(app).post("/sign-in").set("Host", "localhost:3000").set("Origin", "http://localhost:3000");
    expect(sameHost.status).toBe(200);
    const appUrl = await request(app).post("/sign-in").set("Origin", "https://safer-partnerships.example");
    expect(appUrl.status).toBe(200);
    // Remix's own data requests (single fetch) are checked the same way.
    expect((await request(app).post("/sign-in.data").set("Origin", "https://evil.example")).status).toBe(403);
  });

  it("behind the proxy, compares with the scheme the proxy says the browser used", async () => {
    const proxied = appWith({ trustProxy: true });
    const res = await request(proxied).post("/x").set("Host", "app.example").set("X-Forwarded-Proto", "https").set("Origin", "https://app.example");
    expect(res.status).toBe(200);
    const direct = appWith({ trustProxy: false });
    expect((await request(direct).post("/x").set("Host", "app.example").set("X-Forwarded-Proto", "https").set("Origin", "https://app.example")).status).toBe(403);
  });

  it("lets through only the paths that authenticate themselves", async () => {
    expect(SELF_AUTHENTICATING_PATHS).toEqual(["/webhooks/", "/unsubscribe/"]);
    const app = appWith();
    expect((await request(app).post("/webhooks/stripe").set("Origin", "https://stripe.example")).status).toBe(200);
    expect((await request(app).post("/unsubscribe/some-token")).status).toBe(200);
    expect((await request(app).post("/webhooksX")).status).toBe(403);
  });
});

describe("the client's IP address", () => {
  it("is the socket's unless behind a trusted proxy: a forged X-Forwarded-For is ignored", async () => {
    const res = await request(appWith()).get("/").set("X-Forwarded-For", "6.6.6.6");
    expect(res.body.context.clientIp).toMatch(/127\.0\.0\.1|::1/);
  });

  it("behind the proxy (TRUST_PROXY=1) is Fly-Client-IP, or the first X-Forwarded-For", async () => {
    const app = appWith({ trustProxy: true });
    expect((await request(app).get("/").set("Fly-Client-IP", "203.0.113.7").set("X-Forwarded-For", "1.1.1.1")).body.context.clientIp).toBe("203.0.113.7");
    expect((await request(app).get("/").set("X-Forwarded-For", "198.51.100.4, 10.0.0.1")).body.context.clientIp).toBe("198.51.100.4");
  });
});

describe("the request log", () => {
  it("leaves reset and invite tokens out", () => {
    expect(redactTokens("/reset-password/abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst")).toBe("/reset-password/[token]");
    expect(redactTokens("/invites/Zk3_x-7QmP0aLr9TbWc2yHn4vD6sJ8eF")).toBe("/invites/[token]");
    expect(redactTokens("/invites/Zk3_x-7QmP0aLr9TbWc2yHn4vD6sJ8eF.data")).toBe("/invites/[token].data");
    expect(redactTokens("/barnet/priorities/14547761-2e1f-48c0-ba34-bd2ceb390f76")).toBe("/barnet/priorities/14547761-2e1f-48c0-ba34-bd2ceb390f76");
    expect(redactTokens("/barnet/indicators")).toBe("/barnet/indicators");
  });
});
