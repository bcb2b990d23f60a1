// Reads the text with compromise (an English NLP library that runs in plain JavaScript, no model download):
// sentences, named people, organisations and places, dated events and figures. compromise does the
// tagging; a few rules tidy what it finds (titles, possessives, "Name (ACRONYM)", organisation suffixes)
// and catch the explicit dates and the organisation names it misses.
import nlp from "compromise";
import { findDatesInText, parseDateText } from "./dates";
import { shorten, squash, ucfirst } from "./text";

export type TextUnit = { text: string; block: number };
export type Sentence = { id: number; text: string; block: number };
export type TermKind = "person" | "organisation" | "place" | "policy";
export type Span = { sentenceId: number; start: number; end: number };
export type KeyTerm = { term: string; kind: TermKind; aliases: string[]; mentions: number; spans: Span[] };
export type DatedEvent = { date: string; dateText: string; label: string; sentenceId: number };
export type Figure = { text: string; value: number; unit: string; sentenceId: number; start: number; end: number };
export type Analysis = { sentences: Sentence[]; keyTerms: KeyTerm[]; events: DatedEvent[]; figures: Figure[]; truncated: boolean };

/** Past this many characters only the start of a text is read for terms, events and figures (compromise reads ~100 kB/s). */
export const MAX_ANALYSED_CHARACTERS = 250_000;
// compromise costs about 0.1 ms a piece however short, so each piece counts as at least this many characters toward
// the limit: 1 MB of one-word lines took 14 seconds, all of it on the server's one thread.
const MIN_PIECE_CHARACTERS = 40;

type JsonMatch = { text: string; offset: { start: number; length: number } };
type JsonTerm = { text: string; tags: string[]; offset: { start: number; length: number } };
type JsonSentence = JsonMatch & { terms: JsonTerm[] };

const honorifics = /^(?:(?:mr|mrs|ms|mx|dr|prof|professor|sir|dame|lady|lord|captain|capt|general|gen|colonel|col|admiral|president|vice[- ]president|prime minister|deputy prime minister|foreign minister|minister|chancellor|mayor|senator|governor|ambassador|king|queen|prince|princess|pope|saint|st|father|rev|reverend|judge|justice|chairman|chairwoman|director|secretary[- ]general|secretary|premier|emperor|sheikh)\.?\s+)+/i;
const orgSuffix = "Company|Agency|Council|Commission|University|College|Union|Organi[sz]ation|Party|Bank|Ministry|Institute|Association|Foundation|Philharmonic|Orchestra|Corporation|Corp\\.|Inc\\.|Ltd\\.?|Group|Fund|Committee|Parliament|Authority|Federation|Society|Museum|Court|Assembly|Forum|Alliance|Programme|Program|Department|Office|Secretariat|League|Club|Airlines|Railways|Times|Post|Press|Review|Dialogue";
// Named policies, initiatives and doctrines ("Silk Road Diplomacy", "Belt and Road Initiative"): compromise reads a
// name with "Road" or "Asia" in it as a place.
const policySuffix = "Diplomacy|Policy|Doctrine|Strategy|Initiative|Agenda|Vision|Concept";
const capitalised = "[\\p{Lu}][\\p{L}\\p{M}'’.&-]*";
/** Capitalised words (with "of", "and", … between them) ending in one of `suffixes`, and an "of the …" after it. */
const namedBySuffix = (suffixes: string) => new RegExp(`(?:(?:${capitalised})\\s+(?:(?:of|and|for|the|de|du|des|on|&)\\s+)*)*(?:${suffixes})(?:\\s+(?:of|for|on)(?:\\s+the)?\\s+${capitalised}(?:\\s+${capitalised})*)?(?![\\p{L}])`, "gu");
// Names found by their last word, which outweigh what compromise reads them as.
const suffixedKinds = [
  { kind: "organisation", pattern: namedBySuffix(orgSuffix), ending: new RegExp(`(?:${orgSuffix})$`, "u") },
  { kind: "policy", pattern: namedBySuffix(policySuffix), ending: new RegExp(`(?:${policySuffix})$`, "u") },
] as const;
const notNames = new Set(["I", "He", "She", "They", "We", "It", "The", "A", "An", "This", "That", "These", "Those", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

/** Trims a mention to the name itself: no leading article or title, no trailing punctuation, possessive or lowercase words. */
function cleanMention(raw: string, start: number): { text: string; start: number } | null {
  let text = raw;
  let offset = start;
  const lead = /^(?:[\s"“‘'(]|the\s+|The\s+)+/.exec(text)?.[0] ?? "";
  text = text.slice(lead.length);
  offset += lead.length;
  const title = honorifics.exec(text)?.[0] ?? "";
  text = text.slice(title.length);
  offset += title.length;
  text = text.replace(/(?:['’]s?)?[\s"”’'),.;:!?]*$/u, "");
  // Leading and trailing lowercase words ("botanist Ingrid Solberg", "Vienna city") are not part of the name.
  const words = text.split(/\s+/);
  while (words.length > 1 && !/^[\p{Lu}\p{N}]/u.test(words[0])) offset += words.shift()!.length + 1;
  while (words.length > 1 && !/^[\p{Lu}\p{N}]/u.test(words[words.length - 1])) words.pop();
  text = words.join(" ").replace(/(?:['’]s?)$/u, "");
  if (text.length < 2 || text.length > 80 || !/^[\p{Lu}]/u.test(text) || notNames.has(text)) return null;
  return { text, start: offset };
}

/** A name without the owner said before it: "Japan's Silk Road Diplomacy" is "Silk Road Diplomacy". */
function withoutOwner(mention: { text: string; start: number } | null) {
  const owner = mention && /^[\p{Lu}][\p{L}\p{M}.-]*['’]s?\s+(?=[\p{Lu}])/u.exec(mention.text)?.[0];
  return owner && mention ? { text: mention.text.slice(owner.length), start: mention.start + owner.length } : mention;
}

// Matched text with its offset in the paragraph (compromise's typings omit `terms: false`, which skips term detail).
const matchesOf = (view: { json(options: object): unknown }) => view.json({ offset: true, terms: false }) as JsonMatch[];

type Mention = { text: string; kind: TermKind; sentenceId: number; start: number; end: number };

function splitSentences(unit: TextUnit): { doc: ReturnType<typeof nlp>; sentences: { text: string; start: number; terms: JsonTerm[] }[] } {
  const doc = nlp(unit.text);
  const json = doc.json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  return {
    doc,
    sentences: json.map((s) => {
      const raw = unit.text.slice(s.offset.start, s.offset.start + s.offset.length);
      const lead = raw.length - raw.trimStart().length;
      return { text: raw.trim(), start: s.offset.start + lead, terms: s.terms };
    }).filter((s) => /[\p{L}\p{N}]/u.test(s.text)),
  };
}

const currencyWord: Record<string, string> = { $: "dollars", "€": "euros", "£": "pounds", "¥": "yen" };
// A year-like number after a determiner or a possessive dates the noun that follows ("the 1998 floods",
// "its 2019 accounts", "Linz's 2003 plan"); without one it counts it ("2000 workers"). Not "that", which
// is as often a conjunction ("said that 2000 workers joined").
const determinerBefore = /(?:(?<![\p{L}\p{N}])(?:the|a|an|its|this|these|those|his|her|their|our|my|your)|\p{L}['’]s?)\s+$/iu;
// A dollar sign may carry its country's letters, as news and the course's own sources write it: US$12 billion, A$, C$, HK$, NZ$, S$.
const figurePattern = /(?<![\p{L}\p{N}.,$€£¥+\-/:#])((?:US|AU|A|CA|C|HK|NZ|S)?\$|[€£¥])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn)\b)?(?:\s?(%|per\s?cent\b|percent\b))?(?![\p{L}\p{N}%]|[.,:]\d|[-–/+]\d)/giu;

function findFigures(sentence: { text: string; terms: JsonTerm[]; start: number }, sentenceId: number, dateSpans: { start: number; end: number }[]): Figure[] {
  const figures: Figure[] = [];
  figurePattern.lastIndex = 0;
  for (let m = figurePattern.exec(sentence.text); m; m = figurePattern.exec(sentence.text)) {
    const [whole, currency, digits, multiplier, percent] = m;
    const numberStart = m.index + whole.indexOf(digits);
    const numberEnd = numberStart + digits.length;
    if (dateSpans.some((d) => numberStart < d.end && numberEnd > d.start)) continue;
    const value = Number(digits.replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    // The word after the number, from compromise's tags: "1,200 tonnes", "35,000 visitors".
    const after = sentence.text.slice(m.index + whole.length);
    const nextWord = /^\s+([\p{Ll}][\p{L}-]*)/u.exec(after)?.[1];
    const nextTerm = nextWord ? sentence.terms.find((t) => t.offset.start - sentence.start >= m!.index + whole.length && t.text.toLowerCase().startsWith(nextWord.toLowerCase())) : undefined;
    const noun = nextTerm && nextTerm.tags.includes("Noun") && !nextTerm.tags.some((t) => ["Pronoun", "Determiner", "Preposition", "Conjunction", "Adverb"].includes(t)) ? nextWord : undefined;
    const looksLikeYear = !currency && !multiplier && !percent && /^\d{4}$/.test(digits) && value >= 1500 && value <= 2100;
    if (looksLikeYear && (determinerBefore.test(sentence.text.slice(0, numberStart)) || !(noun && nextTerm?.tags.includes("Plural")))) continue;
    if (!currency && !multiplier && !percent && !noun) continue;
    const unit = percent ? "%" : [multiplier?.toLowerCase().replace("bn", "billion"), currency ? currencyWord[currency.slice(-1)] : noun].filter(Boolean).join(" ");
    const text = squash(`${whole}${!percent && !currency && noun ? ` ${noun}` : ""}`);
    figures.push({ text, value, unit, sentenceId, start: numberStart, end: numberEnd });
  }
  return figures;
}

function eventLabel(sentence: string, date: { start: number; end: number }): string {
  const before = sentence.slice(0, date.start).replace(/(?:\b(?:in|on|since|by|until|till|from|during|around|circa|early|late|mid|of|the year)[\s-]+)$/i, "");
  // A comma that closed an opening date phrase ("In 1998, the ...") goes with it; one closing a clause stays.
  const after = squash(before) === "" ? sentence.slice(date.end).replace(/^,?\s*/, " ") : sentence.slice(date.end);
  let label = squash(`${before}${after}`)
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/,\s*,/g, ",")
    .replace(/^[,;:\s-]+/, "")
    .replace(/[.!?]+$/, "");
  if (label.split(" ").length < 3) label = sentence.replace(/[.!?]+$/, "");
  return shorten(ucfirst(label), 140);
}

const LONGER_THAN_A_SENTENCE = 2000;

/**
 * At most `max` characters from the start of `text`, ending where a sentence ends, so no sentence is read
 * cut short; a stretch longer than any sentence with no sentence end in it is cut at a space instead.
 */
export function startOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const sentenceEnd = /[.!?]["”’')\]]*(?=\s|$)|[。！？][」』）]*/g;
  let cut = -1;
  for (let m = sentenceEnd.exec(head); m; m = sentenceEnd.exec(head)) if (m.index + m[0].length <= max) cut = m.index + m[0].length;
  if (cut < 0 && max >= LONGER_THAN_A_SENTENCE) cut = head.lastIndexOf(" ");
  return cut > 0 ? text.slice(0, cut).trimEnd() : "";
}

/**
 * The units cut into pieces of at most LONGER_THAN_A_SENTENCE characters, at sentence ends where there are any:
 * compromise slows down faster than the length of what it is given, and a paragraph with no full stops (a caption
 * transcript, a long table) given whole took minutes.
 */
function* inPieces(units: TextUnit[]): Generator<TextUnit> {
  for (const unit of units) {
    let rest = unit.text;
    while (rest.length > LONGER_THAN_A_SENTENCE) {
      const piece = startOf(rest, LONGER_THAN_A_SENTENCE) || rest.slice(0, LONGER_THAN_A_SENTENCE);
      yield { ...unit, text: piece };
      rest = rest.slice(piece.length).trimStart();
    }
    if (rest) yield { ...unit, text: rest };
  }
}

export function analyseText(units: TextUnit[]): Analysis {
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const events: DatedEvent[] = [];
  const figures: Figure[] = [];
  let characters = 0;
  let truncated = false;

  for (const whole of inPieces(units)) {
    let unit = whole;
    if (characters + Math.max(whole.text.length, MIN_PIECE_CHARACTERS) > MAX_ANALYSED_CHARACTERS) {
      // The start of a paragraph that crosses the limit is still read, to its last sentence before the limit.
      truncated = true;
      unit = { ...whole, text: startOf(whole.text, MAX_ANALYSED_CHARACTERS - characters) };
      if (unit.text === "") break;
    }
    characters += Math.max(unit.text.length, MIN_PIECE_CHARACTERS);
    // A piece without a letter or digit has no sentence (splitSentences keeps none), and compromise costs about 0.1 ms a
    // piece however short: a text of 100,000 lines of "---" took 9 seconds.
    if (!/[\p{L}\p{N}]/u.test(unit.text)) {
      if (truncated) break;
      continue;
    }
    const { doc, sentences: split } = splitSentences(unit);
    const firstId = sentences.length;
    for (const s of split) sentences.push({ id: sentences.length, text: s.text, block: unit.block });
    // compromise's matches, each filed once under the sentence it starts in: a long paragraph has thousands of
    // sentences and of matches, and looking every match up again for every sentence took a minute on 250,000 characters.
    const bySentence = <T extends JsonMatch>(matches: T[]) => {
      const filed = split.map(() => [] as T[]);
      for (const match of matches) {
        const start = match.offset.start;
        const index = split.findIndex((s) => start >= s.start && start < s.start + s.text.length);
        if (index >= 0) filed[index].push(match);
      }
      return filed;
    };
    const named: [TermKind, JsonMatch[][]][] = [
      ["person", bySentence(matchesOf(doc.people()))],
      ["organisation", bySentence(matchesOf(doc.organizations()))],
      ["place", bySentence(matchesOf(doc.places()))],
    ];
    const compromiseDates = bySentence(matchesOf(doc.match("#Date+")));

    split.forEach((sentence, i) => {
      const sentenceId = firstId + i;
      // Organisation names by their suffix ("Danube Transport Agency", "University of Tromsø"), policies by theirs.
      const suffixedSpans: { start: number; end: number }[] = [];
      for (const { kind, pattern } of suffixedKinds) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(sentence.text); m; m = pattern.exec(sentence.text)) {
          const cleaned = withoutOwner(cleanMention(m[0], m.index));
          if (!cleaned || cleaned.text.split(" ").length < 2) continue;
          suffixedSpans.push({ start: cleaned.start, end: cleaned.start + cleaned.text.length });
          mentions.push({ text: cleaned.text, kind, sentenceId, start: cleaned.start, end: cleaned.start + cleaned.text.length });
        }
      }
      for (const [kind, found] of named) {
        for (const match of found[i]) {
          const cleaned = cleanMention(match.text, match.offset.start - sentence.start);
          if (!cleaned) continue;
          const end = cleaned.start + cleaned.text.length;
          if (suffixedSpans.some((o) => cleaned.start < o.end && end > o.start)) continue; // part of an organisation's or policy's name
          mentions.push({ text: cleaned.text, kind, sentenceId, start: cleaned.start, end });
        }
      }

      // Dates: compromise's #Date tags, and explicit dates it left untagged ("since 2012").
      const dates = findDatesInText(sentence.text);
      for (const match of compromiseDates[i]) {
        const start = match.offset.start - sentence.start;
        const text = match.text.replace(/[\s,.;:!?)]+$/, "");
        const iso = parseDateText(text);
        if (!iso || dates.some((d) => start < d.end && start + text.length > d.start)) continue;
        dates.push({ start, end: start + text.length, text, iso });
      }
      dates.sort((a, b) => a.start - b.start);
      if (dates.length > 0) {
        const first = dates[0];
        events.push({ date: first.iso, dateText: first.text, label: eventLabel(sentence.text, first), sentenceId });
      }
      figures.push(...findFigures(sentence, sentenceId, dates));
    });
    if (truncated) break;
  }
  return { sentences, keyTerms: groupTerms(mentions, sentences), events, figures, truncated };
}

/** Merges mentions into terms ("Mr. Berger" and "Thomas Berger"), adds acronyms, and counts every mention in the text. */
function groupTerms(mentions: Mention[], sentences: Sentence[]): KeyTerm[] {
  const votes = new Map<string, Map<TermKind, number>>();
  for (const m of mentions) {
    const kinds = votes.get(m.text) ?? new Map<TermKind, number>();
    // A name found by its organisation's or policy's suffix outweighs other readings.
    kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + (suffixedKinds.some((named) => named.kind === m.kind && named.ending.test(m.text)) ? 10 : 1));
    votes.set(m.text, kinds);
  }
  const terms: { term: string; kind: TermKind; aliases: Set<string> }[] = [];
  for (const [text, kinds] of votes) {
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0][0];
    terms.push({ term: text, kind, aliases: new Set() });
  }
  // A one-word name that is the surname of exactly one longer name is that person.
  for (const short of terms.filter((t) => !t.term.includes(" "))) {
    const owners = terms.filter((t) => t !== short && t.kind === "person" && t.term.split(" ").at(-1) === short.term);
    if (owners.length === 1) {
      owners[0].aliases.add(short.term);
      terms.splice(terms.indexOf(short), 1);
    }
  }
  // People are also called by their surname alone, when no other term ends with it.
  for (const person of terms.filter((t) => t.kind === "person" && t.term.includes(" "))) {
    const surname = person.term.split(" ").at(-1)!;
    if (surname.length > 2 && terms.filter((t) => t.term.split(" ").at(-1) === surname).length === 1) person.aliases.add(surname);
  }
  // "Full Name (ACRONYM)" makes the acronym an alias: each bracketed acronym is looked up by the words before it,
  // so the work grows with the text, not with terms × sentences (ten thousand of each took over a minute).
  const termByName = new Map(terms.map((t) => [t.term, t]));
  const longestName = terms.reduce((max, t) => Math.max(max, t.term.length), 0); // not Math.max(...): terms can be too many to spread
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(/\(([A-Z][A-Z&.]{1,9})\)/g)) {
      const nameEnd = sentence.text.slice(0, match.index).trimEnd().length;
      for (let from = nameEnd - 1; from >= Math.max(0, nameEnd - longestName); from--) {
        if (from > 0 && /[\p{L}\p{N}]/u.test(sentence.text[from - 1])) continue;
        termByName.get(sentence.text.slice(from, nameEnd))?.aliases.add(match[1]);
      }
    }
  }
  // Count mentions: longest names first, so "Vienna" inside "Vienna Philharmonic" is not counted twice. Names are
  // found by their first word at each word of the sentence, not by one pattern per name per sentence.
  const names = terms
    .flatMap((t) => [t.term, ...t.aliases].map((name) => ({ name, term: t })))
    .sort((a, b) => b.name.length - a.name.length);
  const byFirstWord = new Map<string, number[]>();
  names.forEach(({ name }, index) => {
    const first = /^[\p{L}\p{N}]+/u.exec(name)?.[0];
    if (first) byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), index]);
  });
  const spans = new Map<(typeof terms)[number], Span[]>();
  for (const sentence of sentences) {
    const found: { index: number; start: number; end: number }[] = [];
    for (const word of sentence.text.matchAll(/[\p{L}\p{N}]+/gu)) {
      for (const index of byFirstWord.get(word[0]) ?? []) {
        const end = word.index + names[index].name.length;
        if (sentence.text.startsWith(names[index].name, word.index) && !/^[\p{L}\p{N}]/u.test(sentence.text.slice(end, end + 2))) found.push({ index, start: word.index, end });
      }
    }
    found.sort((a, b) => a.index - b.index || a.start - b.start);
    const taken: { start: number; end: number }[] = [];
    for (const span of found) {
      if (taken.some((t) => span.start < t.end && span.end > t.start)) continue;
      taken.push(span);
      const term = names[span.index].term;
      const list = spans.get(term);
      const entry = { sentenceId: sentence.id, start: span.start, end: span.end };
      if (list) list.push(entry);
      else spans.set(term, [entry]);
    }
  }
  return terms
    .map((t) => {
      const found = (spans.get(t) ?? []).sort((a, b) => a.sentenceId - b.sentenceId || a.start - b.start);
      return { term: t.term, kind: t.kind, aliases: [...t.aliases], mentions: found.length, spans: found };
    })
    .filter((t) => t.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || a.spans[0].sentenceId - b.spans[0].sentenceId || a.spans[0].start - b.spans[0].start);
}
