// (b) and (c): connected as the app role, with raw SQL that "forgets" to filter by
// partnership, PostgreSQL itself refuses other partnerships' rows.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withTenant } from "~/utils/db.server";
import { createPartnership, idsOf } from "../factories";

let app: pg.Client;
let barnet: { partnershipId: string };
let haringey: { partnershipId: string };
let haringeyPriorityId: string;
let barnetPriorityId: string;

async function asTenant<T>(partnershipId: string | null, fn: () => Promise<T>): Promise<T> {
  await app.query("begin");
  try {
    if (partnershipId) await app.query("select set_config('app.tenant_id', $1, true)", [partnershipId]);
    return await fn();
  } finally {
    await app.query("rollback");
  }
}

beforeAll(async () => {
  app = new pg.Client({ connectionString: inject("appUrl") });
  await app.connect();
  barnet = await createPartnership();
  haringey = await createPartnership();
  haringeyPriorityId = (await idsOf(haringey.partnershipId)).priorities[0]!.id;
  barnetPriorityId = (await idsOf(barnet.partnershipId)).priorities[0]!.id;
});
afterAll(() => app.end());

describe("with no partnership set", () => {
  it("a select that forgets to filter returns no rows at all", async () => {
    const { rows } = await asTenant(null, () => app.query('select id from "Priority"'));
    expect(rows).toEqual([]);
  });

  it("an insert is refused", async () => {
    await expect(
      asTenant(null, () =>
        app.query('insert into "Council" (id, "partnershipId", name) values ($1, $2, $3)', [
          randomUUID(),
          barnet.partnershipId,
          "Sneaked in",
        ]),
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });
});

describe("with one partnership set", () => {
  it("reading another partnership's row by its id finds nothing", async () => {
    const { rows } = await asTenant(barnet.partnershipId, () =>
      app.query('select id, title from "Priority" where id = $1', [haringeyPriorityId]),
    );
    expect(rows).toEqual([]);
  });

  it("updating or deleting another partnership's row changes nothing", async () => {
    const updated = await asTenant(barnet.partnershipId, () =>
      app.query('update "Priority" set title = $1 where id = $2', ["Hijacked", haringeyPriorityId]),
    );
    const deleted = await asTenant(barnet.partnershipId, () =>
      app.query('delete from "Priority" where id = $1', [haringeyPriorityId]),
    );
    expect(updated.rowCount).toBe(0);
    expect(deleted.rowCount).toBe(0);
    const stillThere = await withTenant(haringey.partnershipId, (tx) =>
      tx.priority.findUnique({ where: { id: haringeyPriorityId }, select: { title: true } }),
    );
    expect(stillThere).toEqual({ title: "Reduce burglary" });
  });

  it("moving a row into another partnership is refused", async () => {
    await expect(
      asTenant(barnet.partnershipId, () =>
        app.query('update "Council" set "partnershipId" = $1', [haringey.partnershipId]),
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("inserting a row for another partnership is refused", async () => {
    await expect(
      asTenant(barnet.partnershipId, () =>
        app.query('insert into "Council" (id, "partnershipId", name) values ($1, $2, $3)', [
          randomUUID(),
          haringey.partnershipId,
          "Sneaked in",
        ]),
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("a child cannot point at another partnership's parent", async () => {
    // Even with RLS satisfied (the row is Barnet's), the composite foreign key
    // (partnershipId, priorityId) has no Barnet parent with Haringey's id.
    await expect(
      withTenant(barnet.partnershipId, (tx) =>
        tx.$executeRaw`insert into "PriorityLead" (id, "partnershipId", "priorityId", "agencyId")
          select gen_random_uuid(), ${barnet.partnershipId}::uuid, ${haringeyPriorityId}::uuid, id
          from "Agency" where "partnershipId" = ${barnet.partnershipId}::uuid limit 1`,
      ),
    ).rejects.toThrow(/foreign key|violates/i);
  });

  it("Prisma queries that forget the partnership see only the tenant's rows", async () => {
    const priorities = await withTenant(barnet.partnershipId, (tx) => tx.priority.findMany({ select: { id: true, partnershipId: true } }));
    expect(priorities.length).toBeGreaterThan(0);
    expect(new Set(priorities.map((p) => p.partnershipId))).toEqual(new Set([barnet.partnershipId]));
    expect(priorities.map((p) => p.id)).toContain(barnetPriorityId);
  });

  it("the setting does not leak into the next transaction on the same connection", async () => {
    await asTenant(barnet.partnershipId, async () => {});
    const { rows } = await app.query('select id from "Priority"');
    expect(rows).toEqual([]);
  });
});
