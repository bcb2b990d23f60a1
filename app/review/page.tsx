import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { Container, EmptyState, PageHeader } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { ReviewSession } from "@/components/review-session";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { requirePageUser } from "@/lib/server/page";
import { reviewQueue } from "@/lib/server/review-service";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requirePageUser("/review");
  const deck = await reviewQueue(user);
  return (
    <Container narrow>
      <PageHeader title="Review">
        Questions you missed in quizzes come back here after 1, 3, 7, 16 and 35 days (your days: each starts at 4 a.m. where you
        signed in). Each correct answer moves a question to the next, longer interval; a wrong one starts it again. Recalling an answer days later is what makes a reading stick.
      </PageHeader>

      {/* Due times show the hour too: a question held back with its quiz's answers is due when they are released (say 23:59), not when a review day starts. */}
      <section aria-label="Your review deck" className="mb-6 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div className="card py-3"><p className="text-stone-600">Due now</p><p className="text-2xl font-semibold tabular-nums">{deck.dueCount}</p></div>
        <div className="card py-3"><p className="text-stone-600">In the deck</p><p className="text-2xl font-semibold tabular-nums">{deck.inDeck}</p></div>
        <div className="card py-3"><p className="text-stone-600">Mastered</p><p className="text-2xl font-semibold tabular-nums">{deck.mastered}</p></div>
        <div className="card py-3"><p className="text-stone-600">Next one due</p><p className="font-medium">{deck.dueCount > 0 ? "Now" : deck.nextDueAt ? <LocalTime iso={deck.nextDueAt.toISOString()} /> : "—"}</p></div>
      </section>

      {/* "Next question" asks for focus here: the next question, or the empty state when the deck is done for now. */}
      <div id="review-current" tabIndex={-1} className="focus:outline-none">
        <FocusOnArrival key={deck.current ? `${deck.current.cardId}:${deck.current.number}` : "none"} id="review-current" />
        {deck.current ? (
          <ReviewSession key={`${deck.current.cardId}:${deck.current.number}`} view={deck.current} />
        ) : deck.inDeck > 0 ? (
          <EmptyState title="Nothing is due right now">
            Your next question comes back on {deck.nextDueAt ? <LocalTime iso={deck.nextDueAt.toISOString()} /> : "a later day"}. Spacing the reviews out is the point: come back then.
          </EmptyState>
        ) : (
          <EmptyState title="Your review deck is empty" action={<Link href="/" className="btn-primary">Browse the courses</Link>}>
            {deck.mastered > 0 ? "You have mastered every question you once missed. " : ""}When you miss a question in a quiz, it is added here and comes back the next day.
          </EmptyState>
        )}
      </div>

      {deck.inDeck > 0 && (
        <section aria-labelledby="boxes-heading" className="mt-8">
          <h2 id="boxes-heading" className="text-base font-semibold">Where your questions are</h2>
          <table className="mt-2 w-full text-left text-sm">
            <thead><tr className="border-b border-stone-200 text-stone-600"><th className="py-1 font-medium">Step</th><th className="py-1 font-medium">Comes back after</th><th className="py-1 text-right font-medium">Questions</th></tr></thead>
            <tbody>
              {deck.perBox.map((b) => (
                <tr key={b.box} className="border-b border-stone-100"><td className="py-1">{b.box}</td><td className="py-1">{b.days} {b.days === 1 ? "day" : "days"}</td><td className="py-1 text-right tabular-nums">{b.cards}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Container>
  );
}
