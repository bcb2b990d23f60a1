import "server-only";
// Every answer to a quiz in a class as CSV: a row per submitted attempt, an answer and its points per question.
import { csvTime, toCsv } from "../domain/csv";
import type { QuizResponses } from "./quiz-responses-service";


export function quizResponsesCsv(report: QuizResponses): string {
  const header = [
    "Student", "Email", "Attempt", "Started", "Submitted", "Minutes taken", "Score (%)", `Counted (${report.quiz.scorePolicy === "BEST" ? "best" : "latest"})`,
    ...report.questions.flatMap((q) => [`Q${q.number} answer: ${q.prompt}`, `Q${q.number} points (of ${q.points})`]),
  ];
  const rows = report.attempts.map((a) => [
    a.student.name, a.student.email, a.number, csvTime(a.startedAt), csvTime(a.submittedAt),
    Math.round((a.submittedAt.getTime() - a.startedAt.getTime()) / 6_000) / 10, a.scorePercent, a.counted ? "yes" : "no",
    // A question this attempt was not given (a mastery quiz draws from a bank) is left empty, not “No answer”.
    ...a.answers.flatMap((answer) => (answer ? [answer.text, answer.earnedPoints] : [null, null])),
  ]);
  return toCsv([header, ...rows]);
}
