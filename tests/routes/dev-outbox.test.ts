// /dev/outbox: the e-mails the app would have sent, for developers; absent in production.
import { afterAll, describe, expect, it, vi } from "vitest";
import { loader } from "~/routes/dev.outbox";
import { sendEmail } from "~/utils/email.server";
import { callRoute } from "./call-route";

describe("/dev/outbox", () => {
  it("lists the newest e-mails with subject, recipient, time, both bodies and the links in them", async () => {
    const to = `outbox-${Date.now()}@test.example`;
    await sendEmail({ to, subject: "Older", html: "<p>older</p>", text: "older" });
    await sendEmail({ to, subject: "Reset your password", html: "<p>reset</p>", text: "Go to http://localhost:3000/reset-password/abc to reset." });
    const page = (await callRoute(loader, { path: `/dev/outbox?to=${to}` })) as Awaited<ReturnType<typeof loader>>;
    expect(page.emails.map((e) => e.subject)).toEqual(["Reset your password", "Older"]);
    expect(page.emails[0]).toMatchObject({ to, html: "<p>reset</p>", links: ["http://localhost:3000/reset-password/abc"] });
    expect(page.emails[0]!.sentAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.emails[0]!.headers).toEqual([]);
  });

  it("shows the extra headers an e-mail was sent with, such as the one-click unsubscribe", async () => {
    const to = `outbox-headers-${Date.now()}@test.example`;
    const headers = { "List-Unsubscribe": "<http://localhost:3000/unsubscribe/tok>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    await sendEmail({ to, subject: "Board briefing", html: "<p>b</p>", text: "b", headers });
    const page = (await callRoute(loader, { path: `/dev/outbox?to=${to}` })) as Awaited<ReturnType<typeof loader>>;
    expect(page.emails[0]!.headers).toEqual([
      { name: "List-Unsubscribe", value: "<http://localhost:3000/unsubscribe/tok>" },
      { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
    ]);
  });

  describe("in production", () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, SESSION_SECRET: process.env.SESSION_SECRET, APP_URL: process.env.APP_URL };
    afterAll(() => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      vi.resetModules();
    });

    it("is not found", async () => {
      // The environment is read once per module load: load the route afresh as production would.
      Object.assign(process.env, {
        NODE_ENV: "production",
        SESSION_SECRET: "a production secret for this test only",
        APP_URL: "https://safer-partnerships.example",
      });
      vi.resetModules();
      const production = await import("~/routes/dev.outbox");
      const res = (await callRoute(production.loader, { path: "/dev/outbox" })) as Response;
      expect(res.status).toBe(404);
    });
  });
});
