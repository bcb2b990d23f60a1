// Replies to debate responses: who may reply (the classmates' rule of the debate page), exactly once per request id,
// deleting one's own, the instructor's removal, the export, and a content re-sync keeping them.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createAssignment, createClass, joinClass, removeMember } from "@/lib/server/class-service";
import { submitDebate } from "@/lib/server/debate-service";
import { deleteOwnReply, newRepliesToMine, postReply, removeReply, repliesForStudent, repliesInClass, replySchema, seeRepliesToMine } from "@/lib/server/debate-reply-service";
import { exportAccountData } from "@/lib/server/account-export";
import type { SessionUser } from "@/lib/server/auth";
import { UserError } from "@/lib/server/errors";
import { createUser, debateSubmission, errorOf, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
afterAll(() => db.$disconnect());
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

const window = () => ({ opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), maxAttemptsOverride: null, latePolicy: "ACCEPT" as const, revealAnswers: "AFTER_SUBMIT" as const, weight: 1 });

/** A class setting the debate, with `students` members who have each submitted a response. */
async function classWithResponses(students = 2) {
  const instructor = await createUser("INSTRUCTOR");
  const { id: classId, joinCode } = await createClass(instructor, { name: "Seminar", term: "Spring", joinCodeDays: null });
  await createAssignment(instructor, classId, { kind: "DEBATE", targetId: fixture.debateId, ...window() });
  const members: SessionUser[] = [];
  for (let i = 0; i < students; i++) {
    const student = await createUser();
    await joinClass(student, joinCode);
    await submitDebate(student, debateSubmission(fixture));
    members.push(student);
  }
  return { instructor, classId, joinCode, members };
}

const responseOf = async (student: SessionUser) => (await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: student.id, promptId: fixture.debateId } }, select: { id: true } })).id;
const reply = (text = "I disagree: the second source says otherwise.") => replySchema.parse({ requestId: randomUUID(), text });
const repliesTo = (responseId: string) => db.debateReply.count({ where: { responseId } });

describe("replying to a classmate's response", () => {
  it("is allowed once both have submitted, shows under the response for the classmate and its author, oldest first", async () => {
    const { members: [a, b, c] } = await classWithResponses(3);
    const target = await responseOf(b);
    const first = await postReply(a, target, reply("First reply"));
    const second = await postReply(c, target, reply("Second reply"));
    const own = await postReply(b, target, reply("The author answers"));
    expect(first).toMatchObject({ responseId: target, text: "First reply" });
    for (const viewer of [a, b, c]) {
      const { byResponse } = await repliesForStudent(viewer, fixture.debateId, [target]);
      expect(byResponse.get(target)?.map((r) => r.text)).toEqual(["First reply", "Second reply", "The author answers"]);
    }
    // The author sees them under their own response without it being listed among classmates'.
    const forAuthor = await repliesForStudent(b, fixture.debateId, []);
    expect(forAuthor.ownResponseId).toBe(target);
    expect(forAuthor.byResponse.get(target)?.map((r) => r.id)).toEqual([first.id, second.id, own.id]);
  });

  it("is refused as not found, writing nothing, before the replier submits, to outsiders, removed students and instructors", async () => {
    const { instructor, classId, members: [a, b] } = await classWithResponses(2);
    const target = await responseOf(b);
    const drafter = await createUser();
    const { joinCode } = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
    await joinClass(drafter, joinCode!);
    const stranger = await createUser();
    await submitDebate(stranger, debateSubmission(fixture));
    const otherClass = await classWithResponses(1);
    await removeMember(instructor, classId, a.id);
    for (const who of [drafter, stranger, otherClass.members[0], a, instructor, otherClass.instructor]) {
      const error = await errorOf(postReply(who, target, reply()));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe("NOT_FOUND");
    }
    expect(await errorOf(postReply(b, randomUUID(), reply()))).toMatchObject({ code: "NOT_FOUND" });
    expect(await repliesTo(target)).toBe(0);
  });

  it("shows a reply only to the replier's classmates: one from another class under a shared student's response stays with that class", async () => {
    const x = await classWithResponses(2);
    const y = await classWithResponses(1);
    const [shared, inX] = x.members;
    const [inY] = y.members;
    await joinClass(shared, y.joinCode!);
    const target = await responseOf(shared);
    await postReply(inY, target, reply("From class Y"));
    await postReply(inX, target, reply("From class X"));
    expect((await repliesForStudent(inX, fixture.debateId, [target])).byResponse.get(target)?.map((r) => r.text)).toEqual(["From class X"]);
    expect((await repliesForStudent(shared, fixture.debateId, [])).byResponse.get(target)?.map((r) => r.text)).toEqual(["From class Y", "From class X"]);
    expect((await repliesInClass(x.instructor, x.classId, [target])).get(target)?.map((r) => r.text)).toEqual(["From class X"]);
  });

  it("makes one reply of a retry or a double click, and refuses the same id with other text (409)", async () => {
    const { members: [a, b] } = await classWithResponses(2);
    const target = await responseOf(b);
    const input = reply();
    const results = await Promise.all([postReply(a, target, input), postReply(a, target, input), postReply(a, target, input)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await postReply(a, target, input)).toEqual(results[0]);
    expect(await repliesTo(target)).toBe(1);
    const changed = await errorOf(postReply(a, target, { ...input, text: "Something else" }));
    expect(changed).toMatchObject({ code: "CONFLICT" });
    expect(await db.debateReply.findMany({ where: { responseId: target }, select: { text: true } })).toEqual([{ text: input.text }]);
  });

  it("takes 1–2000 visible characters, trimmed", () => {
    expect(replySchema.parse({ requestId: randomUUID(), text: "  Fair point.  " }).text).toBe("Fair point.");
    for (const text of ["", "   ", "\u200b\u2060", "x".repeat(2001)]) expect(replySchema.safeParse({ requestId: randomUUID(), text }).success).toBe(false);
    // An emoji is one character.
    expect(replySchema.safeParse({ requestId: randomUUID(), text: "🙂".repeat(2000) }).success).toBe(true);
    expect(replySchema.safeParse({ requestId: "not-a-uuid", text: "Fine" }).success).toBe(false);
  });

  it("lets the author delete their own reply, and no one else's", async () => {
    const { members: [a, b] } = await classWithResponses(2);
    const target = await responseOf(b);
    const mine = await postReply(a, target, reply());
    expect(await errorOf(deleteOwnReply(b, mine.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await repliesTo(target)).toBe(1);
    expect(await deleteOwnReply(a, mine.id)).toEqual({ deleted: true });
    expect(await repliesTo(target)).toBe(0);
  });
});

describe("the instructor's removal of a reply", () => {
  it("keeps it with who removed it and when, shows students only that it was removed, and leaves it undeletable", async () => {
    const { instructor, classId, members: [a, b] } = await classWithResponses(2);
    const target = await responseOf(b);
    const posted = await postReply(a, target, reply("Something unkind"));
    const shownToInstructor = await repliesInClass(instructor, classId, [target]);
    expect(shownToInstructor.get(target)?.map((r) => r.text)).toEqual(["Something unkind"]);

    const result = await removeReply(instructor, classId, posted.id);
    expect(result.removed).toBe(true);
    const row = await db.debateReply.findUniqueOrThrow({ where: { id: posted.id } });
    expect(row).toMatchObject({ text: "Something unkind", removedById: instructor.id });
    expect(row.removedAt).not.toBeNull();
    for (const viewer of [a, b]) {
      const [shown] = (await repliesForStudent(viewer, fixture.debateId, [target])).byResponse.get(target)!;
      expect(shown).toMatchObject({ removed: true, text: null });
    }
    expect((await repliesInClass(instructor, classId, [target])).get(target)?.[0]).toMatchObject({ removed: true, text: "Something unkind", removedByName: instructor.name });
    expect(await errorOf(deleteOwnReply(a, posted.id))).toMatchObject({ code: "CONFLICT" });
    // Removing it again changes nothing.
    expect((await removeReply(instructor, classId, posted.id)).removedAt).toBe(row.removedAt!.toISOString());
  });

  it("is not found for another class's instructor, and for a class not setting the prompt; nothing is written", async () => {
    const { classId, members: [a, b] } = await classWithResponses(2);
    const posted = await postReply(a, await responseOf(b), reply());
    const other = await classWithResponses(0);
    expect(await errorOf(removeReply(other.instructor, classId, posted.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(removeReply(other.instructor, other.classId, posted.id))).toMatchObject({ code: "NOT_FOUND" });
    expect((await repliesInClass(other.instructor, classId, [posted.responseId])).size).toBe(0);
    // The same students in a class of another instructor that does not set the prompt.
    const unrelated = await createUser("INSTRUCTOR");
    const { id: plainClass, joinCode } = await createClass(unrelated, { name: "Other", term: "Spring", joinCodeDays: null });
    for (const s of [a, b]) await joinClass(s, joinCode);
    expect(await errorOf(removeReply(unrelated, plainClass, posted.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(removeReply(a, classId, posted.id))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.debateReply.findUniqueOrThrow({ where: { id: posted.id } })).removedAt).toBeNull();
  });
});

describe("replies kept and exported", () => {
  it("are in the author's account export", async () => {
    const { members: [a, b] } = await classWithResponses(2);
    await postReply(a, await responseOf(b), reply("Exported reply"));
    const data = await exportAccountData(a.id);
    expect(data.debateReplies).toEqual([expect.objectContaining({ promptId: fixture.debateId, replyTo: b.name, text: "Exported reply", removedByInstructorAt: null })]);
  });

  it("survive a content re-sync, also one that withdraws the prompt, which then takes no more", async () => {
    const { members: [a, b] } = await classWithResponses(2);
    const target = await responseOf(b);
    await postReply(a, target, reply("Kept through syncs"));
    await syncCourse(db, loadCourse(fixture.dir));
    expect(await repliesTo(target)).toBe(1);

    // A course of its own, whose debate the next sync withdraws.
    const f = writeFixtureCourse();
    await syncCourse(db, loadCourse(f.dir));
    const instructor = await createUser("INSTRUCTOR");
    const { id: classId, joinCode } = await createClass(instructor, { name: "Seminar", term: "Spring", joinCodeDays: null });
    await createAssignment(instructor, classId, { kind: "DEBATE", targetId: f.debateId, ...window() });
    const [x, y] = [await createUser(), await createUser()];
    for (const s of [x, y]) {
      await joinClass(s, joinCode);
      await submitDebate(s, debateSubmission(f));
    }
    const responseId = (await db.debateResponse.findUniqueOrThrow({ where: { userId_promptId: { userId: y.id, promptId: f.debateId } }, select: { id: true } })).id;
    const posted = await postReply(x, responseId, reply());
    writeFileSync(path.join(f.dir, "modules/m1/module.yaml"), YAML.stringify({ id: `${f.id}-m1`, title: "Module one", summary: "The only module.", lessons: ["l1"], quizzes: ["q1"], debates: [] }));
    await syncCourse(db, loadCourse(f.dir));
    expect((await db.debatePrompt.findUniqueOrThrow({ where: { id: f.debateId } })).retiredAt).not.toBeNull();
    expect(await db.debateReply.count({ where: { id: posted.id } })).toBe(1);
    expect(await errorOf(postReply(x, responseId, reply()))).toMatchObject({ code: "NOT_FOUND" });
    expect(await repliesTo(responseId)).toBe(1);
  });
});

describe("new replies to the student's own response", () => {
  it("counts classmates' replies not yet seen, not the author's own nor removed ones, until the debate page shows them", async () => {
    const { instructor, classId, members: [a, b, c] } = await classWithResponses(3);
    const mine = await responseOf(a);
    await postReply(a, mine, reply("The author writes first"));
    const fromB = await postReply(b, mine, reply("From b"));
    const fromC = await postReply(c, mine, reply("From c"));
    await removeReply(instructor, classId, fromC.id);
    expect((await exportAccountData(a.id)).debates).toEqual([expect.objectContaining({ repliesSeenUpTo: null })]);
    expect(await newRepliesToMine(a)).toEqual([{ responseId: mine, title: "Debate one", href: `/courses/${fixture.id}/m1/debates/d1#replies-to-mine-heading`, count: 1 }]);
    // Nothing new for b: no one replied to b.
    expect(await newRepliesToMine(b)).toEqual([]);

    // The page shows the replies; what it returns is how far they had been seen before (never), and they are seen now.
    const shown = (await repliesForStudent(a, fixture.debateId, [])).byResponse.get(mine)!;
    expect(await seeRepliesToMine(a, mine, shown)).toBeNull();
    expect(await newRepliesToMine(a)).toEqual([]);
    // Up to the latest classmate's reply the page showed (one removed shows as removed).
    const latest = fromB.createdAt.getTime() > fromC.createdAt.getTime() ? fromB.createdAt : fromC.createdAt;
    expect(await seeRepliesToMine(a, mine, shown)).toEqual(latest);
    expect((await exportAccountData(a.id)).debates).toEqual([expect.objectContaining({ repliesSeenUpTo: latest })]);
    // A later reply is new again, and only that one.
    await postReply(c, mine, reply("A second thought"));
    expect((await newRepliesToMine(a)).map((r) => r.count)).toEqual([1]);
  });

  it("never marks another student's replies seen, and never moves back when an older page is shown", async () => {
    const { members: [a, b] } = await classWithResponses(2);
    const mine = await responseOf(a);
    await postReply(b, mine, reply("Early"));
    const early = (await repliesForStudent(a, fixture.debateId, [])).byResponse.get(mine)!;
    await postReply(b, mine, reply("Late"));
    const both = (await repliesForStudent(a, fixture.debateId, [])).byResponse.get(mine)!;
    // b, who cannot own a's response, writes nothing.
    expect(await seeRepliesToMine(b, mine, both)).toBeNull();
    expect(await db.debateReplySeen.count({ where: { responseId: mine } })).toBe(0);
    await seeRepliesToMine(a, mine, both);
    await seeRepliesToMine(a, mine, early);
    expect((await db.debateReplySeen.findUniqueOrThrow({ where: { responseId: mine } })).seenUpTo).toEqual(both.at(-1)!.createdAt);
    expect(await newRepliesToMine(a)).toEqual([]);
  });

  it("leaves out replies from a student no longer a classmate, and says nothing to an instructor", async () => {
    const { instructor, classId, members: [a, b] } = await classWithResponses(2);
    const mine = await responseOf(a);
    await postReply(b, mine, reply("Before leaving"));
    await removeMember(instructor, classId, b.id);
    expect(await newRepliesToMine(a)).toEqual([]);
    expect(await newRepliesToMine(instructor)).toEqual([]);
  });
});
