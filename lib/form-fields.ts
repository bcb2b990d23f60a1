// A form's fields as one object, the same in the browser and in a server action: a repeated name gathers in one
// array, in the form's order.

// Typed FormData, but a forged action call can send any serialisable value: that is an empty form, not a 500.
export function formDataToObject(data: unknown): Record<string, unknown> {
  // No prototype: a field named "__proto__" or "constructor" is a field like any other (and refused as unknown).
  const out: Record<string, unknown> = Object.create(null);
  if (!(data instanceof FormData)) return out;
  for (const [key, value] of data.entries()) {
    if (key.startsWith("$ACTION")) continue;
    // Repeats gather in one array, appended to in place (a copy per repeat would be quadratic in a forged form).
    const existing = out[key];
    if (Array.isArray(existing)) existing.push(value);
    else out[key] = key in out ? [existing, value] : value;
  }
  return out;
}
