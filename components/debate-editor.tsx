"use client";
// The student's debate response: a position, a claim, evidence from the course and an answer to the
// strongest counter-argument. Drafts save themselves; submitting is final. Before the page's script runs, or without
// it, the form posts debateFormAction instead, with a button to save the draft (decision 33).
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";
import { sameResponse } from "./attempt-backup";
import { FocusOnArrival, focusOnArrival } from "./focus-on-arrival";
import { focusFirstFieldInError } from "./use-api-form";
import { readTabCopy, writeTabCopy } from "./tab-copy";
import { sendKeptAlive, useLeaveGuard } from "./use-leave-guard";
import { positionLabel } from "@/lib/domain/rubric";
import { LocalTime } from "./local-time";
import { errorsOnScreenRows, evidenceRowKey, missingFromSubmission, sentEvidenceRows } from "@/lib/domain/debate-submission";
import { debateFormAction } from "@/app/actions/debate";
import { LiveMessage } from "./live-message";
import { useFormAction, useScriptRuns } from "./reachable-action";

type Evidence = { ref: string; note: string };
type Draft = { position: string; claim: string; evidence: Evidence[]; rebuttal: string };
type FieldErrors = Record<string, string[]>;
// The tab's copy of a draft not yet confirmed saved: the saved draft it replaces (`basedOn`, its save time), and the
// saves sent since whose replies never came (the server may hold one, and takes it as this page's own).
type DraftCopy = { draft: Draft; basedOn: string | null; unconfirmed: Draft[] };
const isDraftCopy = (stored: unknown): stored is DraftCopy => {
  const draft = (stored as DraftCopy | null)?.draft;
  return Boolean(draft && typeof draft.claim === "string" && typeof draft.rebuttal === "string" && typeof draft.position === "string" && Array.isArray(draft.evidence) && Array.isArray((stored as DraftCopy).unconfirmed));
};

export function DebateEditor({ promptId, positions, refs, initial, closedReason = null }: {
  promptId: string;
  positions: { id: string; label: string; summary: string }[];
  refs: { value: string; label: string }[];
  initial: (Draft & { status: string; savedAt: string; submittedAt?: string | null }) | null;
  /** Said under Submit when a response cannot be handed in now (the page says why above); drafts still save. */
  closedReason?: string | null;
}) {
  const router = useRouter();
  // The answer to the form posted without the script: the page is drawn afresh from it, a refusal with what was typed.
  const [posted, formAction] = useFormAction(debateFormAction);
  const scriptRuns = useScriptRuns();
  // Without the script adding or removing a row posts the form (saving the draft); with it, the page does it, and the
  // only submit button is Submit's, so Enter in the form still means Submit.
  const rowButton = scriptRuns ? "button" : "submit";
  const refusedBack = posted && !posted.ok ? posted : null;
  const [draft, setDraft] = useState<Draft>(() => (refusedBack?.values ? typedDraft(refusedBack.values) : {
    position: initial?.position ?? "",
    claim: initial?.claim ?? "",
    evidence: withRows(initial?.evidence ?? [], posted?.ok ? posted.data.evidenceRows : 1),
    rebuttal: initial?.rebuttal ?? "",
  }));
  // A refused form posted without the script brings back text not saved yet (with the script, it is saved on arrival).
  const [status, setStatus] = useState<string>(refusedBack?.values ? "Changes since your last save are not saved yet." : initial?.savedAt ? "Draft saved" : "");
  // Keyed like the server's ("claim", "evidence.1.note"), but evidence numbered as the rows on screen.
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>(refusedBack?.fieldErrors ?? {});
  // The errors as the last refused submit gave them: until a field is fixed, the summary is news to announce.
  const [refusedErrors, setRefusedErrors] = useState<FieldErrors>(fieldErrors);
  const [message, setMessage] = useState<string | null>(refusedBack && !summaryOf(refusedBack.fieldErrors ?? {}) ? refusedBack.message : null);
  // Kept apart from `message`, so a draft saved after a refused submit does not clear the submit's error.
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [restored, setRestored] = useState(false);
  const submitted = initial?.status === "SUBMITTED";
  const copyKey = `caravan-debate-${promptId}`;
  const dirty = useRef(Boolean(refusedBack?.values));
  const autosave = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Set while a submit is under way: a draft save answered after it must not change the submit's messages.
  const submittingNow = useRef(false);
  // One save at a time, always of the latest text, each naming the save it follows: saves cannot land out of order,
  // and a draft saved since in another tab is not overwritten (the server refuses, and autosaving stops).
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  const basedOn = useRef<string | null>(initial?.savedAt ?? null);
  // Saves sent since `basedOn` whose replies never came: the server may hold one of them, and takes it as this page's own.
  const unconfirmed = useRef<Draft[]>([]);
  const naming = () => ({ basedOn: basedOn.current, ...(unconfirmed.current.length > 0 ? { unconfirmed: unconfirmed.current } : {}) });
  const keepCopy = (draft: Draft) => writeTabCopy(copyKey, { draft, basedOn: basedOn.current, unconfirmed: inFlightDraft.current ? [...unconfirmed.current, inFlightDraft.current].slice(-3) : unconfirmed.current });
  const inFlight = useRef<Promise<void> | null>(null);
  const inFlightDraft = useRef<Draft | null>(null);
  // A newer draft was saved elsewhere (or the response submitted): this page stops saving and cannot submit.
  const [stale, setStale] = useState(false);
  const staleRef = useRef(false);

  const saveDraft = useCallback(async (): Promise<void> => {
    if (inFlight.current || staleRef.current || !dirty.current || submittingNow.current) return;
    dirty.current = false;
    setStatus("Saving draft…");
    const sent = latest.current;
    const request = callApi<{ savedAt: string }>("PUT", `/api/debates/${promptId}/draft`, { ...sent, ...naming() }, "You appear to be offline. Your latest changes are not saved yet; we keep trying every few seconds. Keep this page open.");
    inFlight.current = request.then(() => undefined);
    inFlightDraft.current = sent;
    const result = await request;
    inFlight.current = null;
    inFlightDraft.current = null;
    if (result.ok) {
      basedOn.current = result.data.savedAt;
      unconfirmed.current = [];
      if (dirty.current) keepCopy(latest.current);
      else writeTabCopy(copyKey, null);
    } else {
      if (result.code === "NETWORK" || result.status >= 500) unconfirmed.current = [...unconfirmed.current, sent].slice(-3);
      // Not saved: still to send, by the retry below, on leaving, or before signing out.
      dirty.current = true;
    }
    setStatus(result.ok ? "Draft saved" : "");
    if (!result.ok && result.code === "CONFLICT") {
      // A draft saved since elsewhere (or the response submitted) stands: this tab's copy is older news.
      writeTabCopy(copyKey, null);
      staleRef.current = true;
      setStale(true);
      setSaveError(result.message);
      router.refresh();
      return;
    }
    if (!submittingNow.current) setSaveError(result.ok ? null : result.status === 503 ? "Caravan is temporarily unavailable, so your latest changes are not saved yet; we keep trying every few seconds. Keep this page open." : result.message);
    // Edits made while this save was on its way go next; a save the network or an outage lost is tried again.
    if (result.ok && dirty.current && !submittingNow.current) void saveDraft();
    if (!result.ok && (result.code === "NETWORK" || result.status === 503)) {
      clearTimeout(autosave.current);
      autosave.current = setTimeout(() => void saveDraft(), 5000);
    }
  }, [promptId, router, copyKey]);

  // Once, on arrival: a draft this tab had not had saved (a reload, a sign-in after the session ended) comes back and
  // is saved, unless the server has had another draft since (from another tab or device): that one stands.
  useEffect(() => {
    const copy = readTabCopy(copyKey, isDraftCopy);
    if (!copy) return;
    const saved = initial ? { position: initial.position, claim: initial.claim, evidence: initial.evidence, rebuttal: initial.rebuttal } : null;
    // The server's draft is the one the copy replaced, or one of the copy's own saves that landed after all.
    const ownSaved = copy.basedOn === (initial?.savedAt ?? null) || copy.unconfirmed.some((sent) => sameResponse(sent, saved));
    if (submitted || !ownSaved || sameResponse(copy.draft, saved)) {
      writeTabCopy(copyKey, null);
      return;
    }
    // Saves of the old page still on their way may land after this one is sent: named, they do not make it stale.
    unconfirmed.current = copy.unconfirmed;
    dirty.current = true;
    setDraft(copy.draft);
    setRestored(true);
    // Only on arrival: later changes are this page's own.
  }, []);

  useLeaveGuard(
    () => (dirty.current || inFlight.current !== null) && !staleRef.current && !submittingNow.current,
    () => {
      if (!dirty.current || staleRef.current || submittingNow.current) return;
      dirty.current = false;
      // A save still on its way is named as this page's own: whichever lands first, the latest text is kept.
      const pending = inFlightDraft.current ? [...unconfirmed.current, inFlightDraft.current].slice(-3) : unconfirmed.current;
      sendKeptAlive("PUT", `/api/debates/${promptId}/draft`, { ...latest.current, basedOn: basedOn.current, ...(pending.length > 0 ? { unconfirmed: pending } : {}) });
    },
    async () => {
      clearTimeout(autosave.current);
      // A save on its way may be followed by one of the edits made meanwhile; a failed one is tried again.
      for (let tries = 0; tries < 3 && (dirty.current || inFlight.current) && !staleRef.current; tries++) {
        await inFlight.current;
        await saveDraft();
      }
    },
  );

  useEffect(() => {
    if (!dirty.current || submitted || submitting) return;
    autosave.current = setTimeout(() => void saveDraft(), 800);
    return () => clearTimeout(autosave.current);
  }, [draft, saveDraft, submitted, submitting]);

  // A refused submit moves focus to the first field in error (the Submit button it was on was disabled meanwhile).
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(refusedErrors).length > 0) focusFirstFieldInError(form.current);
  }, [refusedErrors]);

  // After a row is removed, focus goes to the row before it (or the new first row), not to the page.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`evidence-ref-${focusRow.current}`)?.focus();
    focusRow.current = null;
  }, [draft.evidence.length]);

  const change = (patch: Partial<Draft>) => {
    dirty.current = true;
    setDraft((d) => {
      const next = { ...d, ...patch };
      keepCopy(next);
      return next;
    });
  };

  if (submitted) {
    return (
      <div id="debate-submitted" tabIndex={-1} className="card" role="status">
        <FocusOnArrival id="debate-submitted" />
        <p className="font-semibold text-emerald-800">Submitted. Your response can no longer be edited.</p>
        {initial?.submittedAt && <p className="mt-1 text-sm text-stone-600">Handed in <LocalTime iso={initial.submittedAt} />.</p>}
        <p className="mt-2 text-sm text-stone-600">Position: {positionLabel(positions, initial!.position)}</p>
        <p className="mt-2 whitespace-pre-line">{initial!.claim}</p>
        <ul className="mt-2 list-disc pl-5 text-sm">{initial!.evidence.map((e, i) => <li key={i}>{refs.find((r) => r.value === e.ref)?.label ?? "A source or lesson no longer in the course"}: {e.note}</li>)}</ul>
        <p className="mt-2 text-sm"><span className="font-semibold">Your answer to the counter-argument: </span><span className="whitespace-pre-line">{initial!.rebuttal}</span></p>
      </div>
    );
  }

  const submit = async () => {
    if (submittingNow.current || staleRef.current) return;
    // What the server would refuse is said at its fields before asking to confirm a submit that cannot be undone.
    const sentRows = sentEvidenceRows(draft.evidence);
    const missing = errorsOnScreenRows(missingFromSubmission({ ...draft, evidence: sentRows.map((row) => draft.evidence[row]) }), sentRows);
    if (Object.keys(missing).length > 0) {
      setFieldErrors(missing);
      setRefusedErrors(missing);
      setMessage(null);
      return;
    }
    if (!window.confirm("Submit your response now? Once submitted it can no longer be edited, unless an instructor returns it to you.")) return;
    // The submit carries the whole draft, so a pending autosave has nothing left to add.
    clearTimeout(autosave.current);
    submittingNow.current = true;
    setSubmitting(true);
    setMessage(null);
    // A save on its way lands first, so the submit names the draft as it now stands.
    await inFlight.current;
    if (staleRef.current) {
      submittingNow.current = false;
      setSubmitting(false);
      return;
    }
    const result = await callApi<{ submittedAt: string }>("POST", `/api/debates/${promptId}/submit`, { ...draft, evidence: sentRows.map((row) => draft.evidence[row]), ...naming() }, "You appear to be offline, so your response was not submitted. It stays on this page; press Submit again once you are back online.");
    if (result.ok) {
      writeTabCopy(copyKey, null);
      focusOnArrival("debate-submitted");
      router.refresh();
    } else {
      const errors = errorsOnScreenRows(result.fieldErrors ?? {}, sentRows);
      setFieldErrors(errors);
      setRefusedErrors(errors);
      // When fields are at fault, the alert names them instead (see submitError).
      setMessage(summaryOf(errors) ? null : result.message);
      // Autosaving resumes when `submitting` turns false, so edits whose save the submit cancelled are kept.
      submittingNow.current = false;
      setSubmitting(false);
    }
  };
  const errorFor = (key: string): string | undefined => fieldErrors[key]?.[0];
  // A field edited since the refused submit has answered its error, which goes, and the summary with it.
  const answered = (...keys: string[]) => setFieldErrors((errors) => (keys.some((key) => key in errors) ? Object.fromEntries(Object.entries(errors).filter(([key]) => !keys.includes(key))) : errors));
  const submitError = summaryOf(fieldErrors) ?? message;
  // A summary shrinking as fields are fixed is not read out again at each one.
  const announceFormError = fieldErrors === refusedErrors || !summaryOf(fieldErrors);
  // What links a field to its error: the id to describe it by, and whether it is invalid.
  const errorLink = (key: string, errorId: string) => ({ "aria-invalid": Boolean(errorFor(key)), "aria-describedby": errorFor(key) ? errorId : undefined });
  const removeEvidence = (row: number) => {
    change({ evidence: draft.evidence.filter((_, j) => j !== row) });
    setFieldErrors((errors) => withoutEvidenceRow(errors, row));
    focusRow.current = Math.max(0, row - 1);
  };

  return (
    <form ref={form} action={formAction} className="card space-y-6" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <input type="hidden" name="promptId" value={promptId} />
      <input type="hidden" name="basedOn" value={initial?.savedAt ?? ""} />
      {/* The form's first button is the one Enter presses: without the script, saving the draft, never adding a row or submitting. */}
      {!scriptRuns && <button type="submit" name="intent" value="draft" hidden tabIndex={-1}>Save draft</button>}
      <LiveMessage className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{restored && "Your latest changes had not been saved when the page was last open. They are back below and being saved."}</LiveMessage>
      {/* Nothing changes while the response is being submitted: the submit carries the text as it was. */}
      <fieldset disabled={submitting} className="min-w-0 space-y-6">
      <fieldset aria-describedby={errorFor("position") ? "position-error" : undefined}>
        <legend className="field-label">Your position</legend>
        <div className="mt-2 space-y-2">
          {positions.map((p) => (
            <label key={p.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="position" value={p.id} checked={draft.position === p.id} onChange={() => { change({ position: p.id }); answered("position"); }} className="mt-1" aria-invalid={Boolean(errorFor("position"))} />
              <span><span className="font-medium">{p.label}</span><span className="block text-sm text-stone-600">{p.summary}</span></span>
            </label>
          ))}
        </div>
        {errorFor("position") && <p id="position-error" className="field-error">{errorFor("position")}</p>}
      </fieldset>

      <div>
        <label htmlFor="claim" className="field-label">Your claim</label>
        <p className="text-sm text-stone-600">State what you argue and why, in a few sentences.</p>
        <textarea id="claim" name="claim" rows={5} maxLength={2000} className="field-input" value={draft.claim} onChange={(e) => { change({ claim: e.target.value }); answered("claim"); }} {...errorLink("claim", "claim-error")} />
        {errorFor("claim") && <p id="claim-error" className="field-error">{errorFor("claim")}</p>}
      </div>

      <fieldset aria-describedby={errorFor("evidence") ? "evidence-error" : undefined}>
        <legend className="field-label">Evidence</legend>
        <p className="text-sm text-stone-600">Cite at least one lesson or source, and say what it shows.</p>
        <div className="mt-2 space-y-3">
          {draft.evidence.map((e, i) => (
            <div key={i} className="rounded-md border border-stone-200 p-3">
              <label htmlFor={`evidence-ref-${i}`} className="text-sm font-medium">Source or lesson {i + 1}</label>
              <select id={`evidence-ref-${i}`} name={`evidence.${i}.ref`} className="field-input" value={e.ref} onChange={(ev) => { change({ evidence: draft.evidence.map((x, j) => (j === i ? { ...x, ref: ev.target.value } : x)) }); answered(`evidence.${i}.ref`, "evidence"); }} {...errorLink(`evidence.${i}.ref`, `evidence-ref-${i}-error`)}>
                <option value="">Choose…</option>
                {refs.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
              </select>
              {errorFor(`evidence.${i}.ref`) && <p id={`evidence-ref-${i}-error`} className="field-error">{errorFor(`evidence.${i}.ref`)}</p>}
              <label htmlFor={`evidence-note-${i}`} className="mt-2 block text-sm font-medium">What it shows<span className="sr-only"> (evidence {i + 1})</span></label>
              <textarea id={`evidence-note-${i}`} name={`evidence.${i}.note`} rows={3} maxLength={1000} className="field-input" value={e.note} onChange={(ev) => { change({ evidence: draft.evidence.map((x, j) => (j === i ? { ...x, note: ev.target.value } : x)) }); answered(`evidence.${i}.note`, "evidence"); }} {...errorLink(`evidence.${i}.note`, `evidence-note-${i}-error`)} />
              {errorFor(`evidence.${i}.note`) && <p id={`evidence-note-${i}-error`} className="field-error">{errorFor(`evidence.${i}.note`)}</p>}
              {draft.evidence.length > 1 && <button type={rowButton} name="intent" value={`remove-evidence:${i}`} className="mt-2 text-sm underline" onClick={() => removeEvidence(i)}>Remove this piece of evidence<span className="sr-only"> ({i + 1})</span></button>}
            </div>
          ))}
        </div>
        {draft.evidence.length < 6 && <button type={rowButton} name="intent" value="add-evidence" className="btn-secondary mt-3" onClick={() => change({ evidence: [...draft.evidence, { ref: "", note: "" }] })}>Add evidence</button>}
        {errorFor("evidence") && <p id="evidence-error" className="field-error">{errorFor("evidence")}</p>}
      </fieldset>

      <div>
        <label htmlFor="rebuttal" className="field-label">The strongest counter-argument, and your answer to it</label>
        <textarea id="rebuttal" name="rebuttal" rows={4} maxLength={3000} className="field-input" value={draft.rebuttal} onChange={(e) => { change({ rebuttal: e.target.value }); answered("rebuttal"); }} {...errorLink("rebuttal", "rebuttal-error")} />
        {errorFor("rebuttal") && <p id="rebuttal-error" className="field-error">{errorFor("rebuttal")}</p>}
      </div>
      </fieldset>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-stone-600" role="status">{status}</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          {/* Without the script nothing saves as it is typed: the draft is saved by this button, or with a submit. */}
          {!scriptRuns && <button type="submit" name="intent" value="draft" className="btn-secondary">Save draft</button>}
          <button type="submit" name="intent" value="submit" className="btn-primary" disabled={submitting || stale || closedReason !== null} aria-describedby={closedReason ? "debate-closed" : undefined}>{submitting ? "Submitting…" : "Submit response"}</button>
        </div>
      </div>
      {!scriptRuns && <p className="text-sm text-stone-600">Submitting hands your response in: it can no longer be edited unless an instructor returns it to you.</p>}
      {closedReason && <p id="debate-closed" className="text-sm text-amber-900">{closedReason}</p>}
      <LiveMessage tone="alert" className="field-error">{announceFormError && (submitError ?? saveError)}</LiveMessage>
      {!announceFormError && <p className="field-error">{submitError ?? saveError}</p>}
    </form>
  );
}

/** At least `rows` rows of evidence (at least one), blank ones after those saved: blank rows are not stored. */
function withRows(evidence: Evidence[], rows: number): Evidence[] {
  return [...evidence, ...Array.from({ length: Math.max(1, rows) - evidence.length }, () => ({ ref: "", note: "" }))];
}

/** The draft as a refused form posted without the script had it: its rows up to the last with anything in it. */
function typedDraft(values: Record<string, string>): Draft {
  const rows = Array.from({ length: 6 }, (_, row) => ({ ref: values[`evidence.${row}.ref`] ?? "", note: values[`evidence.${row}.note`] ?? "" }));
  const used = rows.findLastIndex((e) => e.ref || e.note) + 1;
  return { position: values.position ?? "", claim: values.claim ?? "", evidence: withRows(rows.slice(0, used), 1), rebuttal: values.rebuttal ?? "" };
}

// A removed row takes its errors with it, and the rows after it move up one.
function withoutEvidenceRow(errors: FieldErrors, removed: number): FieldErrors {
  return Object.fromEntries(Object.entries(errors).flatMap(([key, messages]) => {
    const match = evidenceRowKey.exec(key);
    if (!match) return [[key, messages]];
    const row = Number(match[1]);
    if (row === removed) return [];
    return [[row > removed ? `evidence.${row - 1}.${match[2]}` : key, messages]];
  }));
}

/** The alert after a refused submit: which parts to fix, in the order of the form; each says below what it needs. */
function summaryOf(errors: FieldErrors): string | null {
  const keys = Object.keys(errors);
  const rows = [...new Set(keys.flatMap((key) => { const match = evidenceRowKey.exec(key); return match ? [Number(match[1])] : []; }))].sort((a, b) => a - b);
  const parts = [
    keys.includes("position") && "your position",
    keys.includes("claim") && "your claim",
    keys.includes("evidence") && "the evidence",
    ...rows.map((row) => `evidence ${row + 1}`),
    keys.includes("rebuttal") && "your answer to the counter-argument",
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  // The alert stands under the Submit button, so the fields it names are above it.
  return `Your response was not submitted yet. Check ${list}, as noted above.`;
}
