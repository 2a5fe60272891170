// The counter reads a file as a stream: a file far larger than memory would allow if
// it were held whole is counted with the heap staying flat.
import { describe, expect, it } from "vitest";
import { countPoliceUkFile, POLICE_UK_COLUMNS } from "~/modules/police-uk/police-uk-csv";

const TYPES = ["Burglary", "Robbery", "Drugs", "Anti-social behaviour", "Vehicle crime"];

/** n rows of a police.uk file, made as they are read, in chunks of about 64 KB. */
async function* generatedFile(rows: number, onChunk: () => void) {
  let chunk = `${POLICE_UK_COLUMNS.join(",")}\n`;
  for (let i = 0; i < rows; i++) {
    const outside = i % 10 === 0;
    const noLocation = i % 25 === 0;
    const id = i.toString(16).padStart(64, "0");
    const place = noLocation ? ",,No location,," : outside ? "-2.371,53.302,On or near Mill Lane,E01019999,Cheswick Forest 004B" : "-2.371,53.302,On or near High Street,E01018000,Tatton Vale 001A";
    chunk += `${id},2025-0${(i % 3) + 1},Tatton Constabulary,Tatton Constabulary,${place},${TYPES[i % TYPES.length]},Investigation complete; no suspect identified,\n`;
    if (chunk.length > 64 * 1024) {
      onChunk();
      yield Buffer.from(chunk);
      chunk = "";
    }
  }
  yield Buffer.from(chunk);
}

describe("streaming a large police.uk file", () => {
  it("counts 300,000 rows with heap growth under 50 MB", async () => {
    const rows = 300_000;
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let bytes = 0;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    const result = await countPoliceUkFile(
      (async function* () {
        for await (const chunk of generatedFile(rows, sample)) {
          bytes += chunk.byteLength;
          yield chunk;
        }
      })(),
      { fileName: "big.csv", area: { lsoaNamePrefixes: ["Tatton Vale"], lsoaCodes: [] }, mappedCrimeTypes: new Set(["Burglary", "Robbery"]) },
    );
    sample();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tally.rowsRead).toBe(rows);
    expect(result.tally.months.map((m) => m.month)).toEqual(["2025-01", "2025-02", "2025-03"]);
    const total = (key: "rowsCounted" | "rowsOutsideArea" | "rowsWithoutLocation" | "rowsUnmappedType") => result.tally.months.reduce((n, m) => n + m[key], 0);
    expect(total("rowsCounted") + total("rowsOutsideArea") + total("rowsWithoutLocation") + total("rowsUnmappedType")).toBe(rows);
    expect(total("rowsWithoutLocation")).toBe(rows / 25);
    // The file is well over 50 MB as text; held whole, as JavaScript strings, it would be twice that.
    expect(bytes).toBeGreaterThan(55 * 1024 * 1024);
    expect((peak - before) / (1024 * 1024)).toBeLessThan(50);
  }, 120_000);

  it("stops reading once a file passes the limit", async () => {
    let chunksRead = 0;
    const result = await countPoliceUkFile(
      (async function* () {
        for await (const chunk of generatedFile(100_000, () => undefined)) {
          chunksRead += 1;
          yield chunk;
        }
      })(),
      { fileName: "big.csv", area: { lsoaNamePrefixes: ["Tatton Vale"], lsoaCodes: [] }, mappedCrimeTypes: new Set(), maxBytes: 1024 * 1024 },
    );
    expect(result).toEqual({ ok: false, code: "TOO_LARGE", message: "big.csv is larger than 1 MB: upload files of 1 MB or less, such as one month of one police force" });
    expect(chunksRead).toBeLessThan(20);
  });
});
