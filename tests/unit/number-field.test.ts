import { describe, expect, it } from "vitest";
import { numberFieldOrNull } from "@/lib/domain/number-field";

describe("numberFieldOrNull", () => {
  it("reads an empty or absent field as none, and a typed one as its number", () => {
    expect(numberFieldOrNull(undefined)).toBeNull();
    expect(numberFieldOrNull("")).toBeNull();
    expect(numberFieldOrNull("  ")).toBeNull();
    expect(numberFieldOrNull(" 14 ")).toBe(14);
    expect(numberFieldOrNull("1.5")).toBe(1.5);
  });

  it("gives what is not a number as NaN, for the schema to refuse with the field's message, never as none", () => {
    expect(numberFieldOrNull("abc")).toBeNaN();
    expect(numberFieldOrNull("14 days")).toBeNaN();
    expect(numberFieldOrNull(["14", "15"])).toBeNaN();
    expect(numberFieldOrNull(new Blob(["14"]))).toBeNaN();
  });
});
