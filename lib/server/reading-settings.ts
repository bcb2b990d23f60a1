import "server-only";
import { cookies } from "next/headers";
import { readingSettingsFromCookie, type ReadingSettings } from "@/lib/domain/reading-settings";

export const READING_SETTINGS_COOKIE = "caravan-reading";

/** This browser's text settings for lessons (decision 34). */
export async function readingSettingsOfBrowser(): Promise<ReadingSettings> {
  return readingSettingsFromCookie((await cookies()).get(READING_SETTINGS_COOKIE)?.value);
}
