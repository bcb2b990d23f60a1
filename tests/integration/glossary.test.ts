// A course's glossary, read from the lessons in the database: live lessons only, in course order, each term linked to
// its row on the lesson page.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { courseGlossary } from "@/lib/server/catalog";
import { testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

async function addLesson(slug: string, position: number, keyTerms: { term: string; definition: string }[], retired = false) {
  const first = await db.lesson.findUniqueOrThrow({ where: { id: fixture.lessonId } });
  await db.lesson.create({
    data: {
      id: `${fixture.id}-${slug}`, moduleId: first.moduleId, slug, title: `Lesson ${slug}`, summary: "More.", position, readingMinutes: 1, body: "Text.",
      meta: { ...(first.meta as object), keyTerms }, retiredAt: retired ? new Date() : null,
    },
  });
}

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
  const first = await db.lesson.findUniqueOrThrow({ where: { id: fixture.lessonId } });
  await db.lesson.update({ where: { id: fixture.lessonId }, data: { meta: { ...(first.meta as object), keyTerms: [{ term: "Trijunction", definition: "Where three borders meet." }, { term: "Grant aid", definition: "Aid not repaid." }] } } });
  await addLesson("two", 2, [{ term: "trijunction", definition: "A point shared by three states." }, { term: "Yen loan", definition: "Lending in yen." }]);
  await addLesson("gone", 3, [{ term: "Withdrawn term", definition: "Only in a retired lesson." }], true);
});

describe("courseGlossary", () => {
  it("lists the key terms of the live lessons alphabetically, each lesson's own definition linked to its row", async () => {
    const glossary = await courseGlossary(fixture.id);
    const lessons = `/courses/${fixture.id}/m1/lessons`;
    expect(glossary.lessonCount).toBe(2);
    expect(glossary.sections.map((s) => [s.letter, s.entries.map((e) => e.term)])).toEqual([["G", ["Grant aid"]], ["T", ["Trijunction"]], ["Y", ["Yen loan"]]]);
    expect(glossary.sections[1].entries[0].definitions).toEqual([
      { definition: "Where three borders meet.", lessons: [{ title: "Lesson one", href: `${lessons}/l1#term-trijunction` }] },
      { definition: "A point shared by three states.", lessons: [{ title: "Lesson two", href: `${lessons}/two#term-trijunction` }] },
    ]);
  });

  it("is not found for an unknown or withdrawn course", async () => {
    await expect(courseGlossary("no-such-course")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
