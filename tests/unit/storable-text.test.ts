import { describe, expect, it } from "vitest";
import { unstorableTextPath } from "@/lib/domain/storable-text";

describe("text PostgreSQL cannot store", () => {
  it("finds a NUL or a lone surrogate anywhere in a body, and names where", () => {
    expect(unstorableTextPath({ claim: "fine", evidence: [{ note: "ok" }, { note: "bad\u0000" }] })).toBe("evidence.1.note");
    expect(unstorableTextPath({ answers: { q1: { text: "\ud83d" } } })).toBe("answers.q1.text");
    expect(unstorableTextPath({ text: "\udc00x" })).toBe("text");
    expect(unstorableTextPath("\u0000")).toBe("form");
    expect(unstorableTextPath({ "key\u0000": 1 })).toBe("form");
  });

  it("passes whole emoji, accents, CJK, other control characters and non-strings", () => {
    expect(unstorableTextPath({ a: "😀 Émile 日本 \t\n\u0001", b: [1, true, null, { c: 2.5 }] })).toBeNull();
    expect(unstorableTextPath(undefined)).toBeNull();
  });
});
