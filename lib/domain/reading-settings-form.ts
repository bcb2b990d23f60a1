// The text settings form as the server action parses it (decision 34); kept apart from reading-settings.ts, which the
// browser loads, so zod stays out of the lesson page's script.
import { z } from "zod";
import { READING_SPACINGS, READING_TEXT_SIZES, READING_TYPEFACES } from "./reading-settings";

export const readingSettingsSchema = z.strictObject({
  size: z.enum(READING_TEXT_SIZES, { error: "Choose one of the text sizes." }),
  spacing: z.enum(READING_SPACINGS, { error: "Choose one of the spacings." }),
  typeface: z.enum(READING_TYPEFACES, { error: "Choose one of the typefaces." }),
});
