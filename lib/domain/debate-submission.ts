// What a debate response needs before it can be handed in. The server's schema uses these rules and messages, and the
// editor checks them before asking the student to confirm a submit that cannot be taken back.

import { hasVisibleCharacter, visibleCharacterCount } from "./visible-text";

export const SUBMISSION_MIN_CHARACTERS = { claim: 20, rebuttal: 20 } as const;

export const SUBMISSION_NEEDS = {
  position: "Pick a position.",
  claim: `State your claim in at least a sentence (${SUBMISSION_MIN_CHARACTERS.claim} characters).`,
  evidence: "Cite at least one piece of evidence from a lesson or source.",
  evidenceRef: "Choose a source or lesson for this piece of evidence.",
  evidenceNote: "Say what this piece of evidence shows.",
  rebuttal: `Answer the strongest counter-argument in at least a sentence (${SUBMISSION_MIN_CHARACTERS.rebuttal} characters).`,
} as const;

/** Whether a claim or counter-argument is long enough, in characters a reader counts (`visibleCharacterCount`). */
export function isLongEnough(text: string, field: keyof typeof SUBMISSION_MIN_CHARACTERS): boolean {
  return visibleCharacterCount(text) >= SUBMISSION_MIN_CHARACTERS[field];
}

type Submission = { position: string; claim: string; evidence: { ref: string; note: string }[]; rebuttal: string };

/** The fields a submission lacks, keyed as the server keys them (`evidence.<row>.note`); empty when it can be handed in. */
export function missingFromSubmission(submission: Submission): Record<string, string[]> {
  const missing: Record<string, string[]> = {};
  if (submission.position === "") missing.position = [SUBMISSION_NEEDS.position];
  if (!isLongEnough(submission.claim, "claim")) missing.claim = [SUBMISSION_NEEDS.claim];
  if (submission.evidence.length === 0) missing.evidence = [SUBMISSION_NEEDS.evidence];
  submission.evidence.forEach((row, i) => {
    if (row.ref === "") missing[`evidence.${i}.ref`] = [SUBMISSION_NEEDS.evidenceRef];
    if (!hasVisibleCharacter(row.note)) missing[`evidence.${i}.note`] = [SUBMISSION_NEEDS.evidenceNote];
  });
  if (!isLongEnough(submission.rebuttal, "rebuttal")) missing.rebuttal = [SUBMISSION_NEEDS.rebuttal];
  return missing;
}

type Evidence = Submission["evidence"][number];
type FieldErrors = Record<string, string[]>;

/** The evidence rows a submit sends: a row left wholly empty is not evidence, and the server never sees it. */
export function sentEvidenceRows(evidence: readonly Evidence[]): number[] {
  return evidence.flatMap((e, row) => (e.ref || e.note ? [row] : []));
}

/** A field error's key for an evidence row ("evidence.1.note"): the row and the field. */
export const evidenceRowKey = /^evidence\.(\d+)\.(.+)$/;

/** Errors keyed by the rows sent (`evidence.<n>.note`, n among `sentRows`) moved to the rows on screen. */
export function errorsOnScreenRows(errors: FieldErrors, sentRows: readonly number[]): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([key, messages]) => {
    const match = evidenceRowKey.exec(key);
    return [match ? `evidence.${sentRows[Number(match[1])] ?? match[1]}.${match[2]}` : key, messages];
  }));
}

/**
 * A form posted without JavaScript (decision 33), its evidence rows gathered from the `evidence.<row>.ref` and
 * `evidence.<row>.note` fields (one row per number up to the highest given, a missing field empty) and its other
 * fields as they came. A row number above `maxRows`, or a row field that is not text, makes `evidence` null: no page
 * draws one, so the form is not one it sent.
 */
export function splitEvidenceFields(fields: Record<string, unknown>, maxRows: number): { evidence: Evidence[] | null; rest: Record<string, unknown> } {
  const rows: Evidence[] = [];
  const rest: Record<string, unknown> = {};
  let sent = true;
  for (const [key, value] of Object.entries(fields)) {
    const match = /^evidence\.(\d{1,3})\.(ref|note)$/.exec(key);
    if (!match) {
      rest[key] = value;
      continue;
    }
    const row = Number(match[1]);
    if (row >= maxRows || typeof value !== "string") sent = false;
    else {
      while (rows.length <= row) rows.push({ ref: "", note: "" });
      rows[row][match[2] as "ref" | "note"] = value;
    }
  }
  return { evidence: sent ? rows : null, rest };
}
