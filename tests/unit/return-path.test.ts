import { describe, expect, it } from "vitest";
import { returnQuery, safeReturnPath } from "@/lib/domain/return-path";

describe("the path sign-in returns to", () => {
  it("keeps a path on this site, with its query and anchor", () => {
    expect(safeReturnPath("/courses/japan-central-asia")).toBe("/courses/japan-central-asia");
    expect(safeReturnPath("/search?q=silk%20road#results")).toBe("/search?q=silk%20road#results");
  });

  it("refuses every way of naming another host, as a browser would resolve it", () => {
    for (const forged of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "\\\\evil.example", "https://evil.example/", "javascript:alert(1)", " /x", "evil.example", "/.//evil.example", "/a/..//evil.example", "/%2e//evil.example", "/./\\evil.example", "/..//evil.example"]) {
      expect(safeReturnPath(forged), forged).toBe("/");
      // What the browser would open stays on this site.
      expect(new URL(safeReturnPath(forged), "https://caravan.test").host).toBe("caravan.test");
    }
  });

  it("falls back to the home page for missing or oversized values", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a"])).toBe("/");
    expect(safeReturnPath("/" + "a".repeat(3000))).toBe("/");
  });
});

describe("returnQuery", () => {
  it("carries a page on, and nothing for the home page", () => {
    expect(returnQuery("/classes/join?code=AB12")).toBe("?callbackUrl=%2Fclasses%2Fjoin%3Fcode%3DAB12");
    expect(returnQuery("/")).toBe("");
  });
});
