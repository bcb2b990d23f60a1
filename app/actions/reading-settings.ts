"use server";
// A reader's text settings for lessons (decision 34), kept in this browser. The form posts here with or without
// JavaScript; the answer re-renders the lesson page in the new setting.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { readingSettingsCookieValue, type ReadingSettings } from "@/lib/domain/reading-settings";
import { readingSettingsSchema } from "@/lib/domain/reading-settings-form";
import { READING_SETTINGS_COOKIE } from "@/lib/server/reading-settings";
import { cookiesAreSecure } from "@/lib/server/auth";

const A_YEAR_S = 365 * 24 * 60 * 60;

export async function saveReadingSettingsAction(_previous: unknown, formData: FormData): Promise<ActionResult<ReadingSettings>> {
  const result = await runAction({ schema: readingSettingsSchema }, formData, async (settings) => {
    const jar = await cookies();
    jar.set(READING_SETTINGS_COOKIE, readingSettingsCookieValue(settings), { httpOnly: true, sameSite: "lax", path: "/", maxAge: A_YEAR_S, secure: cookiesAreSecure() });
    return settings;
  });
  if (result.ok) revalidatePath("/courses/[course]/[module]/lessons/[lesson]", "page");
  return result;
}
