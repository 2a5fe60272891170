// The full data export: every tenant table, only this partnership's rows, CSV safe
// to open in a spreadsheet, and no writes.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/modules/data-export/csv";
import { exportAllData } from "~/modules/data-export/data-export.server";
import { withTenant } from "~/utils/db.server";
import { thrownStatus } from "../editing/helpers";
import { createPartnership, smallProfile, uniqueSlug } from "../factories";
import { actorIn } from "../profiles/helpers";

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('He said "no", then left\nearly', { isText: true })).toBe('"He said ""no"", then left\nearly"');
    expect(csvCell(null, { isText: false })).toBe("");
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    for (const formula of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)"]) {
      expect(csvCell(formula, { isText: true })).toMatch(/^"?'/);
    }
    expect(csvCell("=1,2", { isText: true })).toBe(`"'=1,2"`);
    // A number from the database is a number, not a formula.
    expect(csvCell(-3.5, { isText: false })).toBe("-3.5");
    expect(toCsv(["a", "b"], [{ a: "=cmd", b: 2 }])).toBe("a,b\r\n'=cmd,2\r\n");
  });
});

describe("downloading all data", () => {
  let ours: { partnershipId: string; slug: string };
  let theirs: { partnershipId: string; slug: string; name: string };

  beforeAll(async () => {
    ours = await createPartnership(smallProfile(uniqueSlug("ours"), "Ours Partnership"));
    const theirSlug = uniqueSlug("theirs");
    theirs = await createPartnership(smallProfile(theirSlug, `Secret Theirs ${theirSlug}`));
  });

  it("holds every tenant table, only this partnership's rows, and writes nothing", async () => {
    const manager = await actorIn(ours.partnershipId);
    // A formula typed into a field comes out as text.
    await withTenant(ours.partnershipId, (tx) => tx.person.create({ data: { partnershipId: ours.partnershipId, name: "=HYPERLINK(\"http://evil\")" } }));
    const auditBefore = await withTenant(ours.partnershipId, (tx) => tx.auditEvent.count());

    const { filename, zip } = await exportAllData(manager);
    expect(filename).toMatch(new RegExp(`^${ours.slug}-all-data-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const files = unzipSync(zip);
    const tables = await withTenant(ours.partnershipId, (tx) =>
      tx.$queryRawUnsafe<Array<{ table_name: string }>>(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'partnershipId'`),
    );
    for (const { table_name } of tables) expect(Object.keys(files)).toContain(`csv/${table_name}.csv`);
    expect(Object.keys(files)).toContain("all-data.json");

    const everything = strFromU8(files["all-data.json"]!);
    const json = JSON.parse(everything) as { tables: Record<string, Array<Record<string, unknown>>> };
    expect(json.tables.Agency!.length).toBe(3);
    for (const [table, rows] of Object.entries(json.tables)) {
      for (const row of rows) expect(table === "Partnership" ? row.id : row.partnershipId).toBe(ours.partnershipId);
    }
    const allText = Object.values(files).map((f) => strFromU8(f)).join("\n");
    expect(allText).not.toContain(theirs.partnershipId);
    expect(allText).not.toContain(theirs.name);
    expect(allText).not.toContain("tokenHash");
    expect(strFromU8(files["csv/Person.csv"]!)).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(await withTenant(ours.partnershipId, (tx) => tx.auditEvent.count())).toBe(auditBefore);
  });

  it("is for managers only", async () => {
    for (const role of ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const) {
      expect(await thrownStatus(async () => exportAllData(await actorIn(ours.partnershipId, role)))).toBe(403);
    }
  });
});
