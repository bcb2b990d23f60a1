import { describe, expect, it } from "vitest";
import { MAX_PAGE, pageNumber } from "@/lib/server/page-params";

describe("the page number in a ?page= search parameter", () => {
  it("reads a whole page number from 1 to the maximum", () => {
    expect(pageNumber("1")).toBe(1);
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber("007")).toBe(7);
    expect(pageNumber(String(MAX_PAGE))).toBe(MAX_PAGE);
  });

  it("shows the first page for anything else, never a number the database refuses as an offset", () => {
    for (const forged of [undefined, "", "0", "-2", "1.5", "1e300", "1e3", "Infinity", "NaN", "0x10", " 2", "2 ", "abc", String(MAX_PAGE + 1), "99999999999999999999", ["2", "3"]]) {
      expect(pageNumber(forged), String(forged)).toBe(1);
    }
  });
});
