import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createAssignment, createClass, extensionSchema, grantExtension, joinClass, removeMember, setClassArchived } from "@/lib/server/class-service";
import { calendarFeed, calendarFileSchema, calendarTokenOf, newCalendarAddress, stopCalendarFeed } from "@/lib/server/calendar-service";
import { createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;
const origin = "https://caravan.example.edu";

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const terms = (dueAt: string) => ({ opensAt: iso(-60), dueAt, maxAttemptsOverride: null, latePolicy: "REFUSE" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });
const fileOf = (path: string) => path.split("/").pop()!;
/** The feed's events, unfolded: iCalendar wraps lines at 75 octets. */
const eventsOf = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("BEGIN:VEVENT").slice(1);

async function seminar(name: string) {
  const teacher = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(teacher, { name, term: "Spring", joinCodeDays: null });
  return { teacher, classId, joinCode };
}

describe("calendar feed", () => {
  it("lists a student's assignments in current classes at their own due times, linked to each page", async () => {
    const { teacher, classId, joinCode } = await seminar("Feed seminar");
    const quiz = await createAssignment(teacher, classId, { kind: "QUIZ", targetId: fixture.quizId, ...terms(iso(24 * 60)) });
    await createAssignment(teacher, classId, { kind: "DEBATE", targetId: fixture.debateId, ...terms(iso(48 * 60)) });
    const archived = await seminar("Last term");
    await createAssignment(archived.teacher, archived.classId, { kind: "MODULE", targetId: `${fixture.id}-m1`, ...terms(iso(60)) });
    const left = await seminar("Left class");
    await createAssignment(left.teacher, left.classId, { kind: "MODULE", targetId: `${fixture.id}-m1`, ...terms(iso(60)) });
    const student = await createUser();
    for (const code of [joinCode, archived.joinCode, left.joinCode]) await joinClass(student, code);
    await setClassArchived(archived.teacher, archived.classId, true);
    await removeMember(left.teacher, left.classId, student.id);
    const extendedTo = new Date(Date.now() + 72 * 3_600_000);
    extendedTo.setUTCSeconds(0, 0);
    await grantExtension(teacher, classId, extensionSchema.parse({ assignmentId: quiz.id, studentId: student.id, dueAt: extendedTo.toISOString(), reason: "Accommodation." }));

    const { path } = await newCalendarAddress(student);
    expect(calendarFileSchema.safeParse(fileOf(path)).success).toBe(true);
    const ics = await calendarFeed(fileOf(path), origin);
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    const events = eventsOf(ics);
    expect(events).toHaveLength(2);
    const quizEvent = events.find((e) => e.includes("Quiz one"))!;
    expect(quizEvent).toContain(`UID:${quiz.id}@caravan`);
    expect(quizEvent).toContain("SUMMARY:Due: Quiz one (Feed seminar)");
    expect(quizEvent).toContain(`DTSTART:${extendedTo.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
    expect(quizEvent).toContain("your own due time (an extension)");
    expect(quizEvent).toContain(`URL;VALUE=URI:${origin}/courses/${fixture.id}/m1/quizzes/`);
    // Excused, an item is not due: it leaves the feed.
    await db.gradeAdjustment.create({ data: { assignmentId: quiz.id, studentId: student.id, excused: true, setById: teacher.id } });
    expect(eventsOf(await calendarFeed(fileOf(path), origin)).map((e) => e.includes("Quiz one"))).toEqual([false]);
    expect(ics).not.toContain("Last term");
    expect(ics).not.toContain("Left class");
  });

  it("lists an instructor's assignments in their current classes, each linked to where they work on it", async () => {
    const { teacher, classId } = await seminar("Taught seminar");
    await createAssignment(teacher, classId, { kind: "MODULE", targetId: `${fixture.id}-m1`, ...terms(iso(90)) });
    await createAssignment(teacher, classId, { kind: "QUIZ", targetId: fixture.quizId, ...terms(iso(91)) });
    await createAssignment(teacher, classId, { kind: "DEBATE", targetId: fixture.debateId, ...terms(iso(92)) });
    const other = await seminar("Someone else's");
    await createAssignment(other.teacher, other.classId, { kind: "QUIZ", targetId: fixture.quizId, ...terms(iso(90)) });
    const ics = await calendarFeed(fileOf((await newCalendarAddress(teacher)).path), origin);
    const events = eventsOf(ics);
    expect(events).toHaveLength(3);
    expect(events.find((e) => e.includes("SUMMARY:Due: Module one (Taught seminar)"))).toContain(`URL;VALUE=URI:${origin}/instructor/classes/${classId}\r\n`);
    expect(events.map((e) => e.match(/URL;VALUE=URI:(\S+)/)?.[1]).sort()).toEqual([
      `${origin}/instructor/classes/${classId}`,
      `${origin}/instructor/classes/${classId}/debates/${fixture.debateId}`,
      `${origin}/instructor/classes/${classId}/quizzes/${fixture.quizId}`,
    ]);
  });

  it("a new address replaces the old one, and a feed turned off is not found", async () => {
    const student = await createUser();
    const first = fileOf((await newCalendarAddress(student)).path);
    expect(await calendarFeed(first, origin)).toContain("BEGIN:VCALENDAR");
    // The id stored with the account opens nothing without its HMAC, which is not stored.
    const stored = (await calendarTokenOf(student.id))!;
    expect(first.startsWith(`${stored}.`)).toBe(true);
    expect(await errorOf(calendarFeed(`${stored}.${"A".repeat(43)}.ics`, origin))).toMatchObject({ code: "NOT_FOUND" });
    const second = fileOf((await newCalendarAddress(student)).path);
    expect(second).not.toBe(first);
    expect(await errorOf(calendarFeed(first, origin))).toMatchObject({ code: "NOT_FOUND" });
    expect(eventsOf(await calendarFeed(second, origin))).toEqual([]);
    await stopCalendarFeed(student);
    expect(await calendarTokenOf(student.id)).toBeNull();
    expect(await errorOf(calendarFeed(second, origin))).toMatchObject({ code: "NOT_FOUND" });
  });
});
