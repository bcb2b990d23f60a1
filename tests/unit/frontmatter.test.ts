import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "@/lib/content/frontmatter";
import { buildImportDraft } from "@/lib/importer/draft";

const body = "# A reading\n\n" + "Words of the reading go on for a while, long enough to count as a text. ".repeat(4);

describe("front matter", () => {
  it("reads YAML data and leaves the Markdown after it", () => {
    const { data, content } = splitFrontMatter("---\ntitle: A reading\nauthor: [Ann, Bo]\ndate: 2021-06-02\n---\n\n# Heading\n");
    // YAML 1.2: a date stays the text it was written as.
    expect(data).toEqual({ title: "A reading", author: ["Ann", "Bo"], date: "2021-06-02" });
    expect(content).toBe("\n# Heading\n");
    expect(splitFrontMatter("# No front matter\n")).toEqual({ data: {}, content: "# No front matter\n" });
    expect(splitFrontMatter("\uFEFF---\n---\nText")).toEqual({ data: {}, content: "Text" });
  });

  it("never runs front matter as code", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "caravan-frontmatter-"));
    const marker = path.join(dir, "ran");
    const forged = `---js\n{ title: process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'x') || 'A reading' }\n---\n${body}`;
    try {
      expect(splitFrontMatter(forged).data).toEqual({});
      const draft = buildImportDraft(forged, { fileName: "reading.md" });
      expect(draft.body).toContain("Words of the reading");
      expect(existsSync(marker)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses front matter whose aliases would expand without end", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 7; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const bomb = `---\n${levels.join("\n")}\ntitle: *g\n---\n${body}`;
    expect(() => splitFrontMatter(bomb)).toThrow(/alias/i);
  });
});
