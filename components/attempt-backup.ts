"use client";
// A copy, in this browser tab, of the quiz answers not yet confirmed saved: a reload, a sign-in after the session
// ended, or a tab restored after a crash brings them back and sends them again. Each answer keeps the saved answer it
// replaced as the page knew it (`basedOn`): if the server has another since (saved from another tab or device), the
// copy is older news and is dropped rather than written over it.
import type { Response } from "./question-input";
import { readTabCopy, writeTabCopy } from "./tab-copy";

export type BackedUpAnswer = { response: Response; basedOn: Response };
export type AttemptBackup = { unsaved: Record<string, BackedUpAnswer> };

const keyFor = (attemptId: string) => `caravan-attempt-${attemptId}`;
const isBackup = (stored: unknown): stored is AttemptBackup => Boolean(stored && typeof stored === "object" && (stored as AttemptBackup).unsaved && typeof (stored as AttemptBackup).unsaved === "object");

export function readBackup(attemptId: string): AttemptBackup | null {
  return readTabCopy(keyFor(attemptId), isBackup);
}

export function writeBackup(attemptId: string, backup: AttemptBackup) {
  writeTabCopy(keyFor(attemptId), Object.keys(backup.unsaved).length === 0 ? null : backup);
}

export function clearBackup(attemptId: string) {
  writeBackup(attemptId, { unsaved: {} });
}

/** The same answer, whatever order its keys came in (the database reorders an object's keys). */
export function sameResponse(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
