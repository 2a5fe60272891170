// Counts a police.uk street-level crime file as it streams in: by month and crime
// type, and every row that is not counted (outside the area, without a location, of
// a crime type no indicator takes) by why. Nothing but the tallies is kept, so a
// 200 MB file needs no more memory than a small one. No database and no HTTP here:
// app/modules/police-uk/police-uk.server.ts decides what the tallies are written as.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";

export const POLICE_UK_COLUMNS = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Crime type",
  "Last outcome category",
  "Context",
] as const;

/** A month of a large force is tens of megabytes; this leaves room and refuses the absurd. */
export const POLICE_UK_MAX_BYTES = 200 * 1024 * 1024;
// A real file has a dozen crime types and one month; far more means it is not one.
const MAX_CRIME_TYPES = 200;
const MAX_MONTHS = 240;

export type PoliceUkArea = { lsoaNamePrefixes: readonly string[]; lsoaCodes: readonly string[] };

export type MonthTally = {
  /** "2024-03", as police.uk writes it. */
  month: string;
  rowsRead: number;
  /** In the area, of a crime type an indicator takes. */
  rowsCounted: number;
  rowsOutsideArea: number;
  rowsWithoutLocation: number;
  /** In the area, of a crime type no indicator takes. */
  rowsUnmappedType: number;
  /** Rows in the area by crime type, mapped or not. */
  countsByCrimeType: Record<string, number>;
};

export type FileTally = { fileName: string; bytes: number; rowsRead: number; months: MonthTally[] };

export type CountProblemCode = "TOO_LARGE" | "MISSING_COLUMNS" | "EMPTY" | "BAD_ROW";
export type CountResult = { ok: true; tally: FileTally } | { ok: false; code: CountProblemCode; message: string };

export type CountOptions = {
  fileName: string;
  area: PoliceUkArea;
  mappedCrimeTypes: ReadonlySet<string>;
  /** Tests lower it; the app uses POLICE_UK_MAX_BYTES. */
  maxBytes?: number;
};

class Refusal extends Error {
  constructor(
    readonly code: CountProblemCode,
    message: string,
  ) {
    super(message);
  }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function megabytes(bytes: number) {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Whether a row's LSOA is in the partnership's area. */
export function areaMatcher(area: PoliceUkArea) {
  const codes = new Set(area.lsoaCodes.map((code) => code.trim().toUpperCase()).filter(Boolean));
  const prefixes = area.lsoaNamePrefixes.map((prefix) => prefix.trim().toLowerCase()).filter(Boolean);
  return (lsoaCode: string, lsoaName: string) => {
    if (codes.has(lsoaCode.toUpperCase())) return true;
    const name = lsoaName.toLowerCase();
    // "Tatton Vale 001A" is in "Tatton Vale", but "Tattonbury 001A" is not in "Tatton".
    return prefixes.some((prefix) => name.startsWith(prefix) && !/[a-z]/.test(name.charAt(prefix.length)));
  };
}

function newMonth(month: string): MonthTally {
  return { month, rowsRead: 0, rowsCounted: 0, rowsOutsideArea: 0, rowsWithoutLocation: 0, rowsUnmappedType: 0, countsByCrimeType: {} };
}

/** Counts bytes as they pass and stops the stream once there are too many. */
async function* limited(source: AsyncIterable<Uint8Array | string>, maxBytes: number, fileName: string, seen: { bytes: number }) {
  for await (const chunk of source) {
    seen.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (seen.bytes > maxBytes) {
      throw new Refusal("TOO_LARGE", `${fileName} is larger than ${megabytes(maxBytes)}: upload files of ${megabytes(maxBytes)} or less, such as one month of one police force`);
    }
    yield typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

function csvProblem(error: CsvError, fileName: string): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? `${fileName}, line ${line}` : fileName;
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return `${where} has a different number of values from the header row: is it a police.uk street-level crime file, unchanged?`;
    case "CSV_MAX_RECORD_SIZE":
      return `${where} is far longer than a police.uk row: the file is not a police.uk street-level crime file`;
    default:
      return `${where} is not valid CSV (${error.message.replace(/^Invalid /, "invalid ")})`;
  }
}

/**
 * Reads the file chunk by chunk: the header row first (every police.uk column, in any
 * order), then each row into the tallies. A refusal stops reading; the caller drains
 * what is left of an upload.
 */
export async function countPoliceUkFile(source: AsyncIterable<Uint8Array | string>, options: CountOptions): Promise<CountResult> {
  const { fileName, mappedCrimeTypes } = options;
  const maxBytes = options.maxBytes ?? POLICE_UK_MAX_BYTES;
  const inArea = areaMatcher(options.area);
  const months = new Map<string, MonthTally>();
  const seen = { bytes: 0 };
  let rowsRead = 0;
  let headerRead = false;

  try {
    await pipeline(
      Readable.from(limited(source, maxBytes, fileName, seen)),
      parse({ bom: true, skip_empty_lines: true, max_record_size: 64 * 1024 }),
      async (records: AsyncIterable<string[]>) => {
        let column: Record<(typeof POLICE_UK_COLUMNS)[number], number> | null = null;
        for await (const record of records) {
          if (!column) {
            column = headerIndexes(record, fileName);
            headerRead = true;
            continue;
          }
          rowsRead += 1;
          const month = (record[column.Month] ?? "").trim();
          if (!MONTH.test(month)) {
            throw new Refusal("BAD_ROW", `${fileName}, row ${rowsRead + 1}: the month "${month.slice(0, 20)}" is not written like 2024-03`);
          }
          let tally = months.get(month);
          if (!tally) {
            if (months.size >= MAX_MONTHS) throw new Refusal("BAD_ROW", `${fileName} has rows for more than ${MAX_MONTHS} months: it is not a police.uk street-level crime file`);
            tally = newMonth(month);
            months.set(month, tally);
          }
          tally.rowsRead += 1;
          const lsoaCode = (record[column["LSOA code"]] ?? "").trim();
          const lsoaName = (record[column["LSOA name"]] ?? "").trim();
          const location = (record[column.Location] ?? "").trim();
          const hasCoordinates = (record[column.Longitude] ?? "").trim() !== "" && (record[column.Latitude] ?? "").trim() !== "";
          if (/^no location$/i.test(location) || (!lsoaCode && !lsoaName) || !hasCoordinates) {
            tally.rowsWithoutLocation += 1;
            continue;
          }
          if (!inArea(lsoaCode, lsoaName)) {
            tally.rowsOutsideArea += 1;
            continue;
          }
          const crimeType = (record[column["Crime type"]] ?? "").trim() || "(no crime type)";
          const counts = tally.countsByCrimeType;
          if (counts[crimeType] === undefined && Object.keys(counts).length >= MAX_CRIME_TYPES) {
            throw new Refusal("BAD_ROW", `${fileName} has more than ${MAX_CRIME_TYPES} crime types: it is not a police.uk street-level crime file`);
          }
          counts[crimeType] = (counts[crimeType] ?? 0) + 1;
          if (mappedCrimeTypes.has(crimeType)) tally.rowsCounted += 1;
          else tally.rowsUnmappedType += 1;
        }
      },
    );
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, message: error.message };
    if (error instanceof CsvError) return { ok: false, code: "BAD_ROW", message: csvProblem(error, fileName) };
    throw error;
  }
  if (!headerRead) return { ok: false, code: "EMPTY", message: `${fileName} is empty: select a police.uk street-level crime file (a .csv file)` };
  if (rowsRead === 0) return { ok: false, code: "EMPTY", message: `${fileName} has a header row but no crimes` };
  const sorted = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return { ok: true, tally: { fileName, bytes: seen.bytes, rowsRead, months: sorted } };
}

function headerIndexes(header: string[], fileName: string) {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = POLICE_UK_COLUMNS.filter((column) => !names.includes(column.toLowerCase()));
  if (missing.length > 0) {
    const list = missing.map((column) => `"${column}"`);
    const columns = list.length === 1 ? `column ${list[0]}` : `columns ${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
    throw new Refusal(
      "MISSING_COLUMNS",
      `${fileName} is not a police.uk street-level crime file: it has no ${columns}. Download the "street-level crime" files from data.police.uk and upload them unchanged`,
    );
  }
  return Object.fromEntries(POLICE_UK_COLUMNS.map((column) => [column, names.indexOf(column.toLowerCase())])) as Record<(typeof POLICE_UK_COLUMNS)[number], number>;
}
