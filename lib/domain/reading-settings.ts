// How a reader wants a lesson's text set (decision 34): its size, its spacing and its typeface, as an e-reader or
// Canvas's Immersive Reader offers. Kept per browser in a cookie, since the size wanted on a phone is not the one
// wanted on a desktop; anything unreadable in it is the standard setting. The form's zod schema is in
// reading-settings-form.ts: this module is also the browser's, and zod would add some 30 KB to every lesson page.

export const READING_TEXT_SIZES = ["standard", "large", "larger"] as const;
export const READING_SPACINGS = ["standard", "wide"] as const;
export const READING_TYPEFACES = ["serif", "sans"] as const;

export type ReadingSettings = {
  size: (typeof READING_TEXT_SIZES)[number];
  spacing: (typeof READING_SPACINGS)[number];
  typeface: (typeof READING_TYPEFACES)[number];
};

export const STANDARD_READING: ReadingSettings = { size: "standard", spacing: "standard", typeface: "serif" };

export const readingSettingLabels = {
  size: { standard: "Standard", large: "Large", larger: "Larger" },
  spacing: { standard: "Standard", wide: "Wide" },
  typeface: { serif: "Serif", sans: "Sans-serif" },
} as const satisfies { [K in keyof ReadingSettings]: Record<ReadingSettings[K], string> };

/** The cookie's value: "large.wide.sans". */
export function readingSettingsCookieValue(settings: ReadingSettings): string {
  return `${settings.size}.${settings.spacing}.${settings.typeface}`;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T => (values as readonly string[]).includes(value ?? "");

/** The settings a cookie holds; the standard ones for a missing, old or forged value. */
export function readingSettingsFromCookie(value: string | undefined): ReadingSettings {
  const parts = (value ?? "").split(".");
  if (parts.length !== 3) return STANDARD_READING;
  const [size, spacing, typeface] = parts;
  return oneOf(READING_TEXT_SIZES, size) && oneOf(READING_SPACINGS, spacing) && oneOf(READING_TYPEFACES, typeface) ? { size, spacing, typeface } : STANDARD_READING;
}

/** Whether the reader has changed anything from the standard setting. */
export function isStandardReading(settings: ReadingSettings): boolean {
  return readingSettingsCookieValue(settings) === readingSettingsCookieValue(STANDARD_READING);
}
