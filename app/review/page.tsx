import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { Container, EmptyState, PageHeader } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { ReviewCurrent } from "@/components/review-session";
import { ReviewDeck } from "@/components/review-deck";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { requirePageUser } from "@/lib/server/page";
import { deckCounts, reviewQueue } from "@/lib/server/review-service";

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

      <ReviewDeck deck={deckCounts(deck)}>
        {/* "Next question" asks for focus here: the next question, or the empty state when the deck is done for now. */}
        <div id="review-current" tabIndex={-1} className="focus:outline-none">
          <FocusOnArrival key={deck.current ? `${deck.current.cardId}:${deck.current.number}` : "none"} id="review-current" />
          <ReviewCurrent
            view={deck.current}
            empty={deck.inDeck > 0 ? (
              <EmptyState title="Nothing is due right now">
                Your next question comes back on {deck.nextDueAt ? <LocalTime iso={deck.nextDueAt.toISOString()} /> : "a later day"}. Spacing the reviews out is the point: come back then.
              </EmptyState>
            ) : (
              <EmptyState title="Your review deck is empty" action={<Link href="/" className="btn-primary">Browse the courses</Link>}>
                {deck.mastered > 0 ? "You have mastered every question you once missed. " : ""}When you miss a question in a quiz, it is added here and comes back the next day.
              </EmptyState>
            )}
          />
        </div>
      </ReviewDeck>
    </Container>
  );
}
