// How a reader wants a lesson's text set (decision 34): its size, its spacing and its typeface, as an e-reader or
// Canvas's Immersive Reader offers. Kept per browser in a cookie, since the size wanted on a phone is not the one
// wanted on a desktop; anything unreadable in it is the standard setting.
import { z } from "zod";

export const READING_TEXT_SIZES = ["standard", "large", "larger"] as const;
export const READING_SPACINGS = ["standard", "wide"] as const;
export const READING_TYPEFACES = ["serif", "sans"] as const;

export const readingSettingsSchema = z.strictObject({
  size: z.enum(READING_TEXT_SIZES, { error: "Choose one of the text sizes." }),
  spacing: z.enum(READING_SPACINGS, { error: "Choose one of the spacings." }),
  typeface: z.enum(READING_TYPEFACES, { error: "Choose one of the typefaces." }),
});
export type ReadingSettings = z.infer<typeof readingSettingsSchema>;

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

/** The settings a cookie holds; the standard ones for a missing, old or forged value. */
export function readingSettingsFromCookie(value: string | undefined): ReadingSettings {
  const parts = (value ?? "").split(".");
  if (parts.length !== 3) return STANDARD_READING;
  const [size, spacing, typeface] = parts;
  const parsed = readingSettingsSchema.safeParse({ size, spacing, typeface });
  return parsed.success ? parsed.data : STANDARD_READING;
}

/** Whether the reader has changed anything from the standard setting. */
export function isStandardReading(settings: ReadingSettings): boolean {
  return readingSettingsCookieValue(settings) === readingSettingsCookieValue(STANDARD_READING);
}
