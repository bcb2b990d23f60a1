import type { Metadata } from "next";
import { Container } from "@/components/ui";
import { JoinClassForm } from "@/components/join-class-form";
import { requirePageUser } from "@/lib/server/page";
import { joinCodePreview, studentClasses, studentInvitations } from "@/lib/server/class-service";
import { InvitationAnswers } from "@/components/invitation-answers";
import { Link } from "@/components/app-link";
import { LocalTime } from "@/components/local-time";
import { teacherNames } from "@/lib/teacher-names";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinClassPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const user = await requirePageUser(`/classes/join${code ? `?code=${encodeURIComponent(code)}` : ""}`);
  const initialCode = typeof code === "string" ? code.slice(0, 40) : "";
  const [classes, invitations, preview] = user.role === "STUDENT"
    ? await Promise.all([studentClasses(user), studentInvitations(user), initialCode ? joinCodePreview(user, initialCode) : null])
    : [[], [], null];
  return (
    <Container narrow>
      <div className="mx-auto max-w-md">
        <h1 className="font-serif text-3xl font-semibold">Join a class</h1>
        <p className="mt-2 text-stone-700">Enter the join code your instructor gave you. Your assignments then appear on your home page.</p>
        {user.role === "STUDENT" && (
          <InvitationAnswers invitations={invitations.map(({ class: c, invitedAt }) => ({ classId: c.id, name: c.name, term: c.term, teachers: teacherNames(c), invitedAt: invitedAt.toISOString() }))} />
        )}
        <div className="card mt-6">
          {/* A join link names its class before the student joins it, as Canvas does. */}
          {preview?.ok === true && (
            <p className="mb-4 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-stone-800">
              {preview.alreadyMember ? "You are in " : "This code is for "}
              <span className="font-semibold text-stone-900">{preview.name}</span> · {preview.term} · {preview.instructor}.
            </p>
          )}
          {preview?.ok === false && <p className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">{preview.message}</p>}
          <JoinClassForm initialCode={initialCode} />
        </div>
        {classes.length > 0 && (
          <section aria-labelledby="your-classes-heading" className="mt-8">
            <h2 id="your-classes-heading" className="text-lg font-semibold">Your classes</h2>
            <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {classes.map(({ class: c, joinedAt }) => (
                <li key={c.id} className="px-4 py-3 text-sm">
                  <span className="font-medium text-stone-900">{c.name}</span> <span className="text-stone-600">· {c.term} · {teacherNames(c)}</span>
                  <span className="block text-stone-600">Joined <LocalTime iso={joinedAt.toISOString()} day /></span>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-stone-700">Your grades in each are on <Link href="/progress" className="underline">My progress</Link>.</p>
          </section>
        )}
      </div>
    </Container>
  );
}
