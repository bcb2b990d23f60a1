"use client";
// The student's debate response: a position, a claim, evidence from the course and an answer to the
// strongest counter-argument. Drafts save themselves; submitting is final.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";

type Evidence = { ref: string; note: string };
type Draft = { position: string; claim: string; evidence: Evidence[]; rebuttal: string };

export function DebateEditor({ promptId, positions, refs, initial }: {
  promptId: string;
  positions: { id: string; label: string; summary: string }[];
  refs: { value: string; label: string }[];
  initial: (Draft & { status: string; savedAt: string }) | null;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => ({ position: initial?.position ?? "", claim: initial?.claim ?? "", evidence: initial?.evidence?.length ? initial.evidence : [{ ref: "", note: "" }], rebuttal: initial?.rebuttal ?? "" }));
  const [status, setStatus] = useState<string>(initial?.savedAt ? "Draft saved" : "");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  // Kept apart from `message`, so a draft saved after a refused submit does not clear the submit's error.
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submitted = initial?.status === "SUBMITTED";
  const dirty = useRef(false);
  const autosave = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Set while a submit is under way: a draft save answered after it must not change what the form shows.
  const submittingNow = useRef(false);

  useEffect(() => {
    if (!dirty.current || submitted || submitting) return;
    autosave.current = setTimeout(async () => {
      if (submittingNow.current) return;
      dirty.current = false;
      setStatus("Saving draft…");
      const result = await callApi<{ savedAt: string }>("PUT", `/api/debates/${promptId}/draft`, draft);
      if (submittingNow.current) return;
      if (!result.ok) dirty.current = true;
      setStatus(result.ok ? "Draft saved" : "");
      setSaveError(result.ok ? null : result.message);
    }, 800);
    return () => clearTimeout(autosave.current);
  }, [draft, promptId, submitted, submitting]);

  const change = (patch: Partial<Draft>) => {
    dirty.current = true;
    setDraft((d) => ({ ...d, ...patch }));
  };

  if (submitted) {
    return (
      <div className="card" role="status">
        <p className="font-semibold text-emerald-800">Submitted. Your response can no longer be edited.</p>
        <p className="mt-2 text-sm text-stone-600">Position: {positions.find((p) => p.id === initial!.position)?.label}</p>
        <p className="mt-2 whitespace-pre-line">{initial!.claim}</p>
        <ul className="mt-2 list-disc pl-5 text-sm">{initial!.evidence.map((e, i) => <li key={i}>{refs.find((r) => r.value === e.ref)?.label}: {e.note}</li>)}</ul>
        <p className="mt-2 text-sm"><span className="font-semibold">Your answer to the counter-argument: </span><span className="whitespace-pre-line">{initial!.rebuttal}</span></p>
      </div>
    );
  }

  const submit = async () => {
    if (submittingNow.current) return;
    // The submit carries the whole draft, so a pending autosave has nothing left to add.
    clearTimeout(autosave.current);
    submittingNow.current = true;
    setSubmitting(true);
    setMessage(null);
    const result = await callApi<{ submittedAt: string }>("POST", `/api/debates/${promptId}/submit`, { ...draft, evidence: draft.evidence.filter((e) => e.ref || e.note) });
    if (result.ok) {
      router.refresh();
    } else {
      setFieldErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      // Autosaving resumes when `submitting` turns false, so edits whose save the submit cancelled are kept.
      submittingNow.current = false;
      setSubmitting(false);
    }
  };
  const errorFor = (key: string) => Object.entries(fieldErrors).filter(([k]) => k === key || k.startsWith(`${key}.`)).flatMap(([, v]) => v)[0];

  return (
    <form className="card space-y-6" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
      <fieldset>
        <legend className="field-label">Your position</legend>
        <div className="mt-2 space-y-2">
          {positions.map((p) => (
            <label key={p.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="position" value={p.id} checked={draft.position === p.id} onChange={() => change({ position: p.id })} className="mt-1" />
              <span><span className="font-medium">{p.label}</span><span className="block text-sm text-stone-600">{p.summary}</span></span>
            </label>
          ))}
        </div>
        {errorFor("position") && <p className="field-error">{errorFor("position")}</p>}
      </fieldset>

      <div>
        <label htmlFor="claim" className="field-label">Your claim</label>
        <p className="text-sm text-stone-600">State what you argue and why, in a few sentences.</p>
        <textarea id="claim" rows={5} maxLength={2000} className="field-input" value={draft.claim} onChange={(e) => change({ claim: e.target.value })} aria-invalid={Boolean(errorFor("claim"))} />
        {errorFor("claim") && <p className="field-error">{errorFor("claim")}</p>}
      </div>

      <fieldset>
        <legend className="field-label">Evidence</legend>
        <p className="text-sm text-stone-600">Cite at least one lesson or source, and say what it shows.</p>
        <div className="mt-2 space-y-3">
          {draft.evidence.map((e, i) => (
            <div key={i} className="rounded-md border border-stone-200 p-3">
              <label htmlFor={`evidence-ref-${i}`} className="text-sm font-medium">Source or lesson {i + 1}</label>
              <select id={`evidence-ref-${i}`} className="field-input" value={e.ref} onChange={(ev) => change({ evidence: draft.evidence.map((x, j) => (j === i ? { ...x, ref: ev.target.value } : x)) })}>
                <option value="">Choose…</option>
                {refs.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
              </select>
              <label htmlFor={`evidence-note-${i}`} className="mt-2 block text-sm font-medium">What it shows</label>
              <textarea id={`evidence-note-${i}`} rows={2} maxLength={1000} className="field-input" value={e.note} onChange={(ev) => change({ evidence: draft.evidence.map((x, j) => (j === i ? { ...x, note: ev.target.value } : x)) })} />
              {draft.evidence.length > 1 && <button type="button" className="mt-2 text-sm underline" onClick={() => change({ evidence: draft.evidence.filter((_, j) => j !== i) })}>Remove this piece of evidence</button>}
            </div>
          ))}
        </div>
        {draft.evidence.length < 6 && <button type="button" className="btn-secondary mt-3" onClick={() => change({ evidence: [...draft.evidence, { ref: "", note: "" }] })}>Add evidence</button>}
        {errorFor("evidence") && <p className="field-error">{errorFor("evidence")}</p>}
      </fieldset>

      <div>
        <label htmlFor="rebuttal" className="field-label">The strongest counter-argument, and your answer to it</label>
        <textarea id="rebuttal" rows={4} maxLength={3000} className="field-input" value={draft.rebuttal} onChange={(e) => change({ rebuttal: e.target.value })} aria-invalid={Boolean(errorFor("rebuttal"))} />
        {errorFor("rebuttal") && <p className="field-error">{errorFor("rebuttal")}</p>}
      </div>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-stone-600" role="status">{status}</p>
        <button type="submit" className="btn-primary" disabled={submitting}>{submitting ? "Submitting…" : "Submit response"}</button>
      </div>
      {(message ?? saveError) && <p role="alert" className="field-error">{message ?? saveError}</p>}
    </form>
  );
}
