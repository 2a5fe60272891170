// Importing police.uk street-level files: what is counted into which indicator, what is
// left out and reported, and the files refused with nothing written.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/access/actor.server";
import { enterFigure, POLICE_UK_SOURCE_MESSAGE } from "~/modules/figures/figures.server";
import { beginPoliceUkUpload, getPoliceUkImports, PoliceUkMessages } from "~/modules/police-uk/police-uk.server";
import { withTenant } from "~/utils/db.server";
import { thrownStatus } from "../editing/helpers";
import { chunks, crime, ELSEWHERE, NO_LOCATION, policeUkCsv, policeUkPartnership, times } from "./helpers";

async function importFiles(actor: Actor, files: Array<{ name: string; text: string }>, maxBytes?: number) {
  const upload = await beginPoliceUkUpload(actor, { maxBytes });
  for (const file of files) await upload.addFile(file.name, chunks(file.text, 97));
  return upload.finish();
}

async function stored(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => ({
    figures: (
      await tx.figure.findMany({
        where: { partnershipId },
        select: { indicatorId: true, value: true, count: true, source: true, period: { select: { startsOn: true, type: true } } },
        orderBy: [{ period: { startsOn: "asc" } }],
      })
    ).map((f) => ({ indicatorId: f.indicatorId, month: f.period.startsOn.toISOString().slice(0, 7), value: f.value.toString(), count: f.count?.toString() ?? null, source: f.source })),
    imports: await tx.policeUkImport.findMany({ where: { partnershipId }, orderBy: { month: "asc" } }),
    audit: await tx.auditEvent.findMany({ where: { partnershipId, action: "imported police.uk crime figures" }, select: { after: true } }),
  }));
}

const figureOf = (figures: Awaited<ReturnType<typeof stored>>["figures"], indicatorId: string, month: string) => figures.find((f) => f.indicatorId === indicatorId && f.month === month);

const MARCH_AND_APRIL = [
  ...times(3, { "Crime type": "Burglary" }),
  ...times(2, { "Crime type": "Violence and sexual offences" }),
  crime({ "Crime type": "Robbery" }),
  ...times(2, { "Crime type": "Vehicle crime" }),
  crime({ Month: "2025-04", "Crime type": "Burglary" }),
  crime({ Month: "2025-04", "Crime type": "Vehicle crime" }),
];

describe("importing police.uk files", () => {
  it("counts each month into the mapped indicators, summing crime types, with 0 for a month without crimes", async () => {
    const world = await policeUkPartnership();
    const manager = await world.actor();
    const result = await importFiles(manager, [{ name: "2025-03-tatton-street.csv", text: policeUkCsv(MARCH_AND_APRIL) }]);
    expect(result).toEqual({ status: "imported", months: ["2025-03", "2025-04"] });

    const { figures, imports, audit } = await stored(world.partnershipId);
    expect(figureOf(figures, world.indicators.burglary, "2025-03")).toMatchObject({ value: "3", count: "3", source: "POLICE_UK" });
    expect(figureOf(figures, world.indicators.burglary, "2025-04")).toMatchObject({ value: "1", count: "1" });
    // "Violence and sexual offences" and "Robbery" both feed it.
    expect(figureOf(figures, world.indicators.violence, "2025-03")).toMatchObject({ value: "3", count: "3" });
    expect(figureOf(figures, world.indicators.violence, "2025-04")).toMatchObject({ value: "0", count: "0", source: "POLICE_UK" });
    expect(imports.map((i) => [i.month.toISOString().slice(0, 7), i.rowsRead, i.rowsCounted])).toEqual([
      ["2025-03", 8, 8],
      ["2025-04", 2, 2],
    ]);
    expect(imports[0]!.countsByCrimeType).toEqual({ Burglary: 3, "Violence and sexual offences": 2, Robbery: 1, "Vehicle crime": 2 });
    expect(audit).toHaveLength(1);
  });

  it("works out a rate from the month's count and the households of that financial year", async () => {
    const world = await policeUkPartnership();
    await importFiles(await world.actor(), [{ name: "crimes.csv", text: policeUkCsv(MARCH_AND_APRIL) }]);
    const { figures } = await stored(world.partnershipId);
    // March 2025 is in 2024/25 (100,000 households), April 2025 in 2025/26 (125,000).
    expect(figureOf(figures, world.indicators.vehicleRate, "2025-03")).toMatchObject({ value: "0.02", count: "2" });
    expect(figureOf(figures, world.indicators.vehicleRate, "2025-04")).toMatchObject({ value: "0.008", count: "1" });
  });

  it("replaces a month imported again rather than adding to it", async () => {
    const world = await policeUkPartnership();
    const manager = await world.actor();
    await importFiles(manager, [{ name: "first.csv", text: policeUkCsv(times(5, { "Crime type": "Burglary" })) }]);
    await importFiles(manager, [{ name: "second.csv", text: policeUkCsv(times(4, { "Crime type": "Burglary" })) }]);
    const { figures, imports } = await stored(world.partnershipId);
    expect(figures.filter((f) => f.indicatorId === world.indicators.burglary)).toEqual([expect.objectContaining({ month: "2025-03", value: "4" })]);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ fileName: "second.csv", rowsRead: 4, rowsCounted: 4 });
  });

  it("adds up two files for the same month (a force's and British Transport Police's)", async () => {
    const world = await policeUkPartnership();
    await importFiles(await world.actor(), [
      { name: "force.csv", text: policeUkCsv(times(2, { "Crime type": "Burglary" })) },
      { name: "btp.csv", text: policeUkCsv(times(1, { "Crime type": "Robbery", "Reported by": "British Transport Police" })) },
    ]);
    const { figures, imports } = await stored(world.partnershipId);
    expect(figureOf(figures, world.indicators.burglary, "2025-03")?.value).toBe("2");
    expect(figureOf(figures, world.indicators.violence, "2025-03")?.value).toBe("1");
    expect(imports[0]).toMatchObject({ fileName: "force.csv, btp.csv", rowsRead: 3 });
  });

  it("counts and reports rows outside the area, without a location and of unmapped crime types", async () => {
    const world = await policeUkPartnership();
    const manager = await world.actor();
    const rows = [
      ...times(2, { "Crime type": "Burglary" }),
      ...times(3, { ...ELSEWHERE, "Crime type": "Burglary" }),
      ...times(4, { ...NO_LOCATION, "Crime type": "Burglary" }),
      crime({ Longitude: "", Latitude: "" }),
      ...times(5, { "Crime type": "Drugs" }),
      ...times(1, { "Crime type": "Anti-social behaviour", "Crime ID": "" }),
    ];
    const result = await importFiles(manager, [{ name: "mixed.csv", text: policeUkCsv(rows) }]);
    expect(result.status).toBe("imported");
    const { imports, figures } = await stored(world.partnershipId);
    expect(imports[0]).toMatchObject({ rowsRead: 16, rowsCounted: 2, rowsOutsideArea: 3, rowsWithoutLocation: 5, rowsUnmappedType: 6 });
    expect(figureOf(figures, world.indicators.burglary, "2025-03")?.value).toBe("2");

    const page = await getPoliceUkImports(manager, ["2025-03"]);
    const [report] = page.report;
    expect(report).toMatchObject({ label: "March 2025", rowsRead: 16, rowsOutsideArea: 3, rowsWithoutLocation: 5, rowsUnmappedType: 6 });
    expect(report!.unmappedTypes).toEqual([
      { crimeType: "Anti-social behaviour", count: 1 },
      { crimeType: "Drugs", count: 5 },
    ]);
    expect(report!.crimeTypes).toContainEqual({ crimeType: "Burglary", count: 2, indicator: "LOCAL 1 Burglaries" });
    expect(report!.figures).toContainEqual(expect.objectContaining({ indicator: "LOCAL 1 Burglaries", value: "2", count: "2" }));
    expect(page.imports).toHaveLength(1);
  });

  it("counts LSOAs by a listed code, and by name prefix only at a word's end", async () => {
    const world = await policeUkPartnership({ mappings: [{ crimeType: "Burglary", indicator: "burglary" }], prefixes: ["Tatton"], codes: ["E01019999"] });
    const rows = [crime({ "LSOA name": "Tatton Vale 001A" }), crime({ "LSOA name": "Tattonbury 002C", "LSOA code": "E01011111" }), crime({ ...ELSEWHERE })];
    await importFiles(await world.actor(), [{ name: "area.csv", text: policeUkCsv(rows) }]);
    const { imports } = await stored(world.partnershipId);
    expect(imports[0]).toMatchObject({ rowsCounted: 2, rowsOutsideArea: 1 });
  });

  it("refuses another force's file, with no row in the area, and writes nothing", async () => {
    const world = await policeUkPartnership();
    const result = await importFiles(await world.actor(), [{ name: "2025-03-cheswick-street.csv", text: policeUkCsv(times(6, ELSEWHERE)) }]);
    expect(result.status).toBe("refused");
    expect(result.status === "refused" && result.problems[0]).toMatch(/2025-03-cheswick-street\.csv: none of its 6 crimes is in the partnership's area .*another police force's file/);
    const { figures, imports, audit } = await stored(world.partnershipId);
    expect([figures, imports, audit]).toEqual([[], [], []]);
  });

  it("refuses every file of an upload when one of them is another force's", async () => {
    const world = await policeUkPartnership();
    const result = await importFiles(await world.actor(), [
      { name: "ours.csv", text: policeUkCsv(times(2, {})) },
      { name: "theirs.csv", text: policeUkCsv(times(2, ELSEWHERE)) },
    ]);
    expect(result.status).toBe("refused");
    expect((await stored(world.partnershipId)).figures).toEqual([]);
  });

  it("refuses a file without every police.uk column, naming what is missing", async () => {
    const world = await policeUkPartnership();
    const columns = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "Last outcome category", "Context"];
    const result = await importFiles(await world.actor(), [{ name: "edited.csv", text: policeUkCsv(times(3, {}), columns) }]);
    expect(result).toEqual({
      status: "refused",
      problems: [expect.stringContaining('edited.csv is not a police.uk street-level crime file: it has no columns "LSOA name" and "Crime type"')],
    });
    expect((await stored(world.partnershipId)).imports).toEqual([]);
  });

  it("accepts the columns in another order and case, and a byte order mark", async () => {
    const world = await policeUkPartnership();
    const columns = ["crime type", "MONTH", "Crime ID", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name", "Last outcome category", "Context"];
    const rows = times(2, {}).map((row) => ({ ...row, "crime type": row["Crime type"], MONTH: row.Month }));
    const result = await importFiles(await world.actor(), [{ name: "reordered.csv", text: `\uFEFF${policeUkCsv(rows as never, columns)}` }]);
    expect(result.status).toBe("imported");
  });

  it("refuses a file over the size limit, counting bytes as they stream, and writes nothing", async () => {
    const world = await policeUkPartnership();
    const text = policeUkCsv(times(50, {}));
    const result = await importFiles(await world.actor(), [{ name: "huge.csv", text }], 2048);
    expect(result).toEqual({ status: "refused", problems: [expect.stringMatching(/^huge\.csv is larger than 0 MB/)] });
    expect((await stored(world.partnershipId)).imports).toEqual([]);
  });

  it("refuses a ragged row, a bad month, an empty file and a binary file, each with a clear message", async () => {
    const world = await policeUkPartnership();
    const manager = await world.actor();
    const ragged = `${policeUkCsv(times(1, {}))}2025-03,only,three\n`;
    expect(await importFiles(manager, [{ name: "ragged.csv", text: ragged }])).toEqual({
      status: "refused",
      problems: [expect.stringMatching(/^ragged\.csv, line 3 has a different number of values from the header row/)],
    });
    expect(await importFiles(manager, [{ name: "month.csv", text: policeUkCsv([crime({ Month: "03/2025" })]) }])).toEqual({
      status: "refused",
      problems: ['month.csv, row 2: the month "03/2025" is not written like 2024-03'],
    });
    expect(await importFiles(manager, [{ name: "empty.csv", text: "" }])).toEqual({ status: "refused", problems: [expect.stringContaining("empty.csv is empty")] });
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)).toString("latin1");
    const result = await importFiles(manager, [{ name: "photo.csv", text: binary }]);
    expect(result.status).toBe("refused");
    expect((await stored(world.partnershipId)).imports).toEqual([]);
  });

  it("refuses an upload before any crime type is mapped", async () => {
    const world = await policeUkPartnership({});
    const result = await importFiles(await world.actor(), [{ name: "crimes.csv", text: policeUkCsv(times(2, {})) }]);
    expect(result).toEqual({ status: "refused", problems: [PoliceUkMessages.noMappings] });
  });

  it("refuses a rate indicator's month when that year's households are not set", async () => {
    const world = await policeUkPartnership();
    const result = await importFiles(await world.actor(), [{ name: "old.csv", text: policeUkCsv(times(2, { Month: "2023-06", "Crime type": "Vehicle crime" })) }]);
    expect(result).toEqual({ status: "refused", problems: [expect.stringContaining("LOCAL 3 Vehicle crime rate is a rate, and the number of households for 2023/24 is not set")] });
    expect((await stored(world.partnershipId)).figures).toEqual([]);
  });

  it("refuses a figure typed by hand for a police.uk indicator, saying where its figures come from", async () => {
    const world = await policeUkPartnership();
    const result = await enterFigure(
      await world.actor(),
      world.indicators.burglary,
      { period: "MONTH-2025-3", value: "12", openedAt: new Date() },
      { timeZone: "Europe/London", financialYearStartMonth: 4 },
    );
    expect(result).toEqual({ status: "invalid", fieldErrors: { value: [POLICE_UK_SOURCE_MESSAGE] } });
  });

  it("lets only managers import or see imports", async () => {
    const world = await policeUkPartnership();
    for (const role of ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const) {
      const actor = await world.actor(role, role === "AGENCY_EDITOR" ? world.police : null);
      expect(await thrownStatus(() => beginPoliceUkUpload(actor))).toBe(403);
      expect(await thrownStatus(() => getPoliceUkImports(actor))).toBe(403);
    }
  });
});
