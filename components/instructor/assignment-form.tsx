"use client";
// Assign a module, quiz or debate, or change an assignment's terms, with opening and due times entered in the
// instructor's own time zone. Before the page's script runs and without it, the forms post server actions
// (app/actions/assignments.ts, decision 33): the assign form carries a request id the server rendered, so the same form
// sent again assigns once, and lists every item in one list (the kind cannot narrow it without the script); the edit
// form opens in a <details> and carries the terms as the page showed them; the times are read on the server in the
// zone the form names; what the script asks with confirm() comes back as a box to tick. With the script, the forms
// send JSON to the routes as before.
import { useFirstRequestId } from "@/components/use-request-id";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { callApi } from "@/lib/api-client";
import { unreadableNumberErrors } from "@/components/unreadable-numbers";
import { dueInstantFromLocalInput, instantFromLocalInput, localInputValue } from "./local-time-input";
import { FormMessage } from "@/components/live-message";
import { useDeviceTimeZone, YourTime } from "@/components/viewer-time-zone";
import { useFormAction, useScriptRuns } from "@/components/reachable-action";
import { localInputValueIn } from "@/lib/domain/calendar";
import { assignAction, changeAssignmentAction, type AssignResult, type ChangeAssignmentResult } from "@/app/actions/assignments";

type Course = { id: string; title: string; modules: { id: string; title: string; _count: { lessons: number }; quizzes: { id: string; title: string; maxAttempts: number | null }[]; debates: { id: string; title: string }[] }[] };
type Kind = "MODULE" | "QUIZ" | "DEBATE";
type Terms = { dueAtTyped?: string; opensAt: Date; dueAt: Date; maxAttemptsOverride: number | null; latePolicy: "ACCEPT" | "FLAG" | "REFUSE"; latePenaltyPercentPerDay: number; latePenaltyFloorPercent: number; revealAnswers: "AFTER_SUBMIT" | "AFTER_DUE" | "AFTER_LAST_ATTEMPT"; weight: number; requiresReading: boolean; accessCode: string | null };
type Errors = Record<string, string[]>;
/** What was typed, as a refused postback brings it back (decision 33). */
type Typed = Partial<Record<string, string>>;

const OFFLINE = "Could not reach Caravan. Check your connection, then reload the page to see whether it was done before trying again.";

/**
 * What an empty "Attempts allowed" means: the quiz's own limit, which the form would otherwise leave the instructor to
 * guess. `quizLimit`: the quiz's limit (null: none), or undefined for a module, whose quizzes each keep their own.
 */
export function attemptsHint(kind: Kind, quizLimit: number | null | undefined): string {
  if (kind === "MODULE" || quizLimit === undefined) return "Empty: each of the module’s quizzes keeps its own limit.";
  return quizLimit === null ? "Empty: the quiz’s own setting, no limit." : `Empty: the quiz’s own limit, ${quizLimit} ${quizLimit === 1 ? "attempt" : "attempts"}.`;
}

/**
 * The automatic deduction for late work (lib/domain/late-penalty.ts): only where late work is accepted, so the fields
 * leave the form while it is refused (the stored values stay, unused).
 */
function LatePenaltyFields({ idPrefix, defaults, typed, errors }: { idPrefix: string; defaults: Terms; typed?: Typed; errors: Errors }) {
  const number = (name: "latePenaltyPercentPerDay" | "latePenaltyFloorPercent", label: string) => (
    <div>
      <label htmlFor={`${idPrefix}-${name}`} className="field-label">{label}</label>
      <input id={`${idPrefix}-${name}`} name={name} type="number" inputMode="numeric" min={0} max={100} step={1} defaultValue={typed?.[name] ?? defaults[name]} className="field-input"
        aria-invalid={Boolean(errors[name])} aria-describedby={[errors[name] ? `${idPrefix}-${name}-error` : null, `${idPrefix}-latePenalty-hint`].filter(Boolean).join(" ")} />
      {errors[name] && <p id={`${idPrefix}-${name}-error`} className="field-error">{errors[name][0]}</p>}
    </div>
  );
  return (
    <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
      <legend className="field-label">Late penalty</legend>
      {number("latePenaltyPercentPerDay", "Deduct per day late (%)")}
      {number("latePenaltyFloorPercent", "Lowest grade it brings work to (%)")}
      <p id={`${idPrefix}-latePenalty-hint`} className="text-sm text-stone-600 sm:col-span-2">Percentage points off the score for each day (or part of one) after the student’s due time: 85 % work one day late at 10 % a day counts as 75 %. The deduction stops at the lowest grade; work already below it keeps its score. 0 per day: no deduction.</p>
    </fieldset>
  );
}

/** The opening and due times, attempts, late policy and penalty, answer release, weight and (for a quiz) reading first: the fields an assignment is created and edited with. */
function TermsFields({ idPrefix, kind, defaults, errors, attemptsNote, timeZone, typed }: { idPrefix: string; kind: Kind; defaults: Terms; errors: Errors; attemptsNote: string; timeZone: string; typed?: Typed }) {
  const field = (name: string) => ({ id: `${idPrefix}-${name}`, "aria-invalid": Boolean(errors[name]), "aria-describedby": errors[name] ? `${idPrefix}-${name}-error` : undefined });
  const error = (name: string) => errors[name] && <p id={`${idPrefix}-${name}-error`} className="field-error">{errors[name][0]}</p>;
  const [chosen, setChosen] = useState({ latePolicy: (typed?.latePolicy || defaults.latePolicy) as Terms["latePolicy"], revealAnswers: (typed?.revealAnswers || defaults.revealAnswers) as Terms["revealAnswers"] });
  const scriptRuns = useScriptRuns();
  // Without the script the server reads the times in the zone the form names; with it, the browser reads them in its own.
  const zone = useDeviceTimeZone(timeZone) ?? timeZone;
  const timeShown = (instant: Date) => (scriptRuns ? localInputValue(instant) : localInputValueIn(instant, timeZone));
  const yourTime = scriptRuns ? <YourTime /> : <>(your time, {zone})</>;
  // Held answers are shown at the due time; work still accepted after it could be done with them in hand.
  const keyOpenToLateWork = kind !== "DEBATE" && chosen.revealAnswers !== "AFTER_SUBMIT" && chosen.latePolicy !== "REFUSE";
  const lastAttempt = kind !== "DEBATE" && chosen.revealAnswers === "AFTER_LAST_ATTEMPT";
  const atDue = kind !== "DEBATE" && chosen.revealAnswers === "AFTER_DUE";
  const notes = [lastAttempt && `${idPrefix}-revealAnswers-last`, atDue && `${idPrefix}-revealAnswers-due`, keyOpenToLateWork && `${idPrefix}-revealAnswers-note`].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-opensAt`} className="field-label">Opens {yourTime}</label>
        <input {...field("opensAt")} name="opensAt" type="datetime-local" defaultValue={typed?.opensAt ?? timeShown(defaults.opensAt)} className="field-input" />
        <input type="hidden" name="timeZone" value={timeZone} />
        {error("opensAt")}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-dueAt`} className="field-label">Due {yourTime}</label>
        <input {...field("dueAt")} name="dueAt" type="datetime-local" defaultValue={typed?.dueAt ?? (scriptRuns ? localInputValue(defaults.dueAt) : defaults.dueAtTyped ?? timeShown(defaults.dueAt))} className="field-input" />
        {error("dueAt")}
      </div>
      {kind !== "DEBATE" && (
        <div>
          <label htmlFor={`${idPrefix}-maxAttemptsOverride`} className="field-label">Attempts allowed (optional override)</label>
          <input {...field("maxAttemptsOverride")} aria-describedby={[errors.maxAttemptsOverride ? `${idPrefix}-maxAttemptsOverride-error` : null, `${idPrefix}-maxAttemptsOverride-hint`].filter(Boolean).join(" ")} name="maxAttemptsOverride" type="number" min={1} max={100} defaultValue={typed?.maxAttemptsOverride ?? defaults.maxAttemptsOverride ?? ""} className="field-input" />
          <p id={`${idPrefix}-maxAttemptsOverride-hint`} className="mt-1 text-sm text-stone-600">{attemptsNote}</p>
          {error("maxAttemptsOverride")}
        </div>
      )}
      <div>
        <label htmlFor={`${idPrefix}-latePolicy`} className="field-label">Late work</label>
        <select {...field("latePolicy")} name="latePolicy" className="field-input" defaultValue={chosen.latePolicy} onChange={(event) => setChosen((c) => ({ ...c, latePolicy: event.target.value as Terms["latePolicy"] }))}>
          <option value="ACCEPT">Accept</option>
          <option value="FLAG">Accept and flag as late</option>
          <option value="REFUSE">Refuse</option>
        </select>
        {error("latePolicy")}
      </div>
      {chosen.latePolicy !== "REFUSE" && <LatePenaltyFields idPrefix={idPrefix} defaults={defaults} typed={typed} errors={errors} />}
      {kind !== "DEBATE" && (
        <div>
          <label htmlFor={`${idPrefix}-revealAnswers`} className="field-label">Correct answers and explanations</label>
          <select {...field("revealAnswers")} name="revealAnswers" className="field-input" defaultValue={chosen.revealAnswers} aria-describedby={notes} onChange={(event) => setChosen((c) => ({ ...c, revealAnswers: event.target.value as Terms["revealAnswers"] }))}>
            <option value="AFTER_SUBMIT">Shown right after submitting</option>
            <option value="AFTER_LAST_ATTEMPT">Held back until the student’s last attempt</option>
            <option value="AFTER_DUE">Held back until the due time</option>
          </select>
          {lastAttempt && <p id={`${idPrefix}-revealAnswers-last`} className="mt-1 text-sm text-stone-600">Shown once a student has handed in their last attempt allowed, or at their due time if that comes first; with no attempt limit, at the due time. A retake is then not taken with the answers in hand.</p>}
          {atDue && <p id={`${idPrefix}-revealAnswers-due`} className="mt-1 text-sm text-stone-600">Shown to each student at the class’s due time, or at their own later due time when they have an extension. Students working on under an extension are not covered: their classmates see the answers at the class’s due time.</p>}
          {keyOpenToLateWork && <p id={`${idPrefix}-revealAnswers-note`} className="mt-1 text-sm text-amber-800">Late work is still accepted after the due time, when the answers are shown: a late attempt could be made with them in hand. Choose “Refuse” for late work to close the quiz when the answers appear.</p>}
        </div>
      )}
      <div>
        <label htmlFor={`${idPrefix}-weight`} className="field-label">Weight in the average</label>
        <input {...field("weight")} aria-describedby={[errors.weight ? `${idPrefix}-weight-error` : null, `${idPrefix}-weight-hint`].filter(Boolean).join(" ")} name="weight" type="number" inputMode="numeric" min={0} max={100} step={1} defaultValue={typed?.weight ?? defaults.weight} className="field-input" />
        <p id={`${idPrefix}-weight-hint`} className="mt-1 text-sm text-stone-600">Relative to the class’s other assignments: 2 counts twice as much as 1. 0 makes it practice, left out of the average.</p>
        {error("weight")}
      </div>
      {kind === "QUIZ" && (
        <div className="sm:col-span-2">
          <div className="flex items-start gap-2">
            <input id={`${idPrefix}-requiresReading`} name="requiresReading" type="checkbox" defaultChecked={typed ? typed.requiresReading === "on" : defaults.requiresReading} aria-describedby={`${idPrefix}-requiresReading-hint`} className="mt-1 h-4 w-4" />
            <label htmlFor={`${idPrefix}-requiresReading`} className="font-medium">Students must read the module’s lessons before starting</label>
          </div>
          <p id={`${idPrefix}-requiresReading-hint`} className="mt-1 text-sm text-stone-600">A student starts the quiz once they have marked each lesson of its module complete; the quiz page lists the lessons still to read. An attempt already open stays open.</p>
          {error("requiresReading")}
        </div>
      )}
      {kind === "QUIZ" && (
        <div>
          <label htmlFor={`${idPrefix}-accessCode`} className="field-label">Access code (optional)</label>
          <input {...field("accessCode")} aria-describedby={[errors.accessCode ? `${idPrefix}-accessCode-error` : null, `${idPrefix}-accessCode-hint`].filter(Boolean).join(" ")} name="accessCode" autoComplete="off" spellCheck={false} maxLength={40} defaultValue={typed?.accessCode ?? defaults.accessCode ?? ""} className="field-input font-mono" />
          <p id={`${idPrefix}-accessCode-hint`} className="mt-1 text-sm text-stone-600">Students type it to start an attempt; give it out in the room (say, for a quiz taken in class). Case and extra spaces do not matter. Empty: none. An attempt already open stays open.</p>
          {error("accessCode")}
        </div>
      )}
    </>
  );
}

/**
 * The terms as the API takes them, or the field errors the browser can already see: a time the clocks skip. A due
 * time already past is allowed (e.g. recording work done before the class used Caravan) once the instructor agrees.
 */
function readTerms(form: FormData, kind: Kind, shown?: Terms): { body: Record<string, unknown> } | { errors: Errors } | { cancelled: true } {
  const read = (name: "opensAt" | "dueAt") => (name === "dueAt" ? dueInstantFromLocalInput : instantFromLocalInput)(String(form.get(name) ?? ""), shown?.[name]);
  const opensAt = read("opensAt");
  const dueAt = read("dueAt");
  if ("error" in opensAt || "error" in dueAt) return { errors: { ...("error" in opensAt ? { opensAt: [opensAt.error] } : {}), ...("error" in dueAt ? { dueAt: [dueAt.error] } : {}) } };
  const dueMoved = !shown || dueAt.iso !== shown.dueAt.toISOString();
  // A due time before the opening is refused by the server whatever the answer: no question to ask about it first.
  const dueAfterOpening = !opensAt.iso || !dueAt.iso || new Date(dueAt.iso) > new Date(opensAt.iso);
  if (dueMoved && dueAfterOpening && dueAt.iso && new Date(dueAt.iso) < new Date() && !window.confirm("The due time has already passed: students will see this as overdue (or closed, if late work is refused) straight away. Go ahead?")) return { cancelled: true };
  // Refusing late work once the due time has passed takes back what was accepted late: say so first.
  const nowRefusing = shown && shown.latePolicy !== "REFUSE" && form.get("latePolicy") === "REFUSE";
  // The server then counts the work that would drop out (extension holders' too) and asks again if there is any.
  if (nowRefusing && dueAt.iso && new Date(dueAt.iso) < new Date() && !window.confirm("Refuse late work now that the due time has passed? Work begun or handed in after the due time will no longer count (it shows as missing, unless the student has an extension), and attempts still open close now. Go ahead?")) return { cancelled: true };
  const attempts = String(form.get("maxAttemptsOverride") ?? "");
  const weight = String(form.get("weight") ?? "").trim();
  // Sent only while the fields are on the form (late work accepted); empty is sent as such for the server to ask for a number.
  const penaltyField = (name: "latePenaltyPercentPerDay" | "latePenaltyFloorPercent") => {
    const value = form.get(name);
    if (value === null) return {};
    return { [name]: String(value).trim() === "" ? null : Number(value) };
  };
  return {
    body: {
      opensAt: opensAt.iso,
      dueAt: dueAt.iso,
      maxAttemptsOverride: attempts ? Number(attempts) : null,
      latePolicy: form.get("latePolicy"),
      ...penaltyField("latePenaltyPercentPerDay"),
      ...penaltyField("latePenaltyFloorPercent"),
      // Empty is sent as such (not as 0, which would make the item practice), for the server to ask for a number.
      weight: weight === "" ? null : Number(weight),
      ...(kind !== "DEBATE" ? { revealAnswers: form.get("revealAnswers") } : {}),
      ...(kind === "QUIZ" ? { requiresReading: form.get("requiresReading") === "on", accessCode: String(form.get("accessCode") ?? "") } : {}),
      ...(shown ? { shownAs: { opensAt: shown.opensAt.toISOString(), dueAt: shown.dueAt.toISOString(), maxAttemptsOverride: shown.maxAttemptsOverride, latePolicy: shown.latePolicy, latePenaltyPercentPerDay: shown.latePenaltyPercentPerDay, latePenaltyFloorPercent: shown.latePenaltyFloorPercent, revealAnswers: shown.revealAnswers, weight: shown.weight, requiresReading: shown.requiresReading, accessCode: shown.accessCode } } : {}),
    },
  };
}

/** Sends the form's terms; field errors and the message come back for the form to show. */
function useTermsForm(kind: Kind, send: (body: Record<string, unknown>, form: FormData) => ReturnType<typeof callApi>, done: (data: unknown) => string, options: { shown?: Terms; onDone?: () => void } = {}) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const unreadable = unreadableNumberErrors(event.currentTarget);
    if (unreadable) {
      setErrors(unreadable);
      setMessage({ text: "Check the highlighted numbers.", ok: false });
      return;
    }
    const form = new FormData(event.currentTarget);
    const read = readTerms(form, kind, options.shown);
    if ("cancelled" in read) return;
    if ("errors" in read) {
      setErrors(read.errors);
      setMessage({ text: "Check the highlighted times.", ok: false });
      return;
    }
    setPending(true);
    let result = await send(read.body, form);
    const dropping = !result.ok && result.fieldErrors?.confirmDroppingWork?.[0];
    if (dropping && !window.confirm(dropping)) {
      setPending(false);
      setMessage({ text: "Nothing was changed.", ok: false });
      return;
    }
    if (dropping) result = await send({ ...read.body, confirmDroppingWork: true }, form);
    setPending(false);
    if (result.ok) {
      setErrors({});
      setMessage({ text: done(result.data), ok: true });
      options.onDone?.();
      router.refresh();
    } else {
      setErrors(result.fieldErrors ?? {});
      setMessage({ text: result.message, ok: false });
    }
  };
  const clear = () => {
    setErrors({});
    setMessage(null);
  };
  return { errors, message, pending, submit, clear };
}

/**
 * The boxes a refused postback asks with, where the script asks with confirm(): a due time already passed, late work
 * refused after it (`pastDueAgreed`), work the change would drop (`confirmDroppingWork`).
 */
function AskedBoxes({ idPrefix, errors }: { idPrefix: string; errors: Errors }) {
  const box = (name: "pastDueAgreed" | "confirmDroppingWork") => errors[name] && (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 sm:col-span-2">
      <p id={`${idPrefix}-${name}-question`} className="text-sm text-amber-900">{errors[name][0]}</p>
      <div className="mt-2 flex items-start gap-2">
        <input id={`${idPrefix}-${name}`} name={name} type="checkbox" aria-describedby={`${idPrefix}-${name}-question`} className="mt-1 h-4 w-4" />
        <label htmlFor={`${idPrefix}-${name}`} className="font-medium">Yes, go ahead</label>
      </div>
    </div>
  );
  return <>{box("pastDueAgreed")}{box("confirmDroppingWork")}</>;
}

/** A postback's refusal for the form as a whole: not when it only asks, which its box says. */
function refusalMessage(result: { ok: false; message: string; fieldErrors?: Errors }) {
  const asks = result.fieldErrors?.pastDueAgreed || result.fieldErrors?.confirmDroppingWork;
  return asks ? null : { text: result.message, ok: false };
}

const KIND_LABEL: Record<Kind, string> = { MODULE: "Whole module", QUIZ: "Quiz", DEBATE: "Debate" };

/**
 * `assigned`: what the class assigns already, as "KIND:id" (a repeat is refused, so the form starts on something new).
 * `requestId`: a fresh id the server rendered with the page, sent by the form (with the script, by the first assignment
 * sent from the page), so the same form sent again assigns once. `timeZone`: the zone the server reads the times typed without the script in.
 */
export function AssignmentForm({ classId, courses, assigned, requestId, timeZone }: { classId: string; courses: Course[]; assigned: string[]; requestId: string; timeZone: string }) {
  const scriptRuns = useScriptRuns();
  const [posted, formAction] = useFormAction<AssignResult>(assignAction);
  const [kind, setKind] = useState<Kind>("QUIZ");
  const [chosenId, setChosenId] = useState<string | null>(null);
  // Each assignment's terms are chosen afresh, as in Canvas: after one is made, the fields go back to the defaults
  // rather than carrying its attempt limit, late policy and held-back answers into the next.
  const [termsKey, setTermsKey] = useState(0);
  const isAssigned = (id: string) => assigned.includes(`${kind}:${id}`);
  const targets = courses.flatMap((c) => c.modules.flatMap((m) => (kind === "MODULE" ? (m._count.lessons > 0 ? [m] : []) : kind === "QUIZ" ? m.quizzes : m.debates).map((item) => ({ id: item.id, title: item.title, module: m }))));
  const target = targets.find((t) => t.id === chosenId) ?? targets.find((t) => !isAssigned(t.id)) ?? targets[0];
  const targetNote = !target ? null
    : isAssigned(target.id) ? "This class assigns it already: to change its times or terms, edit that assignment above."
    : kind === "QUIZ" && assigned.includes(`MODULE:${target.module.id}`) ? `Its module, “${target.module.title}”, is assigned to this class already. Assigning the quiz as well gives it a gradebook column of its own, and the class counts its attempts by the times and terms set here.`
    : null;
  // After assigning, the list stays on the item just assigned (now marked so), and the message names it.
  const { once, spend } = useFirstRequestId(requestId);
  const { errors, message, pending, submit } = useTermsForm(kind, (body, form) => callApi("POST", `/api/instructor/classes/${classId}/assignments`, { kind, targetId: form.get("targetId"), ...body, ...once }, OFFLINE), () => `Assigned “${target?.title}”.`, { onDone: () => { spend(); setChosenId(target?.id ?? null); setTermsKey((k) => k + 1); } });
  // Without the script: every item in one list, as "KIND:id".
  const items = courses.flatMap((c) => c.modules.map((m) => ({
    group: `${c.title} — ${m.title}`,
    options: [...(m._count.lessons > 0 ? [{ kind: "MODULE" as Kind, id: m.id, title: m.title }] : []), ...m.quizzes.map((q) => ({ kind: "QUIZ" as Kind, id: q.id, title: q.title })), ...m.debates.map((d) => ({ kind: "DEBATE" as Kind, id: d.id, title: d.title }))],
  })));
  const refused = !scriptRuns && posted && !posted.ok ? posted : null;
  const assignedNow = !scriptRuns && posted?.ok ? items.flatMap((g) => g.options).find((o) => `${o.kind}:${o.id}` === posted.data.item) : undefined;
  const firstNew = items.flatMap((g) => g.options).find((o) => o.kind === "QUIZ" && !assigned.includes(`QUIZ:${o.id}`));
  const shownErrors = scriptRuns ? errors : (refused?.fieldErrors ?? {});
  const shownMessage = scriptRuns ? message : refused ? refusalMessage(refused) : posted?.ok ? { text: `Assigned “${assignedNow?.title ?? "it"}”.`, ok: true } : null;
  const targetDescribedBy = [shownErrors.targetId && "assign-target-error", scriptRuns && targetNote && "assign-target-note", !scriptRuns && "assign-target-hint"].filter(Boolean).join(" ") || undefined;
  const now = new Date();
  const week = new Date(now.getTime() + 7 * 86_400_000);
  week.setHours(23, 59, 0, 0);
  // Without the script, a week on at 23:59 where the form's times are read.
  const weekTyped = `${localInputValueIn(new Date(now.getTime() + 7 * 86_400_000), timeZone).slice(0, 10)}T23:59`;
  return (
    <form noValidate className="grid gap-3 sm:grid-cols-2" onSubmit={submit} action={formAction} aria-label="Assign work">
      <input type="hidden" name="classId" value={classId} />
      {!scriptRuns && <input type="hidden" name="requestId" value={requestId} />}
      {scriptRuns && (
        <div>
          <label htmlFor="assign-kind" className="field-label">What</label>
          <select id="assign-kind" className="field-input" value={kind} onChange={(e) => { setKind(e.target.value as Kind); setChosenId(null); }} aria-describedby={kind === "MODULE" ? "assign-kind-hint" : undefined}>
            <option value="QUIZ">A quiz</option>
            <option value="MODULE">A whole module</option>
            <option value="DEBATE">A debate prompt</option>
          </select>
          {kind === "MODULE" && <p id="assign-kind-hint" className="mt-1 text-sm text-stone-600">Its gradebook column is the share of its lessons read. Its quizzes follow these times and terms; assign a quiz on its own as well for its score to have a column.</p>}
        </div>
      )}
      <div className={scriptRuns ? undefined : "sm:col-span-2"}>
        <label htmlFor="assign-target" className="field-label">Item</label>
        {scriptRuns ? (
          <select id="assign-target" name="targetId" className="field-input" value={target?.id ?? ""} onChange={(e) => setChosenId(e.target.value)} aria-invalid={Boolean(errors.targetId)} aria-describedby={targetDescribedBy}>
            {courses.map((c) =>
              c.modules.map((m) => (
                <optgroup key={m.id} label={`${c.title} — ${m.title}`}>
                  {targets.filter((t) => t.module === m).map((t) => <option key={t.id} value={t.id}>{t.title}{isAssigned(t.id) ? " (assigned)" : ""}</option>)}
                </optgroup>
              )),
            )}
          </select>
        ) : (
          <select id="assign-target" name="item" className="field-input" defaultValue={refused?.values?.item || (firstNew ? `QUIZ:${firstNew.id}` : undefined)} aria-invalid={Boolean(shownErrors.targetId || shownErrors.item)} aria-describedby={targetDescribedBy}>
            {items.map((g) => (
              <optgroup key={g.group} label={g.group}>
                {g.options.map((o) => <option key={`${o.kind}:${o.id}`} value={`${o.kind}:${o.id}`}>{KIND_LABEL[o.kind]}: {o.title}{assigned.includes(`${o.kind}:${o.id}`) ? " (assigned)" : ""}</option>)}
              </optgroup>
            ))}
          </select>
        )}
        {(shownErrors.targetId ?? shownErrors.item) && <p id="assign-target-error" className="field-error">{(shownErrors.targetId ?? shownErrors.item)[0]}</p>}
        {scriptRuns && targetNote && <p id="assign-target-note" className="mt-1 text-sm text-stone-600">{targetNote}</p>}
        {!scriptRuns && <p id="assign-target-hint" className="mt-1 text-sm text-stone-600">A whole module’s gradebook column is the share of its lessons read, and its quizzes follow these times and terms. Attempts, answers, reading first and the access code apply to quizzes only.</p>}
      </div>
      <TermsFields key={termsKey} idPrefix="assign" kind={scriptRuns ? kind : "QUIZ"} timeZone={timeZone} typed={refused?.values} defaults={{ opensAt: now, dueAt: week, dueAtTyped: weekTyped, maxAttemptsOverride: null, latePolicy: "FLAG", latePenaltyPercentPerDay: 0, latePenaltyFloorPercent: 0, revealAnswers: "AFTER_SUBMIT", weight: 1, requiresReading: false, accessCode: null }} errors={shownErrors}
        attemptsNote={scriptRuns ? attemptsHint(kind, kind === "QUIZ" ? courses.flatMap((c) => c.modules.flatMap((m) => m.quizzes)).find((q) => q.id === target?.id)?.maxAttempts : undefined) : "Empty: the quiz’s own limit; for a whole module, each of its quizzes keeps its own."} />
      {!scriptRuns && <AskedBoxes idPrefix="assign" errors={shownErrors} />}
      <div className="sm:col-span-2">
        <FormMessage message={shownMessage} />
        <button type="submit" className="btn-primary mt-2" disabled={pending}>{pending ? "Assigning…" : "Assign"}</button>
      </div>
    </form>
  );
}

/** The terms as the page shows them, as the script sends them in `shownAs`. */
function shownAsOf(shown: Terms) {
  return { opensAt: shown.opensAt.toISOString(), dueAt: shown.dueAt.toISOString(), maxAttemptsOverride: shown.maxAttemptsOverride, latePolicy: shown.latePolicy, latePenaltyPercentPerDay: shown.latePenaltyPercentPerDay, latePenaltyFloorPercent: shown.latePenaltyFloorPercent, revealAnswers: shown.revealAnswers, weight: shown.weight, requiresReading: shown.requiresReading, accessCode: shown.accessCode };
}

const EDIT_NOTE = "For the whole class; open attempts follow the new times. An extension that only gives a student attempts or time follows the new due time; one with its own due time keeps it. Students’ work stays as it is.";

function savedMessage(before: number) {
  return before === 0 ? "Saved." : `Saved. ${before === 1 ? "One student's extension now ends" : `${before} students' extensions now end`} before the class's due time; check ${before === 1 ? "it" : "them"} on the students' pages.`;
}

/**
 * One assignment in the class's list (`children`: what it is and its terms), with "Edit" for its times and terms for
 * the whole class; extensions and students' work stay. `actions`: the other buttons beside it. Without the script,
 * Edit is a <details> whose form posts changeAssignmentAction with the terms as the page showed them.
 */
export function EditableAssignment({ classId, assignment, quizLimit, timeZone, actions, children }: { classId: string; assignment: Terms & { id: string; kind: Kind; title: string }; quizLimit?: number | null; timeZone: string; actions: React.ReactNode; children: React.ReactNode }) {
  const scriptRuns = useScriptRuns();
  const [posted, formAction] = useFormAction<ChangeAssignmentResult>(changeAssignmentAction);
  const [open, setOpen] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { errors, message, pending, submit, clear } = useTermsForm(
    assignment.kind,
    (body) => callApi("PATCH", `/api/instructor/classes/${classId}/assignments/${assignment.id}`, body, OFFLINE),
    (data) => savedMessage((data as { extensionsBeforeDue?: number }).extensionsBeforeDue ?? 0),
    {
      shown: assignment,
      onDone: () => {
        setOpen(false);
        // The form and its button go away: focus returns to the button that opened it.
        requestAnimationFrame(() => editButton.current?.focus());
      },
    },
  );
  if (!scriptRuns) {
    const mine = posted && (posted.ok ? posted.data.assignmentId : posted.values?.assignmentId) === assignment.id ? posted : null;
    const refused = mine && !mine.ok ? mine : null;
    return (
      <div className="flex flex-wrap items-start gap-x-2 gap-y-3">
        <div className="min-w-0 basis-full sm:basis-0 sm:grow">{children}</div>
        <details className="group shrink-0 open:order-last open:basis-full" open={refused ? true : undefined}>
          <summary className="btn-summary w-fit">
            <span className="group-open:hidden">Edit</span>
            <span className="hidden group-open:inline">Cancel</span>
            <span className="sr-only"> {assignment.title}</span>
          </summary>
          <form action={formAction} noValidate className="mt-4 grid gap-3 border-t border-stone-200 pt-4 sm:grid-cols-2" aria-label={`Edit ${assignment.title}`}>
            <input type="hidden" name="classId" value={classId} />
            <input type="hidden" name="assignmentId" value={assignment.id} />
            <input type="hidden" name="kind" value={assignment.kind} />
            <input type="hidden" name="shownAs" value={JSON.stringify(shownAsOf(assignment))} />
            <TermsFields idPrefix={`edit-${assignment.id}`} kind={assignment.kind} timeZone={timeZone} typed={refused?.values} defaults={assignment} errors={refused?.fieldErrors ?? {}} attemptsNote={attemptsHint(assignment.kind, quizLimit)} />
            <p className="text-sm text-stone-600 sm:col-span-2">{EDIT_NOTE}</p>
            <AskedBoxes idPrefix={`edit-${assignment.id}`} errors={refused?.fieldErrors ?? {}} />
            <div className="sm:col-span-2">
              <FormMessage message={refused ? refusalMessage(refused) : null} />
              <button type="submit" className="btn-primary mt-2">Save changes</button>
            </div>
          </form>
        </details>
        {actions}
        {mine?.ok && <FormMessage className="basis-full" message={{ text: savedMessage(mine.data.extensionsBeforeDue), ok: true }} />}
      </div>
    );
  }
  return (
    <>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div>{children}</div>
        <div className="flex items-start gap-2">
          <button ref={editButton} type="button" className="btn-secondary px-3 py-1" aria-expanded={open} onClick={() => { clear(); setOpen(!open); }}>{open ? "Cancel" : "Edit"}<span className="sr-only"> {assignment.title}</span></button>
          {actions}
        </div>
      </div>
      <FormMessage message={open ? null : message} />
      {open && (
        <form noValidate className="mt-4 grid gap-3 border-t border-stone-200 pt-4 sm:grid-cols-2" onSubmit={submit} aria-label={`Edit ${assignment.title}`}>
          <TermsFields idPrefix={`edit-${assignment.id}`} kind={assignment.kind} timeZone={timeZone} defaults={assignment} errors={errors} attemptsNote={attemptsHint(assignment.kind, quizLimit)} />
          <p className="text-sm text-stone-600 sm:col-span-2">{EDIT_NOTE}</p>
          <div className="sm:col-span-2">
            <FormMessage message={message} />
            <button type="submit" className="btn-primary mt-2" disabled={pending}>{pending ? "Saving…" : "Save changes"}</button>
          </div>
        </form>
      )}
    </>
  );
}
