// Searching a course's lessons: stemmed matches, section-level results with the reader's anchors, marked
// snippets, and hostile queries that give a message or nothing, never an error.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load";
import { syncCourse } from "@/lib/content/sync";
import { MATCH_END, MATCH_START, searchCourse } from "@/lib/server/search-service";
import { testDb, writeFixtureCourse } from "../support/fixtures";

const db = testDb();
let fixture: ReturnType<typeof writeFixtureCourse>;

beforeAll(async () => {
  fixture = writeFixtureCourse();
  await syncCourse(db, loadCourse(fixture.dir));
  await db.lesson.update({
    where: { id: fixture.lessonId },
    data: {
      body: [
        "Opening words about caravans.",
        "## Border accords",
        "The three states negotiated **borders** at Khujand.",
        "```sql\n## tariffs in a code comment, not a heading\n```",
        "<!-- Author's note, hidden from students:\n## Secret plans\nDraft wording about pipelines. -->",
        "<div>\nRaw markup the page drops: turquoise.\n</div>",
        "## Aid figures",
        "Loans grew tenfold over a decade.",
      ].join("\n\n"),
      meta: {
        ...((await db.lesson.findUniqueOrThrow({ where: { id: fixture.lessonId } })).meta as object),
        thesis: "Trade routes shaped diplomacy.",
        objectives: [{ id: "obj-one", text: "Explain the Almaty compromise.", bloom: "understand" }],
        keyTerms: [{ term: "Trijunction", definition: "The point where three borders meet." }],
        events: [{ date: "2025-03-31", label: "Border treaty signed at Khujand." }],
      },
    },
  });
});

describe("course search", () => {
  it("finds what the lesson page shows around the reading: the argument and objectives, key terms and dates", async () => {
    const first = async (query: string) => (await searchCourse(fixture.id, query)).results.map((r) => [r.sectionTitle, r.anchor]);
    expect(await first("trijunction")).toEqual([["Key term: Trijunction", "term-trijunction"]]);
    expect(await first("treaty")).toEqual([["Dates in this lesson", "events-heading"]]);
    expect(await first("Almaty compromise")).toEqual([[null, null]]);
    expect(await first("routes shaped")).toEqual([[null, null]]);
  });

  it("finds the section a word is in, by its stem, with the reader's anchor and a marked snippet", async () => {
    const { results, error } = await searchCourse(fixture.id, "negotiations");
    expect(error).toBeNull();
    expect(results).toEqual([expect.objectContaining({ lessonTitle: "Lesson one", sectionTitle: "Border accords", anchor: "border-accords" })]);
    expect(results[0].snippet).toContain(`${MATCH_START}negotiated${MATCH_END}`);
    // Markdown emphasis is not shown as asterisks.
    expect(results[0].snippet).not.toContain("**");
  });

  it("returns the matches a page at a time, best first; a page past the end shows the last", async () => {
    const query = "trijunction or treaty or negotiations";
    const all = await searchCourse(fixture.id, query);
    expect(all.results).toHaveLength(3);
    expect(all.paging).toMatchObject({ page: 1, pages: 1, first: 1, last: 3, total: 3 });
    const second = await searchCourse(fixture.id, query, { page: 2, pageSize: 1 });
    expect(second.results).toEqual([all.results[1]]);
    expect(second.paging).toMatchObject({ page: 2, pages: 3, first: 2, last: 2, total: 3 });
    expect(await searchCourse(fixture.id, query, { page: 9, pageSize: 2 })).toMatchObject({ results: [all.results[2]], paging: { page: 2, first: 3, last: 3 } });
  });

  it("matches the lesson's title in its opening part, and phrases and exclusions work", async () => {
    expect((await searchCourse(fixture.id, "lesson one")).results.map((r) => r.sectionTitle)).toEqual([null]);
    expect((await searchCourse(fixture.id, '"grew tenfold"')).results.map((r) => r.anchor)).toEqual(["aid-figures"]);
    expect((await searchCourse(fixture.id, "tenfold -loans")).results).toEqual([]);
    expect((await searchCourse(fixture.id, "tenfold -loans")).error).toBeNull();
  });

  it("says a query of only common words is too common, rather than that nothing matched", async () => {
    expect(await searchCourse(fixture.id, "the was")).toMatchObject({ error: expect.stringMatching(/too common/), results: [] });
    expect((await searchCourse(fixture.id, "zzzqqq")).error).toBeNull();
  });

  it("says a query of symbols or emoji alone is not searched, rather than that its words are too common", async () => {
    // One symbol alone was told to type a second character.
    for (const query of ["🇯🇵", "→ ★ !!", "%", " ? "]) {
      expect(await searchCourse(fixture.id, query)).toMatchObject({ error: expect.stringMatching(/^Search with words or numbers/), results: [] });
    }
  });

  it("another course's lessons are not searched, and hostile or empty queries give a message, not an error", async () => {
    expect((await searchCourse("no-such-course", "negotiated")).results).toEqual([]);
    expect(await searchCourse(fixture.id, " a ")).toMatchObject({ error: "Type at least two characters to search.", results: [] });
    expect((await searchCourse(fixture.id, "x".repeat(201))).error).toMatch(/under 200/);
    expect(await searchCourse(fixture.id, "\u0000a")).toMatchObject({ error: "Type at least two characters to search.", results: [] });
    for (const hostile of ["' OR 1=1 --", "&|!():*", "<script>alert(1)</script>", "\\\\", "😀😀", "-", '""', "\u0000ab", "negotiated\u0000", "\u0001\u0002x"]) {
      const outcome = await searchCourse(fixture.id, hostile);
      expect(outcome.results.every((r) => r.lessonSlug === "l1" || r.lessonTitle === "Lesson one")).toBe(true);
    }
  });

  it("a \"## \" in a code block is no section, and text the reader hides (comments, raw HTML) is not searched", async () => {
    // Before, the search split at every "## " line, so this result named a section no page has.
    expect((await searchCourse(fixture.id, "tariffs")).results).toEqual([expect.objectContaining({ sectionTitle: "Border accords", anchor: "border-accords" })]);
    expect((await searchCourse(fixture.id, "pipelines")).results).toEqual([]);
    expect((await searchCourse(fixture.id, "secret")).results).toEqual([]);
    expect((await searchCourse(fixture.id, "turquoise")).results).toEqual([]);
  });
});
