"use client";
// A copy, in this browser tab, of the quiz answers not yet confirmed saved, and of the page's name and count of edits
// (see AnswerEdit). A reload, a sign-in after the session ended, or a tab restored after a crash brings the answers
// back and sends them again; the same name and count keep a late save of the previous page from overwriting them.
// sessionStorage, not localStorage: it is the tab's own, so two tabs never share a name.
import type { Response } from "./question-input";

export type AttemptBackup = { writer: string; edits: number; unsaved: Record<string, { response: Response; edit: number }> };

const keyFor = (attemptId: string) => `caravan-attempt-${attemptId}`;

export function readBackup(attemptId: string): AttemptBackup | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(keyFor(attemptId)) ?? "null") as AttemptBackup | null;
    return stored && typeof stored.writer === "string" && Number.isInteger(stored.edits) && typeof stored.unsaved === "object" ? stored : null;
  } catch {
    return null;
  }
}

export function writeBackup(attemptId: string, backup: AttemptBackup) {
  try {
    sessionStorage.setItem(keyFor(attemptId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the answers are still sent as usual; only the copy is lost.
  }
}

export function clearBackup(attemptId: string) {
  try {
    sessionStorage.removeItem(keyFor(attemptId));
  } catch {
    // Nothing to do.
  }
}
