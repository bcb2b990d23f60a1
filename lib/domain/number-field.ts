// A number field of a form as the JSON routes take it, read the same way in the browser and on the server.

/** An empty or absent field is null; anything else becomes a number, which the route's schema then checks (text that
 * is not one becomes NaN, refused with the field's own message). */
export function numberFieldOrNull(value: unknown): number | null {
  if (value === undefined) return null;
  // A forged form's file or repeated field is no number either.
  if (typeof value !== "string") return Number.NaN;
  const text = value.trim();
  return text === "" ? null : Number(text);
}
