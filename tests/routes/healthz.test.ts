import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { loader } from "~/routes/healthz";
import { db } from "~/utils/db.server";

describe("GET /healthz", () => {
  it("answers 200 when the database answers", async () => {
    const res = await loader();
    expect(res.status).toBe(200);
  });

  it("answers 503 when the database does not", async () => {
    const working = db();
    // A client pointed at a port where nothing listens stands in for a database that is down.
    globalThis.__saferPartnershipsDb = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://nobody:nothing@127.0.0.1:1/none", connectionTimeoutMillis: 2000 }),
    });
    try {
      const res = await loader();
      expect(res.status).toBe(503);
    } finally {
      await globalThis.__saferPartnershipsDb.$disconnect().catch(() => {});
      globalThis.__saferPartnershipsDb = working;
    }
  });
});
