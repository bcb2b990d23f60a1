import "server-only";
import { cache } from "react";
// Read models for the student pages: catalog, course, module, lesson. Each selects what its page shows.
import type { LessonFrontmatter } from "../content/schema";
import type { LessonSection } from "../content/anchors";
import { glossaryOf } from "../domain/glossary";
import { db } from "./db";
import { notFound } from "./errors";

export type LessonMeta = Pick<LessonFrontmatter, "objectives" | "keyTerms" | "events" | "citations" | "sectionCitations"> & {
  textKind: string | null;
  thesis: string | null;
  sections: LessonSection[];
};

export async function listCourses() {
  return db().course.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, slug: true, title: true, summary: true, _count: { select: { modules: { where: { retiredAt: null } } } } },
  });
}

export const courseBySlug = cache(async function courseBySlug(slug: string) {
  const course = await db().course.findFirst({
    where: { slug, retiredAt: null },
    select: {
      id: true, slug: true, title: true, summary: true,
      sources: { where: { retiredAt: null }, orderBy: { published: "asc" }, select: { id: true, title: true, author: true, outlet: true, published: true, kind: true, url: true } },
      modules: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true, slug: true, title: true, summary: true,
          lessons: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, readingMinutes: true } },
          quizzes: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true } },
          debates: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true } },
        },
      },
    },
  });
  if (!course) throw notFound("That course");
  return course;
});

export async function moduleBySlugs(courseSlug: string, moduleSlug: string) {
  const mod = await db().module.findFirst({
    where: { slug: moduleSlug, retiredAt: null, course: { slug: courseSlug, retiredAt: null } },
    select: {
      id: true, slug: true, title: true, summary: true,
      course: { select: { slug: true, title: true } },
      lessons: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, summary: true, readingMinutes: true } },
      quizzes: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, description: true, lessonId: true, drawCount: true } },
      debates: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true } },
    },
  });
  if (!mod) throw notFound("That module");
  return mod;
}

/** A lesson a learner can open: neither it, its module nor its course retired (a retired one's slug is renamed). */
export const liveLesson = { retiredAt: null, module: { retiredAt: null, course: { retiredAt: null } } } as const;

// Memoised per request: the page and its metadata ask for the same lesson.
export const lessonBySlugs = cache(async function lessonBySlugs(courseSlug: string, moduleSlug: string, lessonSlug: string) {
  const lesson = await db().lesson.findFirst({
    where: { slug: lessonSlug, retiredAt: null, module: { slug: moduleSlug, retiredAt: null, course: { slug: courseSlug, retiredAt: null } } },
    select: {
      id: true, slug: true, title: true, summary: true, readingMinutes: true, meta: true, body: true, position: true, moduleId: true,
      module: {
        select: {
          slug: true, title: true,
          course: { select: { slug: true, title: true, sources: { select: { id: true, title: true, author: true, outlet: true, published: true, kind: true, url: true, sections: true } } } },
          lessons: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { slug: true, title: true } },
          quizzes: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, title: true, lessonId: true } },
        },
      },
    },
  });
  if (!lesson) throw notFound("That lesson");
  return { ...lesson, meta: lesson.meta as unknown as LessonMeta };
});

/** The course's glossary: the key terms of its lessons open to learners, in alphabetical order (`glossaryOf`). */
export async function courseGlossary(courseSlug: string) {
  const course = await db().course.findFirst({
    where: { slug: courseSlug, retiredAt: null },
    select: {
      slug: true, title: true,
      modules: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { slug: true, lessons: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { slug: true, title: true, meta: true } } },
      },
    },
  });
  if (!course) throw notFound("That course");
  const lessons = course.modules.flatMap((m) => m.lessons.map((l) => ({
    title: l.title,
    href: `/courses/${course.slug}/${m.slug}/lessons/${l.slug}`,
    keyTerms: (l.meta as unknown as Partial<LessonMeta>).keyTerms ?? [],
  })));
  return { slug: course.slug, title: course.title, lessonCount: lessons.length, sections: glossaryOf(lessons) };
}

export async function quizBySlugs(courseSlug: string, moduleSlug: string, quizSlug: string) {
  const quiz = await db().quiz.findFirst({
    where: { slug: quizSlug, retiredAt: null, module: { slug: moduleSlug, retiredAt: null, course: { slug: courseSlug, retiredAt: null } } },
    select: { id: true, slug: true, title: true, module: { select: { slug: true, title: true, course: { select: { slug: true, title: true } } } } },
  });
  if (!quiz) throw notFound("That quiz");
  return quiz;
}

/** The lesson, quiz and debate pages link here; formatted once so every page cites the same way. */
export function formatCitation(source: { author: string; outlet: string; published: string; title: string }) {
  return `${source.author}, “${source.title},” ${source.outlet}, ${formatPublished(source.published)}`;
}

/** Author, outlet and date: a source named in a line of its own (a debate's evidence, what a lesson section draws on). */
export function sourceByline(source: { author: string; outlet: string; published: string }) {
  return `${source.author}, ${source.outlet} (${formatPublished(source.published)})`;
}

/** Author and date: enough to tell a course's sources apart where the full citation is listed on the same page. */
export function shortCitation(source: { author: string; published: string }) {
  return `${source.author}, ${formatPublished(source.published)}`;
}

/** A question's source as its key and its feedback cite it: the work, and the section of it the question draws on. */
export function citedSource(source: { author: string; outlet: string; published: string; title: string; sections: unknown } | undefined, sectionId: string | undefined) {
  if (!source) return null;
  const section = (source.sections as { id: string; title: string }[]).find((s) => s.id === sectionId);
  return { citation: formatCitation(source), section: section?.title ?? null };
}

// toLocaleDateString builds an Intl formatter on every call, and a lesson page formats the same few dates
// many times; the answers never change, so they are remembered.
const publishedLabels = new Map<string, string>();

export function formatPublished(published: string): string {
  const known = publishedLabels.get(published);
  if (known !== undefined) return known;
  const [year, month, day] = published.split("-").map(Number);
  const label = !month
    ? String(year)
    : new Date(Date.UTC(year, month - 1, day || 1)).toLocaleDateString("en-GB", { timeZone: "UTC", year: "numeric", month: "long", ...(day ? { day: "numeric" } : {}) });
  if (publishedLabels.size < 10_000) publishedLabels.set(published, label);
  return label;
}
