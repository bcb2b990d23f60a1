import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import remarkParse from "remark-parse";
import { unified } from "unified";
import YAML from "yaml";
import { courseDirectories, loadCatalog, loadCourse } from "@/lib/content/load";
import { headingAnchor, lessonSections, readingMinutes } from "@/lib/content/anchors";
import { splitSections } from "@/lib/content/sections";
import { problemsOf, writeFixtureCourse } from "../support/fixtures";

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
    expect(problemsOf(fixture.dir).some((p) => /all\/none of the above/.test(p.message) && p.field.endsWith("options.0.text"))).toBe(true);
  });

  it("names the field that says 'of the above', lets 'above-mentioned' pass, and refuses a right option listed twice", () => {
    const base = { id: "q-1", difficulty: "easy", objective: "obj-one", ref: { lesson: "x", section: "first-section", source: "y" } };
    const problems = (question: object) => problemsOf(writeFixtureCourse({ questions: [{ ...base, ...question }] }).dir);
    expect(problems({ type: "truefalse", prompt: "None of the above is true?", answer: true, explanation: "x" }).map((p) => p.field.split(".").at(-1))).toContain("prompt");
    expect(problems({ type: "truefalse", prompt: "The leaders met in 2004.", answer: true, explanation: "All of the above-mentioned leaders met in Astana." }).filter((p) => /of the above/.test(p.message))).toEqual([]);
    const repeated = problems({ type: "multiple", prompt: "Which?", options: [{ id: "a", text: "A text" }, { id: "b", text: "B text" }, { id: "c", text: "C text" }], answers: ["a", "a", "b"], explanation: "x" });
    expect(repeated.some((p) => p.field.endsWith("answers.1") && /listed twice/.test(p.message))).toBe(true);
  });

  it("refuses an explanation that names options by letter or place, which learners never see", () => {
    const single = (explanation: string) => ({ id: "q-1", type: "single", prompt: "?", options: [{ id: "a", text: "A text" }, { id: "b", text: "B text" }], answer: "a", explanation, difficulty: "easy", objective: "obj-one", ref: { lesson: "x", section: "first-section", source: "y" } });
    const flagged = (explanation: string) => problemsOf(writeFixtureCourse({ questions: [single(explanation)] }).dir).some((p) => p.field.endsWith("explanation") && /not by letter or place/.test(p.message));
    expect(flagged("The source says so (b).")).toBe(true);
    expect(flagged("Points (a), (b) and (c) are wrong.")).toBe(true);
    expect(flagged("Option c borrows a theme.")).toBe(true);
    expect(flagged("The first three options are his examples.")).toBe(true);
    expect(flagged("The source says so in its opening section (1997).")).toBe(false);
  });

  it("reports a missing file and broken YAML with the file name", () => {
    const fixture = writeFixtureCourse();
    writeFileSync(path.join(fixture.dir, "modules/m1/module.yaml"), "id: [unclosed");
    const problems = problemsOf(fixture.dir);
    expect(problems[0]).toMatchObject({ file: expect.stringContaining("module.yaml"), field: "(yaml)" });
  });
});

describe("content problems an author would otherwise miss or misread", () => {
  const edit = (dir: string, file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), "utf8")));

  it("one bad lesson or source is reported in its own file, not again as unknown wherever it is used", () => {
    const fixture = writeFixtureCourse();
    edit(fixture.dir, "modules/m1/lessons/l1.md", (t) => t.replace("bloom: remember", "bloom: memorise"));
    expect(problemsOf(fixture.dir).map((p) => p.field)).toEqual(["objectives.0.bloom"]);
    const other = writeFixtureCourse();
    writeFileSync(path.join(other.dir, `sources/${other.id}-source.yaml`), "");
    const problems = problemsOf(other.dir);
    expect(problems.every((p) => p.file.endsWith(`${other.id}-source.yaml`))).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
  });

  it("a lesson or quiz file that cannot be read at all (broken front matter or YAML) is reported there only", () => {
    const fixture = writeFixtureCourse();
    edit(fixture.dir, "modules/m1/lessons/l1.md", (t) => t.replace("title: Lesson one", "title: [unclosed"));
    expect(problemsOf(fixture.dir).map((p) => [p.file.split("/").at(-1), p.field])).toEqual([["l1.md", "(frontmatter)"]]);
    const unclosed = writeFixtureCourse();
    edit(unclosed.dir, "modules/m1/lessons/l1.md", (t) => t.replace(/\n---\n/, "\n"));
    expect(problemsOf(unclosed.dir).map((p) => p.field)).toEqual(["(frontmatter)"]);
    const brokenModule = writeFixtureCourse();
    writeFileSync(path.join(brokenModule.dir, "modules/m1/module.yaml"), "id: [unclosed");
    expect(problemsOf(brokenModule.dir).map((p) => p.field)).toEqual(["(yaml)"]);
  });

  it("refuses a bank quiz listed twice, and files or modules listed twice", () => {
    const fixture = writeFixtureCourse();
    edit(fixture.dir, "modules/m1/module.yaml", (t) => t.replace("  - l1", "  - l1\n  - l1"));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ field: "lessons.1", message: expect.stringMatching(/already listed at lessons.0/) }));
    const banked = writeFixtureCourse();
    writeFileSync(path.join(banked.dir, "modules/m1/quizzes/mastery.yaml"), YAML.stringify({ id: `${banked.id}-mastery`, title: "Mastery", description: "All of it.", settings: { drawCount: 4 }, bankFrom: [banked.quizId, banked.quizId] }));
    edit(banked.dir, "modules/m1/module.yaml", (t) => t.replace("  - q1", "  - q1\n  - mastery"));
    const problems = problemsOf(banked.dir);
    expect(problems).toContainEqual(expect.objectContaining({ field: "bankFrom.1" }));
  });

  it("refuses a quiz checking a lesson of another module, which that lesson's page would never link", () => {
    const fixture = writeFixtureCourse();
    const quiz = YAML.parse(readFileSync(path.join(fixture.dir, "modules/m1/quizzes/q1.yaml"), "utf8"));
    for (const dir of ["quizzes", "lessons"]) mkdirSync(path.join(fixture.dir, "modules/m2", dir), { recursive: true });
    writeFileSync(path.join(fixture.dir, "modules/m2/lessons/l2.md"), readFileSync(path.join(fixture.dir, "modules/m1/lessons/l1.md"), "utf8").replace(`id: ${fixture.lessonId}`, `id: ${fixture.lessonId}-two`));
    writeFileSync(path.join(fixture.dir, "modules/m2/module.yaml"), YAML.stringify({ id: `${fixture.id}-m2`, title: "Module two", summary: "The second module.", lessons: ["l2"], quizzes: ["elsewhere"], debates: [] }));
    writeFileSync(path.join(fixture.dir, "modules/m2/quizzes/elsewhere.yaml"), YAML.stringify({ ...quiz, id: `${fixture.id}-elsewhere`, questions: quiz.questions.map((q: { id: string }) => ({ ...q, id: `${q.id}-two` })) }));
    edit(fixture.dir, "course.yaml", (t) => t.replace("  - m1", "  - m1\n  - m2"));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ field: "lesson", message: expect.stringMatching(/is in another module/) }));
  });

  it("does not take a hidden folder (an editor's) for a course", () => {
    const root = path.join(writeFixtureCourse().dir, "..", `root-${Date.now()}`);
    mkdirSync(path.join(root, ".obsidian"), { recursive: true });
    mkdirSync(path.join(root, "a-course"), { recursive: true });
    expect(courseDirectories(root).map((d) => path.basename(d))).toEqual(["a-course"]);
    rmSync(root, { recursive: true });
  });

  it("refuses a short answer that nothing typed could match", () => {
    const ref = { lesson: "x", section: "first-section", source: "y" };
    const fixture = writeFixtureCourse({
      questions: [{ id: "short-q", type: "short", prompt: "Name it.", accepted: ["?!", "a".repeat(30)], maxLength: 20, explanation: "x", difficulty: "easy", objective: "obj-one", ref } as never],
    });
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual(expect.objectContaining({ field: "questions.0.accepted.0", message: expect.stringMatching(/no letters or digits/) }));
    expect(problems).toContainEqual(expect.objectContaining({ field: "questions.0.accepted.1", message: expect.stringMatching(/longer than maxLength \(20\)/) }));
  });

  it("says when front matter is never closed, and a value ending in --- does not close it", () => {
    const fixture = writeFixtureCourse();
    edit(fixture.dir, "modules/m1/lessons/l1.md", (t) => t.replace("\n---\n\nIntro.", "\n\nIntro."));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ field: "(frontmatter)", message: expect.stringMatching(/never closed/) }));
    const other = writeFixtureCourse();
    edit(other.dir, "modules/m1/lessons/l1.md", (t) => t.replace("title: Lesson one", "title: Lesson one ---"));
    expect(problemsOf(other.dir)).toEqual([]);
    expect(loadCourse(other.dir).moduleFiles[0].lessonFiles[0].title).toBe("Lesson one ---");
  });

  it("notes files and module folders that are not listed (how an author retires one) or not read; refuses repeated section ids and a sources file", () => {
    const fixture = writeFixtureCourse();
    writeFileSync(path.join(fixture.dir, "modules/m1/quizzes/stray.yaml"), "id: stray\n");
    writeFileSync(path.join(fixture.dir, "sources/extra.yml"), "id: extra\n");
    mkdirSync(path.join(fixture.dir, "modules/m2"));
    const notices = loadCourse(fixture.dir).notices;
    expect(notices).toContainEqual(expect.objectContaining({ file: expect.stringContaining("quizzes/stray.yaml"), message: expect.stringMatching(/not listed in .*module.yaml under quizzes/) }));
    expect(notices).toContainEqual(expect.objectContaining({ file: expect.stringContaining("sources/extra.yml"), message: expect.stringMatching(/end in .yaml/) }));
    expect(notices).toContainEqual(expect.objectContaining({ file: expect.stringContaining("modules/m2"), message: expect.stringMatching(/not listed in .*course.yaml under modules/) }));
    expect(loadCourse(writeFixtureCourse().dir).notices).toEqual([]);
    edit(fixture.dir, `sources/${fixture.id}-source.yaml`, (t) => t.replace("sections:\n", "sections:\n  - id: part-one\n    title: Again\n"));
    expect(problemsOf(fixture.dir)).toContainEqual(expect.objectContaining({ field: "sections.1.id" }));
    const flat = writeFixtureCourse();
    rmSync(path.join(flat.dir, "sources"), { recursive: true });
    writeFileSync(path.join(flat.dir, "sources"), "not a folder");
    expect(problemsOf(flat.dir)).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/must be a folder/) }));
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

// Content the check used to pass but that misbehaved at run time (audit findings).
describe("content the check refuses because learners would see it go wrong", () => {
  const lessonPath = (dir: string) => path.join(dir, "modules/m1/lessons/l1.md");
  const quizPath = (dir: string) => path.join(dir, "modules/m1/quizzes/q1.yaml");
  const debatePath = (dir: string) => path.join(dir, "modules/m1/debates/d1.yaml");
  const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, "utf8")));
  const editYaml = (file: string, change: (data: Record<string, any>) => void) =>
    edit(file, (text) => {
      const data = YAML.parse(text);
      change(data);
      return YAML.stringify(data);
    });
  const base = { prompt: "?", explanation: "x", difficulty: "easy", objective: "obj-one" };
  const withQuestions = (questions: Record<string, unknown>[]) => {
    const fixture = writeFixtureCourse();
    editYaml(quizPath(fixture.dir), (quiz) => quiz.questions.push(...questions.map((q, i) => ({ ...base, id: `${fixture.id}-extra-${i}`, ref: fixture.ref, ...q }))));
    return problemsOf(fixture.dir);
  };

  it("refuses duplicate rubric criterion, debate position and lesson objective ids", () => {
    const fixture = writeFixtureCourse();
    editYaml(debatePath(fixture.dir), (debate) => {
      debate.rubric.push({ ...debate.rubric[0], criterion: "Claim again" });
      debate.positions[1].id = debate.positions[0].id;
    });
    edit(lessonPath(fixture.dir), (text) => text.replace("objectives:\n", "objectives:\n  - id: obj-one\n    text: Other.\n    bloom: apply\n"));
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual({ file: expect.stringContaining("debates/d1.yaml"), field: "rubric.1.id", message: expect.stringMatching(/"claim" is already the id of criterion 1/) });
    expect(problems).toContainEqual({ file: expect.stringContaining("debates/d1.yaml"), field: "positions.1.id", message: expect.stringMatching(/"for" is already the id of position 1/) });
    expect(problems).toContainEqual({ file: expect.stringContaining("lessons/l1.md"), field: "objectives.1.id", message: expect.stringMatching(/"obj-one" is already the id of objective 1/) });
  });

  it("refuses choices learners could not tell apart, and names the field that holds them", () => {
    const problems = withQuestions([
      { type: "matching", pairs: [{ id: "a", left: "1", right: "X" }, { id: "b", left: "2", right: " x " }, { id: "c", left: "1", right: "Y" }] },
      { type: "single", options: [{ id: "a", text: "Tokyo" }, { id: "b", text: "Tokyo" }], answer: "a" },
      { type: "multiple", options: [{ id: "a", text: "One" }, { id: "b", text: "Two" }, { id: "c", text: "one" }], answers: ["a"] },
      { type: "ordering", items: [{ id: "a", text: "1991" }, { id: "a", text: "1997" }, { id: "c", text: "1991" }] },
      { type: "matching", pairs: [{ id: "a", left: "1", right: "X" }, { id: "a", left: "2", right: "Y" }, { id: "c", left: "3", right: "Z" }] },
    ]);
    const at = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message);
    expect(at("questions.3.pairs.1.right")).toEqual([expect.stringMatching(/same right-hand text as pair 1/)]);
    expect(at("questions.3.pairs.2.left")).toEqual([expect.stringMatching(/same left-hand text as pair 1/)]);
    expect(at("questions.4.options.1.text")).toEqual([expect.stringMatching(/same text as option 1/)]);
    expect(at("questions.5.options.2.text")).toEqual([expect.stringMatching(/same text as option 1/)]);
    expect(at("questions.6.items.1.id")).toEqual([expect.stringMatching(/"a" is already the id of item 1/)]);
    expect(at("questions.6.items.2.text")).toEqual([expect.stringMatching(/same text as item 1/)]);
    expect(at("questions.7.pairs.1.id")).toEqual([expect.stringMatching(/"a" is already the id of pair 1/)]);
    expect(problems.filter((p) => p.field.endsWith(".options") && /unique/.test(p.message))).toEqual([]);
  });

  it("refuses two sections with the same anchor, naming the file, the body and the heading", () => {
    const fixture = writeFixtureCourse();
    edit(lessonPath(fixture.dir), (text) => `${text}\n## First  Section!\n\nAgain.\n`);
    expect(problemsOf(fixture.dir)).toEqual([
      { file: expect.stringContaining("lessons/l1.md"), field: "body", message: expect.stringMatching(/"First  Section!".*"First section".*"first-section"/) },
    ]);
    edit(lessonPath(fixture.dir), (text) => text.replace("## First  Section!", "## First section"));
    expect(problemsOf(fixture.dir)).toEqual([
      { file: expect.stringContaining("lessons/l1.md"), field: "body", message: expect.stringMatching(/heading "First section" appears twice.*"first-section"/) },
    ]);
  });

  it("says which heading has no anchor at all", () => {
    const fixture = writeFixtureCourse();
    edit(lessonPath(fixture.dir), (text) => `${text}\n## ???\n\nText.\n`);
    expect(problemsOf(fixture.dir)).toEqual([
      { file: expect.stringContaining("lessons/l1.md"), field: "body", message: expect.stringMatching(/heading "\?\?\?" has no letters or digits/) },
    ]);
  });

  it("links sections whose headings are not in Latin letters, or are very short or very long", () => {
    const long = "Why the 2015 tour of all five Central Asian capitals mattered for the later summit diplomacy";
    const fixture = writeFixtureCourse();
    edit(lessonPath(fixture.dir), (text) => text.replace("## First section", "## Первый раздел").concat(`\n## A\n\nShort.\n\n## ${long}\n\nLong.\n`));
    const anchor = headingAnchor(long);
    expect(anchor.length).toBeGreaterThan(81);
    editYaml(quizPath(fixture.dir), (quiz) => {
      quiz.questions[0].ref.section = "первый-раздел";
      quiz.questions[1].ref.section = "a";
      quiz.questions[2].ref.section = anchor;
    });
    edit(lessonPath(fixture.dir), (text) => text.replace("citations:", `sectionCitations:\n  первый-раздел: { source: ${fixture.sourceId}, sections: [part-one] }\ncitations:`));
    expect(problemsOf(fixture.dir)).toEqual([]);
    const lesson = loadCourse(fixture.dir).moduleFiles[0].lessonFiles[0];
    expect(lesson.sections.map((s) => s.anchor)).toEqual(["первый-раздел", "a", anchor]);
  });

  it("takes a list of sources for a section that draws on several, and names the entry that cites what is not there", () => {
    const fixture = writeFixtureCourse();
    edit(lessonPath(fixture.dir), (text) => text.replace("citations:", `sectionCitations:\n  first-section:\n    - { source: ${fixture.sourceId}, sections: [part-one] }\n    - { source: ${fixture.sourceId}, sections: [part-one] }\ncitations:`));
    expect(problemsOf(fixture.dir)).toEqual([]);
    expect(loadCourse(fixture.dir).moduleFiles[0].lessonFiles[0].sectionCitations["first-section"]).toHaveLength(2);
    edit(lessonPath(fixture.dir), (text) => text.replace(`- { source: ${fixture.sourceId}, sections: [part-one] }\ncitations:`, "- { source: no-such-source, sections: [part-one] }\ncitations:"));
    expect(problemsOf(fixture.dir)).toContainEqual({ file: expect.stringContaining("lessons/l1.md"), field: "sectionCitations.first-section.1.source", message: 'unknown source "no-such-source"' });
  });

  it("says what a section reference must look like when it cannot be an anchor", () => {
    const fixture = writeFixtureCourse();
    editYaml(quizPath(fixture.dir), (quiz) => (quiz.questions[0].ref.section = "First Section"));
    edit(lessonPath(fixture.dir), (text) => text.replace("citations:", `sectionCitations:\n  First section: { source: ${fixture.sourceId}, sections: [part-one] }\ncitations:`));
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual({
      file: expect.stringContaining("quizzes/q1.yaml"),
      field: "questions.0.ref.section",
      message: expect.stringMatching(/must be the anchor of a "## " heading/),
    });
    expect(problems).toContainEqual({
      file: expect.stringContaining("lessons/l1.md"),
      field: "sectionCitations.First section",
      message: expect.stringMatching(/must be the anchor of a "## " heading/),
    });
  });

  it("refuses a drawCount larger than the quiz's own questions, and a quiz with both questions and bankFrom", () => {
    const fixture = writeFixtureCourse({ drawCount: 5 });
    expect(problemsOf(fixture.dir)).toContainEqual({ file: expect.stringContaining("quizzes/q1.yaml"), field: "settings.drawCount", message: expect.stringMatching(/draws 5 questions but the quiz has 3/) });
    const bank = writeFixtureCourse({ drawCount: 2 });
    expect(problemsOf(bank.dir)).toEqual([]);
    const quiz = YAML.parse(readFileSync(quizPath(bank.dir), "utf8"));
    writeFileSync(
      path.join(bank.dir, "modules/m1/quizzes/mastery.yaml"),
      YAML.stringify({ id: `${bank.id}-mastery`, title: "M", description: "M", settings: { drawCount: 2 }, bankFrom: [quiz.id], questions: [{ ...quiz.questions[0], id: `${bank.id}-own` }] }),
    );
    edit(path.join(bank.dir, "modules/m1/module.yaml"), (text) => text.replace("  - q1\n", "  - q1\n  - mastery\n"));
    expect(problemsOf(bank.dir)).toContainEqual({ file: expect.stringContaining("quizzes/mastery.yaml"), field: "questions", message: expect.stringMatching(/either its own questions or bankFrom/) });
  });

  it("accepts dates the docs allow, quoted or not", () => {
    const fixture = writeFixtureCourse();
    edit(path.join(fixture.dir, `sources/${fixture.id}-source2.yaml`), (text) => text.replace(/published: .*/, "published: 2021"));
    edit(lessonPath(fixture.dir), (text) => text.replace("objectives:\n", "events:\n  - { date: 2004-08-28, label: Dialogue launched }\n  - { date: 1997, label: A speech }\n  - { date: 2004-08, label: A month }\nobjectives:\n"));
    expect(problemsOf(fixture.dir)).toEqual([]);
    const course = loadCourse(fixture.dir);
    expect(course.sources.find((s) => s.id === `${fixture.id}-source2`)?.published).toBe("2021");
    expect(course.moduleFiles[0].lessonFiles[0].events.map((e) => e.date)).toEqual(["2004-08-28", "1997", "2004-08"]);
  });

  it("refuses a source address that is not a web address", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/a", "not an address"]) {
      const fixture = writeFixtureCourse();
      edit(path.join(fixture.dir, `sources/${fixture.id}-source2.yaml`), (text) => text.replace(/published: .*/, (line) => `${line}\nurl: "${url}"`));
      expect(problemsOf(fixture.dir)).toEqual([{ file: expect.stringContaining("source2.yaml"), field: "url", message: expect.stringMatching(/web address starting http/) }]);
    }
    const fixture = writeFixtureCourse();
    edit(path.join(fixture.dir, `sources/${fixture.id}-source2.yaml`), (text) => text.replace(/published: .*/, (line) => `${line}\nurl: https://example.org/article`));
    expect(problemsOf(fixture.dir)).toEqual([]);
  });

  it("refuses a source address with a space or line break in it, or with no site after http://, saying which", () => {
    const problemsWith = (url: string) => {
      const fixture = writeFixtureCourse();
      edit(path.join(fixture.dir, `sources/${fixture.id}-source2.yaml`), (text) => text.replace(/published: .*/, (line) => `${line}\nurl: ${JSON.stringify(url)}`));
      return problemsOf(fixture.dir);
    };
    for (const url of ["https://example.org/an article", "https://example.org/a\tb", "https://example.org/article\n", " https://example.org/article"]) {
      expect(problemsWith(url)).toEqual([{ file: expect.stringContaining("source2.yaml"), field: "url", message: expect.stringMatching(/^holds a space or line break, which a web address cannot: /) }]);
    }
    for (const url of ["https:///example.org/article", "https:example.org/article", "https://"]) {
      expect(problemsWith(url)).toEqual([{ file: expect.stringContaining("source2.yaml"), field: "url", message: "must be a web address starting http:// or https://" }]);
    }
    expect(problemsWith("https://example.org/an%20article?q=a+b#part")).toEqual([]);
  });

  it("refuses dates that do not exist, which would show as other dates", () => {
    const fixture = writeFixtureCourse();
    edit(path.join(fixture.dir, `sources/${fixture.id}-source2.yaml`), (text) => text.replace(/published: .*/, "published: 2021-13"));
    edit(lessonPath(fixture.dir), (text) => text.replace("objectives:\n", "events:\n  - { date: 2023-02-29, label: Not a leap year }\n  - { date: 2024-02-29, label: A leap day }\nobjectives:\n"));
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual({ file: expect.stringContaining("source2.yaml"), field: "published", message: expect.stringMatching(/must be a real date/) });
    expect(problems).toContainEqual({ file: expect.stringContaining("l1.md"), field: "events.0.date", message: expect.stringMatching(/must be a real date/) });
    expect(problems.filter((p) => p.field === "events.1.date")).toEqual([]);
  });

  it("refuses a numeric answer no learner can enter", () => {
    const problems = withQuestions([{ type: "numeric", answer: 2.5e12 }, { type: "numeric", answer: 1e12, tolerance: 5 }]);
    expect(problems).toEqual([expect.objectContaining({ field: expect.stringMatching(/^questions\.3\.answer$/), message: expect.stringMatching(/a learner can enter/) })]);
  });

  it("refuses a NUL or broken character, in a YAML escape or a lesson, naming the file and field", () => {
    const fixture = writeFixtureCourse();
    editYaml(quizPath(fixture.dir), (quiz) => (quiz.questions[0].prompt = "Pasted\u0000 from a PDF"));
    edit(lessonPath(fixture.dir), (text) => `${text}\nA line with a NUL \u0000 in it.\n`);
    const problems = problemsOf(fixture.dir);
    expect(problems).toContainEqual({ file: expect.stringContaining("q1.yaml"), field: "questions.0.prompt", message: expect.stringMatching(/NUL or broken character/) });
    expect(problems).toContainEqual({ file: expect.stringContaining("l1.md"), field: "body", message: expect.stringMatching(/NUL or broken character/) });
  });
});

describe("section headings and code blocks", () => {
  const titles = (markdown: string) => lessonSections(markdown).map((s) => s.title);
  // The reader's Markdown renderer (remark): the top-level "## " headings it sees, by line.
  const remarkHeadingLines = (markdown: string) =>
    unified()
      .use(remarkParse)
      .parse(markdown)
      .children.filter((node) => node.type === "heading" && node.depth === 2 && /^##/.test(markdown.split("\n")[node.position!.start.line - 1]))
      .map((node) => node.position!.start.line);
  const cases: Record<string, string> = {
    tildes: "## One\n~~~\n## not a heading\n~~~\n## Two\n",
    "indented fence": "## One\n   ```js\n## not a heading\n   ```\n## Two\n",
    "longer fence with a shorter one inside": "## One\n````\n```\n## not a heading\n```\n````\n## Two\n",
    "closing fence of the other character": "## One\n```\n~~~\n## not a heading\n```\n## Two\n",
    "closing fence with text after it": "## One\n```\n``` not closed\n## not a heading\n```\n## Two\n",
    "backtick in a backtick fence's info string": "## One\n```a`b\n## Two\n",
    "tilde fence with backticks in its info string": "## One\n~~~ a`b\n## not a heading\n~~~\n## Two\n",
    "indented code": "## One\n\n    ```\n\n## Two\n\n    ## not a heading\n",
    "tab-indented fence": "## One\n\n\t~~~\n\n## Two\n",
    "unclosed fence": "## One\n```\n## not a heading\n",
    "Windows line endings": "## One\r\n~~~\r\n## not a heading\r\n~~~  \r\n## Two\r\n",
    "a heading in an HTML comment (an author's note)": "## One\n<!-- not ready yet\n\n## Draft notes\n\nSecret.\n-->\n## Two\n",
    "a one-line comment": "## One\n<!-- a note -->\n## Two\n",
    "closing hashes": "## One ##\n## Two   ###   \n",
    // A backtracking pattern took 13 s on 4,000 spaces and hours on this; the test's time limit would catch it.
    "a long run of spaces inside a heading": `## One\n## Two${" ".repeat(64_000)}\n`,
  };

  it("finds the headings the renderer finds, outside fenced (``` or ~~~) and indented code", () => {
    for (const [label, markdown] of Object.entries(cases)) {
      const found = titles(markdown);
      expect(found, label).toEqual(["One", "Two"].slice(0, remarkHeadingLines(markdown).length));
      expect(splitSections(markdown).filter((s) => s.title !== null).map((s) => s.title), label).toEqual(found);
      // Every line of the body stays in exactly one section, headings apart.
      const kept = splitSections(markdown).flatMap((s) => s.markdown.split("\n").slice(0, -1));
      expect(kept.length + found.length, label).toBe(markdown.split("\n").length);
    }
  });

  it("keeps a fenced block whole in the section it belongs to", () => {
    const body = "Intro\n\n## Real\n\nText\n\n~~~\ncode line\n## not a heading\nmore code\n~~~\n";
    expect(splitSections(body).map((s) => s.title)).toEqual([null, "Real"]);
    expect(splitSections(body)[1].markdown).toContain("~~~\ncode line\n## not a heading\nmore code\n~~~\n");
  });

  it("gives headings in other scripts an anchor of their own, and leaves Latin anchors as they were", () => {
    expect(headingAnchor("Первый раздел")).toBe("первый-раздел");
    expect(headingAnchor("Йошкар-Ола: «Выход» 2004")).toBe("йошкар-ола-выход-2004");
    expect(headingAnchor("日本と中央アジア")).toBe("日本と中央アジア");
    expect(headingAnchor("Ελληνικά Θέματα")).toBe("ελληνικά-θέματα");
    // Latin headings: ASCII letters and digits only, accents dropped, as before.
    expect(headingAnchor("Café déjà vu — “Ñandú” (1991–1998)")).toBe("cafe-deja-vu-nandu-1991-1998");
    expect(headingAnchor("Łódź, Straße and Øresund")).toBe("odz-stra-e-and-resund");
    expect(headingAnchor("ﬁrst Ⅻ ½")).toBe("first-xii-1-2");
    expect(headingAnchor("C# & .NET")).toBe("c-net");
  });
});

// Ids are keys in one database shared by every course, so content:check and startup compare all folders.
describe("checks across course folders", () => {
  const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, "utf8")));
  const problemsAcross = (...dirs: string[]) => loadCatalog(dirs).map((entry) => entry.problems);

  it("passes the courses in content/courses together", () => {
    expect(loadCatalog().flatMap((entry) => entry.problems)).toEqual([]);
  });

  it("names both files when two folders use the same lesson, source or question id", () => {
    const [a, b] = [writeFixtureCourse(), writeFixtureCourse()];
    edit(path.join(b.dir, "modules/m1/lessons/l1.md"), (s) => s.replace(`id: ${b.lessonId}`, `id: ${a.lessonId}`));
    edit(path.join(b.dir, "modules/m1/quizzes/q1.yaml"), (s) => s.replaceAll(b.lessonId, a.lessonId).replace(`id: ${b.id}-q2`, `id: ${a.id}-q2`));
    writeFileSync(path.join(b.dir, `sources/${a.sourceId}.yaml`), readFileSync(path.join(a.dir, `sources/${a.sourceId}.yaml`), "utf8"));
    const [first, second] = problemsAcross(a.dir, b.dir);
    expect(first).toEqual([]);
    expect(second).toEqual(expect.arrayContaining([
      { file: expect.stringContaining(`${b.id}/modules/m1/lessons/l1.md`), field: "id", message: expect.stringMatching(new RegExp(`lesson id "${a.lessonId}" is also used in .*${a.id}/modules/m1/lessons/l1\\.md`)) },
      { file: expect.stringContaining(`${b.id}/modules/m1/quizzes/q1.yaml`), field: "questions.1.id", message: expect.stringContaining(`${a.id}/modules/m1/quizzes/q1.yaml`) },
      { file: expect.stringContaining(`${b.id}/sources/${a.sourceId}.yaml`), field: "id", message: expect.stringContaining(`${a.id}/sources/${a.sourceId}.yaml`) },
    ]));
    expect(second).toHaveLength(3);
  });

  it("refuses two folders with the same course id or slug", () => {
    const [a, b] = [writeFixtureCourse(), writeFixtureCourse()];
    edit(path.join(b.dir, "course.yaml"), (s) => s.replace(`id: ${b.id}`, `id: ${a.id}`).replace(`slug: ${b.id}`, `slug: ${a.id}`));
    const [, second] = problemsAcross(a.dir, b.dir);
    expect(second.map((p) => [p.field, p.message])).toEqual([
      ["id", expect.stringContaining(`course id "${a.id}" is also used in`)],
      ["slug", expect.stringContaining(`course slug "${a.id}" is also used in`)],
    ]);
  });

  it("reserves the imported readings' course id and slug", () => {
    const f = writeFixtureCourse();
    edit(path.join(f.dir, "course.yaml"), (s) => s.replace(`id: ${f.id}`, "id: imported-readings").replace(`slug: ${f.id}`, "slug: imported-readings"));
    expect(problemsAcross(f.dir)[0].map((p) => [p.field, p.message])).toEqual([
      ["id", expect.stringContaining('"imported-readings" is reserved')],
      ["slug", expect.stringContaining('"imported-readings" is reserved')],
    ]);
  });

  it.each(["glossary", "objectives", "notes"])("reserves the name of the course's %s page for module folders", (name) => {
    const f = writeFixtureCourse();
    renameSync(path.join(f.dir, "modules", "m1"), path.join(f.dir, "modules", name));
    edit(path.join(f.dir, "course.yaml"), (s) => s.replace("- m1", `- ${name}`));
    expect(problemsAcross(f.dir)[0]).toEqual([
      { file: expect.stringContaining(`${f.id}/course.yaml`), field: "modules.0", message: expect.stringContaining(`"${name}" is the address of the course's ${name} page`) },
    ]);
  });
});
