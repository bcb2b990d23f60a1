import { describe, expect, it } from "vitest";
import { ANONYMOUS_STUDENT, anonymityRefusal, anonymousCell, anonymousLabels, identitiesHidden, shownName } from "@/lib/domain/anonymous-grading";
import { average, averageWithMissingAsZero } from "@/lib/domain/gradebook";

const ids = Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
const revealed = new Date(Date.UTC(2027, 2, 1));

describe("identitiesHidden", () => {
  it("hides while graded anonymously and not revealed, and only then", () => {
    expect(identitiesHidden({ gradesAnonymously: true, identitiesRevealedAt: null })).toBe(true);
    expect(identitiesHidden({ gradesAnonymously: true, identitiesRevealedAt: revealed })).toBe(false);
    expect(identitiesHidden({ gradesAnonymously: false, identitiesRevealedAt: null })).toBe(false);
    expect(identitiesHidden(null)).toBe(false);
  });
});

describe("anonymousLabels", () => {
  it("numbers every student once, 1 to n", () => {
    const labels = anonymousLabels("assignment-a", ids);
    expect([...labels.values()].sort()).toEqual(ids.map((_, i) => `Student ${i + 1}`).sort());
    expect(labels.size).toBe(ids.length);
  });

  it("is stable whatever order the students come in, and per assignment", () => {
    const forward = anonymousLabels("assignment-a", ids);
    const backward = anonymousLabels("assignment-a", [...ids].reverse());
    expect(backward).toEqual(forward);
    const other = anonymousLabels("assignment-b", ids);
    expect([...other.entries()]).not.toEqual([...forward.entries()]);
  });

  it("does not follow the order the students are listed in (by name, or by submission)", () => {
    const labels = anonymousLabels("assignment-a", ids);
    const inOrder = ids.map((id) => labels.get(id));
    expect(inOrder).not.toEqual(ids.map((_, i) => `Student ${i + 1}`));
    expect(inOrder).not.toEqual(ids.map((_, i) => `Student ${ids.length - i}`));
  });

  it("names a student not numbered generically, and shows names when not anonymous", () => {
    const labels = anonymousLabels("assignment-a", ids.slice(0, 2));
    expect(shownName(labels, ids[5], "Ada Lovelace")).toBe(ANONYMOUS_STUDENT);
    expect(shownName(labels, ids[0], "Ada Lovelace")).toMatch(/^Student [12]$/);
    expect(shownName(null, ids[0], "Ada Lovelace")).toBe("Ada Lovelace");
  });
});

describe("anonymityRefusal", () => {
  const anonymous = { gradesAnonymously: true, identitiesRevealedAt: null };
  it("refuses automatic posting while anonymous, not once revealed or when not anonymous", () => {
    expect(anonymityRefusal("automatic", anonymous)).toMatch(/Turn anonymous grading off first/);
    expect(anonymityRefusal("automatic", { gradesAnonymously: true, identitiesRevealedAt: revealed })).toBeNull();
    expect(anonymityRefusal("automatic", { gradesAnonymously: false, identitiesRevealedAt: null })).toBeNull();
  });

  it("keeps identities revealed: anonymity is not turned on again once posted", () => {
    expect(anonymityRefusal("anonymous-on", { gradesAnonymously: false, identitiesRevealedAt: revealed })).toMatch(/stay revealed/);
    expect(anonymityRefusal("anonymous-on", { gradesAnonymously: false, identitiesRevealedAt: null })).toBeNull();
    for (const action of ["post", "manual", "anonymous-off"] as const) expect(anonymityRefusal(action, anonymous)).toBeNull();
  });
});

describe("anonymousCell", () => {
  it("shows nothing and counts in no average", () => {
    const cell = anonymousCell();
    expect(cell).toMatchObject({ status: "anonymous", percent: null, exact: null });
    expect(average([cell.percent, 80])).toBe(80);
    expect(averageWithMissingAsZero([cell, { status: "submitted", percent: 80, exact: 80 }])).toBe(80);
  });
});
