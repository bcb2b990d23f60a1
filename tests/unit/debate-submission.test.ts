import { describe, expect, it } from "vitest";
import { errorsOnScreenRows, missingFromSubmission, sentEvidenceRows, splitEvidenceFields, SUBMISSION_NEEDS } from "@/lib/domain/debate-submission";
import { debateSubmissionSchema } from "@/lib/server/debate-service";

const complete = { position: "normative", claim: "Ideas led the policy, and resources followed.", evidence: [{ ref: "source:austin-2021", note: "Aid follows access." }], rebuttal: "Budgets matter, but the dialogue came first." };

describe("what a debate submission lacks", () => {
  it("nothing, for a complete one", () => {
    expect(missingFromSubmission(complete)).toEqual({});
  });

  it("names each field as the server keys it, with the server's message", () => {
    const missing = missingFromSubmission({ position: "", claim: "  too short  ", evidence: [{ ref: "", note: "x" }, { ref: "lesson:a-lesson", note: " " }], rebuttal: "" });
    expect(missing).toEqual({
      position: [SUBMISSION_NEEDS.position],
      claim: [SUBMISSION_NEEDS.claim],
      "evidence.0.ref": [SUBMISSION_NEEDS.evidenceRef],
      "evidence.1.note": [SUBMISSION_NEEDS.evidenceNote],
      rebuttal: [SUBMISSION_NEEDS.rebuttal],
    });
    expect(missingFromSubmission({ ...complete, evidence: [] })).toEqual({ evidence: [SUBMISSION_NEEDS.evidence] });
  });

  it("agrees with the server's schema on what is missing", () => {
    for (const draft of [complete, { ...complete, claim: "x".repeat(19) }, { ...complete, claim: `${" ".repeat(5)}${"x".repeat(20)}` }, { ...complete, evidence: [] }, { ...complete, rebuttal: "a".repeat(20) }]) {
      const server = debateSubmissionSchema.safeParse({ promptId: "p", ...draft });
      const fields = server.success ? [] : server.error.issues.map((issue) => issue.path.join("."));
      expect(Object.keys(missingFromSubmission(draft)).sort()).toEqual(fields.sort());
    }
  });
});

describe("how long a claim or counter-argument is", () => {
  it("counts what a reader sees: an emoji or a flag is one character, invisible characters none", () => {
    const flags = "🇯🇵".repeat(10);
    const zeroWidth = "\u200b".repeat(25);
    for (const claim of [flags, zeroWidth, `${"\u200b".repeat(10)}too short${"\u2060".repeat(10)}`]) {
      expect(missingFromSubmission({ ...complete, claim })).toEqual({ claim: [SUBMISSION_NEEDS.claim] });
      expect(debateSubmissionSchema.safeParse({ promptId: "p", ...complete, claim }).success).toBe(false);
    }
    expect(missingFromSubmission({ ...complete, rebuttal: "🇯🇵".repeat(20) })).toEqual({});
  });

  it("counts spaces between words, as before, and not those at either end", () => {
    expect(missingFromSubmission({ ...complete, claim: "a b c d e f g h i j " })).toEqual({ claim: [SUBMISSION_NEEDS.claim] });
    expect(missingFromSubmission({ ...complete, claim: "a b c d e f g h i j k" })).toEqual({});
  });

  it("refuses a piece of evidence whose note is invisible characters alone", () => {
    const evidence = [{ ref: "source:austin-2021", note: "\u200b\u2060" }];
    expect(missingFromSubmission({ ...complete, evidence })).toEqual({ "evidence.0.note": [SUBMISSION_NEEDS.evidenceNote] });
    expect(debateSubmissionSchema.safeParse({ promptId: "p", ...complete, evidence }).success).toBe(false);
  });
});

describe("the evidence rows of a debate form", () => {
  it("gathers a form's rows by their numbers, a missing field empty, and leaves the other fields as they came", () => {
    expect(splitEvidenceFields({ claim: "c", "evidence.0.ref": "source:a", "evidence.0.note": "n", "evidence.2.note": "third" }, 6)).toEqual({
      evidence: [{ ref: "source:a", note: "n" }, { ref: "", note: "" }, { ref: "", note: "third" }],
      rest: { claim: "c" },
    });
    expect(splitEvidenceFields({ claim: "c", "evidence.x.note": "y" }, 6)).toEqual({ evidence: [], rest: { claim: "c", "evidence.x.note": "y" } });
  });

  it("refuses a row past those a page draws, or a field that is not text", () => {
    expect(splitEvidenceFields({ "evidence.6.note": "x" }, 6).evidence).toBeNull();
    expect(splitEvidenceFields({ "evidence.0.note": ["a", "b"] }, 6).evidence).toBeNull();
  });

  it("sends only rows with something in them, and puts the server's errors back on the rows on screen", () => {
    const rows = [{ ref: "", note: "" }, { ref: "source:a", note: "" }, { ref: "", note: "" }, { ref: "", note: "shows" }];
    const sent = sentEvidenceRows(rows);
    expect(sent).toEqual([1, 3]);
    expect(errorsOnScreenRows({ claim: ["short"], "evidence.0.note": ["say"], "evidence.1.ref": ["choose"] }, sent)).toEqual({ claim: ["short"], "evidence.1.note": ["say"], "evidence.3.ref": ["choose"] });
  });
});
