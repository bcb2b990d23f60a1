// Password reset links: how long one lasts and what state it is in. Pure; the service stores and applies them.

export const RESET_LINK_HOURS = 24;

export type ResetLinkState = "usable" | "used" | "revoked" | "expired";

export function resetLinkExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + RESET_LINK_HOURS * 3_600_000);
}

/** A link is usable once, before it expires, unless a newer link for the same student revoked it. */
export function resetLinkState(link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): ResetLinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  return now < link.expiresAt ? "usable" : "expired";
}

export const resetLinkRefusal: Record<Exclude<ResetLinkState, "usable">, string> = {
  used: "This link has already been used to set a password. If that was not you, ask your instructor for a new link.",
  revoked: "This link no longer works: a newer link replaced it, the password was changed since, or the account left the class. Ask your instructor for a new one if you still need it.",
  expired: `This link has expired (links last ${RESET_LINK_HOURS} hours). Ask your instructor for a new one.`,
};
