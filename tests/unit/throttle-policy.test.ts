import { describe, expect, it } from "vitest";
import { addressGroup, lockDurationMs, lockMessage } from "@/lib/domain/throttle-policy";

const now = new Date("2025-03-01T09:00:00Z");
const after = (ms: number) => new Date(now.getTime() + ms);

describe("lockMessage", () => {
  it("says how long to wait, with the unit in the right number", () => {
    expect(lockMessage(after(1_000), now)).toBe("Too many failed sign-ins. Wait 1 second and try again.");
    expect(lockMessage(after(30_000), now)).toBe("Too many failed sign-ins. Wait 30 seconds and try again.");
    // Under 90 seconds the wait is counted in seconds, so a minute reads as 60 seconds.
    expect(lockMessage(after(60_000), now)).toBe("Too many failed sign-ins. Wait 60 seconds and try again.");
    expect(lockMessage(after(15 * 60_000), now)).toBe("Too many failed sign-ins. Wait 15 minutes and try again.");
  });

  it("rounds up, and never asks for less than a second", () => {
    expect(lockMessage(after(200), now)).toBe("Too many failed sign-ins. Wait 1 second and try again.");
    expect(lockMessage(after(-5_000), now)).toBe("Too many failed sign-ins. Wait 1 second and try again.");
    expect(lockMessage(after(90_000), now)).toBe("Too many failed sign-ins. Wait 2 minutes and try again.");
    expect(lockMessage(after(90_000), now, "password-change")).toMatch(/^Too many wrong passwords were tried for this account, here or at sign-in.*Wait 2 minutes/);
  });
});

describe("lockDurationMs", () => {
  it("locks an account after five failures, doubling to at most 15 minutes", () => {
    expect([4, 5, 6, 7, 30].map((n) => lockDurationMs("account", n))).toEqual([0, 30_000, 60_000, 120_000, 15 * 60_000]);
  });

  it("leaves a school's shared address open through a class's worth of typing mistakes", () => {
    // 300 students arriving for a quiz, one in four mistyping once or twice: about 100 failures in the window.
    expect(lockDurationMs("ip", 149)).toBe(0);
    expect(lockDurationMs("ip", 150)).toBe(30_000);
    expect(lockDurationMs("ip", 10_000)).toBe(30 * 60_000);
  });

  it("lets 300 sign-ups through from one address in the window, then locks from a minute up to half an hour", () => {
    expect([299, 300, 301, 310].map((n) => lockDurationMs("signup", n))).toEqual([0, 60_000, 120_000, 30 * 60_000]);
    expect(lockMessage(after(60_000), now, "sign-up")).toBe("Too many accounts were created from this network address recently. No account was created. Wait 60 seconds and try again.");
  });
});

describe("addressGroup", () => {
  it("keeps an IPv4 address, and reads an IPv4-mapped one as IPv4", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("counts an IPv4 address a proxy wrote with the client's port as the address alone", () => {
    expect(addressGroup("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(addressGroup("203.0.113.7:443")).toBe(addressGroup("203.0.113.7:51234"));
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    expect(addressGroup("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd:12::/64");
    expect(addressGroup("2001:0db8:abcd:0012:ffff::1")).toBe("2001:db8:abcd:12::/64");
    expect(addressGroup("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressGroup("[2001:DB8::1]")).toBe("2001:db8:0:0::/64");
    expect(addressGroup("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("leaves anything else as it came", () => {
    expect(addressGroup("unknown")).toBe("unknown");
    expect(addressGroup("not:an:address")).toBe("not:an:address");
  });
});
