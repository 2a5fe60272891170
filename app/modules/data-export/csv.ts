// CSV as spreadsheets read it (RFC 4180), safe to open: a text cell that starts with
// = + - @ (or a tab or carriage return) is prefixed with a single quote, so a
// spreadsheet shows it as text and never runs it as a formula. Numbers and dates
// from the database are written as they are ("-3.5" is a number, not a formula).

export type CsvValue = string | number | boolean | Date | null | undefined | { toString(): string };

export function csvCell(value: CsvValue, { isText }: { isText: boolean }): string {
  if (value === null || value === undefined) return "";
  let cell = value instanceof Date ? value.toISOString() : String(value);
  if (isText && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  const lines = [columns.map((c) => csvCell(c, { isText: true })).join(",")];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => {
          const value = row[column];
          if (value !== null && typeof value === "object" && !(value instanceof Date) && !isDecimal(value) && !(value instanceof CsvNumber)) {
            return csvCell(JSON.stringify(value), { isText: true });
          }
          return csvCell(value as CsvValue, { isText: typeof value === "string" });
        })
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export function isDecimal(value: unknown): value is { toFixed(): string } {
  return typeof value === "object" && value !== null && value.constructor?.name === "Decimal";
}

/**
 * A number the app holds as exact decimal text ("-12.5", "24.841"): written as it is,
 * unquoted and never prefixed, so a spreadsheet reads a number. Text that is not a plain
 * decimal stays text (and is escaped like any other).
 */
export class CsvNumber {
  private constructor(private readonly text: string) {}

  static of(value: string | null | undefined): CsvNumber | string | null {
    if (value === null || value === undefined) return null;
    return /^-?\d+(\.\d+)?$/.test(value) ? new CsvNumber(value) : value;
  }

  toString() {
    return this.text;
  }
}
