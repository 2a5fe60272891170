// The full data export: everything the partnership holds, one CSV per table and one
// JSON file of it all, in a zip. Every table with a partnershipId is found from the
// database's catalog, so a table added later is exported without a change here.
//
// Read-only by construction: the transaction is declared READ ONLY, so the export
// works for a partnership that can no longer change anything, and cannot write even
// by mistake (which is also why it records no audit event).
import { strToU8, zipSync } from "fflate";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isDecimal, toCsv } from "./csv";

/** Columns never exported: secrets, even hashed. */
const WITHHELD_COLUMNS = new Set(["tokenHash"]);

export type DataExport = { filename: string; zip: Uint8Array };

export async function describeDataExport(actor: Actor) {
  assertCan(actor, "data:export");
  return withTenant(actor.partnershipId, async (tx) => {
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    const tables = await tenantTables(tx);
    const counts: Array<{ table: string; rows: number }> = [];
    for (const table of tables) {
      const [row] = await tx.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT count(*) AS n FROM "${table}" WHERE "partnershipId" = $1::uuid`, actor.partnershipId);
      counts.push({ table, rows: Number(row?.n ?? 0) });
    }
    return { tables: counts };
  });
}

export async function exportAllData(actor: Actor): Promise<DataExport> {
  assertCan(actor, "data:export");
  return withTenant(
    actor.partnershipId,
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const [partnership] = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "Partnership" WHERE "id" = $1::uuid`, actor.partnershipId);
      if (!partnership) throw new Response("Page not found", { status: 404 });
      const slug = String(partnership.slug);
      const exportedAt = new Date().toISOString();
      const files: Record<string, Uint8Array> = {};
      const everything: Record<string, unknown[]> = { Partnership: [plain(partnership)] };
      files["csv/Partnership.csv"] = strToU8(toCsv(Object.keys(partnership), [partnership]));

      for (const table of await tenantTables(tx)) {
        const columns = (await columnsOf(tx, table)).filter((c) => !WITHHELD_COLUMNS.has(c));
        const select = columns.map((c) => `"${c}"`).join(", ");
        // partnershipId in the where as everywhere; RLS would refuse other rows anyway.
        const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
          `SELECT ${select} FROM "${table}" WHERE "partnershipId" = $1::uuid ORDER BY 1, 2`,
          actor.partnershipId,
        );
        files[`csv/${table}.csv`] = strToU8(toCsv(columns, rows));
        everything[table] = rows.map(plain);
      }
      files["all-data.json"] = strToU8(JSON.stringify({ exportedAt, partnership: slug, tables: everything }, null, 2));
      files["README.txt"] = strToU8(readme(String(partnership.name), exportedAt));
      return { filename: `${slug}-all-data-${exportedAt.slice(0, 10)}.zip`, zip: zipSync(files, { level: 6 }) };
    },
    { timeoutMs: 120_000 },
  );
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The tables that hold a partnershipId: every tenant table. */
async function tenantTables(tx: TenantTx): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'partnershipId'
      ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((t) => IDENTIFIER.test(t));
}

async function columnsOf(tx: TenantTx, table: string): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<Array<{ column_name: string }>>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    table,
  );
  return rows.map((r) => r.column_name).filter((c) => IDENTIFIER.test(c));
}

/** A row as JSON can hold it: decimals as exact text, bytes as base64. */
function plain(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      isDecimal(v) ? String(v) : typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v,
    ]),
  );
}

function readme(name: string, exportedAt: string) {
  return [
    `Everything Safer Partnerships holds for ${name}, exported ${exportedAt}.`,
    "",
    "csv/       one file per table, one row per record (UTF-8, comma-separated).",
    "           Text that starts with = + - or @ has a ' in front so that spreadsheets",
    "           show it as text rather than running it as a formula.",
    "all-data.json  the same records in one file, for loading into another system.",
    "",
    "Records refer to each other by id (agencyId, boardId...).",
    "Invitation tokens are not included, not even in hashed form.",
    "",
  ].join("\r\n");
}
