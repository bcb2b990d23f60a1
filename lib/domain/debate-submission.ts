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
