// Reading a figures CSV as officers' spreadsheets save it: UTF-8 with or without a byte
// order mark, or Windows-1252 (Excel's "CSV (comma delimited)" on a UK PC); commas, or
// semicolons where Excel's list separator is one. This module only reads the file's
// shape (the header, blank and ragged lines); what each cell means is checked by
// figure-import.server.ts against the partnership's indicators. Pure: no database.
import { CsvError, parse } from "csv-parse/sync";

export const FIGURE_CSV_COLUMNS = ["indicator", "period", "value", "count", "note"] as const;
export type FigureCsvColumn = (typeof FIGURE_CSV_COLUMNS)[number];

export const FIGURE_CSV_MAX_BYTES = 5 * 1024 * 1024;

/** Problems with the whole file, before any line can be read. Each has one fixed message. */
export const FILE_PROBLEMS = {
  "no-file": "Choose a CSV file of figures to upload",
  empty: "The file is empty: it needs a first line naming the columns, then one line for each figure",
  "too-large": "The file is larger than 5 MB, so it was not read: split it into smaller files (a year, or a few indicators, each) and import each one",
  "not-csv": "This is not a CSV file: it has characters that a CSV file of figures never has. Save the spreadsheet as “CSV UTF-8 (comma delimited)” and upload that",
  workbook: "This is not a CSV file: it is an Excel workbook (or another binary file) named .csv. Open it in Excel, choose Save As, “CSV UTF-8 (comma delimited)”, and upload that",
  utf16: "This is not a CSV file: it is saved as Unicode text (UTF-16). Save it as “CSV UTF-8 (comma delimited)” and upload that",
} as const;
export type FileProblem = keyof typeof FILE_PROBLEMS;

export function isFileProblem(code: string | null | undefined): code is FileProblem {
  return !!code && Object.hasOwn(FILE_PROBLEMS, code);
}

/** A problem at a line of the file, and a column when it is about one cell. */
export type CsvProblem = { line: number; column: FigureCsvColumn | null; message: string };

export type FigureCsvRow = { line: number; cells: Record<FigureCsvColumn, string> };

export type FigureCsv = { rows: FigureCsvRow[]; problems: CsvProblem[]; delimiter: "," | ";"; encoding: "UTF-8" | "Windows-1252" };

export type DecodedCsv = { ok: true; text: string; encoding: FigureCsv["encoding"] } | { ok: false; problem: FileProblem };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

// Control characters other than tab, line feed and carriage return (and the C1 codes
// Windows-1252 leaves undefined) never occur in text a spreadsheet saves.
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0081\u008D\u008F\u0090\u009D]/;

/** The file's text: UTF-8 when it is valid UTF-8 (a BOM is dropped), otherwise Windows-1252. */
export function decodeFigureCsv(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: false, problem: "utf16" };
  // Zip (xlsx, ods), the old Office format, PDF.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return { ok: false, problem: "workbook" };
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: FigureCsv["encoding"] = "UTF-8";
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder("windows-1252").decode(body);
    encoding = "Windows-1252";
  }
  if (BINARY.test(text)) return { ok: false, problem: "not-csv" };
  if (!text.trim()) return { ok: false, problem: "empty" };
  return { ok: true, text, encoding };
}

/** Comma, unless the header line has more semicolons outside quotes than commas. */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas += 1;
    else if (!quoted && char === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

const TEXT_FORMULA = /^[=+\-@\t\r]/;
const NUMBER_FORMULA = /^[=@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula (=HYPERLINK(...)): refused, never stored,
 * so an export of it can never run it. In number columns "+" and "-" are left to the
 * number check, which says what it wants.
 */
export function formulaProblem(column: FigureCsvColumn, cell: string): string | null {
  const text = cell.trimStart();
  const pattern = column === "value" || column === "count" ? NUMBER_FORMULA : TEXT_FORMULA;
  if (!pattern.test(text)) return null;
  const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
  return `“${shown}” starts with “${text[0]}”, so a spreadsheet would run it as a formula: remove the formula and type the ${column} as text`;
}

function describeCsvError(error: CsvError): CsvProblem {
  const line = Number((error as unknown as { lines?: number }).lines ?? 0) || 1;
  const message =
    error.code === "CSV_QUOTE_NOT_CLOSED"
      ? `A quotation mark (") opened on or before this line is never closed, so the rest of the file cannot be read: close it, or remove it`
      : error.code === "INVALID_OPENING_QUOTE" || error.code === "CSV_INVALID_CLOSING_QUOTE"
        ? `A quotation mark (") is in the middle of a value: put the whole value in quotation marks and double the quotation mark inside it ("")`
        : `This line cannot be read as CSV: ${error.message}`;
  return { line, column: null, message };
}

const columnList = `${FIGURE_CSV_COLUMNS.slice(0, -1).join(", ")} and ${FIGURE_CSV_COLUMNS.at(-1)}`;

/** The lines of a decoded file, or what is wrong with its shape. */
export function readFigureCsv(text: string, encoding: FigureCsv["encoding"] = "UTF-8"): FigureCsv {
  const delimiter = detectDelimiter(text);
  const result: FigureCsv = { rows: [], problems: [], delimiter, encoding };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // relax_quotes: a quotation mark inside an unquoted cell (=HYPERLINK("…") typed as text) is read as it is,
    // so that line gets its own message and the rest of the file is still checked.
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      result.problems.push(describeCsvError(error));
      return result;
    }
    throw error;
  }
  const [header, ...lines] = records;
  const names = (header?.record ?? []).map((name) => name.trim().toLowerCase());
  if (names.every((name) => name === "")) {
    result.problems.push({ line: 1, column: null, message: `Line 1 is blank: the first line must name the columns ${columnList}` });
    return result;
  }
  const missing = FIGURE_CSV_COLUMNS.filter((column) => !names.includes(column));
  const extra = names.filter((name) => !(FIGURE_CSV_COLUMNS as readonly string[]).includes(name));
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i && name !== ""))];
  for (const column of missing) {
    result.problems.push({ line: 1, column: null, message: `The file has no “${column}” column: the first line must name the columns ${columnList}, in any order` });
  }
  if (extra.length > 0) {
    const shown = extra.map((name) => (name === "" ? "a column with no name" : `“${name}”`));
    result.problems.push({
      line: 1,
      column: null,
      message: `The file has ${extra.length === 1 ? "a column" : "columns"} this import does not use: ${shown.join(", ")}. Remove ${extra.length === 1 ? "it" : "them"}, or start from the template`,
    });
  }
  for (const name of repeated) result.problems.push({ line: 1, column: null, message: `The “${name}” column appears more than once: keep one` });
  if (result.problems.length > 0) return result;

  let previousEnd = header!.info.lines;
  for (const { record, info } of lines) {
    // A quoted note can run over several lines: a record starts where the last one ended.
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => cell.trim() === "")) {
      result.problems.push({ line, column: null, message: `Line ${line} is blank: delete it, or fill it in` });
      continue;
    }
    if (record.length !== names.length) {
      const hint =
        record.length > names.length
          ? `. A number with a comma in it (1,234) must be in quotation marks ("1,234"), or written without the comma`
          : "";
      result.problems.push({ line, column: null, message: `Line ${line} has ${record.length} values, but the first line names ${names.length} columns${hint}` });
      continue;
    }
    const cells = Object.fromEntries(FIGURE_CSV_COLUMNS.map((column) => [column, record[names.indexOf(column)] ?? ""])) as Record<FigureCsvColumn, string>;
    result.rows.push({ line, cells });
  }
  if (result.rows.length === 0 && result.problems.length === 0) {
    result.problems.push({ line: 2, column: null, message: "The file has no figures: add a line for each figure under the first line" });
  }
  return result;
}

/** "Line 7, column period: …", as the preview lists it. */
export function describeCsvProblem(problem: CsvProblem): string {
  if (problem.column) return `Line ${problem.line}, column ${problem.column}: ${problem.message}`;
  return problem.message.startsWith("Line ") ? problem.message : `Line ${problem.line}: ${problem.message}`;
}
