// PostgreSQL stores neither a NUL character nor half of a UTF-16 surrogate pair (in text or jsonb), so input
// carrying one is refused with a clear message before any write, instead of failing in the database as a 500.

const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where the first string in `value` that cannot be stored is (["evidence", "0", "note"]; [] for `value` itself), or null. */
export function unstorableTextAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return NUL_OR_LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableTextAt(key, path) ?? unstorableTextAt(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

export const UNSTORABLE_TEXT_MESSAGE = "This text contains a character that cannot be saved (a NUL or a broken character, often from pasting). Remove it and try again.";
