import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { Breadcrumbs, Container, EmptyState, Notice, PageHeader } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { MasteryBadge } from "@/components/mastery-badge";
import { MASTERY_MIN_QUESTIONS, MASTERY_THRESHOLDS, masteryEvidenceNote, masteryLevelLabel, type MasteryLevel, type ObjectiveMastery } from "@/lib/domain/mastery";
import { myObjectiveMastery } from "@/lib/server/mastery-service";
import { courseBySlug } from "@/lib/server/catalog";
import { orNotFound, requirePageUser } from "@/lib/server/page";
import { plural } from "@/lib/plural";

type Params = { params: Promise<{ course: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course } = await params;
  const found = await courseBySlug(course).catch(() => null);
  return { title: found ? `Your objectives · ${found.title}` : "Your objectives" };
}

const levels: MasteryLevel[] = ["mastered", "near", "below", "unassessed"];

export default async function ObjectivesPage({ params }: Params) {
  const { course: slug } = await params;
  const user = await requirePageUser(`/courses/${slug}/objectives`);
  const { course, lessons, heldUntil, heldQuestions } = await orNotFound(myObjectiveMastery(user, slug));
  const objectives = lessons.flatMap((l) => l.objectives);
  const counts = new Map(levels.map((level) => [level, objectives.filter((o) => o.mastery.level === level).length]));
  const modules = lessons.reduce<{ id: string; title: string; lessons: typeof lessons }[]>((groups, lesson) => {
    const last = groups.at(-1);
    if (last?.id === lesson.module.id) last.lessons.push(lesson);
    else groups.push({ id: lesson.module.id, title: lesson.module.title, lessons: [lesson] });
    return groups;
  }, []);
  return (
    <Container narrow>
      <Breadcrumbs items={[{ href: "/", label: "Courses" }, { href: `/courses/${course.slug}`, label: course.title }, { label: "Your objectives" }]} />
      <div className="mt-4" />
      <PageHeader title="Your objectives">
        How well your answers show each learning objective of {course.title}. Each question counts once, by your most recent answer to it in a quiz or in
        spaced review, so a question you missed and later got right counts as learned. {MASTERY_THRESHOLDS.mastered}% or more of the points is mastery,
        {" "}{MASTERY_THRESHOLDS.near}% or more near mastery. Mastery also needs your answers to at least {MASTERY_MIN_QUESTIONS} of an objective&apos;s
        questions (or to all of them, if it has fewer): one right answer is not enough to show it.
      </PageHeader>
      {objectives.length === 0 ? (
        <EmptyState title="No objectives yet">This course has no lessons at the moment.</EmptyState>
      ) : (
        <>
          <p className="mb-6 flex flex-wrap gap-2">
            <span className="sr-only">Objectives at each level:</span>
            {levels.map((level) => <span key={level} className="text-sm text-stone-700"><MasteryBadge compact mastery={{ level, percent: null }} /> {counts.get(level)}</span>)}
          </p>
          {heldUntil && (
            <div className="mb-6">
              <Notice title="Some results are not counted yet">
                Your class holds back which answers were right on {plural(heldQuestions, "question")} until <LocalTime iso={heldUntil.toISOString()} />; they count here from then.
              </Notice>
            </div>
          )}
          <div className="space-y-10">
            {modules.map((mod) => (
              <section key={mod.id} aria-labelledby={`module-${mod.id}`}>
                <h2 id={`module-${mod.id}`} className="border-b border-stone-200 pb-1 font-serif text-2xl font-semibold">{mod.title}</h2>
                <div className="mt-4 space-y-6">
                  {mod.lessons.map((lesson) => (
                    <article key={lesson.id} aria-labelledby={`lesson-${lesson.id}`} className="card">
                      <h3 id={`lesson-${lesson.id}`} className="font-semibold"><Link className="hover:underline" href={lesson.href}>{lesson.title}</Link></h3>
                      <ul className="mt-3 divide-y divide-stone-200">
                        {lesson.objectives.map((o) => (
                          <li key={o.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                            <span className="text-stone-900">{o.text}</span>
                            <span className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
                              <MasteryBadge mastery={o.mastery} />
                              <span className="text-xs text-stone-600 sm:max-w-72 sm:text-right">{evidenceNote(o.mastery)}</span>
                            </span>
                          </li>
                        ))}
                      </ul>
                    </article>
                  ))}
                </div>
              </section>
            ))}
          </div>
          <p className="mt-10 text-sm text-stone-600">
            {masteryLevelLabel.below} or {masteryLevelLabel.near.toLowerCase()}? Reread the lesson, then try its quiz again; questions you miss also come back in <Link className="link" href="/review">spaced review</Link>.
          </p>
        </>
      )}
    </Container>
  );
}

function evidenceNote(mastery: ObjectiveMastery) {
  const { questionsAnswered, questionsAligned } = mastery;
  if (questionsAligned === 0) return "No quiz question assesses it yet";
  if (questionsAnswered === 0) return `${plural(questionsAligned, "question")} ${questionsAligned === 1 ? "assesses" : "assess"} it; none answered yet`;
  // The note names both counts, so it replaces "From 1 of N questions" rather than following it.
  return masteryEvidenceNote(mastery) ?? `From ${questionsAnswered} of ${plural(questionsAligned, "question")}`;
}
