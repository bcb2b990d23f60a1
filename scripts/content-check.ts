// npm run content:check — validates every course under content/courses and lists each problem.
import { ContentError, courseDirectories, loadCourse } from "../lib/content/load.ts";

let failed = false;
for (const dir of courseDirectories()) {
  try {
    const course = loadCourse(dir);
    const lessons = course.moduleFiles.reduce((n, m) => n + m.lessonFiles.length, 0);
    const questions = course.moduleFiles.reduce((n, m) => n + m.quizFiles.reduce((k, q) => k + q.questions.length, 0), 0);
    const debates = course.moduleFiles.reduce((n, m) => n + m.debateFiles.length, 0);
    console.log(`✓ ${course.id}: ${course.moduleFiles.length} modules, ${lessons} lessons, ${questions} questions, ${debates} debate prompts, ${course.sources.length} sources`);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    failed = true;
    console.error(`✗ ${dir}: ${error.problems.length} problem(s)`);
    for (const p of error.problems) console.error(`  ${p.file}  ${p.field}: ${p.message}`);
  }
}
process.exit(failed ? 1 : 0);
