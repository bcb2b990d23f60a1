import { describe, expect, it } from "vitest";
import { RESET_LINK_HOURS, resetLinkExpiry, resetLinkState } from "@/lib/domain/password-reset";

const created = new Date("2026-12-01T10:00:00Z");
const expiresAt = resetLinkExpiry(created);

describe("password reset links", () => {
  it("last RESET_LINK_HOURS from creation", () => {
    expect(expiresAt.getTime() - created.getTime()).toBe(RESET_LINK_HOURS * 3_600_000);
  });

  it("are usable until the expiry instant, and expired from it", () => {
    const link = { usedAt: null, revokedAt: null, expiresAt };
    expect(resetLinkState(link, created)).toBe("usable");
    expect(resetLinkState(link, new Date(expiresAt.getTime() - 1))).toBe("usable");
    expect(resetLinkState(link, expiresAt)).toBe("expired");
  });

  it("report use before revocation or expiry, so the student learns the link did work once", () => {
    const later = new Date(expiresAt.getTime() + 1);
    expect(resetLinkState({ usedAt: created, revokedAt: created, expiresAt }, later)).toBe("used");
    expect(resetLinkState({ usedAt: null, revokedAt: created, expiresAt }, later)).toBe("revoked");
    expect(resetLinkState({ usedAt: null, revokedAt: created, expiresAt }, created)).toBe("revoked");
  });
});
