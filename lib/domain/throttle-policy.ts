// How failed sign-ins slow an attacker down (per account and per network address), and how sign-ups are capped per
// address.
import { plural } from "../plural";

export const THROTTLE_WINDOW_MS = 15 * 60_000;

// An account locks after a few failures. An address locks much later: a whole school often signs in from one
// address, and a class of 300 arriving for a quiz makes dozens of typing mistakes; locking that address would lock
// every student out of the quiz. The per-address limit is for one machine trying many accounts.
// An account's lock is per network address: a stranger guessing from elsewhere cannot lock a student out (say, just
// before a timed quiz). Guessing spread over many addresses meets the account's own, slower limit.
export const throttleLimits = {
  account: { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 15 * 60_000 },
  accountAnywhere: { freeFailures: 50, baseLockMs: 60_000, maxLockMs: 15 * 60_000 },
  ip: { freeFailures: 150, baseLockMs: 30_000, maxLockMs: 30 * 60_000 },
  // Every sign-up counts, not only failed ones: each costs a password hash and writes an account. A lecture hall of
  // 300 signing up from one address in the first class fits; a script creating thousands of accounts does not.
  signup: { freeFailures: 300, baseLockMs: 60_000, maxLockMs: 30 * 60_000 },
  // Wrong join codes, per student: a few typos are free; guessing codes to enter other classes is slowed down.
  join: { freeFailures: 10, baseLockMs: 60_000, maxLockMs: 30 * 60_000 },
  // Wrong quiz access codes, per student: the same, so a code read off the board cannot be guessed instead.
  accessCode: { freeFailures: 10, baseLockMs: 60_000, maxLockMs: 30 * 60_000 },
} as const;

export type ThrottleKind = keyof typeof throttleLimits;

/**
 * How long a counter can still matter after its last change: its window of failures, or the longest lock it can
 * carry. A counter older than that counts and locks nothing, so it can be deleted.
 */
export const THROTTLE_RETENTION_MS = Math.max(THROTTLE_WINDOW_MS, ...Object.values(throttleLimits).map((l) => l.maxLockMs));

/** After `failures` failures in the window: no lock until the free ones are used, then doubling locks. */
export function lockDurationMs(kind: ThrottleKind, failures: number): number {
  const limit = throttleLimits[kind];
  if (failures < limit.freeFailures) return 0;
  const doublings = Math.min(20, failures - limit.freeFailures);
  return Math.min(limit.maxLockMs, limit.baseLockMs * 2 ** doublings);
}

export function lockMessage(lockedUntil: Date, now: Date, action: "sign-in" | "password-change" | "sign-up" | "join" | "access-code" = "sign-in"): string {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const wait = seconds < 90 ? plural(seconds, "second") : plural(Math.ceil(seconds / 60), "minute");
  // A password change shares the account's lock: the same password is being guessed, by either form.
  if (action === "sign-in") return `Too many failed sign-ins. Wait ${wait} and try again.`;
  if (action === "join") return `Too many wrong join codes were tried from your account. Wait ${wait}, check the code with your instructor, and try again.`;
  if (action === "access-code") return `Too many wrong access codes were tried from your account. Wait ${wait}, check the code with your instructor, and try again.`;
  if (action === "sign-up") return `Too many accounts were created from this network address recently. No account was created. Wait ${wait} and try again.`;
  return `Too many wrong passwords were tried for this account, here or at sign-in, so it is locked for a while. Nothing was changed. Wait ${wait} and try again.`;
}

/** The counter a failure (or a sign-up) is recorded under: one per account (its email) and per client address. */
export function throttleKey(kind: ThrottleKind, value: string) {
  return `${kind}:${value.toLowerCase()}`;
}

/** An account's counter at one network address ("account:<email>@<address>"). */
export function accountAtAddressKey(email: string, address: string) {
  return `${throttleKey("account", email)}@${address.toLowerCase()}`;
}

/**
 * The network an address stands for when counting failures: an IPv4 address itself, an IPv6 address's /64 (one
 * host is usually given a whole /64, so counting single IPv6 addresses would let it spread guesses over millions).
 */
export function addressGroup(address: string): string {
  const plain = address.trim().toLowerCase().replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  // Some proxies write the client's port after an IPv4 address; each port must not get a counter of its own.
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(plain);
  if (withPort) return withPort[1];
  if (!plain.includes(":")) return plain;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1];
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(plain);
  if (mappedHex) {
    const [high, low] = [parseInt(mappedHex[1], 16), parseInt(mappedHex[2], 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  const [head, tail] = plain.includes("::") ? plain.split("::") : [plain, null];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = tail === null ? headGroups : [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"), ...tailGroups];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return plain;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
