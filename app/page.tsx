import { Link } from "@/components/app-link";
import { plural } from "@/lib/plural";
import { Container, EmptyState, PageHeader } from "@/components/ui";
import { AssignedToYou } from "@/components/assigned-to-you";
import { listCourses } from "@/lib/server/catalog";
import { getSessionUser } from "@/lib/server/auth";
import { teacherNames } from "@/lib/teacher-names";
import { instructorClasses, studentAssignments, studentClasses } from "@/lib/server/class-service";
import { unreadAnnouncementCounts } from "@/lib/server/announcement-service";
import { dueReviewCount } from "@/lib/server/review-service";
import { newRepliesToMine } from "@/lib/server/debate-reply-service";
import { courseProgressIfListed } from "@/lib/server/progress-service";
import { SearchForm } from "@/components/search-form";
import { instructorToDo } from "@/lib/server/todo-service";
import { recentDebateFeedback } from "@/lib/server/debate-review-service";
import { LocalTime } from "@/components/local-time";
import { ToDoList } from "@/components/instructor/to-do";
import { ProgressBar } from "@/components/ui";
import { stepHref, type NextStep } from "@/lib/domain/progress";

export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const [courses, user] = await Promise.all([listCourses(), getSessionUser()]);
  const [assigned, enrolled, unread, teaching, dueReviews, progress, newReplies, toDo, feedback] = await Promise.all([
    user?.role === "STUDENT" ? studentAssignments(user) : [],
    user?.role === "STUDENT" ? studentClasses(user) : [],
    user?.role === "STUDENT" ? unreadAnnouncementCounts(user) : new Map<string, number>(),
    user?.role === "INSTRUCTOR" ? instructorClasses(user).then((c) => c.current) : [],
    user ? dueReviewCount(user.id) : 0,
    user ? Promise.all(courses.map((c) => courseProgressIfListed(user.id, c.slug))) : [],
    user?.role === "STUDENT" ? newRepliesToMine(user) : [],
    user?.role === "INSTRUCTOR" ? instructorToDo(user) : [],
    user?.role === "STUDENT" ? recentDebateFeedback(user) : [],
  ]);
  return (
    <Container>
      <PageHeader title="Courses">Read closely, check your understanding, then argue it out. Each course is built from a small set of source documents.</PageHeader>
      {user?.role === "STUDENT" && enrolled.length > 0 && <StudentClasses classes={enrolled.map((m) => m.class)} unread={unread} />}
      {user?.role === "STUDENT" && assigned.length > 0 && <AssignedToYou items={assigned} />}
      {user?.role === "INSTRUCTOR" && toDo.length > 0 && <div className="mb-8"><ToDoList classes={toDo} /></div>}
      {user?.role === "INSTRUCTOR" && <YourClasses classes={teaching} />}
      {newReplies.length > 0 && <NewReplies responses={newReplies} />}
      {feedback.length > 0 && <RecentFeedback grades={feedback} />}
      {dueReviews > 0 && (
        <p className="mb-8 flex flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4 text-stone-800 sm:flex-row sm:items-center sm:justify-between">
          <span>{dueReviews === 1 ? "A question you missed is" : `${dueReviews} questions you missed are`} due for review today.</span>
          <Link href="/review" className="btn-primary self-start sm:self-auto">Review now</Link>
        </p>
      )}
      {user && courses.length > 0 && <div className="mb-8"><SearchForm course={null} label="Search all courses" /></div>}
      {courses.length === 0 ? (
        <EmptyState title="No courses yet">Add a course under <code>content/courses/</code> and run <code>npm run content:sync</code>.</EmptyState>
      ) : (
        <ul className="grid gap-5 sm:grid-cols-2">
          {courses.map((course, i) => (
            <li key={course.id} className="card flex flex-col">
              <h2 className="font-serif text-xl font-semibold">
                <Link href={`/courses/${course.slug}`} className="hover:underline">{course.title}</Link>
              </h2>
              <p className="mt-2 flex-1 text-stone-700">{course.summary}</p>
              <p className="mt-4 text-sm text-stone-600">{plural(course._count.modules, "module")}</p>
              {progress[i] && <YourProgress courseSlug={course.slug} courseTitle={course.title} percent={progress[i].percent} next={progress[i].next} />}
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}

function YourProgress({ courseSlug, courseTitle, percent, next }: { courseSlug: string; courseTitle: string; percent: number; next: NextStep | null }) {
  return (
    <div className="mt-3 border-t border-stone-200 pt-3">
      <ProgressBar percent={percent} label={`${courseTitle}: your progress`} />
      {next && (
        <p className="mt-2 text-sm">
          <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={stepHref(courseSlug, next)}>
            {next.resume ? "Back to your open attempt" : next.retry ? "Try again" : next.first ? "Start" : "Continue"}: {next.title}
          </Link>
        </p>
      )}
    </div>
  );
}

/** A student's current classes, each linking to its page of announcements and saying how many they have not opened yet. */
function StudentClasses({ classes, unread }: { classes: ({ id: string; name: string; term: string } & Parameters<typeof teacherNames>[0])[]; unread: Map<string, number> }) {
  return (
    <section aria-labelledby="class-announcements-heading" className="mb-10">
      <h2 id="class-announcements-heading" className="mb-3 text-xl font-semibold">Class announcements</h2>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {classes.map((c) => {
          const count = unread.get(c.id) ?? 0;
          return (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 p-4">
              <span className="flex min-w-0 flex-wrap items-center gap-2">
                <Link noPrefetch className="min-w-0 font-medium wrap-anywhere hover:underline" href={`/classes/${c.id}`}>{c.name}</Link>
                {count > 0 && <span className="badge bg-brand-100 text-brand-800">{count === 1 ? "1 new announcement" : `${count} new announcements`}</span>}
              </span>
              <span className="min-w-0 text-sm text-stone-600 wrap-anywhere">{c.term} · {teacherNames(c)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Classmates' replies to the student's debate responses that they have not read yet, each a link to where they are. */
function NewReplies({ responses }: { responses: { responseId: string; title: string; href: string; count: number }[] }) {
  return (
    <section aria-labelledby="new-replies-heading" className="mb-8 rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="new-replies-heading" className="font-semibold">New replies to your debate responses</h2>
      <ul className="mt-2 space-y-1">
        {responses.map((r) => (
          <li key={r.responseId}>
            <Link noPrefetch className="font-medium text-brand-700 underline-offset-2 hover:underline" href={r.href}>{r.title}</Link>
            <span className="text-stone-700"> · {r.count === 1 ? "1 new reply" : `${r.count} new replies`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Canvas's "Recent feedback": debate grades of the last two weeks, each a link to the feedback itself. */
function RecentFeedback({ grades }: { grades: { title: string; href: string; totalPoints: number; maxPoints: number; gradedAt: Date; earlierVersion: boolean }[] }) {
  return (
    <section aria-labelledby="recent-feedback-heading" className="mb-8 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="recent-feedback-heading" className="font-semibold">Recent feedback</h2>
      <ul className="mt-2 space-y-1">
        {grades.map((g) => (
          <li key={g.href}>
            <Link noPrefetch className="font-medium text-brand-700 underline-offset-2 hover:underline" href={g.href}>{g.title}</Link>
            <span className="text-stone-700"> · {g.totalPoints} of {plural(g.maxPoints, "point")}{g.earlierVersion ? " (your earlier version)" : ""} · graded <LocalTime iso={g.gradedAt.toISOString()} /></span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An instructor lands here after signing in, as a student does: their current classes come first, a click from each. */
function YourClasses({ classes }: { classes: { id: string; name: string; term: string; coTeachingFor: string | null; _count: { members: number } }[] }) {
  return (
    <section aria-labelledby="teaching-heading" className="mb-12">
      <h2 id="teaching-heading" className="mb-3 text-xl font-semibold">Your classes</h2>
      {classes.length === 0 ? (
        <p className="text-stone-700">No current classes. <Link className="font-medium text-brand-700 underline" href="/instructor">Create a class</Link> to assign this course&apos;s modules, quizzes and debates.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {classes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
              <Link className="min-w-0 font-medium wrap-anywhere hover:underline" href={`/instructor/classes/${c.id}`}>{c.name}</Link>
              <span className="min-w-0 text-sm text-stone-600 wrap-anywhere">{c.term} · {plural(c._count.members, "student")}{c.coTeachingFor && ` · Co-teaching · owner: ${c.coTeachingFor}`}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm"><Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href="/instructor">All your classes, gradebooks and imported readings</Link></p>
    </section>
  );
}
