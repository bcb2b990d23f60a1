import { describe, expect, it } from "vitest";
import { studentMatches } from "@/lib/domain/gradebook";

const emile = { name: "Émile Zola", email: "ezola@example.test" };

describe("finding a student", () => {
  it("matches every word typed in the name or email, case and accents aside", () => {
    expect(studentMatches(emile, "")).toBe(true);
    expect(studentMatches(emile, "   ")).toBe(true);
    expect(studentMatches(emile, "emile")).toBe(true);
    expect(studentMatches(emile, "ÉMILE zola")).toBe(true);
    expect(studentMatches(emile, "zola emile")).toBe(true);
    expect(studentMatches(emile, "ezola@")).toBe(true);
    expect(studentMatches(emile, "émile ada")).toBe(false);
    expect(studentMatches(emile, "lovelace")).toBe(false);
  });
});
