// Writes loaded courses into the database, keyed by the ids in the files. Idempotent: rows are written only when
// something changed. Nothing is ever deleted: content that disappears from the files is marked retired (with
// everything under it), and a changed question gets a new version, so learners' past attempts stay intact and
// readable. A retired row gives up its slug (it becomes `<slug>~<id>`, which no file name can be), so a new
// file may take the name. Ids are permanent across all courses: the sync refuses a file whose id belongs to
// another course in the database instead of moving that course's rows (and learners' work) over, and a quiz or
// debate moving out of a module that a class not archived assigns (see moduleMoves).
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { LessonSection } from "./anchors";
import type { LoadedCourse } from "./load";
import type { LessonFrontmatter } from "./schema";
import { ContentError, type ContentProblem } from "./problems";
import { IMPORTED_COURSE_ID, courseFile, courseIdentities, crossCourseProblems, reservedProblems, type ContentKind } from "./catalog";
import { rubricChanged, storedRubric } from "../domain/rubric";
import { answerKey } from "../domain/scoring";
import { writeLessonSearchParts } from "../server/lesson-search-parts";


/** A lesson row's `meta`: its front matter beyond the row's own columns, and its sections. Imports write the same. */
export function lessonMeta(lesson: LessonFrontmatter, sections: LessonSection[]) {
  return {
    textKind: lesson.textKind ?? null,
    thesis: lesson.thesis ?? null,
    objectives: lesson.objectives,
    keyTerms: lesson.keyTerms,
    events: lesson.events,
    citations: lesson.citations,
    sectionCitations: lesson.sectionCitations,
    sections,
  };
}
export type SyncReport = {
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
  /** Changes that alter how learners' finished work counts, for the person running the sync to read. */
  warnings: string[];
};

export type CatalogSyncReport = {
  courses: { id: string; report: SyncReport }[];
  /** Courses in the database whose folder is gone, retired by this sync, with how many rows that retired and what learners lose. */
  retiredCourses: { id: string; retired: number; warnings: string[] }[];
};

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type Place = { file: string; field: string };
type Question = LoadedCourse["moduleFiles"][number]["quizFiles"][number]["questions"][number];
type Delegate = {
  findUnique(args: unknown): Promise<unknown>;
  findMany(args: unknown): Promise<unknown>;
  create(args: unknown): Promise<unknown>;
  update(args: unknown): Promise<unknown>;
  updateMany(args: unknown): Promise<{ count: number }>;
};

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonical(value)).digest("hex");
}

function differs(existing: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(([key, value]) => {
    const current = existing[key];
    if (current instanceof Date || value instanceof Date) return String(current) !== String(value);
    return canonical(current) !== canonical(value);
  });
}

/** The slug a retired row keeps: unique (ids are), never a file name (those have no "~"), so never in the way. */
function retiredSlug(slug: string, id: string) {
  return slug.includes("~") ? slug : `${slug}~${id}`;
}

// Every sync takes the same lock inside its transaction, so two servers starting at once take turns instead
// of racing to create the same rows; the second then finds everything up to date.
// It then holds every quiz row in id order, as joining a class and changing an assignment take them: a sync updating
// quizzes in the files' order while a student joins would otherwise deadlock with the join (one of them failing).
// NO KEY UPDATE, as the updates themselves take: starting an attempt (a key share) does not wait for the sync.
async function takeSyncLock(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('caravan:content-sync'))`;
  await tx.$executeRaw`SELECT 1 FROM "Quiz" ORDER BY "id" FOR NO KEY UPDATE`;
}

/** Syncs one course in its own transaction. */
export async function syncCourse(db: PrismaClient, course: LoadedCourse): Promise<SyncReport> {
  return db.$transaction(
    async (tx: Tx) => {
      await takeSyncLock(tx);
      return writeCourse(tx, course);
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/**
 * Syncs every course in one transaction (all or nothing) and retires the courses in the database whose folder
 * is gone, except the imported readings, which never have one. An empty list retires nothing: a missing
 * content folder is more likely a mistake than the end of every course.
 */
export async function syncCatalog(db: PrismaClient, courses: LoadedCourse[]): Promise<CatalogSyncReport> {
  const problems = crossCourseProblems(courses).flat();
  if (problems.length > 0) throw new ContentError(problems);
  return db.$transaction(
    async (tx: Tx) => {
      await takeSyncLock(tx);
      const retiredCourses = courses.length === 0 ? [] : await retireAbsentCourses(tx, courses.map((c) => c.id));
      await clearCourseSlugs(tx, courses);
      const reports: CatalogSyncReport["courses"] = [];
      for (const course of courses) reports.push({ id: course.id, report: await writeCourse(tx, course) });
      return { courses: reports, retiredCourses };
    },
    { timeout: 600_000, maxWait: 20_000 },
  );
}

/** Courses giving up a slug another course of the same catalog takes (a swap, a rename) move aside first, whatever the folder order. */
async function clearCourseSlugs(tx: Tx, courses: LoadedCourse[]) {
  const wantedBy = new Map(courses.map((course) => [course.slug, course.id]));
  const holders = await tx.course.findMany({ where: { id: { in: courses.map((c) => c.id) }, slug: { in: [...wantedBy.keys()] } }, select: { id: true, slug: true } });
  for (const holder of holders) {
    if (wantedBy.get(holder.slug) !== holder.id) await tx.course.update({ where: { id: holder.id }, data: { slug: retiredSlug(holder.slug, holder.id) } });
  }
}

async function retireAbsentCourses(tx: Tx, keepIds: string[]) {
  const gone = await tx.course.findMany({ where: { id: { notIn: [...keepIds, IMPORTED_COURSE_ID] }, retiredAt: null }, select: { id: true, slug: true } });
  const retired: CatalogSyncReport["retiredCourses"] = [];
  for (const course of gone) {
    const warnings = await retirementWarnings(tx, course.id, new Map());
    const count = await retireCourseContent(tx, course.id, new Map());
    await tx.course.update({ where: { id: course.id }, data: { retiredAt: new Date(), slug: retiredSlug(course.slug, course.id) } });
    retired.push({ id: course.id, retired: count + 1, warnings });
  }
  return retired;
}

/**
 * Retires the rows of a course whose ids are not kept, with everything under them: a module's lessons, quizzes
 * and debates, a quiz's questions. Learners' rows (attempts, answers, progress, responses, cards) are not touched.
 */
async function retireCourseContent(tx: Tx, courseId: string, keep: Map<ContentKind, string[]>): Promise<number> {
  const now = new Date();
  const notKept = (kind: ContentKind) => ({ id: { notIn: keep.get(kind) ?? [] }, retiredAt: null });
  async function retireWithSlugs(delegate: Delegate, where: Record<string, unknown>) {
    const rows = (await delegate.findMany({ where, select: { id: true, slug: true } })) as { id: string; slug: string }[];
    for (const row of rows) await delegate.update({ where: { id: row.id }, data: { retiredAt: now, slug: retiredSlug(row.slug, row.id) } });
    return rows.length;
  }
  let count = (await tx.source.updateMany({ where: { courseId, ...notKept("source") }, data: { retiredAt: now } })).count;
  count += await retireWithSlugs(tx.module as never, { courseId, ...notKept("module") });
  count += await retireWithSlugs(tx.lesson as never, { module: { courseId }, ...notKept("lesson") });
  count += await retireWithSlugs(tx.quiz as never, { module: { courseId }, ...notKept("quiz") });
  count += await retireWithSlugs(tx.debatePrompt as never, { module: { courseId }, ...notKept("debate") });
  count += (await tx.quizQuestion.updateMany({ where: { quiz: { module: { courseId } }, ...notKept("question") }, data: { retiredAt: now } })).count;
  return count;
}

/** The files whose ids already belong to another course in the database (or to the imported readings). */
async function ownershipProblems(tx: Tx, course: LoadedCourse): Promise<ContentProblem[]> {
  const identities = courseIdentities(course).filter((i) => i.kind !== "course");
  const ids = (kind: ContentKind) => ({ id: { in: identities.filter((i) => i.kind === kind).map((i) => i.id) } });
  const inModule = { select: { id: true, module: { select: { courseId: true } } } } as const;
  // One after another: an interactive transaction runs on one connection.
  const sources = await tx.source.findMany({ where: ids("source"), select: { id: true, courseId: true } });
  const modules = await tx.module.findMany({ where: ids("module"), select: { id: true, courseId: true } });
  const lessons = await tx.lesson.findMany({ where: ids("lesson"), ...inModule });
  const quizzes = await tx.quiz.findMany({ where: ids("quiz"), ...inModule });
  const debates = await tx.debatePrompt.findMany({ where: ids("debate"), ...inModule });
  const questions = await tx.quizQuestion.findMany({ where: ids("question"), select: { id: true, quiz: { select: { module: { select: { courseId: true } } } } } });
  const owner = new Map<string, string>([
    ...sources.map((r) => [`source:${r.id}`, r.courseId] as const),
    ...modules.map((r) => [`module:${r.id}`, r.courseId] as const),
    ...lessons.map((r) => [`lesson:${r.id}`, r.module.courseId] as const),
    ...quizzes.map((r) => [`quiz:${r.id}`, r.module.courseId] as const),
    ...debates.map((r) => [`debate:${r.id}`, r.module.courseId] as const),
    ...questions.map((r) => [`question:${r.id}`, r.quiz.module.courseId] as const),
  ]);
  return identities.flatMap((identity) => {
    const courseId = owner.get(`${identity.kind}:${identity.id}`);
    if (courseId === undefined || courseId === course.id) return [];
    const whose = courseId === IMPORTED_COURSE_ID ? "a reading an instructor imported" : `course "${courseId}"`;
    return [{ file: identity.file, field: identity.field, message: `${identity.kind} id "${identity.id}" already belongs to ${whose} in the database; ids are permanent and unique across all courses, so give this ${identity.kind} a new id` }];
  });
}

function uniqueViolation(error: unknown): string | null {
  if ((error as { code?: string }).code !== "P2002") return null;
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { index?: string; fields?: string[] } } } | undefined)?.cause?.constraint;
  const named = /constraint: `([^`]+)`/.exec((error as Error).message)?.[1];
  return cause?.index ?? named ?? ((cause?.fields ?? (meta.target as string[] | undefined) ?? []).join(", ") || "a unique constraint");
}

async function writeCourse(tx: Tx, course: LoadedCourse): Promise<SyncReport> {
  const report: SyncReport = { created: 0, updated: 0, retired: 0, unchanged: 0, warnings: [] };
  const courseYaml = courseFile(course, "course.yaml");

  const refused = [...reservedProblems(course), ...(await ownershipProblems(tx, course))];
  if (refused.length > 0) throw new ContentError(refused);
  // Checked before anything is written; a refusal throws inside the transaction, so the whole sync rolls back.
  const moves = await moduleMoves(tx, course);
  if (moves.problems.length > 0) throw new ContentError(moves.problems);
  report.warnings.push(...moves.warnings);

  /** Upserts one row by id, writing only when a field differs; `retiredAt: null` revives retired content. */
  async function put(delegate: Delegate, data: { id: string } & Record<string, unknown>, at: { id: Place; slug?: Place }) {
    const wanted = { ...data, retiredAt: null };
    const existing = (await delegate.findUnique({ where: { id: data.id } })) as Record<string, unknown> | null;
    try {
      if (!existing) {
        await delegate.create({ data: wanted });
        report.created++;
      } else if (differs(existing, wanted)) {
        await delegate.update({ where: { id: data.id }, data: wanted });
        report.updated++;
        if (existing.retiredAt) report.warnings.push(`${at.id.file}: "${data.id}" was removed on ${(existing.retiredAt as Date).toISOString().slice(0, 10)} and is back; learners' earlier work on it counts again (new content needs a new id)`);
      } else {
        report.unchanged++;
      }
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === null) throw error;
      const place = at.slug && /slug/i.test(constraint) ? at.slug : at.id;
      throw new ContentError([{ ...place, message: `"${String(place === at.slug ? data.slug : data.id)}" is already taken in the database (${constraint}); rename it` }]);
    }
    return existing;
  }

  /**
   * Moves out of the way the rows under one parent that hold a slug a file wants for another id (a retired row,
   * a row about to be retired, or one half of a swap), so the writes that follow never meet a taken slug.
   */
  async function clearSlugs(delegate: Delegate, parent: Record<string, string>, wanted: { id: string; slug: string }[]) {
    const idFor = new Map(wanted.map((w) => [w.slug, w.id]));
    const holders = (await delegate.findMany({ where: { ...parent, slug: { in: [...idFor.keys()] } }, select: { id: true, slug: true } })) as { id: string; slug: string }[];
    for (const row of holders) {
      if (idFor.get(row.slug) !== row.id) await delegate.update({ where: { id: row.id }, data: { slug: retiredSlug(row.slug, row.id) } });
    }
  }

  // The course slug is unique across courses: a retired course gives it up; a live one keeps it.
  const slugHolder = await tx.course.findFirst({ where: { slug: course.slug, id: { not: course.id } }, select: { id: true, retiredAt: true } });
  if (slugHolder && !slugHolder.retiredAt) {
    throw new ContentError([{ file: courseYaml, field: "slug", message: `course slug "${course.slug}" is used by course "${slugHolder.id}"; course slugs must be unique` }]);
  }
  await clearSlugs(tx.course as never, {}, [{ id: course.id, slug: course.slug }]);
  await put(tx.course as never, { id: course.id, slug: course.slug, title: course.title, summary: course.summary, position: 0 }, { id: { file: courseYaml, field: "id" }, slug: { file: courseYaml, field: "slug" } });

  for (const source of course.sources) {
    await put(
      tx.source as never,
      { id: source.id, courseId: course.id, title: source.title, author: source.author, outlet: source.outlet, published: source.published, kind: source.kind, url: source.url ?? null, sections: source.sections },
      { id: { file: courseFile(course, "sources", `${source.id}.yaml`), field: "id" } },
    );
  }

  await clearSlugs(tx.module as never, { courseId: course.id }, course.moduleFiles);
  // Where each lesson was before this sync, read once: a lesson arriving in a module is new to it (below).
  const lessonIds = course.moduleFiles.flatMap((m) => m.lessonFiles.map((l) => l.id));
  const lessonsBefore = new Map((await tx.lesson.findMany({ where: { id: { in: lessonIds } }, select: { id: true, moduleId: true, retiredAt: true } })).map((l) => [l.id, l]));
  for (const [moduleIndex, mod] of course.moduleFiles.entries()) {
    const dir = ["modules", mod.slug];
    const moduleYaml = courseFile(course, ...dir, "module.yaml");
    await put(
      tx.module as never,
      { id: mod.id, courseId: course.id, slug: mod.slug, title: mod.title, summary: mod.summary, position: moduleIndex },
      { id: { file: moduleYaml, field: "id" }, slug: { file: courseYaml, field: `modules.${moduleIndex}` } },
    );

    await clearSlugs(tx.lesson as never, { moduleId: mod.id }, mod.lessonFiles);
    for (const [index, lesson] of mod.lessonFiles.entries()) {
      const { id, slug, title, summary, body, readingMinutes } = lesson;
      const meta = lessonMeta(lesson, lesson.sections);
      const file = courseFile(course, ...dir, "lessons", `${slug}.md`);
      // A lesson moved into this module, or back after its removal, is new to the module: module assignments already
      // due do not ask for it (lib/domain/gradebook.ts owedLessons), so finished work does not turn into missing work.
      const before = lessonsBefore.get(id);
      const arrives = before !== undefined && (before.moduleId !== mod.id || before.retiredAt !== null);
      if (before && before.moduleId !== mod.id) {
        report.warnings.push(`${file}: lesson "${id}" moved from module "${before.moduleId}" to "${mod.id}": assignments of "${before.moduleId}" no longer count it, and those of "${mod.id}" ask for it only if due after this sync`);
      }
      await put(
        tx.lesson as never,
        { id, moduleId: mod.id, slug, title, summary, position: index, readingMinutes, meta, body, ...(arrives ? { addedAt: new Date() } : {}) },
        { id: { file, field: "id" }, slug: { file: moduleYaml, field: `lessons.${index}` } },
      );
      // What search looks through, rewritten only when it changed.
      await writeLessonSearchParts(tx, id, { title, summary, body, meta });
    }

    await clearSlugs(tx.quiz as never, { moduleId: mod.id }, mod.quizFiles);
    for (const [index, quiz] of mod.quizFiles.entries()) {
      const file = courseFile(course, ...dir, "quizzes", `${quiz.slug}.yaml`);
      const before = (await put(
        tx.quiz as never,
        {
          id: quiz.id,
          moduleId: mod.id,
          lessonId: quiz.lesson ?? null,
          slug: quiz.slug,
          title: quiz.title,
          description: quiz.description,
          position: index,
          maxAttempts: quiz.settings.maxAttempts,
          scorePolicy: quiz.settings.scorePolicy,
          timeLimitMinutes: quiz.settings.timeLimitMinutes,
          passPercent: quiz.settings.passPercent,
          shuffleQuestions: quiz.settings.shuffleQuestions,
          drawCount: quiz.settings.drawCount,
          bankQuizIds: quiz.bankFrom,
        },
        { id: { file, field: "id" }, slug: { file: moduleYaml, field: `quizzes.${index}` } },
      )) as { scorePolicy: string; passPercent: number } | null;
      // Which attempt counts (best or latest) and whether it passes are read when results are shown, so finished
      // work is judged anew: a learner who passed may no longer have.
      const changed = [
        ...(before && before.scorePolicy !== quiz.settings.scorePolicy ? [`scorePolicy changed from ${before.scorePolicy} to ${quiz.settings.scorePolicy}`] : []),
        ...(before && before.passPercent !== quiz.settings.passPercent ? [`passPercent changed from ${before.passPercent} to ${quiz.settings.passPercent}`] : []),
      ];
      if (changed.length > 0) {
        const attempts = await tx.quizAttempt.count({ where: { quizId: quiz.id, status: "SUBMITTED", voidedAt: null } });
        if (attempts > 0) {
          report.warnings.push(
            `${file}: quiz "${quiz.id}" ${changed.join(" and ")}; its ${attempts} submitted attempt(s) now count by the new setting in progress, gradebooks and item analysis`,
          );
        }
      }
      for (const [position, question] of quiz.questions.entries()) {
        await syncQuestion(tx, quiz.id, position, question, report, file);
      }
    }

    await clearSlugs(tx.debatePrompt as never, { moduleId: mod.id }, mod.debateFiles);
    for (const [index, debate] of mod.debateFiles.entries()) {
      const { id, slug, title, ...definition } = debate;
      const file = courseFile(course, ...dir, "debates", `${slug}.yaml`);
      const before = (await put(
        tx.debatePrompt as never,
        { id, moduleId: mod.id, slug, title, position: index, definition },
        { id: { file, field: "id" }, slug: { file: moduleYaml, field: `debates.${index}` } },
      )) as { definition: { rubric?: unknown; positions?: { id: string }[] } } | null;
      if (before && rubricChanged(storedRubric(before.definition.rubric), debate.rubric)) {
        const graded = await tx.debateGrade.count({ where: { response: { promptId: id } } });
        if (graded > 0) report.warnings.push(`${file}: debate "${id}" has a new rubric; its ${graded} graded response(s) keep the criteria they were graded on until an instructor grades them again`);
      }
      // Responses keep the position they took; one no longer offered reads as such (lib/domain/rubric.ts positionLabel).
      // Told once, at the sync that drops it.
      const dropped = (before?.definition.positions ?? []).map((p) => p.id).filter((p) => !debate.positions.some((kept) => kept.id === p));
      if (dropped.length > 0) {
        const took = await tx.debateResponse.groupBy({ by: ["position"], where: { promptId: id, status: "SUBMITTED", position: { in: dropped } }, _count: true });
        for (const { position, _count } of took) {
          report.warnings.push(`${file}: debate "${id}" no longer offers position "${position}", which ${_count} submitted response(s) took; they show it as a position no longer offered (keep its id to keep its label)`);
        }
      }
    }
  }

  // Retired last, across the whole course, so content that moved (a lesson to another module, a question to
  // another quiz) is never retired on the way; what a removed module or quiz held goes with it.
  const keep = new Map<ContentKind, string[]>();
  for (const identity of courseIdentities(course)) keep.set(identity.kind, [...(keep.get(identity.kind) ?? []), identity.id]);
  report.warnings.push(...(await retirementWarnings(tx, course.id, keep)));
  report.retired += await retireCourseContent(tx, course.id, keep);
  return report;
}

/**
 * Quizzes and debate prompts whose file moved to another module of the course (same id). A module assignment covers
 * them through their module (held-back answers in lib/server/answer-release.ts, due time, late policy and attempt
 * limit in lib/server/assignment-rules.ts, who reviews and grades a debate in lib/server/debate-review-service.ts), so
 * a move would silently take them out of every assignment of the module they leave. The rule: a move is refused
 * while any class that is not archived has a MODULE assignment of the module left (whatever its dates: past its due
 * time it still decides late work, counting and grading); otherwise it is made, with a warning. Retired rows count
 * too: a module assignment still holds back the answers of a retired quiz.
 */
async function moduleMoves(tx: Tx, course: LoadedCourse): Promise<{ problems: ContentProblem[]; warnings: string[] }> {
  const wanted = course.moduleFiles.flatMap((mod) => [
    ...mod.quizFiles.map((q) => ({ kind: "quiz" as const, id: q.id, moduleId: mod.id, file: courseFile(course, "modules", mod.slug, "quizzes", `${q.slug}.yaml`) })),
    ...mod.debateFiles.map((d) => ({ kind: "debate" as const, id: d.id, moduleId: mod.id, file: courseFile(course, "modules", mod.slug, "debates", `${d.slug}.yaml`) })),
  ]);
  const ids = (kind: "quiz" | "debate") => wanted.filter((w) => w.kind === kind).map((w) => w.id);
  const inCourse = { module: { courseId: course.id } };
  // One after another: the transaction has one connection.
  const quizzes = await tx.quiz.findMany({ where: { id: { in: ids("quiz") }, ...inCourse }, select: { id: true, moduleId: true } });
  const debates = await tx.debatePrompt.findMany({ where: { id: { in: ids("debate") }, ...inCourse }, select: { id: true, moduleId: true } });
  const before = new Map([...quizzes.map((q) => [`quiz:${q.id}`, q.moduleId] as const), ...debates.map((d) => [`debate:${d.id}`, d.moduleId] as const)]);
  const moved = wanted.flatMap((w) => {
    const from = before.get(`${w.kind}:${w.id}`);
    return from !== undefined && from !== w.moduleId ? [{ ...w, from }] : [];
  });
  if (moved.length === 0) return { problems: [], warnings: [] };

  const assignments = await tx.assignment.findMany({
    where: { kind: "MODULE", moduleId: { in: [...new Set(moved.map((m) => m.from))] } },
    select: { moduleId: true, class: { select: { name: true, term: true, archivedAt: true } } },
    orderBy: [{ class: { name: "asc" } }, { class: { term: "asc" } }],
  });
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  for (const item of moved) {
    const ofModule = assignments.filter((a) => a.moduleId === item.from);
    const live = ofModule.filter((a) => a.class.archivedAt === null);
    const archived = ofModule.length - live.length;
    const governs = item.kind === "quiz"
      ? "its due time, late policy, attempt limit and held-back answers"
      : "its due time and late policy, and which instructors review and grade its responses";
    if (live.length > 0) {
      const named = live.slice(0, 3).map((a) => `"${a.class.name}" (${a.class.term})`).join(", ") + (live.length > 3 ? ` and ${live.length - 3} more` : "");
      problems.push({
        file: item.file,
        field: "id",
        message: `${item.kind} "${item.id}" moved from module "${item.from}" to "${item.moduleId}", but module "${item.from}" is assigned in ${live.length} class(es) not archived (${named}), and those assignments set ${governs}; the move would take it out of them. Give the ${item.kind} in its new module a new id (the old one is retired, learners' work kept), or end those assignments first (delete them, or archive those classes)`,
      });
    } else {
      // An archived class's pages (its gradebook, a debate's review page) stop finding it under the module too.
      const archivedNote = archived > 0 ? ` (${archived} of them in archived classes)` : "";
      warnings.push(`${item.file}: ${item.kind} "${item.id}" moved from module "${item.from}" to "${item.moduleId}": assignments of "${item.from}" no longer set ${governs}${archivedNote}; those of "${item.moduleId}" do`);
    }
  }
  return { problems, warnings };
}

/** Per kind of content, the learners' work that stops counting when it is retired, and what the author is told. */
const LEARNER_WORK: { kind: ContentKind; table: string; inCourse: Prisma.Sql; work: Prisma.Sql; lost: (learners: number) => string }[] = [
  {
    kind: "lesson", table: "Lesson", inCourse: Prisma.sql`JOIN "Module" m ON m."id" = x."moduleId"`,
    work: Prisma.sql`JOIN "LessonProgress" w ON w."lessonId" = x."id" AND w."completedAt" IS NOT NULL`,
    lost: (n) => `${n} learner(s) who completed it no longer have it counted in their module`,
  },
  {
    kind: "quiz", table: "Quiz", inCourse: Prisma.sql`JOIN "Module" m ON m."id" = x."moduleId"`,
    work: Prisma.sql`JOIN "QuizAttempt" w ON w."quizId" = x."id" AND w."status" = 'SUBMITTED' AND w."voidedAt" IS NULL`,
    lost: (n) => `${n} learner(s) with submitted attempts no longer see them in their progress`,
  },
  {
    kind: "debate", table: "DebatePrompt", inCourse: Prisma.sql`JOIN "Module" m ON m."id" = x."moduleId"`,
    work: Prisma.sql`JOIN "DebateResponse" w ON w."promptId" = x."id"`,
    lost: (n) => `${n} learner(s) with a response no longer see it in their progress`,
  },
  {
    kind: "question", table: "QuizQuestion", inCourse: Prisma.sql`JOIN "Quiz" q ON q."id" = x."quizId" JOIN "Module" m ON m."id" = q."moduleId"`,
    work: Prisma.sql`JOIN "ReviewCard" w ON w."questionId" = x."id" AND w."retiredAt" IS NULL`,
    lost: (n) => `it leaves the review deck of ${n} learner(s)`,
  },
];

/**
 * What learners lose sight of when content of a course holding their work is retired (all of it when `keep` is
 * empty). Their rows are kept; the warning says how to bring the content back.
 */
async function retirementWarnings(tx: Tx, courseId: string, keep: Map<ContentKind, string[]>): Promise<string[]> {
  const warnings: string[] = [];
  // One after another: the transaction has one connection.
  for (const { kind, table, inCourse, work, lost } of LEARNER_WORK) {
    const rows = await tx.$queryRaw<{ id: string; learners: number }[]>`
      SELECT x."id", count(DISTINCT w."userId")::int AS "learners" FROM ${Prisma.raw(`"${table}"`)} x ${inCourse} ${work}
      WHERE m."courseId" = ${courseId} AND x."retiredAt" IS NULL AND NOT (x."id" = ANY(${keep.get(kind) ?? []}::text[]))
      GROUP BY x."id" ORDER BY x."id"`;
    for (const row of rows) warnings.push(`${courseId}: ${kind} "${row.id}" is no longer part of the course (removed from the files, or taken off a list); ${lost(row.learners)} (if its id changed, put the old id back to keep it)`);
  }
  return warnings;
}

/** What decides a question's score; an edit elsewhere (a typo in the prompt) leaves it as it was. */
function grading(question: Question): string {
  const key = question.type === "multiple" ? [...question.answers].sort() : answerKey(question);
  return JSON.stringify([question.type, question.points, key, question.type === "short" ? question.accepted : null, question.type === "numeric" ? question.tolerance : null]);
}

/**
 * A question's id is permanent; its content may change (a new version) and it may move to another quiz of the
 * same course. Attempts, answers, flags and review cards point at its versions or its id, never at its quiz, so
 * a move leaves past attempts as they were: their answers stay with the attempts of the old quiz.
 */
async function syncQuestion(tx: Tx, quizId: string, position: number, question: Question, report: SyncReport, file: string) {
  const hash = contentHash(question);
  const existing = await tx.quizQuestion.findUnique({ where: { id: question.id }, include: { versions: { select: { id: true, version: true, contentHash: true, gradingOverride: true, definition: true } } } });
  const sameVersion = existing?.versions.find((v) => v.contentHash === hash);
  let versionNumber = sameVersion?.version;
  if (versionNumber === undefined) {
    versionNumber = (existing?.versions.reduce((max, v) => Math.max(max, v.version), 0) ?? 0) + 1;
    if (!existing) {
      await tx.quizQuestion.create({ data: { id: question.id, quizId, position, currentVersion: versionNumber } });
    }
    await tx.questionVersion.create({
      data: { questionId: question.id, version: versionNumber, contentHash: hash, type: question.type, prompt: question.prompt, points: question.points, definition: question as object },
    });
  }
  if (existing) {
    const at = `${file}: question "${question.id}"`;
    const current = existing.versions.find((v) => v.version === existing.currentVersion);
    if (versionNumber !== existing.currentVersion && current?.gradingOverride) {
      report.warnings.push(`${at} changed, and its new version is graded by its key as written: the regrade of version ${existing.currentVersion} applies to that version's answers only (regrade again if the key is still wrong)`);
    }
    const gradedOtherwise = existing.versions.filter((v) => grading(v.definition as Question) !== grading(question)).map((v) => v.id);
    if (versionNumber !== existing.currentVersion && gradedOtherwise.length > 0) {
      const answered = await tx.quizAttempt.count({ where: { questionVersionIds: { hasSome: gradedOtherwise }, voidedAt: null } });
      if (answered > 0) {
        report.warnings.push(`${at}: its key or points changed, and ${answered} attempt(s) already given an earlier version keep its key and score (open ones too, when submitted); only new attempts are graded by the new key. If the earlier key was wrong, regrade the question from the quiz's page of a class`);
      }
    }
    if (existing.quizId !== quizId && existing.retiredAt === null) {
      report.warnings.push(`${at} moved from quiz "${existing.quizId}" to "${quizId}": whether its answers are held back until a due time now follows the assignments of "${quizId}"`);
    }
    if (existing.retiredAt) {
      report.warnings.push(`${at} was removed on ${existing.retiredAt.toISOString().slice(0, 10)} and is back; learners' review cards and earlier answers on it count again (new content needs a new id)`);
    }
  }
  if (!existing) {
    report.created++;
  } else if (existing.quizId !== quizId || existing.currentVersion !== versionNumber || existing.position !== position || existing.retiredAt !== null) {
    await tx.quizQuestion.update({ where: { id: question.id }, data: { quizId, currentVersion: versionNumber, position, retiredAt: null } });
    report.updated++;
  } else {
    report.unchanged++;
  }
}
