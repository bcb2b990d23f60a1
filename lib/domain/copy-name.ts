import { clip } from "../clip";

/**
 * The name a copy of a class starts from: the class's with “(copy)”, as Moodle's course copy does, so the instructor's
 * list never shows two classes of one name unless they choose it. A copy of a copy counts on (“(copy 2)”, “(copy 3)”)
 * rather than stacking “(copy) (copy)”. Within the `maxLength` characters a name may have.
 */
export function copyNameFor(name: string, maxLength: number): string {
  const counted = /^(.*?)\s*\(copy(?: (\d+))?\)$/.exec(name.trim());
  const [base, suffix] = counted ? [counted[1], ` (copy ${Number(counted[2] ?? 1) + 1})`] : [name.trim(), " (copy)"];
  return `${clip(base, maxLength - suffix.length).trimEnd()}${suffix}`;
}
