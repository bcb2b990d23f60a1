// Errors a user can act on carry a code and a sentence; the code maps once to an HTTP status.
export type UserErrorCode = "INVALID" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "UNAVAILABLE";

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const httpStatus: Record<UserErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export const notFound = (what = "That item") => new UserError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);

// P2024 and P2028: no connection or transaction could be had in time (overload); nothing was written.
const unavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "53300", "P1001", "P1017", "P2024", "P2028"]);
// The kinds @prisma/adapter-pg gives connection failures.
const unavailableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const unavailableMessage = /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|DatabaseNotReachable|terminating connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|is not queryable/i;

type ErrorLike = { code?: string; originalCode?: string; kind?: string; message?: string; originalMessage?: string; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/** True when the database cannot be reached (down, restarting, out of connections or overloaded). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, (candidate) =>
    [candidate.code, candidate.originalCode].some((code) => code && unavailableCodes.has(code)) ||
    Boolean(candidate.kind && unavailableKinds.has(candidate.kind)) ||
    unavailableMessage.test(`${candidate.message ?? ""} ${candidate.originalMessage ?? ""}`));
}

/** Whether `error`, one of its causes, or the driver adapter's error Prisma keeps in `meta` matches. */
function someCause(error: unknown, matches: (candidate: ErrorLike) => boolean): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const candidate = pending.shift() as ErrorLike | null | undefined;
    if (!candidate || typeof candidate !== "object") continue;
    if (matches(candidate)) return true;
    pending.push(candidate.cause, candidate.meta?.driverAdapterError);
  }
  return false;
}

/** True when PostgreSQL aborted a transaction in a deadlock or write conflict: it wrote nothing and may run again. */
export function isWriteConflict(error: unknown): boolean {
  return someCause(error, (candidate) => [candidate.code, candidate.originalCode].some((code) => code === "P2034" || code === "40P01" || code === "40001") || candidate.kind === "TransactionWriteConflict");
}

export const UNAVAILABLE_MESSAGE = "Caravan is temporarily unavailable. Your saved work is safe; please try again in a moment.";
