import "server-only";
// Opaque per-attempt ids for options, items and pairs, so nothing in the page hints at the key.
import { createHmac } from "node:crypto";
import type { PublicIdFor } from "../domain/public-question";

export function publicIdsFor(attemptId: string, questionVersionId: string): PublicIdFor {
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set");
  return (realId, role) =>
    "o" + createHmac("sha256", secret).update(`${attemptId}\u0000${questionVersionId}\u0000${role ?? ""}\u0000${realId}`).digest("base64url").slice(0, 11);
}
