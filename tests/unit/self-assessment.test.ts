import { describe, expect, it } from "vitest";
import { calibrationSentence, compareSelfAssessment, selfAssessmentRefusal, selfAssessmentView } from "@/lib/domain/self-assessment";

const at = new Date("2026-12-01T10:00:00.000Z");
const open = { status: "SUBMITTED" as const, submittedAt: at, forSubmission: at, gradeShown: false, promptWithdrawn: false };

describe("selfAssessmentRefusal", () => {
  it("takes a self-assessment of the version handed in, until the grade is in the student's view", () => {
    expect(selfAssessmentRefusal(open)).toBeNull();
    expect(selfAssessmentRefusal({ ...open, gradeShown: true })).toMatch(/grade is on this response now/);
  });

  it("refuses a draft, a version handed in since the page loaded, and a withdrawn prompt", () => {
    expect(selfAssessmentRefusal({ ...open, status: "DRAFT" })).toMatch(/Submit your response first/);
    expect(selfAssessmentRefusal({ ...open, submittedAt: null })).toMatch(/Submit your response first/);
    expect(selfAssessmentRefusal({ ...open, forSubmission: new Date(at.getTime() - 1) })).toMatch(/handed in again/);
    expect(selfAssessmentRefusal({ ...open, promptWithdrawn: true })).toMatch(/no longer offers/);
  });
});

const graded = [
  { id: "claim", criterion: "Claim", maxPoints: 4, points: 3 },
  { id: "evidence", criterion: "Evidence", maxPoints: 6, points: 4 },
  { id: "rebuttal", criterion: "Counter-argument", maxPoints: 4, points: 2 },
];

describe("compareSelfAssessment and calibrationSentence", () => {
  it("sets the student's points beside the instructor's and says where they differ", () => {
    const comparison = compareSelfAssessment(graded, { claim: 4, evidence: 4, rebuttal: 3 });
    expect(comparison).toMatchObject({ selfTotal: 11, instructorTotal: 9, higher: ["Claim", "Counter-argument"], lower: [], same: ["Evidence"] });
    expect(comparison.criteria.map((c) => [c.self, c.instructor])).toEqual([[4, 3], [4, 4], [3, 2]]);
    expect(calibrationSentence(comparison)).toBe("You scored yourself 2 points above your instructor: higher on Claim and Counter-argument.");
  });

  it("says so when the student scored lower, or both ways with the same total, or exactly as the instructor", () => {
    expect(calibrationSentence(compareSelfAssessment(graded, { claim: 2, evidence: 4, rebuttal: 2 }))).toBe("You scored yourself 1 point below your instructor: lower on Claim.");
    expect(calibrationSentence(compareSelfAssessment(graded, { claim: 4, evidence: 3, rebuttal: 2 }))).toBe("Your total matches your instructor's: higher on Claim, lower on Evidence.");
    expect(calibrationSentence(compareSelfAssessment(graded, { claim: 3, evidence: 4, rebuttal: 2 }))).toBe("You scored your response exactly as your instructor did, criterion by criterion.");
  });

  it("leaves out of the totals a criterion the self-assessment did not score (the rubric changed) or scored out of range", () => {
    const comparison = compareSelfAssessment(graded, { claim: 4, evidence: 9 });
    expect(comparison.criteria.map((c) => c.self)).toEqual([4, null, null]);
    expect(comparison).toMatchObject({ selfTotal: 4, instructorTotal: 3, higher: ["Claim"] });
    expect(calibrationSentence(compareSelfAssessment(graded, {}))).toMatch(/cannot be compared/);
  });
});

describe("selfAssessmentView", () => {
  const rubric = graded.map(({ id, criterion, maxPoints }) => ({ id, criterion, maxPoints }));
  const stored = { scores: { claim: 4, evidence: 5, rebuttal: 1 }, rubric, totalPoints: 10, maxPoints: 14, forSubmittedAt: at, assessedAt: at };

  it("shows a self-assessment of the version handed in now, per criterion of the rubric it was made on", () => {
    expect(selfAssessmentView(stored, { submittedAt: at }, rubric)).toMatchObject({ totalPoints: 10, onEarlierRubric: false, criteria: [{ id: "claim", points: 4 }, { id: "evidence", points: 5 }, { id: "rebuttal", points: 1 }] });
    expect(selfAssessmentView(stored, { submittedAt: at }, rubric.slice(1))).toMatchObject({ onEarlierRubric: true });
  });

  it("shows none for another version (returned and handed in again) or when there is none", () => {
    expect(selfAssessmentView(stored, { submittedAt: new Date(at.getTime() + 60_000) }, rubric)).toBeNull();
    expect(selfAssessmentView(stored, { submittedAt: null }, rubric)).toBeNull();
    expect(selfAssessmentView(null, { submittedAt: at }, rubric)).toBeNull();
  });
});
