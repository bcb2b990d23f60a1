import { describe, expect, it } from "vitest";
import { unstorableTextAt } from "@/lib/domain/storable-text";

describe("text PostgreSQL cannot store", () => {
  it("finds a NUL or a lone surrogate anywhere in a body, and names where", () => {
    expect(unstorableTextAt({ claim: "fine", evidence: [{ note: "ok" }, { note: "bad\u0000" }] })).toEqual(["evidence", "1", "note"]);
    expect(unstorableTextAt({ answers: { q1: { text: "\ud83d" } } })).toEqual(["answers", "q1", "text"]);
    expect(unstorableTextAt({ text: "\udc00x" })).toEqual(["text"]);
    expect(unstorableTextAt("\u0000")).toEqual([]);
    expect(unstorableTextAt({ nested: { "key\u0000": 1 } })).toEqual(["nested"]);
  });

  it("passes whole emoji, accents, CJK, other control characters and non-strings", () => {
    expect(unstorableTextAt({ a: "😀 Émile 日本 \t\n\u0001", b: [1, true, null, { c: 2.5 }] })).toBeNull();
    expect(unstorableTextAt(undefined)).toBeNull();
  });
});
