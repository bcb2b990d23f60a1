// npm run content:check — validates every course under content/courses, each on its own and against the
// others (ids and course slugs are unique across all courses), and lists each problem.
import { loadCatalog } from "../lib/content/load.ts";

let failed = false;
for (const { dir, course, problems, notices } of loadCatalog()) {
  if (problems.length > 0) {
    failed = true;
    console.error(`✗ ${dir}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  ${p.file}  ${p.field}: ${p.message}`);
    // A file left off a list is often the cause of an "unknown lesson" above.
    for (const n of notices) console.error(`  note: ${n.file}  ${n.message}`);
    continue;
  }
  const c = course!;
  const lessons = c.moduleFiles.reduce((n, m) => n + m.lessonFiles.length, 0);
  const questions = c.moduleFiles.reduce((n, m) => n + m.quizFiles.reduce((k, q) => k + q.questions.length, 0), 0);
  const debates = c.moduleFiles.reduce((n, m) => n + m.debateFiles.length, 0);
  console.log(`✓ ${c.id}: ${c.moduleFiles.length} modules, ${lessons} lessons, ${questions} questions, ${debates} debate prompts, ${c.sources.length} sources`);
  for (const n of notices) console.log(`  note: ${n.file}  ${n.message}`);
}
process.exit(failed ? 1 : 0);
