// "Message students who…" reads the gradebook's own cells: against the real database, a late penalty and a score set
// by hand decide who scored below or at least a percent exactly as the gradebook shows them, and a student removed
// from the class is never listed; a co-teacher reads the same rows, another instructor none.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { assignmentSchema, createAssignment, createClass, joinClass, removeMember } from "@/lib/server/class-service";
import { gradebook } from "@/lib/server/gradebook-service";
import { adjustGrade, gradeAdjustmentSchema } from "@/lib/server/grade-adjustment-service";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { addCoTeacher, coTeacherSchema } from "@/lib/server/co-teacher-service";
import { messageRequest, studentsToMessage } from "@/lib/domain/message-students";
import { answerAllCorrectly, createUser, errorOf, iso, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse({ maxAttempts: 3 });
  await syncCourse(db, loadCourse(fixture.dir));
});

describe("message students who…", () => {
  it("lists by the score after the late penalty or as set by hand, never an excused, missing or removed student", async () => {
    const teacher = await createUser("INSTRUCTOR");
    const [late, byHand, excused, absent, removed] = [await createUser(), await createUser(), await createUser(), await createUser(), await createUser()];
    const { id: classId, joinCode } = await createClass(teacher, { name: "Messages", term: "T", joinCodeDays: null });
    for (const student of [late, byHand, excused, absent, removed]) await joinClass(student, joinCode);
    // Due 30 hours ago, late work accepted at 10 % a day: all correct now is 100 % work, two days late, 80 %.
    const { id: assignmentId } = await createAssignment(teacher, classId, assignmentSchema.parse({
      kind: "QUIZ", targetId: fixture.quizId, opensAt: iso(-3 * 24 * 60), dueAt: iso(-30 * 60), latePolicy: "ACCEPT", latePenaltyPercentPerDay: 10, latePenaltyFloorPercent: 50,
    }));
    for (const student of [late, byHand, removed]) {
      const { attemptId } = await startAttempt(student, fixture.quizId);
      await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
    }
    const adjust = (studentId: string, change: { excused?: boolean; percent?: number | null }) =>
      adjustGrade(teacher, classId, gradeAdjustmentSchema.parse({ assignmentId, studentId, excused: false, percent: null, comment: "", replacing: null, ...change }));
    await adjust(byHand.id, { percent: 79.5 });
    await adjust(excused.id, { excused: true });
    await removeMember(teacher, classId, removed.id);

    const book = await gradebook(teacher, classId);
    const listed = (who: string, percent = "") => {
      const request = messageRequest({ item: assignmentId, who, percent }, book.assignments);
      if (!request.asked || request.error !== null) throw new Error(`not a request: ${JSON.stringify(request)}`);
      return studentsToMessage(book.rows, request.column, request.criterion).map((m) => ({ email: m.student.email, percent: m.cell.percent }));
    };
    expect(book.rows.map((r) => r.student.id)).not.toContain(removed.id);
    // 80 % after the penalty (the work scored 100 %); 79.5 % set by hand shows as 79 %.
    expect(listed("below", "80")).toEqual([{ email: byHand.email, percent: 79 }]);
    expect(listed("atLeast", "80")).toEqual([{ email: late.email, percent: 80 }]);
    expect(listed("below", "81").map((m) => m.email).sort()).toEqual([late.email, byHand.email].sort());
    expect(listed("atLeast", "0").map((m) => m.email)).not.toContain(excused.email);
    expect(listed("missing")).toEqual([{ email: absent.email, percent: null }]);

    // A co-teacher reads the same rows; another instructor finds no such class.
    const coTeacher = await createUser("INSTRUCTOR");
    await addCoTeacher(teacher, classId, coTeacherSchema.parse({ email: coTeacher.email }));
    expect((await gradebook(coTeacher, classId)).rows).toEqual(book.rows);
    expect(await errorOf(gradebook(await createUser("INSTRUCTOR"), classId))).toMatchObject({ code: "NOT_FOUND" });
  });
});
