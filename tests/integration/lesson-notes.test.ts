// Private notes on lessons (decision 19): add, edit, delete; one note per request id; other users' notes refused;
// sections checked against the lesson; notes kept through a re-sync that retires their lesson; the export and cascade.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { exportAccountData } from "@/lib/server/account-export";
import type { SessionUser } from "@/lib/server/auth";
import { addNote, addNoteSchema, courseNotes, deleteNote, editNote, editNoteSchema, notesOnLesson } from "@/lib/server/lesson-note-service";
import { createUser, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
afterAll(() => db.$disconnect());
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const sections = [{ anchor: "first-section", title: "First section" }];
const note = (body = "Check the 2015 figures.", section: string | null = null, requestId = randomUUID()) => ({ requestId, lessonId: fixture.lessonId, section, body });
const notesOf = (user: SessionUser) => notesOnLesson(user.id, fixture.lessonId, sections);

describe("lesson notes", () => {
  it("are added, on the whole lesson or a section, edited and deleted by their author", async () => {
    const user = await createUser();
    const whole = await addNote(user, note("On the whole lesson"));
    const onSection = await addNote(user, note("On the first section", "first-section"));
    expect((await notesOf(user)).map((n) => [n.body, n.section])).toEqual([["On the whole lesson", null], ["On the first section", "first-section"]]);

    await editNote(user, { noteId: whole.id, section: "first-section", body: "Moved to the section" });
    expect(await db.lessonNote.findUniqueOrThrow({ where: { id: whole.id } })).toMatchObject({ body: "Moved to the section", section: "first-section" });

    await deleteNote(user, { noteId: onSection.id });
    expect((await notesOf(user)).map((n) => n.id)).toEqual([whole.id]);
    expect(await errorOf(deleteNote(user, { noteId: onSection.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("are written once per request id: a second click or a retry adds no second note; other text with the same id is refused", async () => {
    const user = await createUser();
    const input = note("Once only");
    const [a, b] = await Promise.all([addNote(user, input), addNote(user, input)]);
    const c = await addNote(user, input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await db.lessonNote.count({ where: { userId: user.id } })).toBe(1);
    expect(await errorOf(addNote(user, { ...input, body: "Other text" }))).toMatchObject({ code: "CONFLICT" });
    // The id is the author's own: another user sending it writes their own note.
    const other = await createUser();
    expect((await addNote(other, input)).id).not.toBe(a.id);
  });

  it("are not overwritten unseen: an edit from a page showing an older save is refused, a retry of the same edit is not", async () => {
    const user = await createUser();
    const written = await addNote(user, note("First thought"));
    const shown = (await db.lessonNote.findUniqueOrThrow({ where: { id: written.id } })).updatedAt.toISOString();
    // Edited in another tab, from the same page's save time.
    await editNote(user, editNoteSchema.parse({ noteId: written.id, body: "Edited in the other tab", basedOn: shown }));
    const refused = await errorOf(editNote(user, editNoteSchema.parse({ noteId: written.id, body: "Edited in this tab", basedOn: shown })));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed in another tab/) });
    expect(await db.lessonNote.findUniqueOrThrow({ where: { id: written.id } })).toMatchObject({ body: "Edited in the other tab" });
    // The same edit sent again from the first tab (a second click, a retry) is done, not refused.
    expect(await editNote(user, editNoteSchema.parse({ noteId: written.id, body: "Edited in the other tab", basedOn: shown }))).toMatchObject({ body: "Edited in the other tab" });
    // From the page as it is now, the edit is saved.
    const now = (await db.lessonNote.findUniqueOrThrow({ where: { id: written.id } })).updatedAt.toISOString();
    await editNote(user, editNoteSchema.parse({ noteId: written.id, body: "Edited in this tab", basedOn: now }));
    expect(await db.lessonNote.findUniqueOrThrow({ where: { id: written.id } })).toMatchObject({ body: "Edited in this tab" });
    expect(editNoteSchema.safeParse({ noteId: written.id, body: "x", basedOn: "yesterday" }).success).toBe(false);
  });

  it("of another user are never read, edited or deleted: not found, and nothing changes", async () => {
    const [owner, stranger] = [await createUser(), await createUser()];
    const mine = await addNote(owner, note("Private"));
    expect(await notesOf(stranger)).toEqual([]);
    expect((await courseNotes(stranger.id, fixture.id)).count).toBe(0);
    expect(await errorOf(editNote(stranger, { noteId: mine.id, section: null, body: "Overwritten" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(deleteNote(stranger, { noteId: mine.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.lessonNote.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ body: "Private", userId: owner.id });
  });

  it("refuse a section the lesson does not have, and a lesson that is not there", async () => {
    const user = await createUser();
    const refused = await errorOf(addNote(user, note("Nowhere", "no-such-section")));
    expect(refused).toMatchObject({ code: "INVALID", fieldErrors: { section: [expect.stringContaining("section")] } });
    const written = await addNote(user, note("Here"));
    expect(await errorOf(editNote(user, { noteId: written.id, section: "no-such-section", body: "Here" }))).toMatchObject({ code: "INVALID" });
    expect(await errorOf(addNote(user, { ...note(), lessonId: "no-such-lesson" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.lessonNote.count({ where: { userId: user.id } })).toBe(1);
  });

  it("parse their input: empty, invisible or too long text, a bad id", () => {
    // As a form sends it: "" for the whole lesson.
    const bad = (input: Record<string, unknown>) => !addNoteSchema.safeParse({ ...input, section: input.section ?? "" }).success;
    expect(bad(note(""))).toBe(true);
    expect(bad(note("\u200b\u200b"))).toBe(true);
    expect(bad(note("x".repeat(2001)))).toBe(true);
    expect(bad({ ...note(), requestId: "not-a-uuid" })).toBe(true);
    expect(bad({ ...note(), extra: 1 })).toBe(true);
    // Characters as a reader counts them: 2,000 emoji fit.
    expect(bad(note("🙂".repeat(2000)))).toBe(false);
    expect(addNoteSchema.parse({ ...note("  trimmed  "), section: "" })).toMatchObject({ body: "trimmed", section: null });
    expect(editNoteSchema.safeParse({ noteId: randomUUID(), body: "" }).success).toBe(false);
  });

  it("list on the course's notes page by module and lesson, each lesson's in reading order", async () => {
    const user = await createUser();
    await addNote(user, note("Later, on the section", "first-section"));
    await addNote(user, note("On the whole lesson"));
    const page = await courseNotes(user.id, fixture.id);
    expect(page.count).toBe(2);
    expect(page.modules.map((m) => m.lessons.map((l) => [l.id, l.retired, l.notes.map((n) => n.body)]))).toEqual([[[fixture.lessonId, false, ["On the whole lesson", "Later, on the section"]]]]);
    expect(await errorOf(courseNotes(user.id, "no-such-course"))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("are kept through a content re-sync that retires their lesson, marked as from a lesson no longer offered, and take no more", async () => {
    // A course of its own with a second lesson, which the later sync drops.
    const f = writeFixtureCourse();
    const lessonId = `${f.id}-second`;
    writeFileSync(path.join(f.dir, "modules/m1/lessons/l2.md"), `---\n${YAML.stringify({ id: lessonId, title: "Lesson two", summary: "Another lesson.", objectives: [{ id: "obj-two", text: "Know more.", bloom: "remember" }], citations: [{ source: f.sourceId, sections: ["part-one"] }] })}---\n\nIntro.\n\n## First section\n\nBody text.\n`);
    const moduleFile = (lessons: string[]) => writeFileSync(path.join(f.dir, "modules/m1/module.yaml"), YAML.stringify({ id: `${f.id}-m1`, title: "Module one", summary: "The only module.", lessons, quizzes: ["q1"], debates: ["d1"] }));
    moduleFile(["l1", "l2"]);
    await syncCourse(db, loadCourse(f.dir));
    const user = await createUser();
    const kept = await addNote(user, { requestId: randomUUID(), lessonId, section: "first-section", body: "Keep me" });
    await syncCourse(db, loadCourse(f.dir));
    expect(await db.lessonNote.count({ where: { id: kept.id } })).toBe(1);

    moduleFile(["l1"]);
    await syncCourse(db, loadCourse(f.dir));
    expect((await db.lesson.findUniqueOrThrow({ where: { id: lessonId } })).retiredAt).not.toBeNull();
    expect(await db.lessonNote.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ body: "Keep me" });
    const page = await courseNotes(user.id, f.id);
    expect(page.modules[0].lessons[0]).toMatchObject({ id: lessonId, retired: true, notes: [expect.objectContaining({ body: "Keep me" })] });
    expect(await errorOf(addNote(user, { requestId: randomUUID(), lessonId, section: null, body: "Too late" }))).toMatchObject({ code: "NOT_FOUND" });
    // Still the author's to correct or delete.
    await editNote(user, { noteId: kept.id, section: "first-section", body: "Corrected" });
    expect((await exportAccountData(user.id)).lessonNotes).toEqual([expect.objectContaining({ lessonId, lessonRetired: true, section: "first-section", text: "Corrected" })]);
  });

  it("are in the account export, and go with the account", async () => {
    const user = await createUser();
    await addNote(user, note("Exported", "first-section"));
    expect((await exportAccountData(user.id)).lessonNotes).toEqual([expect.objectContaining({ lessonId: fixture.lessonId, section: "first-section", text: "Exported", lessonRetired: false })]);
    await db.user.delete({ where: { id: user.id } });
    expect(await db.lessonNote.count({ where: { userId: user.id } })).toBe(0);
  });
});
