import { describe, expect, it } from "vitest";
import { plural } from "@/lib/plural";

describe("plural", () => {
  it("uses the singular for one and the plural otherwise, with irregular plurals given", () => {
    expect(plural(1, "module")).toBe("1 module");
    expect(plural(0, "module")).toBe("0 modules");
    expect(plural(3, "quiz", "quizzes")).toBe("3 quizzes");
    expect(plural(1, "quiz", "quizzes")).toBe("1 quiz");
  });
});
