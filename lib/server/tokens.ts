import "server-only";
// What a page may hold about a question without hinting at its key: opaque per-attempt ids for options, items and
// pairs, and the seed of the order they are shown in. Both are keyed with the server's secret, so the ids and the
// shuffle code in the open cannot replay the order back to the authored one (an ordering's key).
import { createHmac } from "node:crypto";
import type { PublicIdFor } from "../domain/public-question";

function serverSecret() {
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set");
  return secret;
}

export function publicIdsFor(attemptId: string, questionVersionId: string): PublicIdFor {
  const secret = serverSecret();
  return (realId, role) =>
    "o" + createHmac("sha256", secret).update(`${attemptId}\u0000${questionVersionId}\u0000${role ?? ""}\u0000${realId}`).digest("base64url").slice(0, 11);
}

/** The secret part of a calendar feed's address, for the id stored with the account (which alone opens nothing). */
export function calendarFeedMac(feedId: string): string {
  return createHmac("sha256", serverSecret()).update(`calendar\u0000${feedId}`).digest("base64url");
}

/** The seed of the order a question's options, items or pairs are shown in, for one attempt or review. */
export function shuffleSeedFor(attemptId: string, questionVersionId: string): string {
  return createHmac("sha256", serverSecret()).update(`shuffle\u0000${attemptId}\u0000${questionVersionId}`).digest("base64url");
}
