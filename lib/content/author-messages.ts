// Zod's own messages speak to programmers ("expected string, received undefined"); a course author needs to be
// told what is wrong in the file and how to mend it. Messages a schema sets itself are kept as they are.
import { safeParse, type z } from "zod";
import { distance } from "fastest-levenshtein";
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";

type Issue = z.core.$ZodRawIssue;

const kindOf = (value: unknown) =>
  value === null ? "empty" : Array.isArray(value) ? "a list" : typeof value === "object" ? "a set of fields" : typeof value === "string" ? "text" : `a ${typeof value}`;

const quotedList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** The field an unknown name was most likely meant to be: one the file leaves out, spelt nearly the same. */
function meant(key: string, fields: string[], given: object): string | undefined {
  const candidates = fields.filter((f) => !(f in given));
  return (
    candidates.find((f) => f.toLowerCase() === key.toLowerCase()) ??
    candidates.map((f) => ({ f, d: distance(key.toLowerCase(), f.toLowerCase()) })).filter(({ f, d }) => d <= Math.max(1, Math.floor(f.length / 4))).sort((a, b) => a.d - b.d)[0]?.f
  );
}

function unknownFields(issue: Extract<Issue, { code: "unrecognized_keys" }>): string {
  const shape = (issue.inst as { shape?: Record<string, unknown> } | undefined)?.shape;
  const fields = shape ? Object.keys(shape) : [];
  const given = issue.input && typeof issue.input === "object" ? issue.input : {};
  const each = issue.keys.map((key) => {
    const guess = meant(key, fields, given);
    return guess ? `"${key}" is not a field here: did you mean "${guess}"?` : `"${key}" is not a field here`;
  });
  const known = fields.length ? ` (fields here: ${fields.join(", ")}; names are case-sensitive)` : "";
  return `${each.join("; ")}${known}`;
}

/**
 * `nullWordAt`: the word (`null`, `~`, ...) a value YAML read as no value was written as, at a field's path, if it
 * was written as one rather than left out after the colon.
 */
export function authorMessage(issue: Issue, nullWordAt?: (path: PropertyKey[]) => string | undefined): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case "invalid_type":
      if (!issue.path?.length && (input === null || input === undefined)) return "the file is empty: write the fields docs/content-format.md describes";
      if (input === undefined) return "is required but missing: add it";
      if (input === null) {
        // Said only where the word in quotes would be taken: a date or a number written null is just empty.
        const word = issue.expected === "string" && issue.path ? nullWordAt?.(issue.path) : undefined;
        if (word && issue.inst && "~standard" in issue.inst && safeParse(issue.inst, word).success) return `is read as empty (${word}), not as text: put the value in quotes, e.g. "${word}"`;
        return "is empty: write a value after the colon";
      }
      if (issue.expected === "string" && (typeof input === "number" || typeof input === "boolean")) {
        return `is read as ${kindOf(input)} (${String(input)}), not as text: put the value in quotes, e.g. "${String(input)}"`;
      }
      if (issue.expected === "boolean") return `must be true or false, without quotes (it is ${kindOf(input)} here)`;
      if (issue.expected === "number") return `must be a number, without quotes (it is ${kindOf(input)} here)`;
      if (issue.expected === "int") return "must be a whole number";
      if (issue.expected === "array") return `must be a list, as [a, b] or one "- " line per entry (it is ${kindOf(input)} here)`;
      if (issue.expected === "object") return `must be a set of fields (name: value), not ${kindOf(input)}`;
      return `must be ${issue.expected === "string" ? "text" : issue.expected}, not ${kindOf(input)}`;
    case "unrecognized_keys":
      return unknownFields(issue);
    case "invalid_value":
      if (input === undefined) return `is required but missing: add it, as one of ${quotedList(issue.values)}`;
      return `${JSON.stringify(input)} is not allowed here: use one of ${quotedList(issue.values)} (as written, case included)`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      const field = issue.path?.at(-1);
      if (!options || typeof field !== "string") return undefined;
      const given = input && typeof input === "object" ? (input as Record<string, unknown>)[field] : undefined;
      if (given === undefined) return `is required but missing: add it, as one of ${quotedList(options)}`;
      return `${JSON.stringify(given)} is not allowed here: use one of ${quotedList(options)}`;
    }
    case "too_small": {
      const count = Array.isArray(input) ? ` (it has ${input.length})` : "";
      if (issue.origin === "array") return `must list at least ${issue.minimum}${count}`;
      if (issue.origin === "number") return `must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}`;
      return undefined;
    }
    case "too_big": {
      const count = Array.isArray(input) ? ` (it has ${input.length})` : "";
      if (issue.origin === "array") return `must list at most ${issue.maximum}${count}`;
      if (issue.origin === "number") return `must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

const yamlHints: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value holding ": " must be put in quotes, e.g. title: "Tea: a history"',
  TAB_AS_INDENT: "indent with spaces: YAML does not allow tabs",
  DUPLICATE_KEY: "a field is written twice at the same level; keep one",
  BAD_SCALAR_START: "put the value in quotes",
  UNEXPECTED_TOKEN: "look at the quotes and indentation there (inside single quotes an apostrophe is written twice: 'it''s')",
  MISSING_CHAR: "a quote or bracket opened there is never closed",
};

/** A YAML syntax error as a sentence naming the line of the file; `firstLine` is the file's line where the YAML starts. */
export function yamlMessage(error: unknown, firstLine = 1): string {
  const { message, code, linePos } = error as { message: string; code?: string; linePos?: { line: number; col: number }[] };
  const what = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").replace(/:$/, "");
  const where = linePos?.[0] ? `line ${linePos[0].line + firstLine - 1}, column ${linePos[0].col}: ` : "";
  const hint = code && yamlHints[code] ? `; ${yamlHints[code]}` : "";
  return `${where}${what}${hint}`;
}

/**
 * The values of a YAML text written as a bare `null`, `Null`, `NULL` or `~`, which YAML reads as no value, by their
 * path ("questions.0.prompt"), with the word as written. A value left out after the colon is not among them.
 */
export function nullWords(yaml: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: unknown, at: (string | number)[]): void => {
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...at, String(isScalar(pair.key) ? pair.key.value : pair.key)]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...at, i]));
    else if (isScalar(node) && node.value === null && node.type === "PLAIN" && node.source) found.set(at.join("."), node.source);
  };
  walk(parseDocument(yaml).contents, []);
  return found;
}

/**
 * Texts YAML cut short at " #", which starts a comment: `prompt: Which is item #2?` reads "Which is item". A comment
 * written as such ("# a note", with its space) is left alone. `firstLine` is the file's line where the YAML starts.
 */
export function textsCutByComment(yaml: string, firstLine = 1): string[] {
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines });
  const found: string[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.type !== "PLAIN" || !node.comment || /^\s/.test(node.comment) || !node.range) return;
      const { line } = lines.linePos(node.range[1]);
      const whole = `${String(node.value)} #${node.comment}`;
      found.push(`line ${line + firstLine - 1}: the text stops at "${String(node.value)}", as " #" starts a comment in YAML: put it all in quotes ("${whole}"), or write "# " for a comment`);
    },
  });
  return found;
}
