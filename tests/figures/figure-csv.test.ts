// Reading a figures CSV's shape, without a database: encodings, delimiters, the header,
// blank and ragged lines, formulas, and the periods as officers write them.
import { describe, expect, it } from "vitest";
import { decodeFigureCsv, describeCsvProblem, formulaProblem, readFigureCsv } from "~/modules/figures/figure-csv";
import { parsePeriodText } from "~/modules/figures/figure-period";

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = "indicator,period,value,count,note";

describe("decoding the file", () => {
  it("reads UTF-8 with and without a byte order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${HEADER}\nNI 16,2025/26,1,,Café £5\n`)]);
    const decoded = decodeFigureCsv(withBom);
    expect(decoded).toMatchObject({ ok: true, encoding: "UTF-8" });
    expect(decoded.ok && decoded.text.startsWith("indicator")).toBe(true);
    const csv = readFigureCsv(decoded.ok ? decoded.text : "");
    expect(csv.rows[0]?.cells.note).toBe("Café £5");
    expect(decodeFigureCsv(utf8(`${HEADER}\n`))).toMatchObject({ ok: true, encoding: "UTF-8" });
  });

  it("falls back to Windows-1252 when the file is not UTF-8 (£ is 0xA3, é is 0xE9)", () => {
    const bytes = new Uint8Array([...utf8(`${HEADER}\nNI 16,2025/26,1,,Caf`), 0xe9, 0x20, 0xa3, 0x35, 0x0a]);
    const decoded = decodeFigureCsv(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: "Windows-1252" });
    expect(readFigureCsv(decoded.ok ? decoded.text : "").rows[0]?.cells.note).toBe("Café £5");
  });

  it("refuses a binary file renamed .csv, a workbook, UTF-16 and an empty file", () => {
    expect(decodeFigureCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ ok: false, problem: "workbook" });
    expect(decodeFigureCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toEqual({ ok: false, problem: "not-csv" });
    expect(decodeFigureCsv(new Uint8Array([0xff, 0xfe, 0x69, 0x00]))).toEqual({ ok: false, problem: "utf16" });
    expect(decodeFigureCsv(new Uint8Array([]))).toEqual({ ok: false, problem: "empty" });
    expect(decodeFigureCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]))).toEqual({ ok: false, problem: "empty" });
  });
});

describe("reading the lines", () => {
  it("reads commas and semicolons, and a header in any case and order", () => {
    const semicolons = readFigureCsv("Period;INDICATOR;Note;Count;Value\r\n2025/26;NI 16;;;\"1,234\"\r\n");
    expect(semicolons.delimiter).toBe(";");
    expect(semicolons.problems).toEqual([]);
    expect(semicolons.rows).toEqual([{ line: 2, cells: { indicator: "NI 16", period: "2025/26", value: "1,234", count: "", note: "" } }]);
    const commas = readFigureCsv(`${HEADER}\nNI 16,2025/26,"1,234",,"a note; with a semicolon"\n`);
    expect(commas.delimiter).toBe(",");
    expect(commas.rows[0]?.cells).toMatchObject({ value: "1,234", note: "a note; with a semicolon" });
  });

  it("names a missing column and lists extra ones", () => {
    const missing = readFigureCsv("indicator,period,value,note\nNI 16,2025/26,1,\n");
    expect(missing.problems.map(describeCsvProblem)).toEqual([
      "Line 1: The file has no “count” column: the first line must name the columns indicator, period, value, count and note, in any order",
    ]);
    const extra = readFigureCsv(`${HEADER},target,RAG\nNI 16,2025/26,1,,,2,Red\n`);
    expect(extra.problems.map(describeCsvProblem)).toEqual([
      "Line 1: The file has columns this import does not use: “target”, “rag”. Remove them, or start from the template",
    ]);
    expect(extra.rows).toEqual([]);
  });

  it("reports ragged lines and blank lines by line number, counting lines inside quoted notes", () => {
    const csv = readFigureCsv(`${HEADER}\nNI 16,2025/26,1,,"two\nlines"\n\nNI 16,2025/26,1,234,,\nNI 16,2025/26\n,,,,\nNI 15,2025/26,2,,\n`);
    expect(csv.problems.map(describeCsvProblem)).toEqual([
      "Line 4 is blank: delete it, or fill it in",
      'Line 5 has 6 values, but the first line names 5 columns. A number with a comma in it (1,234) must be in quotation marks ("1,234"), or written without the comma',
      "Line 6 has 2 values, but the first line names 5 columns",
      "Line 7 is blank: delete it, or fill it in",
    ]);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 8]);
  });

  it("says where a quotation mark is never closed", () => {
    const csv = readFigureCsv(`${HEADER}\nNI 16,2025/26,1,,"never closed\nNI 15,2025/26,2,,\n`);
    expect(csv.problems).toHaveLength(1);
    expect(csv.problems[0]!.message).toMatch(/never closed/);
  });

  it("refuses formulas in text columns, and = or @ in number columns", () => {
    expect(formulaProblem("note", '=HYPERLINK("http://evil.example","Click")')).toMatch(/starts with “=”, so a spreadsheet would run it as a formula/);
    expect(formulaProblem("indicator", "+NI 16")).toMatch(/formula/);
    expect(formulaProblem("period", "-2025/26")).toMatch(/formula/);
    expect(formulaProblem("note", "@SUM(A1)")).toMatch(/formula/);
    expect(formulaProblem("value", "=1+1")).toMatch(/formula/);
    expect(formulaProblem("value", "-5")).toBeNull();
    expect(formulaProblem("note", "Provisional: + 2 late reports")).toBeNull();
  });
});

describe("periods as officers write them", () => {
  it.each([
    ["2013/14", { type: "YEAR", financialYear: 2013 }],
    ["2013/2014", { type: "YEAR", financialYear: 2013 }],
    ["Q2 2013/14", { type: "QUARTER", financialYear: 2013, quarter: 2 }],
    ["q4  2013/14", { type: "QUARTER", financialYear: 2013, quarter: 4 }],
    ["January 2013", { type: "MONTH", year: 2013, month: 1 }],
    ["Jan 2013", { type: "MONTH", year: 2013, month: 1 }],
    ["Sept 2013", { type: "MONTH", year: 2013, month: 9 }],
    ["Week ending 13 January 2013", { type: "WEEK", endsOn: "2013-01-13" }],
    ["week ending 13 Jan 2013", { type: "WEEK", endsOn: "2013-01-13" }],
    ["2013-01-13", { type: "WEEK", endsOn: "2013-01-13" }],
  ])("reads %s", (text, ref) => {
    expect(parsePeriodText(text, 4)).toEqual({ ok: true, ref });
  });

  it.each([
    ["13/01/2013", /^Write the period as 2013\/14, Q2 2013\/14, January 2013/],
    ["01-2013", /^Write the period as/],
    ["2013/15", /is not a financial year/],
    ["2013-01-14", /is a Monday: weeks end on a Sunday/],
    ["2013-02-30", /is not a date/],
    ["Week ending 31 February 2013", /^Write the period as/],
    ["", /^Enter the period/],
  ])("refuses %s, naming the forms it accepts", (text, message) => {
    const parsed = parsePeriodText(text, 4);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe("quotation marks inside a cell", () => {
  it("reads an unquoted formula with quotation marks as it is, so the other lines are still checked", () => {
    const csv = readFigureCsv(`${HEADER}\nNI 16,2025-26,1,,\nNI 16,2025/26,1,,=HYPERLINK("http://example.com")\n`);
    expect(csv.problems).toEqual([]);
    expect(csv.rows.map((r) => r.cells.note)).toEqual(["", '=HYPERLINK("http://example.com")']);
  });
});
