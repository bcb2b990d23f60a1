// A class burst can keep every database connection busy for seconds. A request then waits for one (a slow
// answer) instead of failing; only past the wait does it fail, as "unavailable, try again", writing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { createPrismaClient, type PrismaClient } from "@/lib/server/prisma";
import { isDatabaseUnavailable } from "@/lib/server/errors";
import { startAttempt, submitAttempt } from "@/lib/server/quiz-service";
import { answerAllCorrectly, createUser, testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
});

/** Runs `body` with the app's client replaced by one whose single connection is held for `holdMs`. */
async function withBusyPool(holdMs: number, body: () => Promise<void>) {
  const slot = globalThis as unknown as { caravanDb?: PrismaClient };
  const previous = slot.caravanDb;
  const single = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
  slot.caravanDb = single;
  const hold = single.$transaction(async (tx) => { await tx.$executeRawUnsafe(`SELECT pg_sleep(${holdMs / 1000})`); });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await body();
  } finally {
    await hold;
    slot.caravanDb = previous;
    await single.$disconnect();
  }
}

describe("a busy connection pool", () => {
  it("makes a start and a submit wait for a connection longer than Prisma's 2-second default, then succeed", async () => {
    const student = await createUser();
    await withBusyPool(3_000, async () => {
      const waited = Date.now();
      const { attemptId } = await startAttempt(student, fixture.quizId);
      expect(Date.now() - waited).toBeGreaterThan(2_500);
      const result = await submitAttempt(student, { attemptId, answers: await answerAllCorrectly(student, attemptId) });
      expect(result).toMatchObject({ alreadySubmitted: false, scoreCenti: 300 });
    });
  });

  it("reads a transaction that could not start in time as unavailable (a 503 asking to retry), not a bug", () => {
    expect(isDatabaseUnavailable({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
  });

  it("reads the driver adapter's connection failures, as Prisma wraps them, as unavailable", () => {
    // A raw query on a pooled connection that broke while PostgreSQL restarted (seen as a rare 500 in the outage test).
    const broken = { name: "DriverAdapterError", message: "Client has encountered a connection error and is not queryable", cause: { kind: "postgres", code: "N/A", message: "Client has encountered a connection error and is not queryable" } };
    expect(isDatabaseUnavailable({ code: "P2010", message: "Raw query failed. Code: `N/A`. Message: `Client has encountered a connection error and is not queryable`", meta: { driverAdapterError: broken } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2039", message: "Database error", meta: { driverAdapterError: { name: "DriverAdapterError", message: "", cause: { kind: "ConnectionClosed" } } } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", message: "Raw query failed. Code: `23505`.", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } })).toBe(false);
  });
});
