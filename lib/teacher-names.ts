// Who teaches a class, as students read it: the owner first, then any co-teachers ("Ana Ruiz with Ken Sato and Li Wei").
export function teacherNames(c: { instructor: { name: string }; coTeachers?: { user: { name: string } }[] }): string {
  const others = (c.coTeachers ?? []).map((t) => t.user.name);
  if (others.length === 0) return c.instructor.name;
  const joined = others.length === 1 ? others[0] : `${others.slice(0, -1).join(", ")} and ${others.at(-1)}`;
  return `${c.instructor.name} with ${joined}`;
}
