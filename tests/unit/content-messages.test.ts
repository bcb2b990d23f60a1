// What content:check tells an author who made one of the usual mistakes: the file, the field where the mistake
// stands, and how to mend it, in words rather than the schema library's.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog, loadCourse } from "@/lib/content/load";
import { problemsOf, writeFixtureCourse } from "../support/fixtures";

/** The fixture course with one file's text changed, and the problems the check then reports. */
function problemsAfter(file: string, change: (text: string) => string) {
  const fixture = writeFixtureCourse();
  const full = path.join(fixture.dir, file);
  writeFileSync(full, change(readFileSync(full, "utf8")));
  return { fixture, problems: problemsOf(fixture.dir).map(({ field, message }) => ({ field, message })) };
}

const quiz = "modules/m1/quizzes/q1.yaml";
const lesson = "modules/m1/lessons/l1.md";

describe("content:check messages", () => {
  it("names a misspelt field where it stands and the field it was meant to be", () => {
    const { problems } = problemsAfter(quiz, (t) => t.replace("title: Quiz one", "tittle: Quiz one"));
    expect(problems).toContainEqual({ field: "title", message: "is required but missing: add it" });
    expect(problems).toContainEqual({ field: "tittle", message: expect.stringMatching(/^"tittle" is not a field here: did you mean "title"\? \(fields here: id, title, description/) });
    const { problems: lessonProblems } = problemsAfter(lesson, (t) => t.replace("summary: A lesson.", "summary: A lesson.\nkeyterms: []"));
    expect(lessonProblems).toContainEqual({ field: "keyterms", message: expect.stringMatching(/did you mean "keyTerms"\?/) });
  });

  it("says to quote text YAML reads as a number, and to write true or false without quotes", () => {
    const { problems } = problemsAfter(quiz, (t) => t.replace("text: A\n", "text: 1784\n").replace("answer: false", 'answer: "false"'));
    expect(problems).toContainEqual({ field: "questions.0.options.0.text", message: 'is read as a number (1784), not as text: put the value in quotes, e.g. "1784"' });
    expect(problems).toContainEqual({ field: "questions.1.answer", message: "must be true or false, without quotes (it is text here)" });
  });

  it("lists the allowed values of a choice, and the question types when one is misspelt or missing", () => {
    const { problems } = problemsAfter(quiz, (t) => t.replace("type: truefalse", "type: true-false").replace("scorePolicy: BEST", "scorePolicy: best"));
    expect(problems).toContainEqual({ field: "questions.1.type", message: expect.stringMatching(/^"true-false" is not allowed here: use one of "single", "multiple", "truefalse"/) });
    expect(problems).toContainEqual({ field: "settings.scorePolicy", message: expect.stringMatching(/^"best" is not allowed here: use one of "BEST", "LATEST"/) });
    const { problems: untyped } = problemsAfter(quiz, (t) => t.replace("    type: truefalse\n", ""));
    expect(untyped).toContainEqual({ field: "questions.1.type", message: expect.stringMatching(/^is required but missing: add it, as one of "single"/) });
  });

  it("says what an empty value, an empty file and a fraction are", () => {
    expect(problemsAfter(quiz, (t) => t.replace("title: Quiz one", "title:")).problems).toContainEqual({ field: "title", message: "is empty: write a value after the colon" });
    expect(problemsAfter(quiz, () => "").problems).toContainEqual({ field: "(file)", message: expect.stringMatching(/^the file is empty/) });
    expect(problemsAfter(quiz, (t) => t.replace("passPercent: 70", "passPercent: 70.5")).problems).toContainEqual({ field: "settings.passPercent", message: "must be a whole number" });
  });

  it("says to quote a text written null or ~, which YAML reads as no value, where the word itself would do", () => {
    const { problems } = problemsAfter(quiz, (t) => t.replace("title: Quiz one", "title: null").replace("text: A\n", "text: ~\n"));
    expect(problems).toContainEqual({ field: "title", message: 'is read as empty (null), not as text: put the value in quotes, e.g. "null"' });
    expect(problems).toContainEqual({ field: "questions.0.options.0.text", message: 'is read as empty (~), not as text: put the value in quotes, e.g. "~"' });
    const { problems: front } = problemsAfter(lesson, (t) => t.replace("summary: A lesson.", "summary: NULL"));
    expect(front).toEqual([{ field: "summary", message: 'is read as empty (NULL), not as text: put the value in quotes, e.g. "NULL"' }]);
    // A date in quotes would be no date either, and a value left out after the colon is empty as before.
    const fixture = writeFixtureCourse();
    const source = path.join(fixture.dir, "sources", `${fixture.sourceId}.yaml`);
    writeFileSync(source, readFileSync(source, "utf8").replace(/published: .*/, "published: null").replace(/outlet: .*/, "outlet:"));
    expect(problemsOf(fixture.dir).map(({ field, message }) => ({ field, message }))).toEqual([
      { field: "outlet", message: "is empty: write a value after the colon" },
      { field: "published", message: "is empty: write a value after the colon" },
    ]);
  });

  it("gives the line of a YAML mistake in the file, with a hint, also in a lesson's front matter", () => {
    const { problems } = problemsAfter(quiz, (t) => t.replace("title: Quiz one", "title: Quiz one: the return"));
    expect(problems).toEqual([{ field: "(yaml)", message: expect.stringMatching(/^line 2, column \d+: .*a value holding ": " must be put in quotes/) }]);
    const { problems: tabbed } = problemsAfter(lesson, (t) => t.replace("title: Lesson one", "title: Lesson one\nkeyTerms:\n\t- { term: a, definition: b }"));
    // Line 1 is the opening ---, so the tab on the front matter's fourth line is the file's fifth.
    expect(tabbed).toContainEqual({ field: "(frontmatter)", message: expect.stringMatching(/^line 5, column 1: .*indent with spaces/) });
  });

  it("names the list that gives a file name no file has", () => {
    const { problems } = problemsAfter("modules/m1/module.yaml", (t) => t.replace("- l1", "- l1\n  - l2"));
    expect(problems).toContainEqual({ field: "(file)", message: expect.stringMatching(/^file is missing: .*modules\/m1\/module\.yaml under lessons lists "l2", but this file does not exist/) });
  });

  it("names the section id that the source lacks, and the ones it has, at the field that gives it", () => {
    const { problems } = problemsAfter(quiz, (t) => t.replace("sourceSection: part-one", "sourceSection: part-two"));
    expect(problems).toContainEqual({ field: "questions.0.ref.sourceSection", message: expect.stringMatching(/has no section "part-two" \(has: part-one\)/) });
    const { problems: cited } = problemsAfter(lesson, (t) => t.replace("- part-one", "- part-1"));
    expect(cited).toContainEqual({ field: "citations.0.sections.0", message: expect.stringMatching(/has no section "part-1"/) });
  });

  it("reports a source whose id differs from its file name once, not again in every file citing it", () => {
    const fixture = writeFixtureCourse();
    const file = path.join(fixture.dir, "sources", `${fixture.sourceId}.yaml`);
    writeFileSync(file, readFileSync(file, "utf8").replace(`id: ${fixture.sourceId}`, `id: ${fixture.sourceId}-x`));
    expect(problemsOf(fixture.dir).map((p) => p.field)).toEqual(["id"]);
  });

  it("keeps references to the first file of a repeated lesson id, reporting only the repeat", () => {
    const fixture = writeFixtureCourse();
    const moduleFile = path.join(fixture.dir, "modules/m1/module.yaml");
    writeFileSync(moduleFile, readFileSync(moduleFile, "utf8").replace("- l1", "- l1\n  - l2"));
    // A copy of the lesson, its id not yet changed, with other sections.
    writeFileSync(path.join(fixture.dir, "modules/m1/lessons/l2.md"), readFileSync(path.join(fixture.dir, lesson), "utf8").replace("## First section", "## Other section"));
    expect(problemsOf(fixture.dir).map(({ file, field }) => `${path.basename(file)} ${field}`)).toEqual(["l2.md id"]);
  });

  it("refuses a heading that is no section: ##Title without its space, or a # title, naming the file's line; code and ### pass", () => {
    const { problems } = problemsAfter(lesson, (t) => t.replace("Body text.", "##Background\n\n# Overview\n\n### A sub-heading\n\n```\n# a shell comment\n```"));
    const lines = readFileSync(path.join(writeFixtureCourse().dir, lesson), "utf8").split("\n");
    const bodyLine = lines.indexOf("Body text.") + 1;
    expect(problems).toEqual([
      { field: "body", message: `line ${bodyLine}: "##Background" shows as text, not a heading: put a space after ## ("## Background")` },
      { field: "body", message: `line ${bodyLine + 2}: "# Overview" would be a second page title beside the lesson's own: make it a section ("## Overview") or a heading inside one ("### Overview")` },
    ]);
  });

  it("says to list file names without their extension, and what maxAttempts and timeLimitMinutes take", () => {
    expect(problemsAfter("modules/m1/module.yaml", (t) => t.replace("- q1", "- q1.yaml")).problems).toContainEqual({ field: "quizzes.0", message: 'write the file name without its extension: "q1"' });
    const { problems } = problemsAfter(quiz, (t) => t.replace("maxAttempts: 2", "maxAttempts: unlimited").replace("timeLimitMinutes: null", "timeLimitMinutes: 10 min"));
    expect(problems).toContainEqual({ field: "settings.maxAttempts", message: "must be a whole number from 1 to 100, or null for unlimited attempts" });
    expect(problems).toContainEqual({ field: "settings.timeLimitMinutes", message: "must be a whole number of minutes from 1 to 600, or null for no time limit" });
  });

  it("gives one message for a date in another format, and reads an unquoted early year as four digits", () => {
    const fixture = writeFixtureCourse();
    const source = path.join(fixture.dir, "sources", `${fixture.sourceId}.yaml`);
    writeFileSync(source, readFileSync(source, "utf8").replace(/published: .*/, "published: 2020-01-02T10:00:00Z"));
    expect(problemsOf(fixture.dir)).toEqual([expect.objectContaining({ field: "published", message: "must be a date as YYYY, YYYY-MM or YYYY-MM-DD" })]);
    writeFileSync(source, readFileSync(source, "utf8").replace(/published: .*/, "published: 0999"));
    expect(loadCourse(fixture.dir).sources.find((s) => s.id === fixture.sourceId)?.published).toBe("0999");
  });

  it("points at a file that has the listed name with another extension or case", () => {
    const fixture = writeFixtureCourse();
    renameSync(path.join(fixture.dir, quiz), path.join(fixture.dir, "modules/m1/quizzes/q1.yml"));
    renameSync(path.join(fixture.dir, lesson), path.join(fixture.dir, "modules/m1/lessons/L1.md"));
    const problems = problemsOf(fixture.dir).map(({ field, message }) => ({ field, message }));
    expect(problems).toContainEqual({ field: "(file)", message: "file is missing, but there is q1.yml beside it: rename that to q1.yaml" });
    expect(problems).toContainEqual({ field: "(file)", message: "file is missing, but there is L1.md beside it: rename that to l1.md" });
  });

  it("says, where a source saved as .yml is cited, that the file is not read and how to name it", () => {
    const fixture = writeFixtureCourse();
    const source = path.join(fixture.dir, "sources", `${fixture.sourceId}.yaml`);
    renameSync(source, source.replace(/\.yaml$/, ".yml"));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({
      field: "citations.0.source",
      message: expect.stringMatching(new RegExp(`^unknown source "${fixture.sourceId}": .*sources/${fixture.sourceId}\\.yml is not read, as source files end in \\.yaml; rename it to ${fixture.sourceId}\\.yaml$`)),
    }));
  });

  it("keeps the notes of a course that fails, so a lesson left off its module's list shows beside the 'unknown lesson' it causes", () => {
    const fixture = writeFixtureCourse();
    const moduleFile = path.join(fixture.dir, "modules/m1/module.yaml");
    writeFileSync(moduleFile, readFileSync(moduleFile, "utf8").replace("- l1", "- l0"));
    writeFileSync(path.join(fixture.dir, "modules/m1/lessons/l0.md"), readFileSync(path.join(fixture.dir, lesson), "utf8").replace(`id: ${fixture.lessonId}`, "id: other-lesson"));
    const [entry] = loadCatalog([fixture.dir]);
    expect(entry.problems).toContainEqual(expect.objectContaining({ field: "lesson", message: `unknown lesson "${fixture.lessonId}"` }));
    expect(entry.notices).toEqual([expect.objectContaining({ file: expect.stringContaining("modules/m1/lessons/l1.md"), message: expect.stringMatching(/is not listed in .*module\.yaml under lessons/) })]);
  });

  it("refuses a text that a \" #\" cut short, in a YAML file and in front matter, but not a comment written as one", () => {
    const { problems } = problemsAfter(quiz, (t) => t.replace("prompt: Pick B.", "prompt: Pick item #2 # a note for authors").replace("title: Quiz one", "title: Quiz one  # a note"));
    expect(problems).toEqual([{ field: "(yaml)", message: expect.stringMatching(/^line \d+: the text stops at "Pick item", as " #" starts a comment in YAML: put it all in quotes \("Pick item #2 # a note for authors"\)/) }]);
    const { problems: front } = problemsAfter(lesson, (t) => t.replace("summary: A lesson.", "summary: Lesson #1"));
    expect(front).toEqual([{ field: "(frontmatter)", message: expect.stringMatching(/^line 4: the text stops at "Lesson"/) }]);
  });

  it("says so when a debate is listed under quizzes", () => {
    const { problems } = problemsAfter("modules/m1/module.yaml", (t) => t.replace("- q1", "- q1\n  - d1"));
    expect(problems).toContainEqual({ field: "(file)", message: expect.stringMatching(/lists "d1", but that file is in debates\/; list it under debates instead$/) });
  });
});
