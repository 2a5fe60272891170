// Reading a figure as an officer types it: "1,234.5", "12%", "3362". Exact decimal
// strings come out; nothing is ever parsed through a float.
export type Unit = "COUNT" | "PERCENTAGE" | "RATE_PER_100" | "RATE_PER_1000" | "RATE_PER_100000" | "SCORE" | "RATIO";

export const MAX_DECIMAL_PLACES = 4;
const MAX_INTEGER_DIGITS = 10; // Decimal(14, 4)

export type ParsedValue = { ok: true; value: string } | { ok: false; message: string };

export function parseFigureValue(raw: string | undefined, unit: Unit, what = "a number"): ParsedValue {
  let text = (raw ?? "").trim();
  if (!text) return { ok: false, message: `Enter ${what}` };
  if (unit === "PERCENTAGE" && text.endsWith("%")) text = text.slice(0, -1).trim();
  if (/^-/.test(text)) return { ok: false, message: "Enter a number of 0 or more" };
  // Thousands separators only where they belong: "1,234.5" yes, "1,23" no.
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(",", "") : text;
  if (!/^\d+(\.\d+)?$/.test(plain)) return { ok: false, message: "Enter a number, like 1234.5" };
  const [whole = "", fraction = ""] = plain.split(".");
  const integer = whole.replace(/^0+(?=\d)/, "");
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, message: "Enter a number smaller than 10,000,000,000" };
  if (fraction.length > MAX_DECIMAL_PLACES) {
    return { ok: false, message: `Enter a number with no more than ${MAX_DECIMAL_PLACES} decimal places` };
  }
  const value = fraction ? `${integer}.${fraction}` : integer;
  if (unit === "PERCENTAGE" && Number(value) > 100) return { ok: false, message: "Enter a percentage between 0 and 100" };
  return { ok: true, value };
}
