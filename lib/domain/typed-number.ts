// A number as a learner types it into a numeric question, read the same way in the browser and on the server.

/** The largest size of number an answer may have (the server refuses larger ones). */
const NUMBER_LIMIT = 1e12;

export type TypedNumber = { kind: "empty" } | { kind: "invalid" } | { kind: "number"; value: number };

/**
 * Reads a typed number the way people write them, and refuses what it cannot read rather than guess. Groups of
 * three digits may be set off by commas, spaces, or (with a decimal comma) dots: "1,000", "1 000" and "1.000,5";
 * a lone comma followed by other than three digits is a decimal comma ("1,5" is 1.5), and "1,234" is 1234.
 */
export function readTypedNumber(text: string): TypedNumber {
  const trimmed = text.normalize("NFKC").trim();
  if (trimmed === "") return { kind: "empty" };
  const [, sign, rest] = /^([-+\u2212]?)\s*(.*)$/su.exec(trimmed)!;
  // Spaces (also no-break and thin ones) only between groups of three digits.
  const body = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/.test(rest) ? rest.replace(/[ \u00a0\u202f\u2009]/g, "") : rest;
  let plain: string | null = null;
  if (/^(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(body)) plain = body;
  else if (/^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(body)) plain = body.replaceAll(",", "");
  else if (/^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/.test(body) && (body.includes(",") || body.split(".").length > 2)) plain = body.replaceAll(".", "").replace(",", ".");
  else if (/^\d*,\d+$/.test(body)) plain = body.replace(",", ".");
  if (plain === null) return { kind: "invalid" };
  const value = Number(`${sign === "" || sign === "+" ? "" : "-"}${plain}`);
  if (!Number.isFinite(value) || Math.abs(value) > NUMBER_LIMIT) return { kind: "invalid" };
  return { kind: "number", value: value === 0 ? 0 : value };
}
