// Search looks through stored parts (LessonSearchPart), written with the lesson by the content sync and by publishing
// an imported reading, rewritten only when they change, and filled in for lessons that have none; it reads no body.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createImportDraft, IMPORTED_COURSE, publishImportDraft, withdrawImportedReading } from "@/lib/server/import-service";
import { writeMissingSearchParts } from "@/lib/server/lesson-search-parts";
import { searchCourse } from "@/lib/server/search-service";
import { createUser, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;
const lessonFile = () => path.join(fixture.dir, "modules", "m1", "lessons", "l1.md");
const editLesson = (change: (text: string) => string) => writeFileSync(lessonFile(), change(readFileSync(lessonFile(), "utf8")));
const resync = () => syncCourse(db, loadCourse(fixture.dir));
const found = async (query: string) => (await searchCourse(fixture.id, query)).results.map((r) => r.anchor ?? "opening");
const stored = () => db.lessonSearchPart.findMany({ where: { lessonId: fixture.lessonId }, orderBy: { position: "asc" }, select: { position: true, sectionTitle: true, anchor: true, text: true } });
/** The row versions of the lesson's parts: unchanged when nothing rewrote them. */
const rowVersions = async () => (await db.$queryRaw<{ v: string }[]>`SELECT xmin::text AS v FROM "LessonSearchPart" WHERE "lessonId" = ${fixture.lessonId} ORDER BY "position"`).map((r) => r.v);
const partsHash = async () => (await db.lesson.findUniqueOrThrow({ where: { id: fixture.lessonId }, select: { searchPartsHash: true } })).searchPartsHash;

beforeEach(async () => {
  fixture = writeFixtureCourse();
  await resync();
});

describe("stored search parts", () => {
  it("the sync writes a lesson's parts with it, as the reader splits it; a re-sync of the same files rewrites none", async () => {
    expect(await stored()).toEqual([
      { position: 0, sectionTitle: null, anchor: null, text: "Lesson one\nA lesson.\nKnow things.\nIntro.\n" },
      { position: 1, sectionTitle: "First section", anchor: "first-section", text: "First section\n\nBody text." },
    ]);
    const versions = await rowVersions();
    const hash = await partsHash();
    expect(hash).not.toBeNull();
    await resync();
    expect(await rowVersions()).toEqual(versions);
    expect(await partsHash()).toBe(hash);
  });

  it("search reads the stored parts, not the lesson's body", async () => {
    await db.$executeRaw`UPDATE "LessonSearchPart" SET "text" = 'First section' || chr(10) || 'Caravanserais lined the road.' WHERE "lessonId" = ${fixture.lessonId} AND "position" = 1`;
    expect(await found("caravanserai")).toEqual(["first-section"]);
    expect(await found("body")).toEqual([]);
  });

  it("a lesson file changed and synced again replaces its parts: its new words are found, its old ones not", async () => {
    editLesson((text) => text.replace("Intro.", "Preface.").replace("Body text.", "Orchards of the Zarafshan valley.\n\n## Water rights\n\nIrrigation quotas were disputed."));
    expect(await found("intro")).toEqual(["opening"]);
    await resync();
    expect(await found("intro")).toEqual([]);
    expect(await found("preface")).toEqual(["opening"]);
    expect(await found("Zarafshan")).toEqual(["first-section"]);
    expect(await found("irrigation dispute")).toEqual(["water-rights"]);
    expect((await stored()).map((p) => p.anchor)).toEqual([null, "first-section", "water-rights"]);
    // A new title alone rewrites the opening part.
    editLesson((text) => text.replace("title: Lesson one", "title: Lesson uno"));
    await resync();
    expect(await found("uno")).toEqual(["opening"]);
  });

  it("a lesson's text written any other way is searched as written: its parts are written again before the search", async () => {
    await db.$executeRaw`UPDATE "Lesson" SET "position" = 0, "readingMinutes" = 7 WHERE "id" = ${fixture.lessonId}`;
    expect(await partsHash()).not.toBeNull();
    await db.$executeRaw`UPDATE "Lesson" SET "body" = 'Opening.' || chr(10) || chr(10) || '## Steppe' || chr(10) || chr(10) || 'Nomads moved with the seasons.' WHERE "id" = ${fixture.lessonId}`;
    expect(await partsHash()).toBeNull();
    expect(await found("nomad")).toEqual(["steppe"]);
    expect(await found("body")).toEqual([]);
    expect(await partsHash()).not.toBeNull();
  });

  it("a lesson with no parts (from before they were stored) gets them at start, or else at the first search", async () => {
    const forget = () => db.$transaction([
      db.lessonSearchPart.deleteMany({ where: { lessonId: fixture.lessonId } }),
      db.lesson.update({ where: { id: fixture.lessonId }, data: { searchPartsHash: null } }),
    ]);
    await forget();
    expect(await writeMissingSearchParts(db, fixture.id)).toBe(1);
    expect(await stored()).toHaveLength(2);
    expect(await writeMissingSearchParts(db, fixture.id)).toBe(0);
    await forget();
    expect(await found("body")).toEqual(["first-section"]);
    expect(await stored()).toHaveLength(2);
  });

  it("retired lessons, modules and courses are not searched; their parts stay for when they come back", async () => {
    for (const table of ["Lesson", "Module", "Course"] as const) {
      const id = { Lesson: fixture.lessonId, Module: `${fixture.id}-m1`, Course: fixture.id }[table];
      await db.$executeRawUnsafe(`UPDATE "${table}" SET "retiredAt" = now() WHERE "id" = $1`, id);
      expect(await found("body")).toEqual([]);
      expect(await searchCourse(null, "body")).toMatchObject({ results: expect.not.arrayContaining([expect.objectContaining({ courseSlug: fixture.id })]) });
      await db.$executeRawUnsafe(`UPDATE "${table}" SET "retiredAt" = NULL WHERE "id" = $1`, id);
      expect(await found("body")).toEqual(["first-section"]);
    }
  });

  it("publishing an imported reading writes its parts in the same transaction; withdrawing it takes it out of search", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const text = [
      "Caravans of the Kyzylkum",
      "",
      "Salt traders crossed the Kyzylkum desert each spring, resting at wells the villages kept open for them.",
      "",
      "Wells and tolls",
      "",
      "The khanate charged a toll at every well, and the traders paid it in salt, felt and silver coins from Bukhara.",
    ].join("\n");
    const { id: draftId } = await createImportDraft(teacher, { fileName: "kyzylkum.txt", text });
    const search = async (query: string) => (await searchCourse(IMPORTED_COURSE.slug, query)).results.filter((r) => r.lessonTitle === "Caravans of the Kyzylkum");
    expect(await search("Kyzylkum tolls")).toEqual([]);
    const { lessonId } = await publishImportDraft(teacher, draftId);
    // Written by the publish itself, not later by a search.
    expect(await db.lessonSearchPart.count({ where: { lessonId } })).toBeGreaterThan(0);
    expect((await db.lesson.findUniqueOrThrow({ where: { id: lessonId }, select: { searchPartsHash: true } })).searchPartsHash).not.toBeNull();
    expect((await search("toll silver")).length).toBeGreaterThan(0);
    expect((await search("toll silver"))[0].snippet).toMatch(/silver/);
    await withdrawImportedReading(teacher, draftId);
    expect(await search("toll silver")).toEqual([]);
  });
});
