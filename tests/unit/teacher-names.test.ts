import { describe, expect, it } from "vitest";
import { teacherNames } from "@/lib/teacher-names";

const cls = (owner: string, ...co: string[]) => ({ instructor: { name: owner }, coTeachers: co.map((name) => ({ user: { name } })) });

describe("teacherNames", () => {
  it("names the owner, then the co-teachers", () => {
    expect(teacherNames({ instructor: { name: "Ana Ruiz" } })).toBe("Ana Ruiz");
    expect(teacherNames(cls("Ana Ruiz"))).toBe("Ana Ruiz");
    expect(teacherNames(cls("Ana Ruiz", "Ken Sato"))).toBe("Ana Ruiz with Ken Sato");
    expect(teacherNames(cls("Ana Ruiz", "Ken Sato", "Li Wei", "Aigerim Bek"))).toBe("Ana Ruiz with Ken Sato, Li Wei and Aigerim Bek");
  });
});
