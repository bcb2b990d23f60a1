/** RFC 4180 as toCsv writes it (CRLF between rows, quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  for (let i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") { rows.at(-1)!.push(cell); cell = ""; }
    else if (char === "\r" && text[i + 1] === "\n") { rows.at(-1)!.push(cell); cell = ""; rows.push([]); i++; }
    else cell += char;
  }
  return rows.filter((row) => row.length > 0);
}
