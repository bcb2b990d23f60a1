// Reads a course folder, validates every file with the zod schemas and checks the references between
// files. Problems name the file and the field so an author can fix them without reading code.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { splitFrontMatter } from "./frontmatter";
import type { z } from "zod";
import {
  courseSchema,
  debateSchema,
  lessonFrontmatterSchema,
  moduleSchema,
  quizSchema,
  sourceSchema,
  type CourseFile,
  type DebateFile,
  type Citation,
  type LessonFrontmatter,
  type ModuleFile,
  type QuizFile,
  type SourceFile,
} from "./schema";
import { lessonSections, misplacedHeadings, readingMinutes, type LessonSection } from "./anchors";
import { crossCourseProblems } from "./catalog";
import { authorMessage, nullWords, textsCutByComment, yamlMessage } from "./author-messages";
import { ContentError, type ContentProblem } from "./problems";
import { unstorableTextAt } from "../domain/storable-text";

export { ContentError, type ContentProblem };

export type LoadedLesson = LessonFrontmatter & { slug: string; body: string; sections: LessonSection[]; readingMinutes: number };
export type LoadedQuiz = QuizFile & { slug: string };
export type LoadedDebate = DebateFile & { slug: string };
export type LoadedModule = ModuleFile & { slug: string; lessonFiles: LoadedLesson[]; quizFiles: LoadedQuiz[]; debateFiles: LoadedDebate[] };
/** `dir` is the course folder (absolute), so later checks and the sync can name the file a problem is in. */
/** `notices`: files in the folder that are not part of the course (not listed, or not read); worth a look, not an error. */
export type LoadedCourse = CourseFile & { dir: string; sources: SourceFile[]; moduleFiles: LoadedModule[]; notices?: ContentProblem[] };

// `invalid`: "kind:id" of files that exist but failed their own checks; references to them are not reported
// again as unknown (one bad lesson would otherwise bring an "unknown lesson" for every question on it).
// `notices`: files left out of the course. Unlisting a lesson, quiz or module is how an author retires it and
// keeps the file for later, so these are shown by the check but do not stop a sync.
// `invalid`: "kind:id" of files that failed their own checks; `unreadable`: kinds with a file whose id could not be
// read at all (broken YAML or front matter, or a module that could not be read), so any id of that kind may be it.
// `yaml`: each file's YAML text (a lesson's front matter), read again only to say how a value that failed was written.
type Reader = { root: string; problems: ContentProblem[]; invalid: Set<string>; unreadable: Set<string>; notices: ContentProblem[]; yaml: Map<string, string> };

function noteInvalid(reader: Reader, kind: string, data: unknown, id?: string): undefined {
  const found = id ?? (data && typeof data === "object" && typeof (data as { id?: unknown }).id === "string" ? (data as { id: string }).id : undefined);
  if (found) reader.invalid.add(`${kind}:${found}`);
  else reader.unreadable.add(kind);
  return undefined;
}

/** Whether an id of `kind` that no file provides may be that of a file already reported as broken. */
const reportedBroken = (reader: Reader, kind: string, id: string) => reader.invalid.has(`${kind}:${id}`) || reader.unreadable.has(kind);

/** Files in `dir` that `listed` (names without extension) leaves out, or that are not read at all. */
function unlistedFiles(reader: Reader, dir: string, extension: string, listed: string[], listFile: string, listField: string) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile() || name.startsWith(".")) continue;
    if (!name.endsWith(extension)) {
      reader.notices.push({ file: rel(file), field: "(file)", message: `is not read: files here end in ${extension}` });
    } else if (!listed.includes(name.slice(0, -extension.length))) {
      reader.notices.push({ file: rel(file), field: "(file)", message: `is not listed in ${rel(listFile)} under ${listField}, so it is not part of the course (list it there to add it)` });
    }
  }
}

function rel(file: string) {
  return path.relative(process.cwd(), file) || file;
}

function parseWith<T extends z.ZodType>(reader: Reader, file: string, schema: T, data: unknown): z.infer<T> | undefined {
  if (data === undefined) return undefined; // already reported as missing or unreadable
  const yaml = reader.yaml.get(file);
  let nulls: Map<string, string> | undefined;
  const nullWordAt = (at: PropertyKey[]) => (yaml === undefined ? undefined : (nulls ??= nullWords(yaml)).get(at.join(".")));
  const result = schema.safeParse(data, { error: (issue) => authorMessage(issue, nullWordAt) });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    // An unknown name is reported where it stands, so the field named is the one to rename or remove.
    const at = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...issue.path, issue.keys[0]] : issue.path;
    reader.problems.push({ file: rel(file), field: at.join(".") || "(file)", message: issue.message });
  }
  return undefined;
}

// The database stores no NUL character nor half of a surrogate pair: a file carrying one (often pasted from a PDF,
// or a YAML "\0" escape) is refused here, by file and field, instead of failing the sync.
function storable(reader: Reader, file: string, data: unknown): boolean {
  const at = unstorableTextAt(data);
  if (at === null) return true;
  reader.problems.push({ file: rel(file), field: at.join(".") || "(file)", message: "contains a NUL or broken character (often pasted from a PDF), which cannot be stored: remove it" });
  return false;
}

/** `listed`: the list that names the file and the name it gives, so the message says where the name came from. */
type Listing = { list: string; name: string };
function missingFile(reader: Reader, file: string, listed?: Listing) {
  const dir = path.dirname(file);
  const base = path.basename(file, path.extname(file));
  const problem = (message: string) => reader.problems.push({ file: rel(file), field: "(file)", message });
  // The usual slips: q1.yml for q1.yaml, Lesson.md for lesson.md, a debate listed under quizzes.
  const near = existsSync(dir) ? readdirSync(dir).find((name) => name !== path.basename(file) && name.toLowerCase().replace(/\.[^.]*$/, "") === base.toLowerCase()) : undefined;
  if (near) return problem(`file is missing, but there is ${near} beside it: rename that to ${path.basename(file)}`);
  if (!listed) return problem("file is missing");
  const elsewhere = (["lessons", "quizzes", "debates"] as const).find((kind) => kind !== path.basename(dir) && existsSync(path.join(dir, "..", kind, `${base}${kind === "lessons" ? ".md" : ".yaml"}`)));
  if (elsewhere) return problem(`file is missing: ${listed.list} lists "${listed.name}", but that file is in ${elsewhere}/; list it under ${elsewhere} instead`);
  problem(`file is missing: ${listed.list} lists "${listed.name}", but this file does not exist; create it, or correct the name or take it off the list`);
}

function readYaml(reader: Reader, file: string, listed?: Listing): unknown {
  if (!existsSync(file)) {
    missingFile(reader, file, listed);
    return undefined;
  }
  try {
    const text = readFileSync(file, "utf8");
    const data: unknown = YAML.parse(text);
    reader.yaml.set(file, text);
    for (const message of textsCutByComment(text)) reader.problems.push({ file: rel(file), field: "(yaml)", message });
    return storable(reader, file, data) ? data : undefined;
  } catch (error) {
    reader.problems.push({ file: rel(file), field: "(yaml)", message: yamlMessage(error) });
    return undefined;
  }
}

function loadLesson(reader: Reader, file: string, slug: string, listed: Listing): LoadedLesson | undefined {
  if (!existsSync(file)) {
    missingFile(reader, file, listed);
    return undefined;
  }
  const text = readFileSync(file, "utf8");
  let parsed: ReturnType<typeof splitFrontMatter>;
  try {
    parsed = splitFrontMatter(text);
  } catch (error) {
    // The front matter's YAML starts on the line after the opening ---.
    reader.problems.push({ file: rel(file), field: "(frontmatter)", message: yamlMessage(error, 2) });
    return noteInvalid(reader, "lesson", undefined);
  }
  if (!storable(reader, file, { frontmatter: parsed.data, body: parsed.content })) return noteInvalid(reader, "lesson", parsed.data);
  // Everything before the body: the front matter with its --- lines. Its YAML is between them.
  const beforeBody = text.slice(0, text.length - parsed.content.length);
  const frontYaml = beforeBody.replace(/^[^\n]*\n/, "").replace(/(^|\n)---[ \t]*\r?\n?$/, "");
  for (const message of textsCutByComment(frontYaml, 2)) reader.problems.push({ file: rel(file), field: "(frontmatter)", message });
  reader.yaml.set(file, frontYaml);
  if (parsed.unclosed) {
    reader.problems.push({ file: rel(file), field: "(frontmatter)", message: "the front matter opened by --- on the first line is never closed: end it with a line of just ---" });
    return noteInvalid(reader, "lesson", undefined);
  }
  const front = parseWith(reader, file, lessonFrontmatterSchema, parsed.data);
  if (!front) noteInvalid(reader, "lesson", parsed.data);
  const sections = lessonSections(parsed.content);
  const firstBodyLine = beforeBody.split("\n").length;
  for (const { line, text: heading, mend } of misplacedHeadings(parsed.content)) {
    reader.problems.push({ file: rel(file), field: "body", message: `line ${firstBodyLine + line}: "${heading}" ${mend}` });
  }
  if (sections.length === 0) reader.problems.push({ file: rel(file), field: "body", message: 'needs at least one "## " section' });
  // Each section needs an anchor of its own: links and question references go to the first with that id.
  const byAnchor = new Map<string, string>();
  for (const { anchor, title } of sections) {
    const first = byAnchor.get(anchor);
    if (!anchor) reader.problems.push({ file: rel(file), field: "body", message: `the heading "${title}" has no letters or digits, so its section has no anchor to link to; add a word to it` });
    else if (first !== undefined) {
      const clash = first === title ? `the heading "${title}" appears twice` : `the heading "${title}" has the same anchor as "${first}"`;
      reader.problems.push({ file: rel(file), field: "body", message: `${clash}, so both sections get the anchor "${anchor}" and links go to the first; reword one of them` });
    } else byAnchor.set(anchor, title);
  }
  if (!front) return undefined;
  return { ...front, slug, body: parsed.content.trim(), sections, readingMinutes: readingMinutes(parsed.content) };
}

/** Loads one course folder. Throws ContentError listing every problem found. */
export function loadCourse(courseDir: string): LoadedCourse {
  const reader: Reader = { root: path.resolve(courseDir), problems: [], invalid: new Set(), unreadable: new Set(), notices: [], yaml: new Map() };
  const courseFile = path.join(courseDir, "course.yaml");
  const course = parseWith(reader, courseFile, courseSchema, readYaml(reader, courseFile));

  const sourcesDir = path.join(courseDir, "sources");
  const sources: SourceFile[] = [];
  const sourcesIsFolder = existsSync(sourcesDir) && statSync(sourcesDir).isDirectory();
  if (existsSync(sourcesDir) && !sourcesIsFolder) reader.problems.push({ file: rel(sourcesDir), field: "(file)", message: "must be a folder of source files (one .yaml per source)" });
  for (const name of sourcesIsFolder ? readdirSync(sourcesDir).sort() : []) {
    const file = path.join(sourcesDir, name);
    if (!statSync(file).isFile() || name.startsWith(".")) continue;
    if (!name.endsWith(".yaml")) {
      reader.notices.push({ file: rel(file), field: "(file)", message: "is not read: source files end in .yaml" });
      continue;
    }
    const source = parseWith(reader, file, sourceSchema, readYaml(reader, file));
    if (!source) noteInvalid(reader, "source", undefined, name.replace(/\.yaml$/, ""));
    if (source) {
      const fileId = name.replace(/\.yaml$/, "");
      if (source.id !== fileId) {
        reader.problems.push({ file: rel(file), field: "id", message: `must match the file name (${fileId})` });
        // Files citing either name are not reported again: which one is meant, the author decides.
        noteInvalid(reader, "source", undefined, fileId);
        noteInvalid(reader, "source", undefined, source.id);
      } else sources.push(source);
    }
  }

  const modulesDir = path.join(courseDir, "modules");
  if (course && existsSync(modulesDir) && statSync(modulesDir).isDirectory()) {
    for (const entry of readdirSync(modulesDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith(".") && !course.modules.includes(entry.name)) {
        reader.notices.push({ file: rel(path.join(modulesDir, entry.name)), field: "(folder)", message: `is not listed in ${rel(courseFile)} under modules, so it is not part of the course (list it there to add it)` });
      }
    }
  }
  const moduleFiles: LoadedModule[] = [];
  for (const moduleSlug of course?.modules ?? []) {
    const moduleDir = path.join(courseDir, "modules", moduleSlug);
    const moduleFile = path.join(moduleDir, "module.yaml");
    const mod = parseWith(reader, moduleFile, moduleSchema, readYaml(reader, moduleFile, { list: `${rel(courseFile)} under modules`, name: moduleSlug }));
    if (!mod) {
      // Its lessons and quizzes are not read: their ids are unknown, not wrong, where other files use them.
      for (const kind of ["lesson", "quiz"]) reader.unreadable.add(kind);
      continue;
    }
    unlistedFiles(reader, path.join(moduleDir, "lessons"), ".md", mod.lessons, moduleFile, "lessons");
    unlistedFiles(reader, path.join(moduleDir, "quizzes"), ".yaml", mod.quizzes, moduleFile, "quizzes");
    unlistedFiles(reader, path.join(moduleDir, "debates"), ".yaml", mod.debates, moduleFile, "debates");
    const lessonFiles = mod.lessons.flatMap((slug) => loadLesson(reader, path.join(moduleDir, "lessons", `${slug}.md`), slug, { list: `${rel(moduleFile)} under lessons`, name: slug }) ?? []);
    const quizFiles = mod.quizzes.flatMap((slug) => {
      const file = path.join(moduleDir, "quizzes", `${slug}.yaml`);
      const data = readYaml(reader, file, { list: `${rel(moduleFile)} under quizzes`, name: slug });
      const quiz = parseWith(reader, file, quizSchema, data);
      if (!quiz) noteInvalid(reader, "quiz", data);
      return quiz ? [{ ...quiz, slug }] : [];
    });
    const debateFiles = mod.debates.flatMap((slug) => {
      const file = path.join(moduleDir, "debates", `${slug}.yaml`);
      const debate = parseWith(reader, file, debateSchema, readYaml(reader, file, { list: `${rel(moduleFile)} under debates`, name: slug }));
      return debate ? [{ ...debate, slug }] : [];
    });
    moduleFiles.push({ ...mod, slug: moduleSlug, lessonFiles, quizFiles, debateFiles });
  }

  if (course) checkReferences(reader, courseDir, { ...course, dir: reader.root, sources, moduleFiles });
  if (reader.problems.length > 0) throw new ContentError(reader.problems, reader.notices);
  return { ...course!, dir: reader.root, sources, moduleFiles, notices: reader.notices };
}

function firstOfEach<K, V>(entries: readonly (readonly [K, V])[]): Map<K, V> {
  const map = new Map<K, V>();
  for (const [key, value] of entries) if (!map.has(key)) map.set(key, value);
  return map;
}

function checkReferences(reader: Reader, courseDir: string, course: LoadedCourse) {
  const problem = (file: string, field: string, message: string) => reader.problems.push({ file: rel(path.join(courseDir, file)), field, message });
  const sources = new Map(course.sources.map((s) => [s.id, s]));
  // A repeated id is reported at its second file; references keep to the first, not to whichever was read last.
  const lessons = firstOfEach(course.moduleFiles.flatMap((m) => m.lessonFiles.map((l) => [l.id, { lesson: l, module: m }] as const)));
  const quizzes = firstOfEach(course.moduleFiles.flatMap((m) => m.quizFiles.map((q) => [q.id, q] as const)));
  // A lesson whose own file has problems (reported there) is not reported again as unknown where it is used.
  const knownLesson = (id: string) => lessons.has(id) || reportedBroken(reader, "lesson", id);
  const seen = new Map<string, string>();
  const unique = (kind: string, id: string, file: string, field: string) => {
    const key = `${kind}:${id}`;
    if (seen.has(key)) problem(file, field, `${kind} id "${id}" is also used in ${seen.get(key)}`);
    else seen.set(key, file);
  };
  // `sections`: each cited section id with the field it is written in, so a wrong one is named where it stands.
  const checkSource = (file: string, sourceField: string, sourceId: string, sections: [field: string, id: string][]) => {
    const source = sources.get(sourceId);
    if (!source) {
      if (reportedBroken(reader, "source", sourceId)) return;
      // A source saved as hale-2019.yml is noted as not read; say so where it is cited, or the cause stays hidden.
      const unread = reader.notices.find((n) => /\/sources\/[^/]+$/.test(n.file) && path.basename(n.file).replace(/\.[^.]*$/, "") === sourceId);
      return problem(file, sourceField, unread ? `unknown source "${sourceId}": ${unread.file} is not read, as source files end in .yaml; rename it to ${sourceId}.yaml` : `unknown source "${sourceId}"`);
    }
    for (const [field, id] of sections) {
      if (!source.sections.some((s) => s.id === id)) problem(file, field, `source "${sourceId}" has no section "${id}" (has: ${source.sections.map((s) => s.id).join(", ")})`);
    }
  };
  const checkCitation = (file: string, field: string, c: Citation) => checkSource(file, `${field}.source`, c.source, c.sections.map((id, i) => [`${field}.sections.${i}`, id]));

  for (const mod of course.moduleFiles) {
    const dir = path.join("modules", mod.slug);
    unique("module", mod.id, path.join(dir, "module.yaml"), "id");
    for (const lesson of mod.lessonFiles) {
      const file = path.join(dir, "lessons", `${lesson.slug}.md`);
      unique("lesson", lesson.id, file, "id");
      lesson.citations.forEach((c, i) => checkCitation(file, `citations.${i}`, c));
      for (const [anchor, c] of Object.entries(lesson.sectionCitations)) {
        if (!lesson.sections.some((s) => s.anchor === anchor)) problem(file, `sectionCitations.${anchor}`, `the lesson has no section with anchor "${anchor}"`);
        if (Array.isArray(c)) c.forEach((one, i) => checkCitation(file, `sectionCitations.${anchor}.${i}`, one));
        else checkCitation(file, `sectionCitations.${anchor}`, c);
      }
      lesson.events.forEach((e, i) => e.source && checkSource(file, `events.${i}.source`, e.source, []));
    }
    for (const quiz of mod.quizFiles) {
      const file = path.join(dir, "quizzes", `${quiz.slug}.yaml`);
      unique("quiz", quiz.id, file, "id");
      if (quiz.lesson && !knownLesson(quiz.lesson)) problem(file, "lesson", `unknown lesson "${quiz.lesson}"`);
      // The lesson page links the quizzes that check it, found among its own module's quizzes.
      else if (quiz.lesson && lessons.get(quiz.lesson) && lessons.get(quiz.lesson)!.module !== mod) problem(file, "lesson", `lesson "${quiz.lesson}" is in another module; a quiz checks a lesson of its own module`);
      quiz.bankFrom.forEach((id, i) => {
        if (!quizzes.has(id)) {
          if (!reportedBroken(reader, "quiz", id)) problem(file, `bankFrom.${i}`, `unknown quiz "${id}"`);
        }
        else if (quizzes.get(id)!.bankFrom.length > 0) problem(file, `bankFrom.${i}`, `"${id}" is itself a bank quiz`);
      });
      if (quiz.bankFrom.length > 0 && quiz.settings.drawCount) {
        const bankSize = quiz.bankFrom.reduce((n, id) => n + (quizzes.get(id)?.questions.length ?? 0), 0);
        if (quiz.settings.drawCount > bankSize) problem(file, "settings.drawCount", `draws ${quiz.settings.drawCount} but the bank has ${bankSize} questions`);
      }
      quiz.questions.forEach((q, i) => {
        const field = `questions.${i}`;
        unique("question", q.id, file, `${field}.id`);
        const target = lessons.get(q.ref.lesson);
        if (!target) return knownLesson(q.ref.lesson) ? undefined : problem(file, `${field}.ref.lesson`, `unknown lesson "${q.ref.lesson}"`);
        if (!target.lesson.sections.some((s) => s.anchor === q.ref.section)) {
          problem(file, `${field}.ref.section`, `lesson "${q.ref.lesson}" has no section "${q.ref.section}" (has: ${target.lesson.sections.map((s) => s.anchor).join(", ")})`);
        }
        if (!target.lesson.objectives.some((o) => o.id === q.objective)) problem(file, `${field}.objective`, `lesson "${q.ref.lesson}" has no objective "${q.objective}"`);
        checkSource(file, `${field}.ref.source`, q.ref.source, q.ref.sourceSection ? [[`${field}.ref.sourceSection`, q.ref.sourceSection]] : []);
      });
    }
    for (const debate of mod.debateFiles) {
      const file = path.join(dir, "debates", `${debate.slug}.yaml`);
      unique("debate", debate.id, file, "id");
      debate.evidencePointers.forEach((p, i) => {
        checkSource(file, `evidencePointers.${i}.source`, p.source, p.section ? [[`evidencePointers.${i}.section`, p.section]] : []);
        if (p.lesson && !knownLesson(p.lesson)) problem(file, `evidencePointers.${i}.lesson`, `unknown lesson "${p.lesson}"`);
      });
      if (new Set(debate.evidencePointers.map((p) => p.source)).size < 2) problem(file, "evidencePointers", "must point into at least two different sources");
    }
  }
}

export const contentRoot = path.resolve(import.meta.dirname, "..", "..", "content", "courses");

export function courseDirectories(root = contentRoot): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    // A hidden folder (an editor's, such as .obsidian) is not a course.
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => path.join(root, d.name))
    .sort();
}

export type CatalogEntry = { dir: string; course: LoadedCourse | null; problems: ContentProblem[]; notices: ContentProblem[] };

/** Loads every course folder and checks them against each other; each entry carries its folder's problems. */
export function loadCatalog(dirs: string[] = courseDirectories()): CatalogEntry[] {
  const entries: CatalogEntry[] = dirs.map((dir) => {
    try {
      const course = loadCourse(dir);
      return { dir, course, problems: [], notices: course.notices ?? [] };
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      return { dir, course: null, problems: error.problems, notices: error.notices };
    }
  });
  const loaded = entries.filter((e) => e.course !== null);
  crossCourseProblems(loaded.map((e) => e.course!)).forEach((problems, i) => loaded[i].problems.push(...problems));
  return entries;
}

/** Every course, or a ContentError listing the problems of all of them, so nothing is written unless all pass. */
export function loadAllCourses(dirs: string[] = courseDirectories()): LoadedCourse[] {
  const entries = loadCatalog(dirs);
  const problems = entries.flatMap((e) => e.problems);
  if (problems.length > 0) throw new ContentError(problems);
  return entries.map((e) => e.course!);
}
