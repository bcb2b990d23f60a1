// Checks that span every course folder. Ids are keys in one database shared by all courses, so no two courses
// may use the same id (of any kind) or the same course slug, and no folder may take the course reserved for
// instructors' imports. Problems name the file and field, and the other file that already uses the value.
import path from "node:path";
import type { LoadedCourse } from "./load";
import type { ContentProblem } from "./problems";

/**
 * The course instructors' published imports go into (IMPORTED_COURSE in lib/server/import-service.ts). It has
 * no folder: the content sync never writes it, and never retires it for lacking one.
 */
export const IMPORTED_COURSE_ID = "imported-readings";

export type ContentKind = "course" | "source" | "module" | "lesson" | "quiz" | "question" | "debate";

/** One id a course writes as a database key, with the file and field that set it. */
export type ContentIdentity = { kind: ContentKind; id: string; file: string; field: string };

/** A file of the course, as problems name it (relative to the working directory, like the loader's). */
export function courseFile(course: Pick<LoadedCourse, "dir">, ...parts: string[]): string {
  const file = path.join(course.dir, ...parts);
  return path.relative(process.cwd(), file) || file;
}

export function courseIdentities(course: LoadedCourse): ContentIdentity[] {
  const identities: ContentIdentity[] = [{ kind: "course", id: course.id, file: courseFile(course, "course.yaml"), field: "id" }];
  for (const source of course.sources) identities.push({ kind: "source", id: source.id, file: courseFile(course, "sources", `${source.id}.yaml`), field: "id" });
  for (const mod of course.moduleFiles) {
    const dir = path.join("modules", mod.slug);
    identities.push({ kind: "module", id: mod.id, file: courseFile(course, dir, "module.yaml"), field: "id" });
    for (const lesson of mod.lessonFiles) identities.push({ kind: "lesson", id: lesson.id, file: courseFile(course, dir, "lessons", `${lesson.slug}.md`), field: "id" });
    for (const quiz of mod.quizFiles) {
      const file = courseFile(course, dir, "quizzes", `${quiz.slug}.yaml`);
      identities.push({ kind: "quiz", id: quiz.id, file, field: "id" });
      quiz.questions.forEach((q, i) => identities.push({ kind: "question", id: q.id, file, field: `questions.${i}.id` }));
    }
    for (const debate of mod.debateFiles) identities.push({ kind: "debate", id: debate.id, file: courseFile(course, dir, "debates", `${debate.slug}.yaml`), field: "id" });
  }
  return identities;
}

/** Names a course's pages take beside its modules' (`/courses/<course>/glossary`, `/objectives`, `/notes`), so no module folder may have them. */
export const RESERVED_MODULE_NAMES = ["glossary", "objectives", "notes"] as const;

/** A folder may not be the imported-readings course, by id or by slug (its URL), nor name a module as a course page. */
export function reservedProblems(course: LoadedCourse): ContentProblem[] {
  const file = courseFile(course, "course.yaml");
  const why = `"${IMPORTED_COURSE_ID}" is reserved for the readings instructors import; choose another`;
  return [
    ...(course.id === IMPORTED_COURSE_ID ? [{ file, field: "id", message: `${why} id` }] : []),
    ...(course.slug === IMPORTED_COURSE_ID ? [{ file, field: "slug", message: `${why} slug` }] : []),
    ...course.modules.flatMap((name, i) => ((RESERVED_MODULE_NAMES as readonly string[]).includes(name)
      ? [{ file, field: `modules.${i}`, message: `"${name}" is the address of the course's ${name} page; name the module's folder otherwise` }]
      : [])),
  ];
}

/**
 * The problems between courses, one list per course in the order given: the later of two folders using the
 * same value gets the problem. Repeats inside one course are the loader's to report.
 */
export function crossCourseProblems(courses: LoadedCourse[]): ContentProblem[][] {
  const seen = new Map<string, { dir: string; file: string }>();
  return courses.map((course) => {
    const problems = reservedProblems(course);
    const slug = { kind: "course slug", id: course.slug, file: courseFile(course, "course.yaml"), field: "slug" };
    for (const identity of [...courseIdentities(course), slug]) {
      const key = `${identity.kind}\u0000${identity.id}`;
      const first = seen.get(key);
      if (!first) seen.set(key, { dir: course.dir, file: identity.file });
      else if (first.dir !== course.dir) {
        const what = identity.kind === "course slug" ? `course slug "${identity.id}"` : `${identity.kind} id "${identity.id}"`;
        problems.push({ file: identity.file, field: identity.field, message: `${what} is also used in ${first.file}; ids and course slugs must be unique across all courses` });
      }
    }
    return problems;
  });
}
