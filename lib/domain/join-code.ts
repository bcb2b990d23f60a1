// Class join codes: short, unambiguous (no 0/O, 1/I/L), typed case-insensitively.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function joinCodeFrom(randomBytes: Uint8Array, length = 8): string {
  let code = "";
  for (let i = 0; i < length; i++) code += ALPHABET[randomBytes[i] % ALPHABET.length];
  return code;
}

export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
