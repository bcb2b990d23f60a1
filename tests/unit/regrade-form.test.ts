import { describe, expect, it } from "vitest";
import { REGRADE_REASON_NEEDED } from "@/lib/domain/regrade";
import { missingRegradeFields, regradeValueFromFields } from "@/lib/domain/regrade-form";

describe("regradeValueFromFields", () => {
  it("reads only the chosen action's fields: the correct key's or another accepted answer's", () => {
    const fields = { "key.option": "b", "also.option": "c" };
    expect(regradeValueFromFields(fields, "CORRECT_KEY", "single")).toEqual({ kind: "value", value: "b" });
    expect(regradeValueFromFields(fields, "ACCEPT_ALTERNATIVE", "single")).toEqual({ kind: "value", value: "c" });
    expect(regradeValueFromFields(fields, "FULL_CREDIT", "single")).toEqual({ kind: "value", value: undefined });
  });

  it("reads each type's key as the route takes it", () => {
    expect(regradeValueFromFields({ "key.options": ["a", "c"] }, "CORRECT_KEY", "multiple")).toEqual({ kind: "value", value: ["a", "c"] });
    expect(regradeValueFromFields({ "key.options": "a" }, "CORRECT_KEY", "multiple")).toEqual({ kind: "value", value: ["a"] });
    expect(regradeValueFromFields({}, "CORRECT_KEY", "multiple")).toEqual({ kind: "value", value: [] });
    expect(regradeValueFromFields({ "key.truth": "false" }, "CORRECT_KEY", "truefalse")).toEqual({ kind: "value", value: false });
    expect(regradeValueFromFields({ "key.accepted": " Tokyo \n\n Edo " }, "CORRECT_KEY", "short")).toEqual({ kind: "value", value: ["Tokyo", "Edo"] });
    expect(regradeValueFromFields({ "also.accepted": " Edo " }, "ACCEPT_ALTERNATIVE", "short")).toEqual({ kind: "value", value: "Edo" });
    expect(regradeValueFromFields({ "key.number": "94", "key.tolerance": "" }, "CORRECT_KEY", "numeric")).toEqual({ kind: "value", value: { answer: 94 } });
    expect(regradeValueFromFields({ "key.number": "94", "key.tolerance": "0.5" }, "CORRECT_KEY", "numeric")).toEqual({ kind: "value", value: { answer: 94, tolerance: 0.5 } });
    expect(regradeValueFromFields({ "key.number": "", "key.tolerance": "0.5" }, "CORRECT_KEY", "numeric")).toEqual({ kind: "value", value: undefined });
    expect(regradeValueFromFields({ "also.number": "95" }, "ACCEPT_ALTERNATIVE", "numeric")).toEqual({ kind: "value", value: 95 });
  });

  it("says a number it cannot read is unreadable, rather than reading it as none", () => {
    expect(regradeValueFromFields({ "key.number": "ten" }, "CORRECT_KEY", "numeric")).toEqual({ kind: "unreadable" });
    expect(regradeValueFromFields({ "key.number": "10", "key.tolerance": "x" }, "CORRECT_KEY", "numeric")).toEqual({ kind: "unreadable" });
    expect(regradeValueFromFields({ "also.number": "1e999" }, "ACCEPT_ALTERNATIVE", "numeric")).toEqual({ kind: "unreadable" });
  });

  it("orders an ordering's items by the positions typed, and refuses positions that are not 1..n each once", () => {
    expect(regradeValueFromFields({ "key.position.x": "2", "key.position.y": "3", "key.position.z": "1" }, "CORRECT_KEY", "ordering")).toEqual({ kind: "value", value: ["z", "x", "y"] });
    expect(regradeValueFromFields({ "key.position.x": "1", "key.position.y": "1" }, "CORRECT_KEY", "ordering")).toEqual({ kind: "incomplete", itemCount: 2 });
    expect(regradeValueFromFields({ "key.position.x": "1", "key.position.y": "3" }, "CORRECT_KEY", "ordering")).toEqual({ kind: "incomplete", itemCount: 2 });
    expect(regradeValueFromFields({ "key.position.x": "1.5", "key.position.y": "2" }, "CORRECT_KEY", "ordering")).toEqual({ kind: "incomplete", itemCount: 2 });
  });

  it("pairs a matching's left-hand items in the form's order with the right-hand items chosen, each once", () => {
    expect(regradeValueFromFields({ "key.match.p1": "r2", "key.match.p2": "r1" }, "CORRECT_KEY", "matching")).toEqual({ kind: "value", value: ["r2", "r1"] });
    expect(regradeValueFromFields({ "key.match.p1": "r2", "key.match.p2": "r2" }, "CORRECT_KEY", "matching")).toEqual({ kind: "incomplete", itemCount: 2 });
    expect(regradeValueFromFields({ "key.match.p1": "r2", "key.match.p2": "" }, "CORRECT_KEY", "matching")).toEqual({ kind: "incomplete", itemCount: 2 });
  });

  it("passes a forged field's odd shape on for the service to refuse, and reads a file as nothing", () => {
    expect(regradeValueFromFields({ "key.option": ["a", "b"] }, "CORRECT_KEY", "single")).toEqual({ kind: "value", value: undefined });
    expect(regradeValueFromFields({ "key.options": ["a", new Blob(["x"])] }, "CORRECT_KEY", "multiple")).toEqual({ kind: "value", value: ["a"] });
  });
});

describe("missingRegradeFields", () => {
  it("asks for an answer unless full credit is given, and for a reason of five characters", () => {
    expect(missingRegradeFields("CORRECT_KEY", undefined, "Typo")).toEqual({ value: ["Give the corrected answer."], reason: [REGRADE_REASON_NEEDED] });
    expect(missingRegradeFields("CORRECT_KEY", [], "A good reason")).toEqual({ value: ["Give the corrected answer."] });
    expect(missingRegradeFields("ACCEPT_ALTERNATIVE", undefined, "A good reason")).toEqual({ value: ["Give the answer to accept as well."] });
    expect(missingRegradeFields("FULL_CREDIT", undefined, "A good reason")).toEqual({});
    expect(missingRegradeFields("CORRECT_KEY", false, "A good reason")).toEqual({});
  });
});
