// Test data made through the real database: users, and a small course loaded with the real sync.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import YAML from "yaml";
import { createPrismaClient } from "../../lib/server/prisma.ts";
import type { SessionUser } from "../../lib/server/auth.ts";
import { UserError } from "../../lib/server/errors.ts";
import { attemptForTaking } from "../../lib/server/quiz-service.ts";
import { ContentError, loadCourse } from "../../lib/content/load.ts";

/** An ISO time `offsetMinutes` from now. */
export const iso = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toISOString();

/** The UserError a service call refused with (the test fails if it resolved or threw anything else). */
export async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

/** The right answers to the fixture course's quiz (B, false, 4), sent as the browser would, through the opaque ids. */
export async function answerAllCorrectly(user: SessionUser, attemptId: string) {
  const { questions } = await attemptForTaking(user, attemptId);
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.question.type === "single") answers[q.questionVersionId] = { choice: q.question.options.find((o) => o.text === "B")!.id };
    if (q.question.type === "truefalse") answers[q.questionVersionId] = { value: false };
    if (q.question.type === "numeric") answers[q.questionVersionId] = { value: 4 };
  }
  return answers;
}

export function testDb() {
  return createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
}

/** Waits until `count` sessions are blocked on a lock held by the test. */
export async function lockWaiters(count: number, db: ReturnType<typeof testDb>) {
  for (let tries = 0; tries < 200; tries++) {
    const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Expected ${count} sessions waiting on a lock.`);
}

export async function createUser(role: "STUDENT" | "INSTRUCTOR" = "STUDENT", db = testDb()): Promise<SessionUser> {
  const email = `${role.toLowerCase()}-${randomUUID()}@test.caravan`;
  const user = await db.user.create({ data: { email, name: `Test ${role.toLowerCase()}`, passwordHash: "not-a-real-hash", role } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export type FixtureQuestion = Record<string, unknown>;

/** Writes a one-module course to a temp folder, so tests can change and re-sync it freely. */
/** The problems content:check finds in a course folder (none: an empty list). */
export function problemsOf(dir: string) {
  try {
    loadCourse(dir);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

export function writeFixtureCourse(options: { id?: string; questions?: FixtureQuestion[]; maxAttempts?: number | null; timeLimitMinutes?: number | null; drawCount?: number } = {}) {
  const id = options.id ?? `fixture-${randomUUID().slice(0, 8)}`;
  const dir = path.join(os.tmpdir(), "caravan-fixtures", id);
  const lessonId = `${id}-lesson`;
  const ref = { lesson: lessonId, section: "first-section", source: `${id}-source`, sourceSection: "part-one" };
  const questions = options.questions ?? [
    { id: `${id}-q1`, type: "single", prompt: "Pick B.", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }], answer: "b", explanation: "B is right.", difficulty: "easy", objective: "obj-one", ref },
    { id: `${id}-q2`, type: "truefalse", prompt: "The sky is green.", answer: false, explanation: "It is not.", difficulty: "easy", objective: "obj-one", ref },
    { id: `${id}-q3`, type: "numeric", prompt: "Two plus two?", answer: 4, tolerance: 0, explanation: "Four.", difficulty: "easy", objective: "obj-one", ref },
  ];
  const files: Record<string, string> = {
    "course.yaml": YAML.stringify({ id, slug: id, title: `Fixture ${id}`, summary: "A course for tests.", modules: ["m1"] }),
    [`sources/${id}-source.yaml`]: YAML.stringify({ id: `${id}-source`, title: "A source", author: "A. Author", outlet: "Test Outlet", published: "2020-01-02", kind: "analysis", sections: [{ id: "part-one", title: "Part one" }] }),
    [`sources/${id}-source2.yaml`]: YAML.stringify({ id: `${id}-source2`, title: "Another source", author: "B. Writer", outlet: "Other Outlet", published: "2021", kind: "news report", sections: [{ id: "only-part", title: "Only part" }] }),
    "modules/m1/module.yaml": YAML.stringify({ id: `${id}-m1`, title: "Module one", summary: "The only module.", lessons: ["l1"], quizzes: ["q1"], debates: ["d1"] }),
    "modules/m1/lessons/l1.md": `---\n${YAML.stringify({ id: lessonId, title: "Lesson one", summary: "A lesson.", objectives: [{ id: "obj-one", text: "Know things.", bloom: "remember" }], citations: [{ source: `${id}-source`, sections: ["part-one"] }] })}---\n\nIntro.\n\n## First section\n\nBody text.\n`,
    "modules/m1/quizzes/q1.yaml": YAML.stringify({ id: `${id}-quiz`, title: "Quiz one", description: "Checks lesson one.", lesson: lessonId, settings: { maxAttempts: options.maxAttempts === undefined ? 2 : options.maxAttempts, scorePolicy: "BEST", timeLimitMinutes: options.timeLimitMinutes ?? null, passPercent: 70, ...(options.drawCount ? { drawCount: options.drawCount } : {}) }, questions }),
    "modules/m1/debates/d1.yaml": YAML.stringify({
      id: `${id}-debate`, title: "Debate one", motion: "Tests are good.", context: "Context.",
      positions: [{ id: "for", label: "For", summary: "Yes." }, { id: "against", label: "Against", summary: "No." }],
      guidingQuestions: ["Why?", "Why not?"],
      evidencePointers: [{ source: `${id}-source`, hint: "Look here." }, { source: `${id}-source2`, hint: "And here." }],
      rubric: [{ id: "claim", criterion: "Claim", description: "Clear.", maxPoints: 4 }],
    }),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return { id, dir, quizId: `${id}-quiz`, lessonId, debateId: `${id}-debate`, sourceId: `${id}-source`, ref };
}

/** A complete, valid debate response to the fixture course's debate (or another prompt of it). */
export function debateSubmission(fixture: { debateId: string; sourceId: string }, promptId = fixture.debateId) {
  return {
    promptId,
    position: "for",
    claim: "Tests are good because they catch regressions early.",
    evidence: [{ ref: `source:${fixture.sourceId}`, note: "The source shows a regression caught by a test." }],
    rebuttal: "Some say tests slow teams down; the time they save in debugging outweighs that.",
  };
}

/**
 * Another request changing the user's time zone, holding their row (as recordTimeZone locks it) until `release`,
 * which commits the change.
 */
export async function zoneChangeHeldOpen(db: ReturnType<typeof testDb>, userId: string, timeZone: string) {
  let commit!: () => void;
  const held = new Promise<void>((resolve) => (commit = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const change = db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR NO KEY UPDATE`;
    await tx.user.update({ where: { id: userId }, data: { timeZone } });
    locked();
    await held;
  });
  await isLocked;
  return { release: async () => { commit(); await change; } };
}

/** Whether `promise` is still unsettled after `ms` milliseconds. */
export async function stillPendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return !settled;
}

/** The wall-clock hour and minute of `instant` in `timeZone`, e.g. "04:00". */
export function hourIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}
