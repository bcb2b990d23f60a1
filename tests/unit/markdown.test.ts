import { describe, expect, it } from "vitest";
import { splitSections } from "@/lib/content/sections";
import { markdownToHtml, renderedSections } from "@/lib/server/markdown";

describe("lesson Markdown to HTML", () => {
  it("renders paragraphs, emphasis, lists and links", () => {
    const html = markdownToHtml("Japan's **Silk Road** policy:\n\n- one\n- two\n\nSee [the source](https://example.org/a).");
    expect(html).toContain("<strong>Silk Road</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org/a">the source</a>');
  });

  it("moves headings to start at a given level, for text shown under a heading of the page's (an announcement's title)", () => {
    const text = "# Reading week\n\nNo class.\n\n## Next\n\n###### Deepest";
    expect(markdownToHtml(text)).toContain("<h1>Reading week</h1>");
    const nested = markdownToHtml(text, { headingsFrom: 4 });
    expect(nested).toContain("<h4>Reading week</h4>");
    expect(nested).toContain("<h5>Next</h5>");
    expect(nested).toContain("<h6>Deepest</h6>");
    expect(nested).not.toMatch(/<h[1-3]>/);
    // The same text at the top level is still kept apart from it.
    expect(markdownToHtml(text)).toContain("<h1>Reading week</h1>");
    // A writer who starts at "##" gets the same outline: the highest heading of the text is the one moved to the level.
    expect(markdownToHtml("## Before Friday\n\n### Reading\n\nText.", { headingsFrom: 4 })).toMatch(/<h4>Before Friday<\/h4>\s*<h5>Reading<\/h5>/);
    expect(markdownToHtml("No headings here.", { headingsFrom: 4 })).toBe("<p>No headings here.</p>");
  });

  it("renders GitHub-style tables, which the comparison lessons use", () => {
    const html = markdownToHtml("| Source | Year |\n|---|---|\n| Dadabaev | 2018 |");
    expect(html).toMatch(/<table>[\s\S]*<th>Source<\/th>[\s\S]*<td>Dadabaev<\/td>[\s\S]*<\/table>/);
    // A table too wide for a phone scrolls in its own region, which the keyboard reaches and which its columns name.
    expect(html).toMatch(/^<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Source, Year"><table>[\s\S]*<\/table><\/div>$/);
  });

  it("never lets stored text add a script, an event handler or a javascript: link", () => {
    const html = markdownToHtml('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) <iframe src="https://evil.test"></iframe>');
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|<img/i);
    expect(html).toContain("Hi");
  });

  it("escapes text, so angle brackets in prose stay text", () => {
    expect(markdownToHtml("a < b & c > d")).toBe("<p>a &#x3C; b &#x26; c > d</p>");
  });

  it("resolves a footnote or a reference link whose definition is in another section, numbering notes through the lesson", () => {
    const body = "Opening.[^a]\n\n## Claims\n\nA claim.[^b] See [the report][r].\n\n## Notes\n\n[^a]: First note.\n[^b]: Second note.\n\n[r]: https://example.org/report\n";
    const html = renderedSections(body).map((s) => s.html);
    expect(html).toHaveLength(3);
    expect(html[0]).toContain('href="#user-content-fn-a"');
    expect(html[1]).toContain('href="#user-content-fn-b"');
    expect(html[1]).toContain('<a href="https://example.org/report">the report</a>');
    expect(html[1]).not.toContain("[^b]");
    // The notes gather at the end, once, each with the id its reference links to.
    expect(html[2]).toMatch(/id="user-content-fn-a"[\s\S]*First note[\s\S]*id="user-content-fn-b"[\s\S]*Second note/);
    expect(html.join("").match(/data-footnotes/g)).toHaveLength(1);
    // Without an opening, the first section is the first heading's; the headings themselves are the page's.
    const noOpening = "## Only\n\nText.\n";
    expect(renderedSections(noOpening).map((s) => s.html)).toEqual(["\n<p>Text.</p>"]);
  });

  it("renders each section alone where Markdown sees other headings than the reader splits at", () => {
    const body = "Intro\n\nUnderlined\n---\n\n## Real\n\nText\n";
    const html = renderedSections(body).map((s) => s.html);
    expect(html).toHaveLength(2);
    expect(html[1]).toContain("<p>Text</p>");
  });

  it("renders a lesson section's code block whole, with the \"## \" lines inside it as code", () => {
    const body = "Intro\n\n## Real\n\nText\n\n~~~\ncode line\n## not a heading\nmore code\n~~~\n\n## Next\n\nMore.\n";
    const html = splitSections(body).map((s) => markdownToHtml(s.markdown));
    expect(html).toHaveLength(3);
    expect(html[1]).toContain("<pre><code>code line\n## not a heading\nmore code\n</code></pre>");
  });

  it("links a footnote to its note and back (each id prefixed once, so the links land)", () => {
    const html = markdownToHtml("A claim.[^1]\n\n[^1]: The source.\n");
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBe(2);
    for (const target of targets) expect(ids).toContain(target);
    expect(ids.every((id) => id.startsWith("user-content-") || id === "footnote-label")).toBe(true);
  });
});
