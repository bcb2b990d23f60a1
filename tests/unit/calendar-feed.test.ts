import { describe, expect, it } from "vitest";
import { dueEvents, type DueItem } from "@/lib/domain/calendar-feed";

const item = (over: Partial<DueItem> = {}): DueItem => ({
  assignmentId: "a1", kind: "QUIZ", title: "Foundations quiz", className: "Seminar", dueAt: new Date("2027-03-01T17:00:00Z"),
  extended: false, latePolicy: "REFUSE", path: "/courses/c/m/quizzes/q", ...over,
});

describe("calendar feed events", () => {
  it("names the item and class, says the late policy, and links the page at the site's address", () => {
    expect(dueEvents([item()], "https://caravan.example.edu")).toEqual([{
      id: "a1@caravan",
      summary: "Due: Foundations quiz (Seminar)",
      description: "Quiz for Seminar. Late work is refused after this time.",
      start: new Date("2027-03-01T17:00:00Z"),
      url: "https://caravan.example.edu/courses/c/m/quizzes/q",
    }]);
  });
  it("says when the due time is the student's own, and leaves out a link where there is no page", () => {
    const [event] = dueEvents([item({ kind: "DEBATE", extended: true, latePolicy: "FLAG", path: null })], "http://localhost:3000");
    expect(event.description).toBe("Debate prompt for Seminar. This is your own due time (an extension). Late work is accepted and marked late.");
    expect(event.url).toBeNull();
  });
  it("keeps each assignment's id, so a moved due time moves the same event", () => {
    const events = dueEvents([item({ assignmentId: "x" }), item({ assignmentId: "y", kind: "MODULE", latePolicy: "ACCEPT" })], "http://localhost:3000");
    expect(events.map((e) => e.id)).toEqual(["x@caravan", "y@caravan"]);
    expect(events[1].description).toBe("Module for Seminar. Late work is accepted.");
  });
  it("says the late penalty where late work is accepted, not where it is refused", () => {
    const latePenalty = { percentPerDay: 10, floorPercent: 50 };
    expect(dueEvents([item({ latePolicy: "ACCEPT", latePenalty })], "http://localhost:3000")[0].description)
      .toBe("Quiz for Seminar. Late work is accepted. Late work loses 10 % a day, to no less than 50 %.");
    expect(dueEvents([item({ latePolicy: "REFUSE", latePenalty })], "http://localhost:3000")[0].description).toBe("Quiz for Seminar. Late work is refused after this time.");
  });
});
