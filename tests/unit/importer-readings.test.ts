// Ordinary readings that the importer got wrong: texts it refused with a server error, questions that gave
// their answers away, years read as figures, sentences read as bylines, paragraphs lost or merged, and
// review edits that left learners a wrong explanation. Each case is a text an instructor could bring.
import { describe, expect, it } from "vitest";
import { questionSchema } from "@/lib/content/schema";
import { buildImportDraft, type ImportDraft } from "@/lib/importer/draft";
import { decodeImportBytes } from "@/lib/importer/input";
import { analyseText, MAX_ANALYSED_CHARACTERS, startOf } from "@/lib/importer/nlp";
import { looksLikeNames, paragraphPerLine, parseDocument, readMetadataLine } from "@/lib/importer/parse";
import { numbersIn, orderableEvents } from "@/lib/importer/questions";
import { applyReview, ImportReviewError, MAX_NUMERIC_ANSWER } from "@/lib/importer/review";
import { numberRefused, readEditedAnswer } from "@/app/instructor/import/[draftId]/question-review";

const draftOf = (text: string, fileName = "reading.txt") => buildImportDraft(text, { fileName, today: "2025-01-15" });
const sameText = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
const event = (date: string, label: string, sentenceId = 0) => ({ date, label, dateText: date, sentenceId });

/** The sentences each question rests on, and the questions that share one. */
function sharedSentences(draft: ImportDraft) {
  const users = new Map<string, string[]>();
  for (const q of draft.questions) for (const s of q.sources) users.set(s.sentence, [...(users.get(s.sentence) ?? []), q.id]);
  return [...users.entries()].filter(([, ids]) => ids.length > 1);
}

const depots = `The city's buses

The city transport agency has run buses in Linz for a long time, and its depots tell the story of the service.
In 1998, the Agency opened a new depot near the river for the buses of the city.
In 2004, the agency opened a new depot near the river for the buses of the city.
In 2010 the city closed the old tram line that ran through the centre of town.
Since 2015 the buses have been electric and quiet in the centre of town.
`;

describe("a text the quiz schema would refuse a question from is imported, without that question", () => {
  it("skips a sentence that says 'all of the above' instead of failing the import", () => {
    const draft = draftOf(`Harbour plans

The mayor Thomas Berger spoke to the city council on Monday about the future of the harbour of Linz.
Thomas Berger said all of the above measures would cost 48 million euros in total, and the council agreed.
The council met again in 2019 to discuss the harbour with residents, and Berger answered their questions for two hours.
`);
    expect(draft.questions.length).toBeGreaterThan(0);
    for (const q of draft.questions) {
      expect(questionSchema.safeParse(q.question).success, q.id).toBe(true);
      expect(JSON.stringify(q.question)).not.toMatch(/of the above/i);
    }
    // Thomas Berger still gets a cloze, from another sentence.
    expect(draft.questions.find((q) => q.kind === "cloze" && q.question.type === "short" && q.question.accepted.includes("Thomas Berger"))).toBeDefined();
  });

  it("never puts two events that read the same, but for case, in one ordering question", () => {
    const draft = draftOf(depots);
    const ordering = draft.questions.find((q) => q.kind === "ordering");
    expect(ordering?.question.type).toBe("ordering");
    if (ordering?.question.type !== "ordering") return;
    const texts = ordering.question.items.map((i) => sameText(i.text));
    expect(new Set(texts).size).toBe(texts.length);
    expect(orderableEvents([event("1998", "The Agency opened a new depot"), event("2004", "The agency opened a  new depot"), event("2010", "The tram closed")]).map((e) => e.date)).toEqual(["1998", "2010"]);
  });

  it("leaves an event that says 'all of the above' out of the ordering question and orders the rest", () => {
    const draft = draftOf(`Depots and trams

In 1998 the city transport agency opened a new depot near the river for its buses.
In 2004 officials said all of the above plans for the depot had been dropped by then.
In 2010 the city closed the old tram line that ran through the centre of town.
Since 2015 the buses have been electric and quiet in the centre of town.
`);
    const ordering = draft.questions.find((q) => q.kind === "ordering");
    expect(ordering?.question.type === "ordering" && ordering.question.items.map((i) => i.text)).toEqual([
      "The city transport agency opened a new depot near the river for its buses",
      "The city closed the old tram line that ran through the centre of town",
      "The buses have been electric and quiet in the centre of town",
    ]);
  });
});

describe("no sentence serves two questions", () => {
  it("keeps the ordering question's sentences out of the cloze and numeric questions", () => {
    const draft = draftOf(`Rebuilding the Riverside

That changed in 1998, when the mayor, Thomas Berger, asked the Danube Transport Agency to draw up a plan for the waterfront.
Work on the quays began in May 2003, and Thomas Berger opened the first of them himself.
On 9 September 2009 the new harbour park opened with a concert by the Vienna Philharmonic.
By 2015 the district hosted 140 companies, most of them in design and software.
The Vienna Philharmonic came back to play in the park every summer after that, and 35,000 people heard them.
`);
    expect(draft.questions.some((q) => q.kind === "ordering")).toBe(true);
    expect(draft.questions.some((q) => q.kind === "cloze")).toBe(true);
    expect(sharedSentences(draft)).toEqual([]);
  });
});

describe("a numeric question never prints its own answer", () => {
  it("skips a figure whose number the sentence gives again", () => {
    const draft = draftOf(`Costs of the harbour

The council of the city of Linz in Austria met on Monday to discuss the harbour.
The first phase cost 48 million euros, and the second phase also cost 48 million euros according to the council.
The park drew 35,000 visitors on its first weekend.
`);
    const numeric = draft.questions.filter((q) => q.question.type === "numeric");
    expect(numeric.map((q) => q.question.type === "numeric" && q.question.answer)).toEqual([35000]);
    for (const q of numeric) if (q.question.type === "numeric") expect(numbersIn(q.question.prompt)).not.toContain(q.question.answer);
  });
});

describe("years are not figures", () => {
  it("reads a year after a determiner or a possessive as a year, and a bare number before a noun as a figure", () => {
    const draft = draftOf(`Floods

The 1998 floods destroyed the old bridge over the river in the town centre.
Its 2004 report blamed the dam, and Linz's 2006 plan rebuilt the bridge further upstream.
About 2000 workers rebuilt it over the following years with help from the army and many volunteers.
`);
    expect(draft.figures.map((f) => [f.value, f.unit])).toEqual([[2000, "workers"]]);
    expect(draft.questions.filter((q) => q.question.type === "numeric").map((q) => q.question.type === "numeric" && q.question.answer)).toEqual([2000]);
  });
});

describe("bylines", () => {
  it("reads only names as a byline's author", () => {
    expect(readMetadataLine("By Christmas 1914, soldiers on both sides had dug in.")).toBeNull();
    expect(readMetadataLine("By Christmas, the soldiers on both sides had dug in")).toBeNull();
    expect(readMetadataLine("By Monday")).toBeNull();
    expect(readMetadataLine("By Christmas Eve, soldiers had dug in")).toBeNull();
    expect(readMetadataLine("By Anna Keller, staff reporter")).toEqual({ author: "Anna Keller, staff reporter" });
    expect(readMetadataLine("By Anna Keller")).toEqual({ author: "Anna Keller" });
    expect(readMetadataLine("By Anna Keller and Tom O'Brien")).toEqual({ author: "Anna Keller and Tom O'Brien" });
    expect(readMetadataLine("By Sami al-Rashid, 2 June 2021")).toEqual({ author: "Sami al-Rashid", date: "2021-06-02" });
    // The publication after the names is the outlet, not a co-author; a second name is not a publication.
    expect(readMetadataLine("By A. Name, Central Asia Review, 12 March 2023")).toEqual({ author: "A. Name", outlet: "Central Asia Review", date: "2023-03-12" });
    expect(readMetadataLine("By Anna Keller | The Diplomat | 2 June 2021")).toEqual({ author: "Anna Keller", outlet: "The Diplomat", date: "2021-06-02" });
    expect(readMetadataLine("By Anna Keller, Tom O'Brien")).toEqual({ author: "Anna Keller, Tom O'Brien" });
    expect(readMetadataLine("By Anna Keller, Foreign Policy Research Institute")).toEqual({ author: "Anna Keller", outlet: "Foreign Policy Research Institute" });
    expect(looksLikeNames("Ludwig van Beethoven")).toBe(true);
    expect(looksLikeNames("A. J. de la Cruz")).toBe(true);
    expect(looksLikeNames("Christmas 1914")).toBe(false);
    expect(looksLikeNames("Halloween, the shops were full")).toBe(false);
  });

  it("leaves a sentence that starts with 'By' in the body", () => {
    const text = "The Christmas Truce\n\nBy Christmas 1914, soldiers on both sides had dug in.\n\nOn Christmas Eve, German soldiers put up candles and sang carols, and British soldiers answered with their own songs across the line.";
    for (const [fileName, source] of [["truce.txt", text], ["truce.md", `# ${text}`]]) {
      const draft = draftOf(source, fileName);
      expect(draft.metadata.author, fileName).toBeNull();
      expect(draft.body, fileName).toContain("By Christmas 1914, soldiers on both sides had dug in.");
    }
  });

  it("takes the author and date of bylines and datelines under a Markdown or HTML title, not only out of the body", () => {
    const markdown = parseDocument("# The Christmas Truce\n\nBy Anna Keller\n\nPublished 14 March 2023\n\nOn Christmas Eve, German soldiers put up candles and sang carols.", "markdown");
    expect(markdown).toMatchObject({ author: "Anna Keller", date: "2023-03-14" });
    expect(JSON.stringify(markdown.blocks)).not.toContain("Anna Keller");
    const html = parseDocument("<article><h1>The Christmas Truce</h1><p>By Anna Keller</p><p>On Christmas Eve, German soldiers put up candles.</p></article>", "html");
    expect(html.author).toBe("Anna Keller");
    const plain = draftOf("The Christmas Truce\n\nBy A. Name, Central Asia Review, 12 March 2023\n\nOn Christmas Eve, German soldiers put up candles and sang carols, and British soldiers answered with songs of their own from across the frozen line.", "truce.txt");
    expect(plain.metadata).toMatchObject({ author: "A. Name", outlet: "Central Asia Review", date: "2023-03-12" });
  });
});

describe("plain text with one paragraph a line", () => {
  const exported = "The Christmas Truce\r\nBy Anna Keller\r\nOn Christmas Eve 1914, German soldiers put up candles and sang carols across the line.\r\nBritish soldiers answered with their own songs, and in the morning men met in no man's land.\r\nThey exchanged gifts and buried their dead, and some played football in the frozen mud.\r\n";

  it("reads each line as a paragraph, and the first short one as the title, as Word and Notepad save it", () => {
    const draft = draftOf(exported);
    expect(draft.metadata).toMatchObject({ title: "The Christmas Truce", author: "Anna Keller" });
    expect(draft.body.split("\n\n").slice(1)).toEqual([
      "On Christmas Eve 1914, German soldiers put up candles and sang carols across the line.",
      "British soldiers answered with their own songs, and in the morning men met in no man's land.",
      "They exchanged gifts and buried their dead, and some played football in the frozen mud.",
    ]);
  });

  it("keeps hard-wrapped lines together, and a run of list items one list", () => {
    expect(paragraphPerLine(["On Christmas Eve 1914, German soldiers put up candles", "and sang carols across the line, and British soldiers", "answered with their own songs."])).toBe(false);
    expect(paragraphPerLine(["Title", "", "A paragraph."])).toBe(false);
    expect(paragraphPerLine(exported.replace(/\r/g, "").split("\n"))).toBe(true);
    const doc = parseDocument("What they exchanged\nThe soldiers exchanged small gifts across the line.\n- cigarettes\n- chocolate\n- buttons\nSome of the gifts are in museums today.", "text");
    expect(doc.blocks.map((b) => (b.kind === "paragraph" ? b.lines : b.text))).toEqual([
      ["The soldiers exchanged small gifts across the line."],
      ["cigarettes", "chocolate", "buttons"],
      ["Some of the gifts are in museums today."],
    ]);
  });
});

describe("a paragraph longer than the analysis limit", () => {
  it("is read up to the limit, ending at a sentence", () => {
    const sentence = "The ferry left Helsinki in 2004 with 900 passengers and reached Tallinn before dawn. ";
    const text = sentence.repeat(Math.ceil((MAX_ANALYSED_CHARACTERS + 10_000) / sentence.length));
    const analysis = analyseText([{ text, block: 0 }]);
    expect(analysis.truncated).toBe(true);
    // Read in pieces of 2,000 characters that drop the space between two of them (125 here), so up to two more
    // sentences fit than in the text taken whole.
    const whole = Math.floor((MAX_ANALYSED_CHARACTERS + 1) / sentence.length);
    expect(analysis.sentences.length).toBeGreaterThanOrEqual(whole);
    expect(analysis.sentences.length).toBeLessThanOrEqual(whole + 2);
    expect(analysis.sentences.at(-1)?.text).toBe(sentence.trim());
    expect(analysis.figures.length).toBe(analysis.sentences.length);
  }, 60_000);

  it("is cut after its last sentence before the limit, or at a space when it has none", () => {
    expect(startOf("One. Two three. Four", 17)).toBe("One. Two three.");
    expect(startOf("One. Two three. Four", 100)).toBe("One. Two three. Four");
    expect(startOf("One two three", 8)).toBe("");
    expect(startOf(`${"word ".repeat(1000)}end`, 4002)).toBe("word ".repeat(800).trim());
  });
});

describe("text that was not UTF-8", () => {
  it("says how many characters were lost, and where, even under the refusal limit", () => {
    // "Café … naïve" saved as Windows-1252: é and ï are single bytes that are not UTF-8.
    const latin1 = Uint8Array.from([..."The harbour caf", "\u00e9", " in Linz is where the naive plan to rebuild the waterfront began, long before anyone had money for it, and the na", "\u00ef", "ve hopes of its owners came true. ", "The rest of the article is plain English, so the two lost letters are well under one in a hundred characters of it."].join("").split("").map((c) => c.charCodeAt(0)));
    const draft = draftOf(decodeImportBytes(latin1));
    expect(draft.notes[0]).toBe("The file may not be UTF-8: 2 characters could not be read and show as “\uFFFD” (in “caf\uFFFD”, “na\uFFFDve”). To keep them, save the file as UTF-8 (in Notepad or Word: Save as, Encoding UTF-8) and import it again.");
    expect(draftOf("The harbour café in Linz is where the naive plan to rebuild the waterfront began, long before anyone had money for it.").notes.join(" ")).not.toMatch(/UTF-8/);
  });
});

describe("HTML lists and forms", () => {
  it("keeps a list item's own text when it holds a sub-list, and nests the sub-list under it", () => {
    const doc = parseDocument("<article><h1>Harvest</h1><ul><li>Fruit grown in the <b>val</b>ley<ul><li>Apples</li><li>Pears</li></ul></li><li>Wine</li></ul></article>", "html");
    expect(doc.blocks).toEqual([{ kind: "paragraph", markdown: "- Fruit grown in the valley\n  - Apples\n  - Pears\n- Wine", lines: ["Fruit grown in the valley", "Apples", "Pears", "Wine"] }]);
  });

  it("keeps a numbered list numbered, from its start, with a bullet sub-list under the item's words", () => {
    const doc = parseDocument(`<ol start="3"><li>Tokyo 1997<ul><li>the speech</li></ul></li><li>Astana 2004</li></ol><ol><li>Again</li></ol>`, "html");
    expect(doc.blocks.map((b) => (b.kind === "paragraph" ? b.markdown : ""))).toEqual(["3. Tokyo 1997\n   - the speech\n4. Astana 2004", "1. Again"]);
  });

  it("keeps numbered items numbered in Markdown and plain text", () => {
    const markdown = parseDocument("Steps the ministry took:\n\n1. Opened the *dialogue*\n2) Held the first meeting\n\n- a bullet", "markdown");
    expect(markdown.blocks.map((b) => (b.kind === "paragraph" ? b.markdown : ""))).toEqual(["Steps the ministry took:", "1. Opened the *dialogue*\n2. Held the first meeting", "- a bullet"]);
    const text = parseDocument("The ministry took three steps in the first year of the dialogue.\n\n1. Opened the dialogue\n2. Held the first meeting\n3. Named the *envoys*", "text");
    expect(text.blocks.at(-1)).toEqual({ kind: "paragraph", markdown: "1. Opened the dialogue\n2. Held the first meeting\n3. Named the \\*envoys\\*", lines: ["Opened the dialogue", "Held the first meeting", "Named the *envoys*"] });
  });

  it("reads a heading inside a quote as the quote's words, not as a section of the lesson", () => {
    const doc = parseDocument("## The dialogue\n\nThe first meeting was held in Astana in 2004.\n\n> ## A new partnership\n> said the minister.", "markdown");
    expect(doc.blocks.filter((b) => b.kind === "heading")).toEqual([{ kind: "heading", level: 2, text: "The dialogue" }]);
    expect(doc.blocks.at(-1)).toMatchObject({ kind: "paragraph", markdown: "> A new partnership\n> said the minister." });
    const draft = draftOf("## The dialogue\n\nThe first meeting was held in Astana in 2004, and the ministers met again in Tokyo in 2006.\n\n> ## A new partnership\n> said the minister.", "reading.md");
    expect(draft.body).not.toMatch(/^#+ A new partnership/m);
  });

  it("reads a page wrapped in a <form>, without its form controls", () => {
    const page = `<html><body><form id="aspnetForm" action="/article.aspx" method="post"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4">
      <div id="content"><h1>The harbour</h1><p>For most of the twentieth century the harbour of Linz was a place of coal heaps and rusting cranes, and few residents walked there at all.</p>
      <label>Newsletter <select name="freq"><option>Weekly digest</option></select></label><textarea name="comment">Leave a comment</textarea><button>Subscribe now</button></div></form></body></html>`;
    const draft = draftOf(page, "article.html");
    expect(draft.metadata.title).toBe("The harbour");
    expect(draft.body).toContain("coal heaps and rusting cranes");
    for (const control of ["dDwtMTA4", "Weekly digest", "Leave a comment", "Subscribe now"]) expect(draft.body).not.toContain(control);
    const markdown = parseDocument(`<form action="/x">\n\nFor most of the twentieth century the harbour of Linz was a place of coal heaps.\n\n<button>Subscribe now</button></form>`, "markdown");
    expect(JSON.stringify(markdown.blocks)).toContain("coal heaps");
    expect(JSON.stringify(markdown.blocks)).not.toContain("Subscribe");
  });
});

describe("reviewing a numeric answer", () => {
  it("reads the number as learners' answers are read, and refuses what it cannot read", () => {
    expect(readEditedAnswer("1,250")).toEqual({ ok: true, value: 1250 });
    expect(readEditedAnswer("48,000")).toEqual({ ok: true, value: 48000 });
    expect(readEditedAnswer("1 250")).toEqual({ ok: true, value: 1250 });
    expect(readEditedAnswer("1,5")).toEqual({ ok: true, value: 1.5 });
    expect(readEditedAnswer(" 48 ")).toEqual({ ok: true, value: 48 });
    for (const text of ["", "1,2,3", "forty-eight", "48 million"]) expect(readEditedAnswer(text), text).toEqual({ ok: false, message: numberRefused });
  });

  it("is refused on the server beyond the largest number learners can give", () => {
    const draft = draftOf(`Costs of the harbour

The council of the city of Linz in Austria met on Monday to discuss the harbour and its future.
The first phase cost 48 million euros and removed a great deal of contaminated soil from the riverbank.
`);
    const numeric = draft.questions.find((q) => q.kind === "numeric")!;
    const edit = (answer: number) => applyReview(draft, numeric.id, { action: "edit", prompt: "How much?", answer });
    expect(() => edit(MAX_NUMERIC_ANSWER * 10)).toThrow(ImportReviewError);
    expect(() => edit(MAX_NUMERIC_ANSWER * 10)).toThrow(/learners cannot answer with a larger one/);
    expect(edit(48_000_000).questions.find((q) => q.id === numeric.id)?.question).toMatchObject({ answer: 48_000_000 });
  });
});

describe("an edited answer never keeps an explanation that gives the old one", () => {
  const draft = draftOf(`Rebuilding the Riverside

For most of the twentieth century the harbour of Linz was a place of coal heaps and rusting cranes.
That changed in 1998, when the mayor, Thomas Berger, asked the Danube Transport Agency to draw up a plan.
Work on the quays began in May 2003, after years of argument in the city council about the cost.
The first phase cost 48 million euros and removed 1,200 tonnes of contaminated soil from the riverbank.
The city plans a second phase of the park in 2026, extending it along the river towards Budapest.
`);
  const find = (kind: string) => draft.questions.find((q) => q.kind === kind)!;
  const explanationAfter = (reviewed: ImportDraft, id: string) => reviewed.questions.find((q) => q.id === id)!.question.explanation;

  it("writes the explanation again from a changed numeric answer", () => {
    const numeric = find("numeric");
    expect(numeric.question.explanation).toContain("48 million euros");
    const changed = applyReview(draft, numeric.id, { action: "edit", prompt: "How much did the first phase cost?", answer: 50, unit: "million euros" });
    expect(explanationAfter(changed, numeric.id)).toBe("The answer is 50 million euros.");
    // The prompt alone changed: the explanation stays; the instructor's own explanation is kept.
    const promptOnly = applyReview(draft, numeric.id, { action: "edit", prompt: "How much did the first phase cost?", answer: 48, unit: "million euros" });
    expect(explanationAfter(promptOnly, numeric.id)).toBe(numeric.question.explanation);
    const own = applyReview(draft, numeric.id, { action: "edit", prompt: "How much?", answer: 50, unit: "million euros", explanation: "The council's final figure was 50 million euros." });
    expect(explanationAfter(own, numeric.id)).toBe("The council's final figure was 50 million euros.");
    // Sent back unchanged with a new answer, it is still written again.
    const unchanged = applyReview(draft, numeric.id, { action: "edit", prompt: "How much?", answer: 1200, unit: "tonnes", explanation: numeric.question.explanation });
    expect(explanationAfter(unchanged, numeric.id)).toBe("The text gives 1,200 tonnes: “The first phase cost 48 million euros and removed 1,200 tonnes of contaminated soil from the riverbank.”");
  });

  it("writes the explanation again from changed ordering items and cloze answers", () => {
    const ordering = find("ordering");
    const reordered = applyReview(draft, ordering.id, { action: "edit", prompt: "Order these.", items: ["First", "Second", "Third"] });
    expect(explanationAfter(reordered, ordering.id)).toBe("The right order, earliest first: 1. First; 2. Second; 3. Third.");
    const cloze = find("cloze");
    expect(cloze.question.type).toBe("short");
    if (cloze.question.type !== "short") return;
    const [answer] = cloze.question.accepted;
    // Another accepted spelling: the sentence still gives the answer, so it is still quoted.
    const alias = applyReview(draft, cloze.id, { action: "edit", prompt: cloze.question.prompt, accepted: [answer, `${answer} city`] });
    expect(explanationAfter(alias, cloze.id)).toBe(cloze.question.explanation);
    const replaced = applyReview(draft, cloze.id, { action: "edit", prompt: cloze.question.prompt, accepted: ["Vienna", "Wien"] });
    expect(explanationAfter(replaced, cloze.id)).toBe("The answer is Vienna (also accepted: Wien).");
  });
});
