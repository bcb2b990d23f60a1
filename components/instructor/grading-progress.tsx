"use client";
// Grading down the "to grade" list, as SpeedGrader's "only ungraded": a response graded there leaves the list when the
// page refreshes, and its form (with the form's confirmation) with it. So the confirmation is said here, above the
// list, which stays in the page across the refresh, and focus comes here rather than falling to the page's top,
// with a link to the next response still to grade. Graded without the script (decision 33), the page is drawn afresh
// with the grade as `confirmed`, said in the same place.
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { plural } from "@/lib/plural";

type Graded = { studentName: string; totalPoints: number; maxPoints: number };
type NextResponse = { id: string; studentName: string } | null;

const GradedContext = createContext<((graded: Graded) => void) | null>(null);

/** What a grading form calls once a grade is saved, in place of refreshing the page; null where graded responses stay listed. */
export function useGradedInList() {
  return useContext(GradedContext);
}

export function GradingProgress({ toGradeCount, next, confirmed = null, children }: { toGradeCount: number; next: NextResponse; confirmed?: Graded | null; children: ReactNode }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [graded, setGraded] = useState<Graded | null>(confirmed);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (graded) notice.current?.focus();
  }, [graded]);
  // In one transition, the notice and the refreshed list (its count, the next response) are shown together.
  const onGraded = (saved: Graded) => startTransition(() => {
    setGraded(saved);
    router.refresh();
  });

  return (
    <GradedContext.Provider value={onGraded}>
      <div ref={notice} id="grading-progress" tabIndex={-1} role="status" className={graded ? "mb-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 outline-none focus-visible:ring-2 focus-visible:ring-brand-600" : "sr-only"}>
        {graded && (
          <>
            <p>
              <span className="font-semibold">Graded {graded.studentName}: {graded.totalPoints} of {plural(graded.maxPoints, "point")}.</span>{" "}
              {toGradeCount === 0 ? "Nothing else is left to grade." : `${toGradeCount} left to grade.`} The response is listed under All.
            </p>
            {next && <p className="mt-2"><a className="link font-medium" href={`#response-${next.id}`}>Next to grade: {next.studentName}</a></p>}
          </>
        )}
      </div>
      {children}
    </GradedContext.Provider>
  );
}
