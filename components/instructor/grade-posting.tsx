"use client";
// How a debate's grades reach its students (decision 23): as each is saved, or by hand, all those given so far at
// once (Canvas's manual post policy). The server records the posting time; this only asks for it. Graded anonymously
// (decision 24), responses read as "Student N" until the grades are posted, which reveals who wrote what for good.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/lib/api-client";
import { plural } from "@/lib/plural";
import { LocalTime } from "@/components/local-time";
import { FormMessage } from "@/components/live-message";

type Action = "manual" | "automatic" | "post" | "anonymous-on" | "anonymous-off";

type Props = { classId: string; promptId: string; manual: boolean; postedAt: string | null; unposted: number; anonymous: boolean; revealedAt: string | null };

export function GradePosting({ classId, promptId, manual, postedAt, unposted, anonymous, revealedAt }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const busy = sending || pending;

  const act = async (action: Action, done: string) => {
    setSending(true);
    setMessage(null);
    const result = await callApi("PUT", `/api/instructor/classes/${classId}/debates/${promptId}/grade-posting`, { action });
    setSending(false);
    if (!result.ok) return setMessage({ text: result.message, ok: false });
    setMessage({ text: done, ok: true });
    startTransition(() => router.refresh());
  };

  return (
    <section aria-labelledby="posting-heading" className="mb-8 rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
      <h2 id="posting-heading" className="text-lg font-semibold">Posting grades</h2>
      {manual ? (
        <>
          <p className="mt-1 text-sm text-stone-700">
            By hand: students see a grade, with its feedback, only once you post it, so the class reads its grades together. {unposted === 0 ? "Every grade given is posted." : <strong className="font-semibold text-stone-900">{plural(unposted, "grade")} not posted yet.</strong>}
            {postedAt && <> Students see the grades given up to <LocalTime iso={postedAt} />.</>}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className="btn-primary" disabled={busy || unposted === 0} onClick={() => act("post", `Posted: students now see ${unposted === 1 ? "that grade" : `those ${unposted} grades`}.${anonymous ? " Names are shown from now on." : ""}`)}>
              {unposted === 0 ? "Nothing to post" : `Post ${plural(unposted, "grade")} now`}{anonymous && unposted > 0 ? " and reveal names" : ""}
            </button>
            {/* Anonymous grading needs grades posted by hand: automatic posting waits for it to be turned off. */}
            {!anonymous && <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("automatic", "Grades now post as you save them; every grade given is shown.")}>Post automatically instead</button>}
          </div>
        </>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-700">Automatically: students see each grade, with its feedback, as soon as you save it.</p>
          <div className="mt-3">
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("manual", "Grades now wait for you to post them. Those already shown stay shown.")}>Post grades by hand instead</button>
          </div>
        </>
      )}
      <h3 className="mt-4 font-semibold">Grade anonymously</h3>
      {anonymous ? (
        <>
          <p className="mt-1 text-sm text-stone-700">
            On: responses read as “Student 1”, “Student 2”, … with no names here, in the gradebook or in the download, so you grade the work and not who wrote it. Posting the grades reveals the names, for good.
          </p>
          <div className="mt-3">
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("anonymous-off", "Names are shown again. Grades still wait for you to post them.")}>Show names now</button>
          </div>
        </>
      ) : revealedAt ? (
        <p className="mt-1 text-sm text-stone-700">Graded anonymously until the grades were posted on <LocalTime iso={revealedAt} />: names are shown from then on.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-700">Off: each response shows its student’s name. Anonymous grading hides the names until you post the grades, and posts grades by hand.</p>
          <div className="mt-3">
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => act("anonymous-on", "Grading anonymously: responses now read as “Student 1”, “Student 2”, … until you post the grades.")}>Grade anonymously</button>
          </div>
        </>
      )}
      <FormMessage message={message} className="mt-2" />
    </section>
  );
}
