"use client";
// One draft question under review: what it asks, its answer, the sentence it came from, and the
// instructor's Accept / Drop / Edit (saving an edit accepts it). Publishing is a separate panel.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";
import type { DraftQuestion } from "@/lib/importer/questions";

const kindLabel: Record<DraftQuestion["kind"], string> = { cloze: "Fill in the name", numeric: "Number", ordering: "Order the events" };
const statusStyle: Record<DraftQuestion["status"], string> = {
  draft: "bg-amber-100 text-amber-900",
  accepted: "bg-emerald-100 text-emerald-900",
  dropped: "bg-stone-200 text-stone-700",
};
const statusLabel: Record<DraftQuestion["status"], string> = { draft: "Draft — not reviewed", accepted: "Accepted", dropped: "Dropped" };

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

function Answer({ question }: { question: DraftQuestion["question"] }) {
  if (question.type === "short") return <p><span className="font-semibold">Accepted answers:</span> {question.accepted.join(" · ")}</p>;
  if (question.type === "numeric") return <p><span className="font-semibold">Answer:</span> {question.answer}{question.unit ? ` ${question.unit}` : ""}</p>;
  if (question.type === "ordering") {
    return (
      <div>
        <p className="font-semibold">Correct order (students see it shuffled):</p>
        <ol className="mt-1 list-decimal space-y-1 pl-6">{question.items.map((item) => <li key={item.id}>{item.text}</li>)}</ol>
      </div>
    );
  }
  return null;
}

export function QuestionReview({ draftId, number, question, locked }: { draftId: string; number: number; question: DraftQuestion; locked: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const q = question.question;
  const headingId = `question-${question.id}`;

  async function send(body: Record<string, unknown>) {
    setPending(true);
    setMessage(null);
    const result = await callApi("PUT", `/api/instructor/drafts/${draftId}/questions/${question.id}`, body);
    setPending(false);
    if (!result.ok) {
      setMessage(result.message);
      return false;
    }
    router.refresh();
    return true;
  }

  return (
    <li className={`card ${question.status === "dropped" ? "opacity-75" : ""}`} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h3 id={headingId} className="font-semibold text-stone-900">Question {number}</h3>
        <span className="badge">{kindLabel[question.kind]}</span>
        <span className={`badge ${statusStyle[question.status]}`}>{statusLabel[question.status]}</span>
        {question.edited && <span className="badge">edited</span>}
      </div>
      <p className="mt-3 text-stone-900">{q.prompt}</p>
      <div className="mt-2 text-sm text-stone-800"><Answer question={q} /></div>

      <div className="mt-3 rounded-md bg-sand-100 px-4 py-3 text-sm text-stone-800">
        <p className="font-semibold">{question.sources.length > 1 ? "From these sentences" : "From this sentence"}</p>
        <ul className="mt-1 space-y-1.5">
          {question.sources.map((s, i) => (
            <li key={i}>
              <q className="italic">{s.sentence}</q> <span className="whitespace-nowrap text-stone-600">— section “{s.sectionTitle}”</span>
            </li>
          ))}
        </ul>
      </div>

      {!locked && !editing && (
        <div className="mt-4 flex flex-wrap gap-2">
          {question.status !== "accepted" && <button type="button" className="btn-primary px-3 py-1.5" disabled={pending} onClick={() => send({ action: "accept" })}>Accept</button>}
          {question.status !== "dropped" && <button type="button" className="btn-secondary px-3 py-1.5" disabled={pending} onClick={() => send({ action: "drop" })}>Drop</button>}
          <button type="button" className="btn-secondary px-3 py-1.5" disabled={pending} aria-expanded={editing} onClick={() => setEditing(true)}>Edit</button>
          {question.status !== "draft" && <button type="button" className="btn-secondary px-3 py-1.5" disabled={pending} onClick={() => send({ action: "reset" })}>Back to draft</button>}
        </div>
      )}

      {!locked && editing && (
        <form
          className="mt-4 space-y-3 rounded-md border border-stone-200 p-4"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const body: Record<string, unknown> = { action: "edit", prompt: String(form.get("prompt") ?? "") };
            if (q.type === "short") body.accepted = lines(String(form.get("accepted") ?? ""));
            if (q.type === "numeric") {
              const answer = Number(String(form.get("answer") ?? "").replace(",", "."));
              if (!Number.isFinite(answer) || String(form.get("answer") ?? "").trim() === "") return setMessage("Give the answer as a number.");
              body.answer = answer;
              body.unit = String(form.get("unit") ?? "");
            }
            if (q.type === "ordering") body.items = lines(String(form.get("items") ?? ""));
            if (await send(body)) setEditing(false);
          }}
        >
          <div>
            <label className="field-label" htmlFor={`${headingId}-prompt`}>Prompt</label>
            <textarea id={`${headingId}-prompt`} name="prompt" rows={3} required className="field-input text-sm" defaultValue={q.prompt} />
          </div>
          {q.type === "short" && (
            <div>
              <label className="field-label" htmlFor={`${headingId}-accepted`}>Accepted answers, one per line</label>
              <textarea id={`${headingId}-accepted`} name="accepted" rows={3} className="field-input text-sm" defaultValue={q.accepted.join("\n")} />
            </div>
          )}
          {q.type === "numeric" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label className="field-label" htmlFor={`${headingId}-answer`}>Answer</label>
                <input id={`${headingId}-answer`} name="answer" inputMode="decimal" className="field-input" defaultValue={String(q.answer)} />
              </div>
              <div>
                <label className="field-label" htmlFor={`${headingId}-unit`}>Unit (optional)</label>
                <input id={`${headingId}-unit`} name="unit" className="field-input" defaultValue={q.unit ?? ""} />
              </div>
            </div>
          )}
          {q.type === "ordering" && (
            <div>
              <label className="field-label" htmlFor={`${headingId}-items`}>Events in the right order, one per line (3 to 10)</label>
              <textarea id={`${headingId}-items`} name="items" rows={6} className="field-input text-sm" defaultValue={q.items.map((i) => i.text).join("\n")} />
            </div>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary px-3 py-1.5" disabled={pending}>{pending ? "Saving…" : "Save and accept"}</button>
            <button type="button" className="btn-secondary px-3 py-1.5" onClick={() => { setEditing(false); setMessage(null); }}>Cancel</button>
          </div>
        </form>
      )}
      {message && <p role="alert" className="field-error">{message}</p>}
    </li>
  );
}
