// A list of email addresses as an instructor pastes it: one per line, or separated by commas, semicolons or spaces,
// perhaps as "Name <address>" from a mail program. Addresses are compared in lower case, each once.

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function parseEmailList(text: string): { emails: string[]; unreadable: string[] } {
  const emails = new Set<string>();
  const unreadable = new Set<string>();
  // A quoted name may hold a comma ("Sato, Ken"); an item with an address in angle brackets is that address.
  const items = text.replace(/"[^"]*"/g, " ").split(/[\n,;]+/);
  const candidates = items.flatMap((item) => item.match(/<([^<>]*)>/)?.[1].trim() ?? item.split(/\s+/)).filter((c) => c !== "");
  for (const candidate of candidates) {
    if (ADDRESS.test(candidate) && candidate.length <= 254) emails.add(candidate.toLowerCase());
    else unreadable.add(candidate);
  }
  return { emails: [...emails], unreadable: [...unreadable] };
}
