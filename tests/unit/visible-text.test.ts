import { describe, expect, it } from "vitest";
import { hasVisibleCharacter } from "@/lib/domain/visible-text";
import { nameSchema } from "@/lib/server/accounts";
import { newClassSchema } from "@/lib/server/class-service";

// Zero-width space, word joiner, soft hyphen, combining grapheme joiner, zero-width joiner: none of them shows.
const invisible = "\u200b\u2060\u00ad\u034f\u200d";

describe("hasVisibleCharacter", () => {
  it("is false for text made only of invisible characters, which trim() keeps", () => {
    expect(invisible.trim()).toBe(invisible);
    expect(hasVisibleCharacter(invisible)).toBe(false);
    expect(hasVisibleCharacter("\u0301")).toBe(false);
  });
  it("is true for letters in any script, digits, punctuation and emoji", () => {
    for (const text of ["Zhanar", "李雷", "Ömirbekqyzy", "42", "—", "🌸", `${invisible}A`]) expect(hasVisibleCharacter(text), text).toBe(true);
  });
});

describe("names people are known by", () => {
  it("refuses an account name that shows nothing, and keeps one with an emoji or another script", () => {
    expect(nameSchema.safeParse(invisible).error?.issues[0].message).toBe("Enter your name.");
    expect(nameSchema.safeParse(` ${invisible} `).success).toBe(false);
    // An empty name is told once what to do, not twice.
    expect(nameSchema.safeParse("   ").error?.issues.map((issue) => issue.message)).toEqual(["Enter your name."]);
    expect(newClassSchema.safeParse({ name: " ", term: "" }).error?.issues.map((issue) => issue.message)).toEqual(["Give the class a name (at least 2 characters).", "Say which term, e.g. “Spring 2027”."]);
    expect(nameSchema.parse(" Zhanar 🌸 ")).toBe("Zhanar 🌸");
    expect(nameSchema.parse("李雷")).toBe("李雷");
  });
  it("refuses a class name or term that shows nothing", () => {
    const parsed = newClassSchema.safeParse({ name: invisible, term: "\u200b\u200b" });
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["name", "term"]);
    expect(newClassSchema.parse({ name: "History 210", term: "Spring 2027" }).name).toBe("History 210");
  });
});
