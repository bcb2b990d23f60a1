"use client";
// One draft question under review: what it asks, its answer, the sentence it came from, and the
// instructor's Accept / Drop / Edit (saving an edit accepts it). Publishing is a separate panel.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { readTypedNumber } from "@/components/question-input";
import { callApi } from "@/lib/api-client";
import type { DraftQuestion } from "@/lib/importer/questions";
import { LiveMessage } from "@/components/live-message";

const kindLabel: Record<DraftQuestion["kind"], string> = { cloze: "Fill in the name", numeric: "Number", ordering: "Order the events" };
const statusStyle: Record<DraftQuestion["status"], string> = {
  draft: "bg-amber-100 text-amber-900",
  accepted: "bg-emerald-100 text-emerald-900",
  dropped: "bg-stone-200 text-stone-700",
};
const statusLabel: Record<DraftQuestion["status"], string> = { draft: "Draft — not reviewed", accepted: "Accepted", dropped: "Dropped" };

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

// The route's field names, as the edit form labels them, for its refusals ("Prompt: must be at most 1000 characters").
const fieldLabel = (path: string) => {
  const [field, index] = path.split(".");
  const label = ({ prompt: "Prompt", accepted: "Accepted answer", answer: "Answer", unit: "Unit", items: "Event", explanation: "Explanation" } as Record<string, string>)[field] ?? "The edit";
  return index === undefined ? label : `${label} ${Number(index) + 1}`;
};

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

export const numberRefused = "Give the answer as a number, such as 48, 12.5, 1,250 or 1 250. A comma before three digits separates thousands; before other digits it is a decimal comma (1,5 is 1.5).";

/** A numeric key as the instructor typed it, read as learners' answers are read ("1,250" is 1250, never 1.25). */
export function readEditedAnswer(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const typed = readTypedNumber(text);
  return typed.kind === "number" ? { ok: true, value: typed.value } : { ok: false, message: numberRefused };
}

export function QuestionReview({ draftId, number, question, locked }: { draftId: string; number: number; question: DraftQuestion; locked: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // The fields a refused edit named: each marked, and described by the message under the card.
  const [refusedFields, setRefusedFields] = useState<string[]>([]);
  const q = question.question;
  const headingId = `question-${question.id}`;
  const [answerText, setAnswerText] = useState(q.type === "numeric" ? String(q.answer) : "");
  const typedAnswer = readTypedNumber(answerText);
  // When the typed text is not already the plain number ("1,250", "1 250"), say what will be saved.
  const answerReadAs = typedAnswer.kind === "number" && String(typedAnswer.value) !== answerText.trim() ? String(typedAnswer.value) : null;

  const refusedAt = (field: string, hint?: string) => {
    const refused = refusedFields.includes(field);
    return { "aria-invalid": refused || undefined, "aria-describedby": [hint, refused ? `${headingId}-message` : null].filter(Boolean).join(" ") || undefined };
  };

  async function send(body: Record<string, unknown>) {
    setPending(true);
    setMessage(null);
    setRefusedFields([]);
    const result = await callApi("PUT", `/api/instructor/drafts/${draftId}/questions/${question.id}`, body);
    setPending(false);
    if (!result.ok) {
      const details = Object.entries(result.fieldErrors ?? {}).map(([path, messages]) => `${fieldLabel(path)}: ${messages.join("; ")}.`);
      setMessage([result.message, ...details].join(" "));
      setRefusedFields(Object.keys(result.fieldErrors ?? {}).map((path) => path.split(".")[0]));
      return false;
    }
    router.refresh();
    return true;
  }

  return (
    <li className={`card ${question.status === "dropped" ? "border-dashed bg-stone-50" : ""}`} aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h3 id={headingId} className="font-semibold text-stone-900">Question {number}</h3>
        <span className="badge">{kindLabel[question.kind]}</span>
        <span className={`badge ${statusStyle[question.status]}`}>{statusLabel[question.status]}</span>
        {question.edited && <span className="badge">edited</span>}
      </div>
      <p className="mt-3 text-stone-900">{q.prompt}</p>
      <div className="mt-2 text-sm text-stone-800"><Answer question={q} /></div>
      <p className="mt-2 text-sm text-stone-800"><span className="font-semibold">Explanation</span> (students read it after they answer): {q.explanation}</p>

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
          <button type="button" className="btn-secondary px-3 py-1.5" disabled={pending} aria-expanded={editing} onClick={() => { setAnswerText(q.type === "numeric" ? String(q.answer) : ""); setEditing(true); }}>Edit</button>
          {question.status !== "draft" && <button type="button" className="btn-secondary px-3 py-1.5" disabled={pending} onClick={() => send({ action: "reset" })}>Back to draft</button>}
        </div>
      )}

      {!locked && editing && (
        <form
          noValidate
          className="mt-4 space-y-3 rounded-md border border-stone-200 p-4"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const body: Record<string, unknown> = { action: "edit", prompt: String(form.get("prompt") ?? "") };
            if (q.type === "short") body.accepted = lines(String(form.get("accepted") ?? ""));
            if (q.type === "numeric") {
              const answer = readEditedAnswer(String(form.get("answer") ?? ""));
              if (!answer.ok) return setMessage(answer.message);
              body.answer = answer.value;
              body.unit = String(form.get("unit") ?? "");
            }
            if (q.type === "ordering") body.items = lines(String(form.get("items") ?? ""));
            // Sent only when changed: left as it was while the answer changed, the server writes it again from the new answer.
            const explanation = String(form.get("explanation") ?? "");
            if (explanation.trim() !== q.explanation.trim()) body.explanation = explanation;
            if (await send(body)) setEditing(false);
          }}
        >
          <div>
            <label className="field-label" htmlFor={`${headingId}-prompt`}>Prompt</label>
            <textarea id={`${headingId}-prompt`} name="prompt" rows={3} required className="field-input text-sm" defaultValue={q.prompt} {...refusedAt("prompt")} />
          </div>
          {q.type === "short" && (
            <div>
              <label className="field-label" htmlFor={`${headingId}-accepted`}>Accepted answers, one per line</label>
              <textarea id={`${headingId}-accepted`} name="accepted" rows={3} className="field-input text-sm" defaultValue={q.accepted.join("\n")} {...refusedAt("accepted")} />
            </div>
          )}
          {q.type === "numeric" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label className="field-label" htmlFor={`${headingId}-answer`}>Answer</label>
                <input
                  id={`${headingId}-answer`}
                  name="answer"
                  inputMode="decimal"
                  autoComplete="off"
                  className="field-input"
                  value={answerText}
                  aria-invalid={typedAnswer.kind === "invalid"}
                  aria-describedby={answerReadAs !== null ? `${headingId}-answer-read-as` : undefined}
                  onChange={(event) => setAnswerText(event.target.value)}
                />
                {answerReadAs !== null && <p id={`${headingId}-answer-read-as`} className="mt-1 text-sm text-stone-600">Read as {answerReadAs}.</p>}
              </div>
              <div>
                <label className="field-label" htmlFor={`${headingId}-unit`}>Unit (optional)</label>
                <input id={`${headingId}-unit`} name="unit" className="field-input" defaultValue={q.unit ?? ""} {...refusedAt("unit")} />
              </div>
            </div>
          )}
          {q.type === "ordering" && (
            <div>
              <label className="field-label" htmlFor={`${headingId}-items`}>Events in the right order, one per line (3 to 10)</label>
              <textarea id={`${headingId}-items`} name="items" rows={6} className="field-input text-sm" defaultValue={q.items.map((i) => i.text).join("\n")} {...refusedAt("items")} />
            </div>
          )}
          <div>
            <label className="field-label" htmlFor={`${headingId}-explanation`}>Explanation</label>
            <p id={`${headingId}-explanation-hint`} className="text-sm text-stone-600">Students read it after they answer. If you change the answer and leave this as it is, it is rewritten to give the new answer.</p>
            <textarea id={`${headingId}-explanation`} name="explanation" rows={3} className="field-input mt-1 text-sm" defaultValue={q.explanation} {...refusedAt("explanation", `${headingId}-explanation-hint`)} />
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary px-3 py-1.5" disabled={pending}>{pending ? "Saving…" : "Save and accept"}</button>
            <button type="button" className="btn-secondary px-3 py-1.5" onClick={() => { setEditing(false); setMessage(null); }}>Cancel</button>
          </div>
        </form>
      )}
      <LiveMessage tone="alert" id={`${headingId}-message`} className="field-error">{message}</LiveMessage>
    </li>
  );
}
