import { describe, expect, it } from "vitest";
import { isStandardReading, readingSettingsCookieValue, readingSettingsFromCookie, STANDARD_READING } from "@/lib/domain/reading-settings";
import { readingSettingsSchema } from "@/lib/domain/reading-settings-form";
import { readingTextClasses } from "@/components/reading-text";

describe("reading settings", () => {
  it("round-trips every setting through the cookie's value", () => {
    const chosen = { size: "larger", spacing: "wide", typeface: "sans" } as const;
    expect(readingSettingsCookieValue(chosen)).toBe("larger.wide.sans");
    expect(readingSettingsFromCookie("larger.wide.sans")).toEqual(chosen);
    expect(readingSettingsFromCookie("large.standard.serif")).toEqual({ size: "large", spacing: "standard", typeface: "serif" });
  });

  it("reads a missing, old or forged cookie as the standard setting", () => {
    for (const value of [undefined, "", "huge.wide.sans", "large.wide", "large.wide.sans.extra", "<script>", "large..sans"]) {
      expect(readingSettingsFromCookie(value)).toEqual(STANDARD_READING);
    }
  });

  it("refuses a form with an unknown choice or a field it does not take, naming the field", () => {
    const refused = readingSettingsSchema.safeParse({ size: "huge", spacing: "wide", typeface: "sans" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["size"], message: "Choose one of the text sizes." });
    expect(readingSettingsSchema.safeParse({ ...STANDARD_READING, colour: "red" }).success).toBe(false);
    expect(readingSettingsSchema.safeParse({ size: "large", spacing: "wide" }).success).toBe(false);
  });

  it("knows the standard setting from a changed one", () => {
    expect(isStandardReading(STANDARD_READING)).toBe(true);
    expect(isStandardReading({ ...STANDARD_READING, typeface: "sans" })).toBe(false);
  });

  it("sets the text in a class per choice", () => {
    expect(readingTextClasses(STANDARD_READING)).toBe("text-[1.075rem] leading-relaxed font-serif");
    expect(readingTextClasses({ size: "larger", spacing: "wide", typeface: "sans" })).toContain("leading-loose");
    expect(readingTextClasses({ size: "larger", spacing: "wide", typeface: "sans" })).toContain("font-sans");
  });
});
