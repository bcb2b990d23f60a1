import { describe, expect, it } from "vitest";
import { createClass, joinClass, removeMember, setClassArchived } from "@/lib/server/class-service";
import {
  announcementChangeSchema, announcementSchema, classAnnouncementsForInstructor, deleteAnnouncement, postAnnouncement, studentClassAnnouncements, unreadAnnouncementCounts, updateAnnouncement,
} from "@/lib/server/announcement-service";
import { exportAccountData } from "@/lib/server/account-export";
import { createUser, errorOf, testDb } from "../support/fixtures";

const db = testDb();

async function classWithStudents() {
  const teacher = await createUser("INSTRUCTOR");
  const student = await createUser();
  const classmate = await createUser();
  const { id: classId, joinCode } = await createClass(teacher, { name: `Announcements ${Math.random()}`, term: "T", joinCodeDays: null });
  await joinClass(student, joinCode);
  await joinClass(classmate, joinCode);
  return { teacher, student, classmate, classId };
}

describe("class announcements", () => {
  it("the instructor posts; a student sees them newest first, new until shown once, then read", async () => {
    const { teacher, student, classmate, classId } = await classWithStudents();
    const first = await postAnnouncement(teacher, classId, announcementSchema.parse({ title: "Read lesson 3", body: "Before **Tuesday**." }));
    const second = await postAnnouncement(teacher, classId, announcementSchema.parse({ title: " Quiz 2 now due Friday ", body: "Friday 23:59." }));
    expect(second.title).toBe("Quiz 2 now due Friday");
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBe(2);

    const seen = await studentClassAnnouncements(student, classId);
    expect(seen.announcements.map((a) => [a.id, a.unread])).toEqual([[second.id, true], [first.id, true]]);
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBeUndefined();
    expect((await studentClassAnnouncements(student, classId)).announcements.every((a) => !a.unread)).toBe(true);
    // Read state is the student's own.
    expect((await unreadAnnouncementCounts(classmate)).get(classId)).toBe(2);

    const third = await postAnnouncement(teacher, classId, announcementSchema.parse({ title: "One more", body: "Text." }));
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBe(1);
    const listed = await classAnnouncementsForInstructor(teacher, classId);
    expect(listed.announcements.map((a) => [a.id, a._count.reads])).toEqual([[third.id, 0], [second.id, 1], [first.id, 1]]);
  });

  it("lists ten to a page, newest first; a page marks only its own read, and says how many new ones the others hold", async () => {
    const { teacher, student, classId } = await classWithStudents();
    const posted = [];
    for (let i = 1; i <= 12; i++) posted.push(await postAnnouncement(teacher, classId, announcementSchema.parse({ title: `Notice ${i}`, body: "Text." })));
    const newestFirst = posted.map((a) => a.id).reverse();

    const first = await studentClassAnnouncements(student, classId);
    expect(first.announcements.map((a) => a.id)).toEqual(newestFirst.slice(0, 10));
    expect(first.paging).toMatchObject({ page: 1, pages: 2, total: 12, first: 1, last: 10 });
    expect(first.unreadElsewhere).toBe(2);
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBe(2);

    // A page past the end (an old link) shows the last page.
    const second = await studentClassAnnouncements(student, classId, { page: 9 });
    expect(second.paging.page).toBe(2);
    expect(second.announcements.map((a) => [a.id, a.unread])).toEqual(newestFirst.slice(10).map((id) => [id, true]));
    expect(second.unreadElsewhere).toBe(0);
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBeUndefined();

    const instructorPage = await classAnnouncementsForInstructor(teacher, classId, { page: 2 });
    expect(instructorPage.announcements.map((a) => a.id)).toEqual(newestFirst.slice(10));
    expect(instructorPage.paging).toMatchObject({ page: 2, pages: 2, total: 12 });
  });

  it("refuses a title out of 1–120 characters or an empty body (invisible characters alone count as empty), by field", () => {
    const refused = (input: unknown) => announcementSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(refused({ title: "   ", body: "x" })).toEqual(["title"]);
    expect(refused({ title: "x".repeat(121), body: "x" })).toEqual(["title"]);
    expect(refused({ title: "x".repeat(120), body: " " })).toEqual(["body"]);
    // Only invisible characters (a zero-width space, a word joiner): blank on the page, refused as empty, once.
    expect(refused({ title: "\u200b\u2060", body: "x" })).toEqual(["title"]);
    expect(refused({ title: "x", body: "\u200b" })).toEqual(["body"]);
    expect(refused({ title: "🇯🇵", body: "📚" })).toBeUndefined();
    expect(refused({ title: "x", body: "x", classId: "forged" })?.length).toBe(1);
  });

  it("only the class's instructor posts, edits or deletes; others find no class", async () => {
    const { teacher, student, classId } = await classWithStudents();
    const other = await createUser("INSTRUCTOR");
    const posted = await postAnnouncement(teacher, classId, { title: "Mine", body: "Text" });
    for (const intruder of [other, student]) {
      expect((await errorOf(postAnnouncement(intruder, classId, { title: "No", body: "No" }))).code).toBe("NOT_FOUND");
      expect((await errorOf(updateAnnouncement(intruder, classId, posted.id, { title: "No", body: "No" }))).code).toBe("NOT_FOUND");
      expect((await errorOf(deleteAnnouncement(intruder, classId, posted.id))).code).toBe("NOT_FOUND");
      expect((await errorOf(classAnnouncementsForInstructor(intruder, classId))).code).toBe("NOT_FOUND");
    }
    // An announcement of another of the instructor's classes is not this class's.
    const { id: otherClass } = await createClass(teacher, { name: `Other ${Math.random()}`, term: "T", joinCodeDays: null });
    expect((await errorOf(updateAnnouncement(teacher, otherClass, posted.id, { title: "No", body: "No" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(deleteAnnouncement(teacher, otherClass, posted.id))).code).toBe("NOT_FOUND");
    expect(await db.classAnnouncement.findUniqueOrThrow({ where: { id: posted.id }, select: { title: true } })).toEqual({ title: "Mine" });
  });

  it("an edit replaces the text; one from a page showing an older text is refused (409) and changes nothing", async () => {
    const { teacher, student, classId } = await classWithStudents();
    const posted = await postAnnouncement(teacher, classId, { title: "Draft", body: "Old" });
    await studentClassAnnouncements(student, classId);
    const edited = await updateAnnouncement(teacher, classId, posted.id, announcementChangeSchema.parse({ title: "Final", body: "New", replacing: { title: "Draft", body: "Old" } }));
    expect(edited).toMatchObject({ title: "Final", body: "New" });
    const stale = await errorOf(updateAnnouncement(teacher, classId, posted.id, { title: "Other", body: "Other", replacing: { title: "Draft", body: "Old" } }));
    expect(stale.code).toBe("CONFLICT");
    expect(await db.classAnnouncement.findUniqueOrThrow({ where: { id: posted.id }, select: { title: true, body: true } })).toEqual({ title: "Final", body: "New" });

    await deleteAnnouncement(teacher, classId, posted.id);
    expect(await db.classAnnouncementRead.count({ where: { announcementId: posted.id } })).toBe(0);
    expect((await studentClassAnnouncements(student, classId)).announcements).toEqual([]);
    expect((await errorOf(deleteAnnouncement(teacher, classId, posted.id))).code).toBe("NOT_FOUND");
  });

  it("a post sent again with its request id makes one announcement; the id with another text is refused (409)", async () => {
    const { teacher, classId } = await classWithStudents();
    const requestId = crypto.randomUUID();
    const form = announcementSchema.parse({ title: "Quiz 2 moved", body: "Now on Friday.", requestId });
    const first = await postAnnouncement(teacher, classId, form);
    expect(await postAnnouncement(teacher, classId, form)).toEqual(first);
    // Sent twice at once (a double tap): one of them posts it, the other finds it.
    const [a, b] = await Promise.all([postAnnouncement(teacher, classId, { ...form, requestId: crypto.randomUUID() }), postAnnouncement(teacher, classId, form)].map((p) => p.then((x) => x.id)));
    expect(b).toBe(first.id);
    const racedId = crypto.randomUUID();
    const raced = await Promise.all([1, 2, 3].map(() => postAnnouncement(teacher, classId, { ...form, requestId: racedId })));
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect((await errorOf(postAnnouncement(teacher, classId, { ...form, body: "Another text." }))).code).toBe("CONFLICT");
    expect(await db.classAnnouncement.count({ where: { classId } })).toBe(3);
    expect(await db.classAnnouncement.findUniqueOrThrow({ where: { id: a }, select: { title: true } })).toEqual({ title: "Quiz 2 moved" });
    // Without a request id (a JSON client that sends none), each post is a new one.
    await postAnnouncement(teacher, classId, { title: "No id", body: "Text" });
    await postAnnouncement(teacher, classId, { title: "No id", body: "Text" });
    expect(await db.classAnnouncement.count({ where: { classId, title: "No id" } })).toBe(2);
  });

  it("a correction sent again, from the page showing the text before it, finds it made and changes nothing", async () => {
    const { teacher, classId } = await classWithStudents();
    const posted = await postAnnouncement(teacher, classId, { title: "Draft", body: "Old" });
    const correction = { title: "Final", body: "New", replacing: { title: "Draft", body: "Old" } };
    const edited = await updateAnnouncement(teacher, classId, posted.id, correction);
    const again = await updateAnnouncement(teacher, classId, posted.id, correction);
    expect(again).toEqual(edited);
    // A scheduled one moved, then the same move sent again; an emptied time sent again once it is posted.
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const waiting = await postAnnouncement(teacher, classId, { title: "Soon", body: "Text", postAt: new Date(Date.now() + 86_400_000).toISOString() });
    const moved = { title: "Soon", body: "Text moved", postAt: later, replacing: { title: "Soon", body: "Text" } };
    expect((await updateAnnouncement(teacher, classId, waiting.id, moved)).postAt.toISOString()).toBe(later);
    expect((await updateAnnouncement(teacher, classId, waiting.id, moved)).postAt.toISOString()).toBe(later);
    const now = { title: "Soon", body: "Now", postAt: "", replacing: { title: "Soon", body: "Text moved" } };
    const postedNow = await updateAnnouncement(teacher, classId, waiting.id, now);
    expect(postedNow.postAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await updateAnnouncement(teacher, classId, waiting.id, now)).toEqual(postedNow);
    // Not the same: still refused, and nothing is replaced.
    expect((await errorOf(updateAnnouncement(teacher, classId, posted.id, { ...correction, body: "Newer" }))).code).toBe("CONFLICT");
    expect((await errorOf(updateAnnouncement(teacher, classId, waiting.id, { ...moved, body: "Now" }))).code).toBe("CONFLICT");
    expect(await db.classAnnouncement.findUniqueOrThrow({ where: { id: posted.id }, select: { title: true, body: true, updatedAt: true } })).toEqual({ title: "Final", body: "New", updatedAt: edited.updatedAt });
  });

  it("a removed student and a stranger find no class; the removed student's unread count goes too", async () => {
    const { teacher, student, classId } = await classWithStudents();
    const stranger = await createUser();
    await postAnnouncement(teacher, classId, { title: "Hello", body: "Text" });
    await removeMember(teacher, classId, student.id);
    expect((await errorOf(studentClassAnnouncements(student, classId))).code).toBe("NOT_FOUND");
    expect((await errorOf(studentClassAnnouncements(stranger, classId))).code).toBe("NOT_FOUND");
    expect((await errorOf(studentClassAnnouncements(teacher, classId))).code).toBe("NOT_FOUND");
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBeUndefined();
  });

  it("an archived class refuses posting, editing and deleting, and its students read its announcements as history", async () => {
    const { teacher, student, classId } = await classWithStudents();
    const posted = await postAnnouncement(teacher, classId, { title: "Last word", body: "Thanks all." });
    await setClassArchived(teacher, classId, true);
    for (const refused of [
      () => postAnnouncement(teacher, classId, { title: "Late", body: "Text" }),
      () => updateAnnouncement(teacher, classId, posted.id, { title: "Late", body: "Text" }),
      () => deleteAnnouncement(teacher, classId, posted.id),
    ]) {
      const error = await errorOf(refused());
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/archived/);
    }
    expect(await db.classAnnouncement.count({ where: { classId } })).toBe(1);
    const history = await studentClassAnnouncements(student, classId);
    expect(history.class.archivedAt).not.toBeNull();
    expect(history.announcements.map((a) => [a.title, a.unread])).toEqual([["Last word", false]]);
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBeUndefined();
    // Reading history writes nothing.
    expect(await db.classAnnouncementRead.count({ where: { announcementId: posted.id } })).toBe(0);
  });

  it("one scheduled for later waits: students neither see nor count it until its time, then it is new, in its place", async () => {
    const { teacher, student, classId } = await classWithStudents();
    const inAnHour = new Date(Date.now() + 3_600_000);
    const scheduled = await postAnnouncement(teacher, classId, announcementSchema.parse({ title: "Quiz 3 opens", body: "At nine.", postAt: inAnHour.toISOString() }));
    const now = await postAnnouncement(teacher, classId, announcementSchema.parse({ title: "Read lesson 4", body: "Today.", postAt: "" }));
    expect(scheduled.postAt).toEqual(inAnHour);
    expect((await unreadAnnouncementCounts(student)).get(classId)).toBe(1);
    expect((await studentClassAnnouncements(student, classId)).announcements.map((a) => a.id)).toEqual([now.id]);
    // The instructor sees it, first (it is the newest to come).
    expect((await classAnnouncementsForInstructor(teacher, classId)).announcements.map((a) => a.id)).toEqual([scheduled.id, now.id]);
    // Read marks are only made for what is shown: none for it.
    expect(await db.classAnnouncementRead.count({ where: { announcementId: scheduled.id } })).toBe(0);

    // Its time comes.
    const later = new Date(inAnHour.getTime() + 1000);
    const shown = await studentClassAnnouncements(student, classId, {}, later);
    expect(shown.announcements.map((a) => [a.id, a.unread])).toEqual([[scheduled.id, true], [now.id, false]]);
  });

  it("refuses a time already past or more than a year ahead, by field, and moves a waiting one's time but not a posted one's", async () => {
    const { teacher, student, classId } = await classWithStudents();
    for (const postAt of [new Date(Date.now() - 3_600_000), new Date(Date.now() + 400 * 86_400_000)]) {
      const error = await errorOf(postAnnouncement(teacher, classId, announcementSchema.parse({ title: "T", body: "B", postAt: postAt.toISOString() })));
      expect(error).toMatchObject({ code: "INVALID", fieldErrors: { postAt: [expect.any(String)] } });
    }
    expect(announcementSchema.safeParse({ title: "T", body: "B", postAt: "tomorrow" }).error?.issues[0].path).toEqual(["postAt"]);
    expect(await db.classAnnouncement.count({ where: { classId } })).toBe(0);

    const waiting = await postAnnouncement(teacher, classId, announcementSchema.parse({ title: "Later", body: "B", postAt: new Date(Date.now() + 86_400_000).toISOString() }));
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    expect((await updateAnnouncement(teacher, classId, waiting.id, announcementChangeSchema.parse({ title: "Later", body: "B", postAt: inTwoDays.toISOString() }))).postAt).toEqual(inTwoDays);
    // Emptied: posted now.
    const postedNow = await updateAnnouncement(teacher, classId, waiting.id, announcementChangeSchema.parse({ title: "Later", body: "B", postAt: "" }));
    expect(postedNow.postAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await studentClassAnnouncements(student, classId)).announcements.map((a) => a.id)).toEqual([waiting.id]);
    // Posted, its time stays: moving it would take it back from students who have read it.
    expect(await errorOf(updateAnnouncement(teacher, classId, waiting.id, announcementChangeSchema.parse({ title: "Later", body: "B", postAt: inTwoDays.toISOString() })))).toMatchObject({ code: "CONFLICT" });
    // A form opened while it waited sends its time back unchanged: the text is saved.
    expect((await updateAnnouncement(teacher, classId, waiting.id, announcementChangeSchema.parse({ title: "Later", body: "Changed.", postAt: postedNow.postAt.toISOString() }))).body).toBe("Changed.");
  });

  it("an archived class's students never see what it had scheduled for after the archiving", async () => {
    const { teacher, student, classId } = await classWithStudents();
    const inAnHour = new Date(Date.now() + 3_600_000);
    await postAnnouncement(teacher, classId, announcementSchema.parse({ title: "Later", body: "B", postAt: inAnHour.toISOString() }));
    await setClassArchived(teacher, classId, true);
    expect((await studentClassAnnouncements(student, classId, {}, new Date(inAnHour.getTime() + 60_000))).announcements).toEqual([]);
  });

  it("the account export holds the announcements an instructor posted and those a student read", async () => {
    const { teacher, student, classId } = await classWithStudents();
    await postAnnouncement(teacher, classId, { title: "Exported", body: "Body text" });
    await studentClassAnnouncements(student, classId);
    const teacherExport = await exportAccountData(teacher.id);
    expect(teacherExport.announcementsPosted).toEqual([expect.objectContaining({ title: "Exported", body: "Body text", term: "T" })]);
    const studentExport = await exportAccountData(student.id);
    expect(studentExport.announcementsRead).toEqual([expect.objectContaining({ announcement: "Exported", term: "T" })]);
    expect("announcementsPosted" in studentExport).toBe(false);
  });
});
