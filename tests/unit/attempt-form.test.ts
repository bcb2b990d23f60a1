import { describe, expect, it } from "vitest";
import { answerFieldName, readAttemptForm, readQuestionFields, revisitFieldName, sameAnswer, showAnswer, shownFieldName, shownRevisitFieldName } from "@/lib/domain/attempt-form";

const Q1 = "00000000-0000-4000-8000-000000000001";
const Q2 = "00000000-0000-4000-8000-000000000002";
const Q3 = "00000000-0000-4000-8000-000000000003";
const f = answerFieldName;
const shown = (id: string, response: unknown) => ({ [shownFieldName(id)]: showAnswer(response) });

describe("reading the attempt form", () => {
  it("reads each kind of control into the JSON API's response", () => {
    const read = readAttemptForm({
      attemptId: "a",
      intent: "save",
      ...shown(Q1, null),
      [f(Q1, "choice")]: "oA",
      [f(Q2, "choices")]: ["oB", "oC"],
      [f(Q3, "value")]: "false",
    });
    expect(read.answers).toEqual({ [Q1]: { choice: "oA" }, [Q2]: { choices: ["oB", "oC"] }, [Q3]: { value: false } });
    expect(read.rest).toEqual({ attemptId: "a", intent: "save" });
    expect(read.unreadableNumbers).toEqual([]);
  });

  it("reads one ticked box as a list, text only when not blank, and matches chosen", () => {
    expect(readAttemptForm({ [f(Q1, "choices")]: "oB" }).answers[Q1]).toEqual({ choices: ["oB"] });
    expect(readAttemptForm({ [f(Q1, "text")]: "  " }).answers[Q1]).toBeNull();
    expect(readAttemptForm({ [f(Q1, "text")]: " Kampala " }).answers[Q1]).toEqual({ text: " Kampala " });
    expect(readAttemptForm({ [f(Q1, "match.oL1")]: "oR2", [f(Q1, "match.oL2")]: "" }).answers[Q1]).toEqual({ matches: { oL1: "oR2" } });
    expect(readAttemptForm({ [f(Q1, "match.oL1")]: "", ...shown(Q1, null) }).answers[Q1]).toBeNull();
  });

  it("reads typed numbers as the browser does, and names the ones it cannot read", () => {
    expect(readAttemptForm({ [f(Q1, "number")]: "1,000" }).answers[Q1]).toEqual({ value: 1000 });
    expect(readAttemptForm({ [f(Q1, "number")]: "" }).answers[Q1]).toBeNull();
    const read = readAttemptForm({ [f(Q1, "number")]: "twelve", [f(Q2, "number")]: "12" });
    expect(read.unreadableNumbers).toEqual([Q1]);
    expect(read.answers).toEqual({ [Q2]: { value: 12 } });
  });

  it("moves an ordering item to the position chosen, the others keeping their order", () => {
    const order = (positions: Record<string, string>, extra: Record<string, string> = {}) =>
      readAttemptForm({ [f(Q1, "items")]: "a b c d", ...Object.fromEntries(Object.entries(positions).map(([item, p]) => [f(Q1, `position.${item}`), p])), ...extra }).answers[Q1];
    expect(order({ a: "1", b: "2", c: "3", d: "1" })).toEqual({ order: ["d", "a", "b", "c"] });
    expect(order({ a: "3", b: "2", c: "3", d: "4" })).toEqual({ order: ["b", "c", "a", "d"] });
    expect(order({ a: "4", b: "3", c: "2", d: "1" })).toEqual({ order: ["d", "c", "b", "a"] });
    expect(order({ a: "2", b: "1", c: "3", d: "4" })).toEqual({ order: ["b", "a", "c", "d"] });
    // Unmoved: unanswered until kept, as the page's "Keep this order" does; a position out of range moves nothing.
    expect(order({ a: "1", b: "2", c: "3", d: "9" })).toBeNull();
    expect(order({ a: "1", b: "2", c: "3", d: "4" }, { [f(Q1, "keep")]: "true" })).toEqual({ order: ["a", "b", "c", "d"] });
  });

  it("counts as changed only what differs from what the page showed", () => {
    const read = readAttemptForm({
      ...shown(Q1, { choices: ["oC", "oB"] }),
      [f(Q1, "choices")]: ["oB", "oC"],
      ...shown(Q2, { text: "old" }),
      [f(Q2, "text")]: "new",
      ...shown(Q3, { value: true }),
    });
    expect(read.changed).toEqual({ [Q2]: { text: "new" }, [Q3]: null });
  });

  it("takes a question the page did not show, or showed unreadably, as changed", () => {
    expect(readAttemptForm({ [f(Q1, "choice")]: "oA" }).changed).toEqual({ [Q1]: { choice: "oA" } });
    expect(readAttemptForm({ [shownFieldName(Q1)]: "{not json", [f(Q1, "choice")]: "oA" }).changed).toEqual({ [Q1]: { choice: "oA" } });
  });

  it("passes forged values on as they came, for the answer's schema to refuse", () => {
    expect(readAttemptForm({ [f(Q1, "choice")]: ["oA", "oB"], [f(Q1, "value")]: "maybe" }).answers[Q1]).toEqual({ choice: ["oA", "oB"], value: "maybe" });
    expect(readAttemptForm({ "answer.not-a-question.choice": "oA" }).rest).toEqual({ "answer.not-a-question.choice": "oA" });
  });

  it("reads the marks to revisit ticked or unticked since the page was drawn, and only those", () => {
    const read = readAttemptForm({
      attemptId: "a",
      // Ticked on the page; already marked when it was drawn; unticked; unmarked and left so.
      [shownRevisitFieldName(Q1)]: "false",
      [revisitFieldName(Q1)]: "true",
      [shownRevisitFieldName(Q2)]: "true",
      [revisitFieldName(Q2)]: "true",
      [shownRevisitFieldName(Q3)]: "true",
      [shownRevisitFieldName("00000000-0000-4000-8000-000000000004")]: "false",
    });
    expect(read.marks).toEqual({ [Q1]: true, [Q3]: false });
    expect(read.rest).toEqual({ attemptId: "a" });
    expect(read.changed).toEqual({});
  });

  it("takes a ticked box the page did not show as a mark, and passes a forged value on", () => {
    expect(readAttemptForm({ [revisitFieldName(Q1)]: "true" }).marks).toEqual({ [Q1]: true });
    expect(readAttemptForm({ [revisitFieldName(Q1)]: "yes", [shownRevisitFieldName(Q1)]: "false" }).marks).toEqual({ [Q1]: "yes" });
    expect(readAttemptForm({ "revisit.not-a-question": "true" }).rest).toEqual({ "revisit.not-a-question": "true" });
  });
});

describe("the same answer", () => {
  it("whatever the order of chosen options or matches, but not of an ordering", () => {
    expect(sameAnswer({ choices: ["a", "b"] }, { choices: ["b", "a"] })).toBe(true);
    expect(sameAnswer({ matches: { x: "1", y: "2" } }, { matches: { y: "2", x: "1" } })).toBe(true);
    expect(sameAnswer({ order: ["a", "b"] }, { order: ["b", "a"] })).toBe(false);
    expect(sameAnswer(null, undefined)).toBe(false);
  });
});

describe("reading one question's fields (the review page's form)", () => {
  it("reads the controls under the prefix into the JSON API's response, leaving other fields out", () => {
    expect(readQuestionFields({ cardId: "c", number: "0", "answer.choice": "oA" }, "answer")).toEqual({ choice: "oA" });
    expect(readQuestionFields({ "answer.choices": "oB" }, "answer")).toEqual({ choices: ["oB"] });
    expect(readQuestionFields({ "answer.value": "true" }, "answer")).toEqual({ value: true });
    expect(readQuestionFields({ "answer.number": "1,000" }, "answer")).toEqual({ value: 1000 });
    expect(readQuestionFields({ "answer.match.oL1": "oR2", "answer.match.oL2": "" }, "answer")).toEqual({ matches: { oL1: "oR2" } });
    expect(readQuestionFields({ "answer.items": "oA oB oC", "answer.position.oC": "1" }, "answer")).toEqual({ order: ["oC", "oA", "oB"] });
  });

  it("is null with nothing answered or only unknown parts, and unreadable for a number it cannot read", () => {
    expect(readQuestionFields({}, "answer")).toBeNull();
    expect(readQuestionFields({ "answer.text": "  ", "answer.bogus": "x", "answers.choice": "oA", choice: "oA" }, "answer")).toBeNull();
    expect(readQuestionFields({ "answer.number": "six" }, "answer")).toBe("unreadable");
    expect(readQuestionFields({ "answer.number": "" }, "answer")).toBeNull();
  });
});
