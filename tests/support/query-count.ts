// Counts the SQL statements a piece of server code sends, by swapping the app's Prisma client for one that logs
// every query while `run` runs (the app reads its client from the same global slot, lib/server/db.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function queryCounter() {
  let queries = 0;
  const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 4 }), log: [{ emit: "event", level: "query" }] });
  counting.$on("query", (e) => { queries++; if (process.env.SHOW_QUERIES) console.log(e.query.slice(0, 160)); });
  const slot = globalThis as unknown as { caravanDb?: PrismaClient };
  return {
    /** Runs `run` against the counting client; returns its result and how many queries it sent. */
    async count<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
      const previous = slot.caravanDb;
      slot.caravanDb = counting;
      queries = 0;
      try {
        const result = await run();
        return { result, queries };
      } finally {
        slot.caravanDb = previous;
      }
    },
    close: () => counting.$disconnect(),
  };
}
