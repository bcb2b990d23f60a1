// Quiz access codes (Moodle's quiz password, Canvas's access code): a class may ask for a code, given out in the
// room, before a student starts an attempt. Decision 29.
import { z } from "zod";

export const ACCESS_CODE_MAX_LENGTH = 40;

/** As an instructor types it: trimmed; empty means none. Letters, digits and common punctuation, no control characters. */
export const accessCodeInput = z
  .string()
  .trim()
  .max(ACCESS_CODE_MAX_LENGTH, `An access code has at most ${ACCESS_CODE_MAX_LENGTH} characters.`)
  .regex(/^[\p{L}\p{N}\p{P}\p{S} ]*$/u, "An access code has letters, digits, punctuation and spaces only.")
  .transform((code) => (code === "" ? null : code));

/** A class that would count a new attempt, and the code it asks for (null: none). */
export type AccessCodeTerms = { accessCode: string | null };

/** Codes compare without regard to case or to spaces around and between words: read off a projector, typed on a phone. */
export function normalizeAccessCode(code: string): string {
  return code.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

/** Whether any class still counting a new attempt asks for a code. */
export function accessCodeRequired(countingClasses: AccessCodeTerms[]): boolean {
  return countingClasses.some((terms) => terms.accessCode !== null);
}

export type AccessCodeCheck = { ok: true } | { ok: false; reason: "missing" | "wrong" };

/**
 * A start is let through when no counting class asks for a code, or the code given is one of theirs: a student in two
 * classes that both set the quiz with codes is in either room.
 */
export function checkAccessCode(countingClasses: AccessCodeTerms[], given: string | undefined): AccessCodeCheck {
  const codes = countingClasses.flatMap((terms) => (terms.accessCode === null ? [] : [normalizeAccessCode(terms.accessCode)]));
  if (codes.length === 0) return { ok: true };
  if (given === undefined || normalizeAccessCode(given) === "") return { ok: false, reason: "missing" };
  return codes.includes(normalizeAccessCode(given)) ? { ok: true } : { ok: false, reason: "wrong" };
}

export const ACCESS_CODE_MISSING = "Your class asks for an access code to start this quiz. Your instructor gives it out; type it above Start.";
export const ACCESS_CODE_WRONG = "That access code is not the one your class set for this quiz. Check it with your instructor and try again. No attempt was started.";
