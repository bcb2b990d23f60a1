import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/server/action";

describe("formDataToObject", () => {
  it("reads single fields as values and repeated ones as one array, in order", () => {
    const form = new FormData();
    form.append("email", "a@example.org");
    form.append("tag", "one");
    form.append("tag", "two");
    form.append("tag", "three");
    form.append("$ACTION_ID_x", "ignored");
    expect(formDataToObject(form)).toEqual({ email: "a@example.org", tag: ["one", "two", "three"] });
  });

  it("gathers a forged form of many repeats into one array (appended in place, not copied per repeat)", () => {
    const form = new FormData();
    for (let i = 0; i < 50_000; i++) form.append("email", String(i));
    const read = formDataToObject(form).email as string[];
    expect(read).toHaveLength(50_000);
    expect(read.at(-1)).toBe("49999");
  });

  it("treats anything but FormData as an empty form", () => {
    expect(formDataToObject({ email: "x" })).toEqual({});
    expect(formDataToObject(null)).toEqual({});
  });
});

describe("formDataToObject and field names an object has of its own", () => {
  it("keeps a field named __proto__ or constructor as a field, not as the object's prototype or a repeat", () => {
    const form = new FormData();
    form.append("__proto__", "x");
    form.append("constructor", "y");
    const read = formDataToObject(form);
    expect(Object.keys(read)).toEqual(["__proto__", "constructor"]);
    expect(read.constructor).toBe("y");
  });
});
