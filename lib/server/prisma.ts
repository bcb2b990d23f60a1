// Creates a Prisma client over node-postgres. The app uses the shared instance in db.ts; scripts and tests
// create their own for the database they were given.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { isWriteConflict } from "./errors";

// Under a class burst every connection can be busy for seconds. A request waits for one up to
// CONNECTION_WAIT_MS (a slow answer, not an error); only past that does it get a 503 asking to retry.
// Prisma's own defaults (2 s to start a transaction, 5 s to finish it) turned such waits into failures.
export const CONNECTION_WAIT_MS = 10_000;
const TRANSACTION_TIMEOUT_MS = 20_000;
// PostgreSQL ends one transaction of a deadlock whole, so running it again is safe, and is what it asks for.
const WRITE_CONFLICT_TRIES = 3;

export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    // Columns are timestamps without a zone, written as UTC by Prisma; SQL's now() must write UTC too, whatever
    // zone the server was set up in (initdb takes the machine's, and a hosted database may use any).
    options: "-c TimeZone=UTC",
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECTION_WAIT_MS,
    idleTimeoutMillis: 30_000,
  });
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: CONNECTION_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS } });
  retryInteractiveTransactions(client);
  return client;
}

/** Runs an interactive transaction PostgreSQL aborted in a deadlock again, after a short random pause. */
function retryInteractiveTransactions(client: PrismaClient) {
  const begin = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const withRetries = async (...args: unknown[]) => {
    for (let tries = 1; ; tries++) {
      try {
        return await begin(...args);
      } catch (error) {
        // A batch ($transaction([...])) holds promises that have already run; only a callback can run again.
        if (typeof args[0] !== "function" || tries >= WRITE_CONFLICT_TRIES || !isWriteConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * tries));
      }
    }
  };
  client.$transaction = withRetries as PrismaClient["$transaction"];
}

export type { PrismaClient };
