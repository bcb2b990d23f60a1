"use client";
// Give several students the same extension on one assignment (Canvas's "Assign to" for a group): choose them in the
// roster, set the terms once. The server gives all or none.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Link } from "@/components/app-link";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage, LiveMessage } from "@/components/live-message";
import { studentMatches } from "@/lib/domain/gradebook";
import { LocalTime } from "@/components/local-time";
import { YourTime } from "@/components/viewer-time-zone";
import { plural } from "@/lib/plural";
import { dueInstantFromLocalInput, localInputValue } from "./local-time-input";
import { ExtensionTermFields, WithdrawExtensionButton } from "./extension-form";

type Terms = { dueAt: string; extraAttempts: number; extraTimePercent: number };
export type GroupExtensionStudent = {
  id: string;
  name: string;
  email: string;
  standingExtraTime: number;
  extension: (Terms & { id: string; reason: string; grantedBy: string; withdrawalRefused: string | null }) | null;
};

function termsInWords(terms: Terms, kind: "MODULE" | "QUIZ" | "DEBATE") {
  return [
    terms.extraAttempts > 0 ? `${plural(terms.extraAttempts, "extra attempt")}` : null,
    kind !== "DEBATE" && terms.extraTimePercent > 0 ? `${terms.extraTimePercent} % extra time` : null,
  ].filter(Boolean).join(" · ");
}

export function GroupExtensionForm({ classId, assignment, students, archived }: {
  classId: string;
  assignment: { id: string; title: string; kind: "MODULE" | "QUIZ" | "DEBATE"; dueAt: string };
  students: GroupExtensionStudent[];
  archived: boolean;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // In a class of hundreds, find the few to choose; those chosen stay chosen when the search hides them.
  const [search, setSearch] = useState("");
  const shown = students.filter((s) => studentMatches(s, search));
  const filtering = search.trim() !== "";
  const [dueAt, setDueAt] = useState(() => localInputValue(new Date(assignment.dueAt)));
  const { errors, message, pending, send, refuse, formProps } = useApiForm(["dueAt", "extraAttempts", "extraTimePercent", "reason", "students"]);
  const toggle = (id: string, on: boolean) => setChosen((current) => {
    const next = new Set(current);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const replaced = students.filter((s) => chosen.has(s.id) && s.extension).length;
  const kind = assignment.kind;
  // min-w-0: a fieldset is at least as wide as its content, so a long word in the table would widen the page past a phone's screen instead of scrolling in its box.
  const roster = (
    <fieldset className="min-w-0" aria-describedby={errors.students ? "group-students-error" : undefined}>
      <legend className="sr-only">Students to give the extension</legend>
      <div className="mb-3 sm:w-72">
        <label htmlFor="extension-search" className="field-label">Find a student</label>
        <input id="extension-search" type="search" className="field-input" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or email" autoComplete="off"
          // Inside the extension's form: Enter here only searches, it does not give the extension.
          onKeyDown={(e) => { if (e.key === "Enter") e.preventDefault(); }} />
      </div>
      <LiveMessage className="mb-2 text-sm text-stone-600">{filtering ? `Showing ${shown.length} of ${students.length} students.` : ""}</LiveMessage>
      {!archived && (
        <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
          <span aria-live="polite">{plural(chosen.size, "student")} chosen of {students.length}</span>
          <button type="button" className="btn-secondary" disabled={shown.length === 0} onClick={() => setChosen(new Set([...chosen, ...shown.map((s) => s.id)]))}>{filtering ? "Choose those shown" : "Choose all"}</button>
          <button type="button" className="btn-secondary" disabled={chosen.size === 0} onClick={() => setChosen(new Set())}>Clear</button>
        </div>
      )}
      {errors.students && <p id="group-students-error" className="field-error mb-2">{errors.students[0]}</p>}
      <div className="overflow-x-auto rounded-lg border border-stone-200">
        <table className="w-full bg-white text-left text-sm">
          <thead className="bg-stone-50">
            <tr>
              {!archived && <th scope="col" className="w-10 px-4 py-2"><span className="sr-only">Chosen</span></th>}
              <th scope="col" className="px-4 py-2">Student</th>
              <th scope="col" className="px-4 py-2">Their terms</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {shown.length === 0 && (
              <tr><td colSpan={archived ? 2 : 3} className="px-4 py-6 text-center text-stone-600">No student&apos;s name or email contains “{search.trim()}”.</td></tr>
            )}
            {shown.map((s) => (
              <tr key={s.id} className="align-top">
                {!archived && (
                  <td className="px-4 py-3">
                    <input type="checkbox" id={`choose-${s.id}`} className="size-4" checked={chosen.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} aria-label={`Choose ${s.name}`} />
                  </td>
                )}
                <td className="px-4 py-3 wrap-anywhere">
                  <Link className="link font-medium" href={`/instructor/classes/${classId}/students/${s.id}`}>{s.name}</Link>
                  {kind !== "DEBATE" && s.standingExtraTime > 0 && <div className="text-stone-600">Standing extra time: {s.standingExtraTime} % on timed quizzes</div>}
                </td>
                <td className="px-4 py-3">
                  {s.extension ? (
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div>
                        <p>Own due time <LocalTime iso={s.extension.dueAt} />{termsInWords(s.extension, kind) ? ` · ${termsInWords(s.extension, kind)}` : ""}</p>
                        <p className="text-stone-600">Reason: {s.extension.reason} · by {s.extension.grantedBy}</p>
                        {s.extension.withdrawalRefused && <p className="text-stone-600">{s.extension.withdrawalRefused}</p>}
                      </div>
                      {!archived && !s.extension.withdrawalRefused && <WithdrawExtensionButton classId={classId} extensionId={s.extension.id} title={`${assignment.title} for ${s.name}`} />}
                    </div>
                  ) : (
                    <span className="text-stone-600">The class&apos;s due time</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
  // An archived class's extensions are a record: the roster as it stands, nothing to choose.
  if (archived) return roster;
  return (
    <form
      {...formProps}
      noValidate
      aria-labelledby="group-extension-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (chosen.size === 0) return refuse({ students: ["Choose at least one student."] }, "Choose at least one student.");
        const form = new FormData(event.currentTarget);
        const entered = dueInstantFromLocalInput(dueAt, new Date(assignment.dueAt));
        if ("error" in entered) return refuse({ dueAt: [entered.error] }, "Check the due time.");
        const dueMs = new Date(entered.iso).getTime();
        const classDueMs = new Date(assignment.dueAt).getTime();
        // As for one student: a due time earlier than the class's, or already over, is usually a typo.
        const questions = [
          dueMs < classDueMs ? "This due time is earlier than the class's: these students get less time, not more." : dueMs < Date.now() && dueMs !== classDueMs ? "This due time has already passed: it gives no more time to work." : null,
          replaced > 0 ? `${plural(replaced, "chosen student")} already ${replaced === 1 ? "has" : "have"} an extension here; this one replaces ${replaced === 1 ? "it" : "theirs"}.` : null,
        ].filter(Boolean);
        if (questions.length > 0 && !window.confirm(`${questions.join(" ")} Save it anyway?`)) return;
        await send<{ granted: number; unchanged: number }>("POST", `/api/instructor/classes/${classId}/extensions/group`, {
          assignmentId: assignment.id,
          students: students.filter((s) => chosen.has(s.id)).map((s) => ({
            studentId: s.id,
            replacing: s.extension ? { dueAt: s.extension.dueAt, extraAttempts: s.extension.extraAttempts, extraTimePercent: s.extension.extraTimePercent } : null,
          })),
          dueAt: entered.iso,
          extraAttempts: Number(form.get("extraAttempts") ?? 0) || 0,
          extraTimePercent: Number(form.get("extraTimePercent") ?? 0) || 0,
          reason: form.get("reason"),
        }, (done) => {
          setChosen(new Set());
          router.refresh();
          return `Extension saved for ${plural(done.granted + done.unchanged, "student")}.`;
        });
      }}
    >
      {roster}
      <div className="card mt-4 grid gap-3 sm:grid-cols-2">
        <h2 id="group-extension-heading" className="font-semibold sm:col-span-2">Give the chosen students an extension</h2>
        <div>
          <label htmlFor="group-due" className="field-label">Their due time <YourTime /></label>
          <input id="group-due" name="dueAt" type="datetime-local" required value={dueAt} onChange={(e) => setDueAt(e.target.value)} className="field-input" aria-invalid={Boolean(errors.dueAt)} aria-describedby={errors.dueAt ? "group-due-error" : undefined} />
          {errors.dueAt && <p id="group-due-error" className="field-error">{errors.dueAt[0]}</p>}
        </div>
        <ExtensionTermFields
          idPrefix="group"
          kind={kind}
          errors={errors}
          attempts={{ defaultValue: 0 }}
          time={{ defaultValue: 0 }}
          timeHint="The larger of this and a student's standing extra time applies."
          reasonLabel="Reason (recorded; the students do not see it)"
        />
        <div className="sm:col-span-2">
          <FormMessage message={message} />
          <button type="submit" className="btn-primary mt-2" disabled={pending}>{pending ? "Saving…" : chosen.size > 0 ? `Give ${plural(chosen.size, "student")} this extension` : "Give the extension"}</button>
        </div>
      </div>
    </form>
  );
}
