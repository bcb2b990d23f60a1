import { describe, expect, it } from "vitest";
import { accessCodeInput, accessCodeRequired, checkAccessCode, normalizeAccessCode } from "@/lib/domain/access-code";

describe("checkAccessCode", () => {
  it("lets any start through when no counting class asks for a code, whatever is typed", () => {
    expect(checkAccessCode([], undefined)).toEqual({ ok: true });
    expect(checkAccessCode([{ accessCode: null }, { accessCode: null }], "anything")).toEqual({ ok: true });
    expect(accessCodeRequired([{ accessCode: null }])).toBe(false);
  });
  it("asks for the code when one class of several sets one, telling a missing code from a wrong one", () => {
    const classes = [{ accessCode: null }, { accessCode: "Aral 42" }];
    expect(accessCodeRequired(classes)).toBe(true);
    expect(checkAccessCode(classes, undefined)).toEqual({ ok: false, reason: "missing" });
    expect(checkAccessCode(classes, "  ")).toEqual({ ok: false, reason: "missing" });
    expect(checkAccessCode(classes, "Aral 43")).toEqual({ ok: false, reason: "wrong" });
    expect(checkAccessCode(classes, "Aral42")).toEqual({ ok: false, reason: "wrong" });
  });
  it("ignores case, spaces around and runs of spaces between words, and full-width letters from a phone keyboard", () => {
    const classes = [{ accessCode: "Aral 42" }];
    expect(checkAccessCode(classes, " aral   42 ")).toEqual({ ok: true });
    expect(checkAccessCode(classes, "ＡＲＡＬ ４２")).toEqual({ ok: true });
    expect(normalizeAccessCode("  Tashkent\t Forum ")).toBe("tashkent forum");
  });
  it("takes the code of either class from a student in two that both set one", () => {
    const classes = [{ accessCode: "alpha" }, { accessCode: "beta" }];
    expect(checkAccessCode(classes, "BETA")).toEqual({ ok: true });
    expect(checkAccessCode(classes, "alpha")).toEqual({ ok: true });
    expect(checkAccessCode(classes, "gamma")).toEqual({ ok: false, reason: "wrong" });
  });
});

describe("accessCodeInput", () => {
  it("trims, and reads an empty code as none", () => {
    expect(accessCodeInput.parse("  Aral 42 ")).toBe("Aral 42");
    expect(accessCodeInput.parse("   ")).toBeNull();
  });
  it("refuses more than 40 characters and control characters, with a sentence", () => {
    expect(accessCodeInput.safeParse("x".repeat(41)).error?.issues[0].message).toMatch(/at most 40 characters/);
    expect(accessCodeInput.safeParse("a\tb").error?.issues[0].message).toMatch(/letters, digits, punctuation and spaces only/);
    expect(accessCodeInput.parse("Çà-va? #7")).toBe("Çà-va? #7");
  });
});
