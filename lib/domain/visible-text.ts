// Whether text shows anything on screen. trim() removes spaces but not zero-width and other invisible characters
// (U+200B, U+2060, a soft hyphen, a lone combining mark), so a name made only of them would read as blank in every
// roster and gradebook, with nothing for an instructor to tell that student by.

/** True when `text` has at least one letter, digit, punctuation mark or symbol (emoji included). */
export function hasVisibleCharacter(text: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * How many characters a reader counts in `text`: user-perceived characters (a flag, or an emoji with its modifiers, is
 * one), spaces between words included, invisible ones and the spaces at either end not. A minimum length counted in
 * UTF-16 units lets ten emoji or twenty zero-width spaces pass for a sentence.
 */
export function visibleCharacterCount(text: string): number {
  let count = 0;
  for (const { segment } of graphemes.segment(text.trim())) if (hasVisibleCharacter(segment) || /^\s+$/u.test(segment)) count += 1;
  return count;
}
