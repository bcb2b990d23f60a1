// The importer on fixture documents written for these tests: what it extracts (metadata, sections, key
// terms, dated events, figures), the questions it drafts, the content format of its output, the review
// rules, refusals of bad input, and the command line.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { inFencedCode, inHtmlComment, lessonSections } from "@/lib/content/anchors";
import { loadCourse } from "@/lib/content/load";
import { lessonFrontmatterSchema, questionSchema, quizSchema, sourceSchema } from "@/lib/content/schema";
import { findDatesInText, parseDateText } from "@/lib/importer/dates";
import { buildImportDraft, draftCounts, MAX_LISTED, type ImportDraft } from "@/lib/importer/draft";
import { draftQuizYaml, lessonMarkdown, reviewJson, sourceYaml } from "@/lib/importer/files";
import { checkImportText, decodeImportBytes, detectFormat, ImportInputError, inputMessages, MAX_IMPORT_BYTES, MAX_IMPORT_SECTIONS, undecodedNote } from "@/lib/importer/input";
import { MAX_HTML_DEPTH, nestedTooDeeply } from "@/lib/importer/parse";
import { BLANK, numbersIn, orderableEvents } from "@/lib/importer/questions";
import { bodySectionsProblem } from "@/lib/importer/sections";
import { applyDetails, applyReview, draftDetailsSchema, ImportReviewError, publishableQuiz } from "@/lib/importer/review";
import { markdownInlineToText, shorten, squash } from "@/lib/importer/text";
import { unstorableTextAt } from "@/lib/domain/storable-text";

const root = path.resolve(import.meta.dirname, "../..");
const fixtureDir = path.join(root, "tests/fixtures/import");
const read = (name: string) => readFileSync(path.join(fixtureDir, name), "utf8");
const draftOf = (name: string) => buildImportDraft(read(name), { fileName: name, today: "2025-01-15" });

const terms = (draft: ImportDraft, kind: "person" | "organisation" | "place" | "policy") => draft.keyTerms.filter((t) => t.kind === kind).map((t) => t.term);
const events = (draft: ImportDraft) => draft.events.map((e) => [e.date, e.label]);
const figures = (draft: ImportDraft) => draft.figures.map((f) => [f.value, f.unit]);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportInputError);
    return (error as Error).message;
  }
  throw new Error("expected the input to be refused");
}

describe("input checks", () => {
  it("refuses empty, binary, non-UTF-8 and huge input with a sentence that says what to do", () => {
    expect(refusal(() => checkImportText(""))).toBe(inputMessages.empty);
    expect(refusal(() => checkImportText(" \n\t \n"))).toBe(inputMessages.empty);
    expect(refusal(() => decodeImportBytes(new Uint8Array()))).toBe(inputMessages.empty);
    expect(refusal(() => decodeImportBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02])))).toBe(inputMessages.binary);
    expect(refusal(() => checkImportText(`text\u0000more text`))).toBe(inputMessages.binary);
    expect(refusal(() => decodeImportBytes(new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0xff : 0x41)))))).toBe(inputMessages.notUtf8);
    expect(refusal(() => checkImportText("\u0001\u0002\u0003\u0004 some words".repeat(20)))).toBe(inputMessages.binary);
    expect(refusal(() => checkImportText("word ".repeat(MAX_IMPORT_BYTES / 5 + 1)))).toBe(inputMessages.tooLarge);
    expect(refusal(() => decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41)))).toBe(inputMessages.tooLarge);
    expect(inputMessages.tooLarge).toMatch(/larger than 1 MB/);
  });

  it("accepts UTF-8 text with a stray bad byte, a byte-order mark and Windows line endings", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Caf\u00e9 au lait\r\n".repeat(50)), 0xff]);
    const text = decodeImportBytes(bytes);
    expect(text.startsWith("Café")).toBe(true);
    expect(text).not.toContain("\r");
  });

  it("reads UTF-16 text by its byte-order mark (Notepad's and Word's \"Unicode\"), either byte order", () => {
    const line = "Caf\u00e9 au lait, \u6771\u4eac\r\n".repeat(20);
    const little = new Uint8Array([0xff, 0xfe, ...Array.from(line).flatMap((c) => { const u = c.charCodeAt(0); return [u & 0xff, u >> 8]; })]);
    const big = new Uint8Array([0xfe, 0xff, ...Array.from(line).flatMap((c) => { const u = c.charCodeAt(0); return [u >> 8, u & 0xff]; })]);
    for (const bytes of [little, big]) expect(decodeImportBytes(bytes)).toBe(line.replace(/\r\n/g, "\n"));
    // Without the mark, NULs still mean a binary file.
    expect(() => decodeImportBytes(little.slice(2))).toThrow(inputMessages.binary);
  });

  it("the note on undecodable characters never cuts a character in half", () => {
    const note = undecodedNote(`A text ${"\u{1D401}".repeat(19)}a\u{1D401}\u{1D401}\uFFFD here.`)!;
    expect(unstorableTextAt(note)).toBeNull();
  });

  it("refuses text with nothing to read, or too little", () => {
    expect(refusal(() => buildImportDraft("<html><script>alert(1)</script><style>p{}</style></html>", { fileName: "x.html" }))).toBe(inputMessages.noText);
    expect(refusal(() => buildImportDraft("A short note.", { fileName: "x.txt" }))).toBe(inputMessages.tooShort);
  });

  it("detects the format from the file name, else from the text", () => {
    expect(detectFormat("a.HTM", "plain")).toBe("html");
    expect(detectFormat("a.md", "<p>x</p>")).toBe("markdown");
    expect(detectFormat("a.txt", "# Heading")).toBe("text");
    expect(detectFormat(undefined, "<!DOCTYPE html><html></html>")).toBe("html");
    expect(detectFormat(undefined, "# Title\n\nText with a [link](https://example.org).")).toBe("markdown");
    expect(detectFormat("pasted text", "Just some words, nothing else.")).toBe("text");
  });
});

describe("dates", () => {
  it("reads the ways articles write dates, to the precision they give", () => {
    expect(parseDateText("14 March 2023")).toBe("2023-03-14");
    expect(parseDateText("Tuesday, 14th March 2023")).toBe("2023-03-14");
    expect(parseDateText("March 14, 2023")).toBe("2023-03-14");
    expect(parseDateText("Sept. 2003")).toBe("2003-09");
    expect(parseDateText("2024-11-05T08:30:00Z")).toBe("2024-11-05");
    expect(parseDateText("1998")).toBe("1998");
    expect(parseDateText("31 February 2020")).toBeNull();
    expect(parseDateText("yesterday")).toBeNull();
  });

  it("takes a bare year as a date only where it reads as one", () => {
    expect(findDatesInText("It has operated since 2012 and grew in 2015.").map((d) => d.iso)).toEqual(["2012", "2015"]);
    expect(findDatesInText("About 2000 workers struck on 3 May 2011.").map((d) => d.iso)).toEqual(["2011-05-03"]);
    expect(findDatesInText("The mid-1990s were hard; 2019 was not tagged here.")).toEqual([]);
  });
});

describe("plain-text fixture: harbour-article.txt", () => {
  const draft = draftOf("harbour-article.txt");

  it("finds the title, author and date and keeps them out of the body", () => {
    expect(draft.metadata).toEqual({ title: "Rebuilding the Riverside: How Linz Reinvented Its Harbour", author: "Anna Keller", date: "2023-03-14", outlet: null });
    expect(draft.format).toBe("text");
    expect(draft.body).not.toContain("Anna Keller");
    expect(draft.body).not.toContain("Published");
  });

  it("splits a text without headings into sections of paragraphs", () => {
    expect(draft.sections.map((s) => s.title)).toEqual(["Part 1: Thomas Berger", "Part 2: Budapest"]);
    expect(lessonSections(draft.body).map((s) => s.anchor)).toEqual(draft.sections.map((s) => s.anchor));
    // Every paragraph is in the body once, in order.
    const paragraphs = read("harbour-article.txt").split("\n\n").slice(2);
    let at = 0;
    for (const p of paragraphs) {
      const found = draft.body.indexOf(p.trim(), at);
      expect(found, p.slice(0, 40)).toBeGreaterThan(at - 1);
      at = found;
    }
  });

  it("finds exactly the dated events the article contains", () => {
    expect(events(draft)).toEqual([
      ["1998", "That changed, when the mayor, Thomas Berger, asked the Danube Transport Agency to draw up a plan for the waterfront"],
      ["2003-05", "Work on the quays began"],
      ["2009-09-09", "The new harbour park opened with a concert by the Vienna Philharmonic"],
      ["2015", "The district hosted 140 companies, most of them in design and software"],
      ["2026", "The city plans a second phase of the park, extending it along the river towards Budapest"],
    ]);
  });

  it("finds exactly the figures the article contains, and no year or date among them", () => {
    expect(figures(draft)).toEqual([[48, "million euros"], [1200, "tonnes"], [35000, "visitors"], [140, "companies"], [38, "%"], [62, "%"]]);
  });

  it("finds a dollar figure written with its country's letters, as the course's own sources write them (US$12 billion)", () => {
    const text = "Japanese aid to the region. ".repeat(3) + "Japan's aid grew from US$2.57 million in 1993 to US$242.28 million in 2003. Usubaliev puts the total at US$12 billion, and a Sydney paper at A$15 billion. Tokyo pledged $5 million more.";
    expect(figures(buildImportDraft(text, { fileName: "aid.txt", today: "2025-01-15" }))).toEqual([[2.57, "million dollars"], [242.28, "million dollars"], [12, "billion dollars"], [15, "billion dollars"], [5, "million dollars"]]);
  });

  it("finds the people, organisations and places", () => {
    expect(terms(draft, "person")).toEqual(["Thomas Berger", "Maria Lang"]);
    expect(terms(draft, "organisation").sort()).toEqual(["Danube Transport Agency", "European Commission", "Johannes Kepler University", "Vienna Philharmonic"]);
    expect(terms(draft, "place").sort()).toEqual(["Budapest", "Linz", "Vienna"]);
    // "Berger argued ..." counts as a mention of Thomas Berger.
    expect(draft.keyTerms.find((t) => t.term === "Thomas Berger")).toMatchObject({ aliases: ["Berger"], mentions: 2 });
    // "Vienna" inside "Vienna Philharmonic" is not a mention of the city.
    expect(draft.keyTerms.find((t) => t.term === "Vienna")?.mentions).toBe(1);
  });
});

describe("Markdown fixture: seed-bank.md", () => {
  const draft = draftOf("seed-bank.md");

  it("reads the front matter and the first heading", () => {
    expect(draft.metadata).toEqual({ title: "Seeds Against the Storm: The Story of a Northern Gene Bank", author: "Dr. Samuel Okafor", date: "2021-06-02", outlet: "Harbour and Field Review" });
    expect(draft.source).toMatchObject({ author: "Dr. Samuel Okafor", published: "2021-06-02", outlet: "Harbour and Field Review" });
  });

  it("makes sections from the document's headings, keeping sub-headings and inline Markdown inside them", () => {
    expect(draft.sections.map((s) => s.title)).toEqual(["Introduction", "A Cold Room in the North", "Growth and Money", "Who Owns the Seeds?"]);
    expect(lessonSections(draft.body).map((s) => s.anchor)).toEqual(["introduction", "a-cold-room-in-the-north", "growth-and-money", "who-owns-the-seeds"]);
    expect(draft.body).toContain("### The winter power failure");
    expect(draft.body).toContain("*Two copies*, she wrote");
    expect(draft.body).toContain("[Iceland](https://example.org/iceland)");
  });

  it("finds exactly the dated events and figures", () => {
    expect(draft.events.map((e) => e.date)).toEqual(["1984", "1993-03", "2005", "2011-01-17", "2019", "2027"]);
    expect(draft.events[1].label).toBe("The Nordic Council took over the funding");
    expect(figures(draft)).toEqual([[300, "samples"], [2.5, "million kroner"], [21000, "samples"], [36, "hours"], [4, "degrees"], [3, "%"]]);
  });

  it("finds the people, organisations and places", () => {
    expect(terms(draft, "person")).toEqual(["Ingrid Solberg", "Lars Henriksen", "Kari Nilsen"]);
    expect(terms(draft, "organisation").sort()).toEqual(["Food and Agriculture Organization", "Nordic Council", "Norwegian Farmers' Union", "University of Tromsø"]);
    expect(terms(draft, "place").sort()).toEqual(["Estonia", "Europe", "Finland", "Iceland", "Norway"]);
  });
});

describe("HTML fixture: night-ferry.html", () => {
  const draft = draftOf("night-ferry.html");

  it("keeps only the article's text: no script, style, frame, navigation, footer or handler survives", () => {
    const everything = JSON.stringify({ ...draft, notes: [] });
    for (const banned of ["alert", "cookie", "evil.example", "steal", "background: red", "ads.example", "javascript:", "onclick", "Home", "All rights reserved", "<"]) {
      expect(everything, banned).not.toContain(banned);
    }
    expect(draft.notes[0]).toBe("Removed from the HTML: 2 scripts, 1 style sheet, 1 embedded frame, 2 event handlers, 1 javascript: link. Only the text was kept.");
    expect(draft.body).toContain("- A ticket costs 35 euros for a seat and 120 euros for a cabin.");
    expect(draft.body).toContain("Book a crossing on the company's website.");
  });

  it("reads the title, author, date and outlet from the page", () => {
    expect(draft.metadata).toEqual({ title: "The Night Ferry to Tallinn", author: "Elena Petrova", date: "2024-11-05", outlet: "Coastal Times" });
    expect(draft.body).not.toContain("By Elena Petrova");
  });

  it("makes sections from the headings and finds exactly the events and figures", () => {
    expect(draft.sections.map((s) => s.title)).toEqual(["Introduction", "An old route", "Life on board", "The next chapter"]);
    expect(draft.events.map((e) => e.date)).toEqual(["1837", "1991-08", "1999", "2012", "2027-05-01"]);
    expect(figures(draft)).toEqual([[900, "passengers"], [420, "cabins"], [35, "euros"], [120, "euros"], [18, "tonnes"], [60, "million euros"]]);
    expect(terms(draft, "person")).toEqual(["Mikko Laine"]);
    expect(terms(draft, "organisation").sort()).toEqual(["European Union", "Nordline Shipping Company"]);
    expect(terms(draft, "place").sort()).toEqual(["Estonia", "Gulf of Finland", "Helsinki", "Tallinn"]);
  });

  it("refuses HTML nested too deeply to read with a sentence that says what to do, and reads it up to that depth", () => {
    const reading = "The ferry left Helsinki in 2004 with nine hundred passengers on board and reached Tallinn before dawn the next day.";
    // <html> and <body> are two levels; every <div> or <span> one more.
    const page = (divs: number, spans = 0) => `<html><body>${"<div>".repeat(divs)}<p>${"<span>".repeat(spans)}${reading}${"</span>".repeat(spans)}</p>${"</div>".repeat(divs)}</body></html>`;
    for (const deep of [page(20_000), page(MAX_HTML_DEPTH - 2), page(10, 20_000)]) {
      expect(refusal(() => buildImportDraft(deep, { fileName: "deep.html" }))).toBe(nestedTooDeeply);
    }
    expect(nestedTooDeeply).toMatch(new RegExp(`more than ${MAX_HTML_DEPTH} .*plain text or Markdown`));
    expect(buildImportDraft(page(MAX_HTML_DEPTH - 5, 1), { fileName: "deep.html" }).body).toContain("nine hundred passengers");
  });
});

describe("named policies", () => {
  const text = [
    "# Japan and the steppe",
    "",
    "In 1997 Prime Minister Ryutaro Hashimoto announced Japan's Silk Road Diplomacy in a speech to business leaders in Tokyo. The new Silk Road Diplomacy framed Central Asia as a partner rather than a frontier.",
    "",
    "China's Belt and Road Initiative later changed the region's options. Observers in Kazakhstan compared the Belt and Road Initiative with the Japanese approach, and the Asian Development Bank funded roads across the Silk Road.",
    "",
    "Policy makers in Tashkent read both with care, and Uzbekistan kept its distance from each.",
  ].join("\n");
  const draft = buildImportDraft(text, { fileName: "steppe.md", today: "2025-01-15" });

  it("files a named policy or initiative as one, not as a place, without the owner said before it", () => {
    expect(terms(draft, "policy").sort()).toEqual(["Belt and Road Initiative", "Silk Road Diplomacy"]);
    expect(terms(draft, "place")).not.toContain("Silk Road Diplomacy");
    expect(terms(draft, "organisation")).toEqual(["Asian Development Bank"]);
    // A capitalised word that starts a sentence is no policy name on its own.
    expect(draft.keyTerms.map((t) => t.term)).not.toContain("Policy");
    expect(draftCounts(draft).policies).toBe(2);
    expect(draft.keyTerms.find((t) => t.term === "Silk Road Diplomacy")?.mentions).toBe(2);
  });
});

describe("the instructor's title and citation", () => {
  it("replace what the text gave (or did not) everywhere students see them, and clear the notes about them", () => {
    const paragraph = "The harbour was rebuilt in 1998 by a team of forty engineers, and ferries have crossed to the island every winter since then.";
    const draft = buildImportDraft([paragraph, paragraph.replace("harbour", "bridge"), paragraph.replace("harbour", "lighthouse")].join("\n\n"), { fileName: "pasted text", today: "2025-01-15" });
    expect(draft.notes.some((n) => /No author/.test(n))).toBe(true);
    expect(draft.source.notes).toContain("the import date stands in");
    const details = draftDetailsSchema.parse({ title: " The island ferries ", author: "Aino Virtanen", outlet: "Harbour Quarterly", published: "2019-06" });
    const corrected = applyDetails(draft, details);
    expect(corrected.metadata).toMatchObject({ title: "The island ferries", author: "Aino Virtanen", outlet: "Harbour Quarterly", date: "2019-06" });
    expect(corrected.lesson.title).toBe("The island ferries");
    expect(corrected.source).toMatchObject({ title: "The island ferries", author: "Aino Virtanen", outlet: "Harbour Quarterly", published: "2019-06" });
    expect(corrected.source.notes).not.toContain("stands in");
    expect(corrected.quiz.title).toBe("Quiz: The island ferries");
    // The objective that names the reading names it as corrected.
    expect(corrected.lesson.objectives[0].text).toBe("Recall the people, organisations, places, policies and figures that “The island ferries” discusses.");
    expect(corrected.notes.some((n) => /No author|no recognisable title|No publication date/.test(n))).toBe(false);
    expect(lessonFrontmatterSchema.safeParse(corrected.lesson).success).toBe(true);
    expect(sourceSchema.safeParse(corrected.source).success).toBe(true);
    for (const bad of [{ ...details, published: "2023-02-30" }, { ...details, author: " " }, { ...details, extra: 1 }]) expect(draftDetailsSchema.safeParse(bad).success).toBe(false);
  });
});

describe("awkward Markdown and text", () => {
  it("keeps a code block indented under a list item from swallowing the sections after it", () => {
    const paragraph = (topic: string) => `The ${topic} was built in 1998 by a team of forty engineers, and it has carried goods between the two ports every winter since then.`;
    const markdown = ["# A reading with code", "", "## First part", "", paragraph("first bridge"), "", "1. Step one", "", "    ```", "    let x = 1;", "    ```", "", "## Second part", "", paragraph("second bridge"), "", "## Third part", "", paragraph("third bridge")].join("\n");
    const draft = buildImportDraft(markdown, { fileName: "code.md" });
    expect(lessonSections(draft.body).map((s) => s.anchor)).toEqual(["first-part", "second-part", "third-part"]);
    expect(draft.body).toContain("```\nlet x = 1;\n```");
  });

  it("reads code as CommonMark does: indented code is kept as code, inline triple backticks open nothing, a fence closes only on its own kind", () => {
    const paragraph = (topic: string) => `The ${topic} was built in 1998 by a team of forty engineers, and it has carried goods between the two ports every winter since then.`;
    const markdown = [
      "# A reading with code", "", "## First part", "", paragraph("first bridge"), "",
      "    ## Build", "    make all", "", paragraph("indented code"), "",
      "Run ```npm i``` then start it.", "", "1. Step one", "", "    More about step one.", "",
      "```", "~~~", "still code", "```` trailing", "```", "",
      "## Second part", "", paragraph("second bridge"),
    ].join("\n");
    const draft = buildImportDraft(markdown, { fileName: "code.md" });
    expect(lessonSections(draft.body).map((s) => s.anchor)).toEqual(["first-part", "second-part"]);
    expect(draft.body).toContain("```\n## Build\nmake all\n```");
    expect(draft.body).toContain("Run ```npm i``` then start it.");
    expect(draft.body).toContain("More about step one.");
    expect(draft.body).not.toContain("```\nMore about step one.");
    expect(draft.body).toContain("```\n~~~\nstill code\n```` trailing\n```");
  });

  it("an unclosed form or script tag loses only its tag; raw HTML in code stays to be read; a closed script goes whole", () => {
    const paragraph = (topic: string) => `The ${topic} was built in 1998 by a team of forty engineers, and it has carried goods between the two ports every winter since then.`;
    const markdown = [
      "# Forms on the web", "", "## Choosing", "", `A \`<select>\` element lets a reader pick one of several options. ${paragraph("first bridge")}`, "",
      "An unclosed <select name=x> in the prose.", "", "<script>alert(1)</script>", "",
      "## Labels", "", paragraph("second bridge"), "", "```html", "<label for=a>Name</label>", "```", "", "## Testing", "", paragraph("third bridge"),
    ].join("\n");
    const draft = buildImportDraft(markdown, { fileName: "forms.md" });
    expect(lessonSections(draft.body).map((s) => s.anchor)).toEqual(["choosing", "labels", "testing"]);
    expect(draft.body).toContain("`<select>`");
    expect(draft.body).toContain("<label for=a>Name</label>");
    expect(draft.body).toContain("An unclosed  in the prose.");
    expect(draft.body).not.toContain("alert(1)");
    expect(draft.body).toContain("third bridge");
  });

  it("keeps quoted and indented lines that look like a fence, an HTML comment or a heading as text, so the body has the draft's sections", () => {
    const paragraph = (topic: string) => `The ${topic} was built in 1998 by a team of forty engineers, and it has carried goods between the two ports every winter since then.`;
    const reading = (awkward: string) => ["# A reading with a quote", "", "## First part", "", paragraph("first bridge"), "", awkward, "", "## Second part", "", paragraph("second bridge"), "", "## Third part", "", `THIRD-PART-TEXT ${paragraph("third bridge")}`].join("\n");
    const cases = ["> ```\n> an example", "> ~~~\n> an example", "> <!-- editor's note", "<!-- editor's note", "A paragraph that goes on\n<!-- editor's note", "A paragraph that goes on\n    ## Second part", "A paragraph that goes on\n    ===", "A paragraph that goes on\n    <!-- editor's note"];
    for (const awkward of cases) {
      const draft = buildImportDraft(reading(awkward), { fileName: "quote.md" });
      expect(draft.sections.map((s) => s.anchor), awkward).toEqual(["first-part", "second-part", "third-part"]);
      expect(lessonSections(draft.body).map((s) => s.anchor), awkward).toEqual(["first-part", "second-part", "third-part"]);
      const lines = draft.body.split("\n");
      const code = inFencedCode(lines);
      const comment = inHtmlComment(lines, code);
      const third = lines.findIndex((l) => l.includes("THIRD-PART-TEXT"));
      expect([third >= 0, code[third], comment[third]], awkward).toEqual([true, false, false]);
      expect(bodySectionsProblem(draft.body, draft.sections), awkward).toBeNull();
    }
    // A quote stays a quote: what it opens ends with it, and a closed code sample in it is still code.
    expect(buildImportDraft(reading("> ```\n> an example"), { fileName: "quote.md" }).body).toContain("> ```\n> an example\n\n## Second part");
    expect(buildImportDraft(reading("> Run this:\n> ```\n> make all\n> ```"), { fileName: "quote.md" }).body).toContain("> Run this:\n> ```\n> make all\n> ```");
    expect(buildImportDraft(reading("A paragraph that goes on\n    ## Second part"), { fileName: "quote.md" }).body).toContain("A paragraph that goes on\n\\## Second part");
  });

  it("finds a body that would not show students the draft's sections", () => {
    const sections = [{ anchor: "one" }, { anchor: "two" }];
    expect(bodySectionsProblem("## One\n\nText.\n\n## Two\n\n```\ncode\n```", sections)).toBeNull();
    expect(bodySectionsProblem("## One\n\nText.\n\n## Two\n\n<!-- a note -->\nText.", sections)).toBeNull();
    expect(bodySectionsProblem("## One\n\n```\nText.\n\n## Two\n\nText.", sections)).toMatch(/code block/);
    expect(bodySectionsProblem("## One\n\nText.\n\n## Two\n\n~~~", sections)).toMatch(/code block/);
    expect(bodySectionsProblem("## One\n\n<!-- a note\n\n## Two\n\nText.", sections)).toMatch(/HTML comment/);
    expect(bodySectionsProblem("## One\n\nText.\n\n## Two\n\n## Two", sections)).toMatch(/sections/);
    expect(bodySectionsProblem("## One\n\nText.", sections)).toMatch(/sections/);
    expect(bodySectionsProblem("## Two\n\nText.\n\n## One", sections)).toMatch(/sections/);
  });

  it("never shortens text between the two halves of an emoji", () => {
    const text = "𝐁".repeat(90);
    for (let max = 2; max < 60; max++) expect(unstorableTextAt(shorten(text, max)), `max ${max}`).toBeNull();
  });
});

describe("what one draft holds", () => {
  const fill = (head: string, unit: string) => head + unit.repeat(Math.floor((MAX_IMPORT_BYTES - head.length - 100) / unit.length));
  const prose = "The Port Authority of Rotterdam said on 3 March 2021 that 48 million euros would go to the new harbour. ";

  it("refuses more top-level headings than a lesson can hold, with a sentence naming the limit", () => {
    expect(inputMessages.tooManySections).toContain(`${MAX_IMPORT_SECTIONS} sections`);
    expect(refusal(() => buildImportDraft(fill(prose.repeat(3), "## a\n\ntext text text\n\n"), { format: "markdown" }))).toBe(inputMessages.tooManySections);
    const justEnough = Array.from({ length: MAX_IMPORT_SECTIONS }, (_, i) => `## Part ${i}\n\n${prose}`).join("\n\n");
    expect(buildImportDraft(justEnough, { format: "markdown" }).sections).toHaveLength(MAX_IMPORT_SECTIONS);
  }, 60_000);

  it("makes longer parts of a long text without headings, never more than a lesson can hold", () => {
    const draft = buildImportDraft(fill("", `${prose}\n\n`), { format: "text" });
    expect(draft.sections.length).toBeLessThanOrEqual(MAX_IMPORT_SECTIONS);
    expect(draft.sections.length).toBeGreaterThan(MAX_IMPORT_SECTIONS / 2);
    expect(lessonSections(draft.body).map((s) => s.anchor)).toEqual(draft.sections.map((s) => s.anchor));
  }, 60_000);

  it("lists at most MAX_LISTED figures and events for review, and says how many the text gives", () => {
    const draft = buildImportDraft(fill(prose, "In March 2021 it cost 48 million euros, 12 per cent more. "), { format: "text" });
    expect(draft.figures).toHaveLength(MAX_LISTED);
    expect(draft.events).toHaveLength(MAX_LISTED);
    expect(draft.notes.some((n) => /^The text gives [\d,]+ figures; only the first 500 are listed here\.$/.test(n))).toBe(true);
    expect(draft.notes.some((n) => /^The text gives [\d,]+ dated events; only the first 500/.test(n))).toBe(true);
    expect(JSON.stringify(draft).length).toBeLessThan(1.5 * MAX_IMPORT_BYTES);
  }, 60_000);
});

describe.each(["harbour-article.txt", "seed-bank.md", "night-ferry.html"])("draft lesson and questions from %s", (name) => {
  const draft = draftOf(name);
  const plainBody = squash(markdownInlineToText(draft.body));
  const anchors = lessonSections(draft.body).map((s) => s.anchor);

  it("is a lesson, a source and a quiz in the content format", () => {
    expect(lessonFrontmatterSchema.safeParse(draft.lesson).success).toBe(true);
    expect(sourceSchema.safeParse(draft.source).success).toBe(true);
    expect(quizSchema.safeParse(YAML.parse(draftQuizYaml(draft)!)).success).toBe(true);
    expect(Object.keys(draft.lesson.sectionCitations)).toEqual(anchors);
    expect(draft.lesson.events.length).toBe(draft.events.length);
  });

  it("drafts cloze, numeric and ordering questions, each valid, unreviewed and pointing to a real sentence", () => {
    const counts = draftCounts(draft);
    expect(counts.cloze).toBeGreaterThanOrEqual(4);
    expect(counts.numeric).toBeGreaterThanOrEqual(3);
    expect(counts.ordering).toBe(1);
    const ids = new Set<string>();
    for (const q of draft.questions) {
      expect(questionSchema.safeParse(q.question).success, q.id).toBe(true);
      expect(q.status).toBe("draft");
      ids.add(q.id);
      expect(anchors).toContain(q.question.ref.section);
      for (const s of q.sources) {
        expect(plainBody, s.sentence).toContain(s.sentence);
        expect(anchors).toContain(s.section);
      }
      expect(q.sources[0].section).toBe(q.question.ref.section);
      const sentence = q.sources[0].sentence;
      if (q.question.type === "short") {
        // The blank hides the term (by its name or an alias: "Berger argued…"), and the term put back gives the sentence.
        expect(q.question.prompt).toContain(BLANK);
        expect(q.question.prompt).not.toContain(q.question.accepted[0]);
        const cloze = q.question.prompt.split("“")[1].replace(/”$/, "");
        expect(q.question.accepted.map((answer) => cloze.replaceAll(BLANK, answer))).toContain(sentence);
      }
      if (q.question.type === "numeric") {
        expect(numbersIn(sentence)).toContain(q.question.answer);
        expect(q.question.prompt).toContain(BLANK);
        // The prompt does not give the answer away.
        expect(numbersIn(q.question.prompt)).not.toContain(q.question.answer);
      }
      if (q.question.type === "ordering") {
        // Items are the dated events, in date order.
        const dates = q.question.items.map((item) => draft.events.find((e) => e.label.startsWith(item.text.replace(/…$/, "")))!.date);
        expect(dates).toEqual([...dates].sort());
        expect(q.sources).toHaveLength(q.question.items.length);
      }
    }
    expect(ids.size).toBe(draft.questions.length);
    // No sentence serves two questions, so one question never gives away another's answer.
    const sentences = draft.questions.flatMap((q) => q.sources.map((s) => s.sentence));
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it("loads as a course with the content loader when put in a course folder", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caravan-import-"));
    const lessonsDir = path.join(dir, "modules/m1/lessons");
    mkdirSync(lessonsDir, { recursive: true });
    mkdirSync(path.join(dir, "modules/m1/quizzes"));
    mkdirSync(path.join(dir, "sources"));
    writeFileSync(path.join(dir, "course.yaml"), YAML.stringify({ id: "import-check", slug: "import-check", title: "Import check", summary: "A course around one draft.", modules: ["m1"] }));
    writeFileSync(path.join(dir, "modules/m1/module.yaml"), YAML.stringify({ id: "import-check-m1", title: "M1", summary: "One module.", lessons: [draft.slug], quizzes: [`${draft.slug}-quiz`] }));
    writeFileSync(path.join(lessonsDir, `${draft.slug}.md`), lessonMarkdown(draft));
    writeFileSync(path.join(dir, "modules/m1/quizzes", `${draft.slug}-quiz.yaml`), draftQuizYaml(draft)!);
    writeFileSync(path.join(dir, "sources", `${draft.source.id}.yaml`), sourceYaml(draft));
    const course = loadCourse(dir);
    expect(course.moduleFiles[0].quizFiles[0].questions).toHaveLength(draft.questions.length);
  });
});

describe("ordering", () => {
  it("only orders events whose dates can be told apart", () => {
    const e = (date: string, label: string) => ({ date, label, dateText: date, sentenceId: 0 });
    expect(orderableEvents([e("2004", "a"), e("2004-06", "b"), e("2003-01-05", "c"), e("2005", "d")]).map((x) => x.label)).toEqual(["c", "a", "d"]);
  });
});

describe("review", () => {
  const draft = draftOf("harbour-article.txt");
  const [cloze, numeric] = [draft.questions.find((q) => q.kind === "cloze")!, draft.questions.find((q) => q.kind === "numeric")!];
  const ordering = draft.questions.find((q) => q.kind === "ordering")!;

  it("publishes only accepted questions, or no quiz at all", () => {
    expect(publishableQuiz(draft)).toBeNull();
    let reviewed = applyReview(draft, cloze.id, { action: "accept" });
    reviewed = applyReview(reviewed, numeric.id, { action: "drop" });
    reviewed = applyReview(reviewed, ordering.id, { action: "accept" });
    reviewed = applyReview(reviewed, ordering.id, { action: "reset" });
    expect(draft.questions.every((q) => q.status === "draft")).toBe(true); // the input is not changed
    const quiz = publishableQuiz(reviewed, { quizId: "imported-x-quiz", lessonId: "imported-x" })!;
    expect(quiz.questions.map((q) => q.id)).toEqual([cloze.id]);
    expect(quiz).toMatchObject({ id: "imported-x-quiz", lesson: "imported-x" });
    expect(quiz.questions[0].ref.lesson).toBe("imported-x");
  });

  it("edits the prompt and the answer of each type, and an edit accepts the question", () => {
    let reviewed = applyReview(draft, cloze.id, { action: "edit", prompt: "Who was the mayor of Linz in 1998?", accepted: ["Thomas Berger", "Berger", "Berger"] });
    expect(reviewed.questions.find((q) => q.id === cloze.id)).toMatchObject({ status: "accepted", edited: true, question: { prompt: "Who was the mayor of Linz in 1998?", accepted: ["Thomas Berger", "Berger"] } });
    reviewed = applyReview(reviewed, numeric.id, { action: "edit", prompt: "What did the first phase cost, in millions of euros?", answer: 48, unit: "million euros" });
    expect(reviewed.questions.find((q) => q.id === numeric.id)?.question).toMatchObject({ answer: 48, unit: "million euros" });
    reviewed = applyReview(reviewed, ordering.id, { action: "edit", prompt: "Order these.", items: ["First", "Second", "Third"] });
    expect(reviewed.questions.find((q) => q.id === ordering.id)?.question).toMatchObject({ items: [{ id: "e1", text: "First" }, { id: "e2", text: "Second" }, { id: "e3", text: "Third" }] });
    expect(publishableQuiz(reviewed)!.questions).toHaveLength(3);
  });

  it("refuses an edit that would make an invalid question, and an unknown question", () => {
    expect(() => applyReview(draft, numeric.id, { action: "edit", prompt: "How much?" })).toThrow(ImportReviewError);
    expect(() => applyReview(draft, cloze.id, { action: "edit", prompt: "Pick all of the above", accepted: ["x"] })).toThrow(/all\/none of the above/);
    // An accepted answer longer than the answer box took: the box grows to take it (the instructor cannot set it), to
    // its largest size, so the size learners see does not tell the answer's length.
    const long = "The mayor of Linz in 1998, who had been elected two years earlier by the city council";
    expect(applyReview(draft, cloze.id, { action: "edit", prompt: "Who was the mayor of Linz in 1998?", accepted: [long] }).questions.find((q) => q.id === cloze.id)!.question).toMatchObject({ accepted: [long], maxLength: 200 });
    expect(applyReview(draft, cloze.id, { action: "edit", prompt: "Who was the mayor of Linz in 1998?", accepted: [long.slice(0, 40)] }).questions.find((q) => q.id === cloze.id)!.question).toMatchObject({ maxLength: 80 });
    expect(() => applyReview(draft, "nope", { action: "accept" })).toThrow(expect.objectContaining({ reason: "not-found" }));
  });
});

describe("command line: npm run import", () => {
  const run = (...args: string[]) => spawnSync("npx", ["tsx", "scripts/import.ts", ...args], { cwd: root, encoding: "utf8" });

  it("writes the draft files to the folder and prints what it extracted", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "caravan-cli-")), "draft");
    const stdout = execFileSync("npx", ["tsx", "scripts/import.ts", path.join(fixtureDir, "seed-bank.md"), "--out", out], { cwd: root, encoding: "utf8" });
    expect(stdout).toContain("title:   Seeds Against the Storm: The Story of a Northern Gene Bank");
    expect(stdout).toContain("Sections (4):");
    expect(stdout).toContain("Dated events (6):");
    expect(stdout).toContain("Figures (6):");
    expect(stdout).toMatch(/Draft questions \(10: 6 cloze, 3 numeric, 1 ordering\)/);
    const slug = "seeds-against-the-storm-the-story-of-a-northern-gene-bank";
    expect(readdirSync(out).sort()).toEqual(["review.json", `${slug}-quiz.yaml`, `${slug}-source.yaml`, `${slug}.md`].sort());
    const review = JSON.parse(readFileSync(path.join(out, "review.json"), "utf8"));
    expect(review.questions).toHaveLength(10);
    for (const q of review.questions) {
      expect(q.status).toBe("draft");
      expect(q.sourceSentences.length).toBeGreaterThan(0);
    }
    expect(readFileSync(path.join(out, `${slug}-quiz.yaml`), "utf8")).toMatch(/^# DRAFT QUIZ/);
    // A second run does not overwrite without --force.
    const again = run(path.join(fixtureDir, "seed-bank.md"), "--out", out);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("--force");
    expect(run(path.join(fixtureDir, "seed-bank.md"), "--out", out, "--force").status).toBe(0);
  }, 60_000);

  it("refuses bad input and writing into content/courses, and writes nothing", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caravan-cli-"));
    const binary = path.join(dir, "scan.pdf");
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0xff]));
    const refused = run(binary, "--out", path.join(dir, "out"));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(inputMessages.binary);
    writeFileSync(path.join(dir, "empty.txt"), "");
    expect(run(path.join(dir, "empty.txt"), "--out", path.join(dir, "out")).stderr).toContain(inputMessages.empty);
    const intoCourses = run(path.join(fixtureDir, "harbour-article.txt"), "--out", path.join(root, "content/courses/should-not-exist"));
    expect(intoCourses.status).toBe(1);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
    expect(existsSync(path.join(root, "content/courses/should-not-exist"))).toBe(false);
  }, 60_000);
});

describe("review.json", () => {
  it("lists every draft question with its source sentences and status", () => {
    const draft = draftOf("night-ferry.html");
    const review = JSON.parse(reviewJson(draft));
    expect(review.questions.map((q: { id: string }) => q.id)).toEqual(draft.questions.map((q) => q.id));
    expect(review.questions[0]).toMatchObject({ status: "draft", kind: "cloze", type: "short", answer: "Helsinki", sourceSentences: [{ section: "introduction" }] });
  });
});
