// Whether text shows anything on screen. trim() removes spaces but not zero-width and other invisible characters
// (U+200B, U+2060, a soft hyphen, a lone combining mark), so a name made only of them would read as blank in every
// roster and gradebook, with nothing for an instructor to tell that student by.

/** True when `text` has at least one letter, digit, punctuation mark or symbol (emoji included). */
export function hasVisibleCharacter(text: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}
