"use client";
// The review page's counts (due now, in the deck, mastered, next due; questions per step). They follow a checked
// answer at once, from the deck the server sends with the result, and the page's own again once it is rendered anew
// ("Next question"): each count comes from the server, so nothing is counted twice. It also keeps why a check was
// refused because the page was out of date: the page is then rendered anew, and the question with its message goes.
import { createContext, useContext, useState, type ReactNode } from "react";
import type { ReviewDeckCounts } from "@/lib/server/review-service";
import { LocalTime } from "./local-time";
import { LiveMessage } from "./live-message";
import { plural } from "@/lib/plural";

type DeckReports = { checked: (deck: ReviewDeckCounts) => void; refused: (message: string | null) => void };
const DeckChecked = createContext<DeckReports>({ checked: () => {}, refused: () => {} });

/**
 * For the review question: `checked`, the deck as it stands once its answer is recorded; `refused`, why the answer
 * was refused when the page is about to be rendered anew (the message outlives the question it was about).
 */
export const useDeckReports = () => useContext(DeckChecked);

/** `deck`: as the page was rendered; `children`: the question (or why there is none), between the counts and the steps. */
export function ReviewDeck({ deck, children }: { deck: ReviewDeckCounts; children: ReactNode }) {
  // The counts after a check, for the page as rendered: a new rendering brings a new `deck`, which then stands.
  const [checked, setChecked] = useState<{ after: ReviewDeckCounts; on: ReviewDeckCounts } | null>(null);
  const shown = checked?.on === deck ? checked.after : deck;
  const [refusal, setRefusal] = useState<string | null>(null);
  const reports: DeckReports = {
    checked: (after) => setChecked({ after, on: deck }),
    refused: setRefusal,
  };
  return (
    <DeckChecked.Provider value={reports}>
      {/* Due times show the hour too: a question held back with its quiz's answers is due when they are released (say 23:59), not when a review day starts. */}
      <section aria-label="Your review deck" className="mb-6 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div className="card py-3"><p className="text-stone-600">Due now</p><p className="text-2xl font-semibold tabular-nums">{shown.dueCount}</p></div>
        <div className="card py-3"><p className="text-stone-600">In the deck</p><p className="text-2xl font-semibold tabular-nums">{shown.inDeck}</p></div>
        <div className="card py-3"><p className="text-stone-600">Mastered</p><p className="text-2xl font-semibold tabular-nums">{shown.mastered}</p></div>
        <div className="card py-3"><p className="text-stone-600">Next one due</p><p className="font-medium">{shown.dueCount > 0 ? "Now" : shown.nextDueAt ? <LocalTime iso={shown.nextDueAt} /> : "—"}</p></div>
      </section>

      <LiveMessage tone="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">{refusal}</LiveMessage>
      {children}

      {shown.inDeck > 0 && (
        <section aria-labelledby="boxes-heading" className="mt-8">
          <h2 id="boxes-heading" className="text-base font-semibold">Where your questions are</h2>
          <table className="mt-2 w-full text-left text-sm">
            <thead><tr className="border-b border-stone-200 text-stone-600"><th className="py-1 font-medium">Step</th><th className="py-1 font-medium">Comes back after</th><th className="py-1 text-right font-medium">Questions</th></tr></thead>
            <tbody>
              {shown.perBox.map((b) => (
                <tr key={b.box} className="border-b border-stone-100"><td className="py-1">{b.box}</td><td className="py-1">{plural(b.days, "day")}</td><td className="py-1 text-right tabular-nums">{b.cards}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </DeckChecked.Provider>
  );
}
