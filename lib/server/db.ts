import "server-only";
// The app's one Prisma client, reused across hot reloads in development.
import { createPrismaClient, type PrismaClient } from "./prisma";
import { env } from "./env";

const globalForDb = globalThis as unknown as { caravanDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.caravanDb ??= createPrismaClient(env().DATABASE_URL, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return globalForDb.caravanDb;
}
