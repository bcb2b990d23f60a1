import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs, Container, Notice, PageHeader } from "@/components/ui";
import { requireInstructor } from "@/lib/server/instructor-page";
import { orNotFound } from "@/lib/server/page";
import { quizKey, type QuizKey } from "@/lib/server/quiz-key-service";
import { questionTypeLabel } from "@/lib/question-types";
import { plural } from "@/lib/plural";

export const metadata: Metadata = { title: "Questions and answers" };

type KeyedQuestion = QuizKey["questions"][number];

/** The choices, items or pairs (in the author's order, the key's for ordering and matching), with the key as graded now marked. */
function Answers({ question }: { question: KeyedQuestion }) {
  const q = question.graded;
  const keyBadge = <span className="badge ml-2 bg-emerald-100 text-emerald-900">key</span>;
  if (q.type === "single" || q.type === "multiple") {
    const keys = question.keyOptionIds;
    return (
      <ul className="mt-2 space-y-1 text-sm">
        {q.options.map((o) => <li key={o.id} className={keys.includes(o.id) ? "font-medium" : "text-stone-700"}>{o.text}{keys.includes(o.id) && keyBadge}</li>)}
      </ul>
    );
  }
  if (q.type === "ordering") return <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">{q.items.map((i) => <li key={i.id}>{i.text}</li>)}</ol>;
  if (q.type === "matching") return <ul className="mt-2 space-y-1 text-sm">{q.pairs.map((p) => <li key={p.id}>{p.left} → {p.right}</li>)}</ul>;
  return null;
}

export default async function QuizKeyPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  if (!/^[a-z0-9][a-z0-9-]{1,80}$/.test(quizId)) notFound();
  const user = await requireInstructor(`/instructor/quizzes/${quizId}`);
  const { quiz, questions } = await orNotFound(quizKey(user, quizId));
  const studentPage = `/courses/${quiz.module.course.slug}/${quiz.module.slug}/quizzes/${quiz.slug}`;
  const drawn = quiz.drawCount !== null && quiz.drawCount < questions.length;
  return (
    <Container narrow>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: `/courses/${quiz.module.course.slug}`, label: quiz.module.course.title }, { href: `/courses/${quiz.module.course.slug}/${quiz.module.slug}`, label: quiz.module.title }, { label: "Questions and answers" }]} />
      <div className="mt-4" />
      <PageHeader eyebrow="Questions and answers (instructors only)" title={quiz.title}>{quiz.description}</PageHeader>
      <dl className="card grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
        <div><dt className="text-stone-600">Questions</dt><dd className="text-lg font-semibold">{drawn ? `${quiz.drawCount} of ${questions.length}, drawn` : questions.length}{quiz.shuffleQuestions && !drawn ? ", shuffled" : ""}</dd></div>
        <div><dt className="text-stone-600">Attempts</dt><dd className="text-lg font-semibold">{quiz.maxAttempts === null ? "Unlimited" : quiz.maxAttempts}</dd></div>
        <div><dt className="text-stone-600">Time limit</dt><dd className="text-lg font-semibold">{quiz.timeLimitMinutes ? `${quiz.timeLimitMinutes} min` : "None"}</dd></div>
        <div><dt className="text-stone-600">To pass · counts</dt><dd className="text-lg font-semibold">{quiz.passPercent}% · {quiz.scorePolicy === "BEST" ? "best" : "latest"}</dd></div>
      </dl>
      <p className="mt-3 text-sm text-stone-700">
        Keys as graded now, regrades included. Students see the choices in a different order in each attempt, without letters; here they
        keep the author’s order. <Link className="underline" href={studentPage}>The quiz as students see it</Link> (an attempt you start there is your own).
      </p>
      {questions.length === 0 ? (
        <div className="mt-6"><Notice>This quiz has no questions yet.</Notice></div>
      ) : (
        <ol className="mt-6 space-y-4">
          {questions.map((q) => (
            <li key={q.id} className="card" id={`question-${q.number}`}>
              <p className="text-sm text-stone-600">
                Q{q.number} · {questionTypeLabel[q.definition.type] ?? q.definition.type} · {plural(q.points, "point")} · {q.definition.difficulty}
                {q.fromQuiz ? ` · from “${q.fromQuiz}”` : ""}
              </p>
              <p className="mt-1 font-medium">{q.definition.prompt}</p>
              <Answers question={q} />
              <p className="mt-3 text-sm"><span className="font-semibold">Key{q.regradeNote ? " (as regraded)" : ""}:</span> {q.fullCredit ? "full credit for everyone" : q.keyText}</p>
              {q.regradeNote && <p className="mt-1 text-sm text-amber-900">{q.regradeNote}</p>}
              <p className="mt-2 text-sm text-stone-800"><span className="font-semibold">Explanation:</span> {q.definition.explanation}</p>
              <p className="mt-2 text-xs text-stone-600">
                {q.objective && <>Objective: {q.objective.replace(/\.$/, "")}. </>}
                {q.lesson && <>Taught in <Link className="underline" href={q.lesson.href}>{q.lesson.title}</Link>, “{q.lesson.section}”. </>}
                {q.source && <>Source: {q.source.citation}{q.source.section ? `, section “${q.source.section}”` : ""}.</>}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
