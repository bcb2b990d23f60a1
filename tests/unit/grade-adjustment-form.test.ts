import { describe, expect, it } from "vitest";
import { gradeAdjustmentFromForm, shownAdjustmentField, shownAdjustmentOf } from "@/lib/domain/grade-adjustment-form";

describe("the grade adjustment form read as the route's body", () => {
  const quiz = "11111111-1111-4111-8111-111111111111";
  const debate = "22222222-2222-4222-8222-222222222222";
  const shown = { excused: false, percent: 87.5, comment: "On paper." };

  it("carries the adjustment a page showed, or none, and reads it back", () => {
    expect(shownAdjustmentField(null)).toBe("");
    expect(shownAdjustmentOf(shownAdjustmentField(shown))).toEqual(shown);
    expect(shownAdjustmentOf("")).toBeNull();
    expect(shownAdjustmentOf("{not json")).toBeUndefined();
    expect(shownAdjustmentOf(undefined)).toBeUndefined();
  });

  it("reads the box, the score and the adjustment shown for the assignment chosen", () => {
    const fields = { classId: "c", studentId: "s", assignmentId: debate, excused: "on", percent: "", comment: "Ill.", [`shown.${quiz}`]: shownAdjustmentField(shown), [`shown.${debate}`]: "" };
    expect(gradeAdjustmentFromForm(fields)).toEqual({ classId: "c", studentId: "s", assignmentId: debate, excused: true, percent: null, comment: "Ill.", replacing: null });
    expect(gradeAdjustmentFromForm({ ...fields, assignmentId: quiz, excused: undefined, percent: " 70.25 " })).toMatchObject({ excused: false, percent: 70.25, replacing: shown });
  });

  it("passes on what no form sends, for the schema to refuse", () => {
    const read = gradeAdjustmentFromForm({ assignmentId: quiz, excused: "true", percent: "abc", extra: "x" });
    expect(read).toMatchObject({ excused: "true", comment: "", replacing: undefined, extra: "x" });
    expect(read.percent).toBeNaN();
  });
});
