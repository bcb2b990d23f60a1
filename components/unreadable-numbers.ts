// A number field holding text the browser cannot read as a number ("85,5", "85%", "1e") gives its value as "",
// as if left empty: a form would send "no score" or "no tolerance" and say it was saved. Such fields are refused first.

export const UNREADABLE_NUMBER = "This is not a number Caravan can read. Use digits, with a dot for decimals (such as 85.5).";

/** The names of the form's number fields whose text is not a number. */
export function unreadableNumberFields(form: HTMLFormElement | null): string[] {
  if (!form) return [];
  return [...form.querySelectorAll<HTMLInputElement>('input[type="number"]')].filter((input) => !input.disabled && input.validity.badInput).map((input) => input.name);
}

/** The field errors for those fields, one message each (none when every number field reads). */
export function unreadableNumberErrors(form: HTMLFormElement | null): Record<string, string[]> | null {
  const names = unreadableNumberFields(form);
  return names.length > 0 ? Object.fromEntries(names.map((name) => [name, [UNREADABLE_NUMBER]])) : null;
}
