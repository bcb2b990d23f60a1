import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "@/lib/domain/json-nesting";

describe("nestsDeeperThan", () => {
  it("counts arrays and objects opened inside one another", () => {
    expect(nestsDeeperThan(`{"a":[{"b":[1]}]}`, 4)).toBe(false);
    expect(nestsDeeperThan(`{"a":[{"b":[1]}]}`, 3)).toBe(true);
    expect(nestsDeeperThan("[".repeat(30_000) + "]".repeat(30_000), 64)).toBe(true);
  });

  it("counts siblings once, not as depth", () => {
    expect(nestsDeeperThan(`[${"[],".repeat(10_000)}[]]`, 2)).toBe(false);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(JSON.stringify({ text: "[[[[{{{{", quoted: 'say \\"[[[[\\"' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify(["\\", [[]]]), 2)).toBe(true);
  });
});
