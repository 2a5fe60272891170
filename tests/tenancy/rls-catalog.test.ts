// (a) Every table that holds a partnership's rows has row-level security enabled
// and FORCED, with a fail-closed policy on app.tenant_id for reads and writes; and
// the app role can neither bypass it nor own a table.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerUrl") });
  await owner.connect();
});
afterAll(() => owner.end());

describe("row-level security catalog", () => {
  it("covers every table with a partnershipId column", async () => {
    const { rows } = await owner.query<{
      table: string;
      rls: boolean;
      forced: boolean;
      qual: string | null;
      check: string | null;
      cmd: string | null;
    }>(`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             p.qual, p.with_check as check, p.cmd
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'partnershipId' and not a.attisdropped
      left join pg_policies p on p.tablename = c.relname and p.schemaname = 'public' and p.policyname = 'tenant_isolation'
      where c.relkind = 'r'
      order by c.relname`);

    // The model has about thirty tenant tables; a catalog query that found none would prove nothing.
    expect(rows.length).toBeGreaterThan(25);
    const unprotected = rows.filter(
      (r) =>
        !r.rls ||
        !r.forced ||
        r.cmd !== "ALL" ||
        !r.qual?.includes("app_current_tenant()") ||
        !r.check?.includes("app_current_tenant()"),
    );
    expect(unprotected.map((r) => r.table)).toEqual([]);
  });

  it("tells the page cache about every write to a tenant table (app/modules/page-cache)", async () => {
    const { rows } = await owner.query<{ table: string; triggers: string[] }>(`
      select c.relname as table, array_remove(array_agg(t.tgname::text order by t.tgname), null) as triggers
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'partnershipId' and not a.attisdropped
      left join pg_trigger t on t.tgrelid = c.oid and t.tgname like 'page_cache_%'
      where c.relkind = 'r'
      group by c.relname
      order by c.relname`);
    expect(rows.length).toBeGreaterThan(25);
    const expected = ["page_cache_delete", "page_cache_insert", "page_cache_truncate", "page_cache_update"];
    expect(rows.filter((r) => r.triggers.join() !== expected.join()).map((r) => r.table)).toEqual([]);
  });

  it("gives the app role no way around it", async () => {
    const appUser = decodeURIComponent(new URL(inject("appUrl")).username);
    const { rows } = await owner.query(
      "select rolsuper, rolbypassrls from pg_roles where rolname = $1",
      [appUser],
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const owned = await owner.query(
      "select tablename from pg_tables where schemaname = 'public' and tableowner = $1",
      [appUser],
    );
    expect(owned.rows).toEqual([]);
  });

  it("fails closed: the tenant function is null when nothing is set", async () => {
    const { rows } = await owner.query("select app_current_tenant() as tenant");
    expect(rows[0].tenant).toBeNull();
  });
});
