// PostgreSQL ends one transaction of a deadlock whole (40P01). The app's client runs such a transaction again, so a
// user whose request lost a deadlock gets their answer, not an error; one that keeps losing gets "try again".
import { describe, expect, it } from "vitest";
import { failure } from "@/lib/server/action";
import { createUser, lockWaiters, testDb } from "../support/fixtures";

const db = testDb();
const holder = testDb();

const lockUser = (tx: Pick<typeof db, "$executeRaw">, id: string) => tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${id} FOR UPDATE`;

describe("a transaction that loses a deadlock", () => {
  it("runs again and commits once", async () => {
    const first = await createUser("STUDENT", db);
    const second = await createUser("STUDENT", db);
    let runs = 0;
    let loser: Promise<unknown> | undefined;
    await holder.$transaction(async (tx) => {
      // The holder waits long before checking for a deadlock, so the app's transaction is the one PostgreSQL ends.
      await tx.$executeRawUnsafe("SET LOCAL deadlock_timeout = '30s'");
      await lockUser(tx, second.id);
      loser = db.$transaction(async (tx) => {
        runs++;
        await lockUser(tx, first.id);
        await lockUser(tx, second.id);
        await tx.user.update({ where: { id: first.id }, data: { name: `renamed on run ${runs}` } });
      });
      await lockWaiters(1, db);
      await lockUser(tx, first.id);
    });
    await loser;
    expect(runs).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).name).toBe("renamed on run 2");
  });

  it("does not run a transaction again for any other failure", async () => {
    let runs = 0;
    const error = await db.$transaction(async (tx) => {
      runs++;
      await tx.$executeRawUnsafe("SELECT 1/0");
    }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(runs).toBe(1);
  });

  it("answers one that lost every try as unavailable, to try again, not as a bug", () => {
    expect(failure({ code: "P2034", message: "Transaction failed due to a write conflict or a deadlock. Please retry your transaction" })).toMatchObject({ code: "UNAVAILABLE" });
    expect(failure({ name: "DriverAdapterError", cause: { kind: "TransactionWriteConflict", originalCode: "40P01" } })).toMatchObject({ code: "UNAVAILABLE" });
  });
});
