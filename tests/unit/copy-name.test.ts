import { describe, expect, it } from "vitest";
import { copyNameFor } from "@/lib/domain/copy-name";

describe("the name a class's copy starts from", () => {
  it("adds “(copy)” to a class's name", () => {
    expect(copyNameFor("Seminar A", 100)).toBe("Seminar A (copy)");
  });

  it("counts on for a copy of a copy instead of stacking “(copy) (copy)”", () => {
    expect(copyNameFor("Seminar A (copy)", 100)).toBe("Seminar A (copy 2)");
    expect(copyNameFor("Seminar A (copy 2)", 100)).toBe("Seminar A (copy 3)");
    expect(copyNameFor("Seminar A (copy 9)", 100)).toBe("Seminar A (copy 10)");
  });

  it("leaves other brackets alone", () => {
    expect(copyNameFor("Seminar (copyediting)", 100)).toBe("Seminar (copyediting) (copy)");
    expect(copyNameFor("Seminar (Copy)", 100)).toBe("Seminar (Copy) (copy)");
  });

  it("stays within the length a name may have, not cutting a character in two", () => {
    const long = `${"x".repeat(92)}😀😀`;
    const copy = copyNameFor(long, 100);
    expect(copy.length).toBeLessThanOrEqual(100);
    expect(copy.endsWith(" (copy)")).toBe(true);
    expect(copy).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(copyNameFor(`${"x".repeat(86)} (copy 9)`, 100)).toBe(`${"x".repeat(86)} (copy 10)`);
  });
});
