import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createSession,
  sessionCookie,
  INACTIVITY_TIMEOUT_SECONDS,
  validateSessionToken,
  deleteSession,
} from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { createUser } from "../factories";

let userId: string;

beforeAll(async () => {
  userId = (await createUser({})).id;
});

describe("sessions", () => {
  it("stores only the SHA-256 of the token's secret", async () => {
    const token = await createSession(userId);
    const [id, secret] = token.split(".");
    const row = await db().session.findUniqueOrThrow({ where: { id: id! } });
    expect(Buffer.from(row.secretHash).toString("hex")).toBe(createHash("sha256").update(secret!).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("accepts the token and refuses a wrong secret or a malformed token", async () => {
    const token = await createSession(userId);
    const [id, secret] = token.split(".") as [string, string];
    expect((await validateSessionToken(token))?.user.id).toBe(userId);
    const wrong = `${id}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expect(await validateSessionToken(wrong)).toBeNull();
    expect(await validateSessionToken(id)).toBeNull();
    expect(await validateSessionToken(`${token}.extra`)).toBeNull();
  });

  it("slides: a use after an hour moves the expiry on", async () => {
    const token = await createSession(userId);
    const id = token.split(".")[0]!;
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await db().session.update({ where: { id }, data: { lastVerifiedAt: twoHoursAgo } });
    expect(await validateSessionToken(token)).not.toBeNull();
    const row = await db().session.findUniqueOrThrow({ where: { id } });
    expect(row.lastVerifiedAt.getTime()).toBeGreaterThan(twoHoursAgo.getTime() + 3600_000);
  });

  it("expires after the inactivity timeout and is deleted", async () => {
    const token = await createSession(userId);
    const id = token.split(".")[0]!;
    const lastUse = new Date(Date.now() - (INACTIVITY_TIMEOUT_SECONDS + 60) * 1000);
    await db().session.update({ where: { id }, data: { lastVerifiedAt: lastUse } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db().session.findUnique({ where: { id } })).toBeNull();
  });

  it("is gone after sign-out", async () => {
    const token = await createSession(userId);
    await deleteSession(token.split(".")[0]!);
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("uses an HttpOnly, SameSite=Lax cookie, __Host- prefixed and Secure in production", () => {
    const development = sessionCookie("abc.def", false);
    expect(development).toMatch(/^session=abc\.def;/);
    expect(development.split("; ")).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(development).not.toContain("Secure");

    const production = sessionCookie("abc.def", true);
    expect(production).toMatch(/^__Host-session=abc\.def;/);
    expect(production.split("; ")).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]));
    expect(production).not.toMatch(/Domain=/i);
  });
});
