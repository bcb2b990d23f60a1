// How deeply a JSON text nests, read without parsing it: a body nested thousands deep would exhaust the stack of
// every recursive reader after JSON.parse (ours and zod's), so it is refused first.

/** Whether `text` opens more than `max` arrays or objects inside one another (brackets inside strings aside). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
