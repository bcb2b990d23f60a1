import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, courseDirectories, loadCourse } from "@/lib/content/load";
import { headingAnchor, lessonSections, readingMinutes } from "@/lib/content/anchors";
import { splitSections } from "@/lib/content/sections";
import { writeFixtureCourse } from "../support/fixtures";

function problemsOf(dir: string) {
  try {
    loadCourse(dir);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

describe("the content in content/courses", () => {
  it("has at least one course and every course passes validation", () => {
    const dirs = courseDirectories();
    expect(dirs.length).toBeGreaterThan(0);
    for (const dir of dirs) expect(problemsOf(dir)).toEqual([]);
  });
});

describe("content validation", () => {
  it("accepts a well-formed fixture course", () => {
    const fixture = writeFixtureCourse();
    const course = loadCourse(fixture.dir);
    expect(course.moduleFiles[0].lessonFiles[0].sections).toEqual([{ anchor: "first-section", title: "First section" }]);
  });

  it("names the file and the field of each problem", () => {
    const fixture = writeFixtureCourse();
    const quizFile = path.join(fixture.dir, "modules/m1/quizzes/q1.yaml");
    writeFileSync(quizFile, readFileSync(quizFile, "utf8").replace("answer: b", "answer: z").replace("difficulty: easy", "difficulty: trivial"));
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: expect.stringContaining("modules/m1/quizzes/q1.yaml"), field: "questions.0.difficulty" }));
    const lessonFile = path.join(fixture.dir, "modules/m1/lessons/l1.md");
    writeFileSync(lessonFile, readFileSync(lessonFile, "utf8").replace("bloom: remember", "bloom: memorise"));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ file: expect.stringContaining("lessons/l1.md"), field: "objectives.0.bloom" }));
  });

  it("reports references to sections, objectives and sources that do not exist", () => {
    const fixture = writeFixtureCourse();
    const quizFile = path.join(fixture.dir, "modules/m1/quizzes/q1.yaml");
    writeFileSync(quizFile, readFileSync(quizFile, "utf8").replace("section: first-section", "section: no-such-section").replace("objective: obj-one", "objective: obj-missing"));
    const problems = problemsOf(fixture.dir);
    expect(problems.some((p) => p.field.endsWith("ref.section") && /no section "no-such-section"/.test(p.message))).toBe(true);
    expect(problems.some((p) => p.field.endsWith("objective") && /obj-missing/.test(p.message))).toBe(true);
  });

  it("refuses 'all of the above' options and duplicate question ids", () => {
    const fixture = writeFixtureCourse({
      questions: [
        { id: "dup", type: "single", prompt: "?", options: [{ id: "a", text: "All of the above" }, { id: "b", text: "B" }], answer: "a", explanation: "x", difficulty: "easy", objective: "obj-one", ref: { lesson: "x", section: "first-section", source: "y" } },
      ],
    });
    expect(problemsOf(fixture.dir).some((p) => /all\/none of the above/.test(p.message))).toBe(true);
  });

  it("reports a missing file and broken YAML with the file name", () => {
    const fixture = writeFixtureCourse();
    writeFileSync(path.join(fixture.dir, "modules/m1/module.yaml"), "id: [unclosed");
    const problems = problemsOf(fixture.dir);
    expect(problems[0]).toMatchObject({ file: expect.stringContaining("module.yaml"), field: "(yaml)" });
  });
});

describe("lesson anchors and sections", () => {
  it("derives anchors from headings", () => {
    expect(headingAnchor("The 2004 “Central Asia plus Japan” Dialogue")).toBe("the-2004-central-asia-plus-japan-dialogue");
    expect(headingAnchor("Reading it critically")).toBe("reading-it-critically");
    expect(lessonSections("intro\n## One\ntext\n```\n## not a heading\n```\n## Two ##\n")).toEqual([{ anchor: "one", title: "One" }, { anchor: "two", title: "Two" }]);
  });
  it("splits a body into its sections and estimates reading time", () => {
    expect(splitSections("Intro\n## A\nx\n## B\ny").map((s) => s.anchor)).toEqual([null, "a", "b"]);
    expect(readingMinutes("word ".repeat(1000))).toBe(5);
    expect(readingMinutes("")).toBe(1);
  });
});
