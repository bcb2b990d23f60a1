import { describe, expect, it } from "vitest";
import { clip } from "@/lib/clip";

describe("clip", () => {
  it("keeps text within the limit as it is, and cuts longer text at the limit", () => {
    expect(clip("Accommodation", 50)).toBe("Accommodation");
    expect(clip("Accommodation", 5)).toBe("Accom");
  });
  it("never ends on half of a character beyond the Basic Multilingual Plane", () => {
    const text = `${"a".repeat(499)}😀 more`;
    expect(clip(text, 500)).toBe("a".repeat(499));
    expect(clip(text, 501)).toBe(`${"a".repeat(499)}😀`);
    expect(clip(text, 500)).not.toMatch(/[\uD800-\uDFFF]/);
  });
});
