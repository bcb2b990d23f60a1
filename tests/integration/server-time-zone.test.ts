// Timestamps are stored without a zone and read as UTC, so SQL's now() must write UTC too: a server set up on a
// machine in Tokyo (initdb takes the machine's zone), or a hosted one in any zone, must not shift them by hours.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/server/prisma";

const name = `caravan_tz_${randomUUID().slice(0, 8)}`;
const serverUrl = new URL(process.env.DATABASE_URL!);
const admin = new pg.Pool({ connectionString: Object.assign(new URL(serverUrl), { pathname: "/postgres" }).toString(), max: 1 });

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("the app's database sessions", () => {
  it("write now() as UTC even where the database's own zone is Asia/Tokyo", async () => {
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`ALTER DATABASE "${name}" SET timezone TO 'Asia/Tokyo'`);
    const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    const plain = new pg.Pool({ connectionString: url, max: 1 });
    const { rows: [raw] } = await plain.query(`SELECT current_setting('TimeZone') AS zone`);
    await plain.end();
    expect(raw.zone).toBe("Asia/Tokyo");

    const client = createPrismaClient(url, { max: 1 });
    try {
      const [row] = await client.$queryRaw<{ zone: string; stamp: Date }[]>`SELECT current_setting('TimeZone') AS zone, now()::timestamp(3) AS stamp`;
      expect(row.zone).toBe("UTC");
      expect(Math.abs(row.stamp.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await client.$disconnect();
    }
  });
});
