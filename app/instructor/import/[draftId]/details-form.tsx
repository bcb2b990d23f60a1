"use client";
// The reading's title and citation, corrected before publishing: students see them on every section it teaches.
import { useRouter } from "next/navigation";
import { useApiForm } from "@/components/use-api-form";

type Details = { title: string; author: string; outlet: string; published: string };

export function DetailsForm({ draftId, initial }: { draftId: string; initial: Details }) {
  const router = useRouter();
  const { errors, message, pending, send, formProps } = useApiForm(["title", "author", "outlet", "published"]);
  const field = (name: keyof Details, label: string, hint?: string) => (
    <div>
      <label htmlFor={`details-${name}`} className="field-label">{label}</label>
      <input id={`details-${name}`} name={name} defaultValue={initial[name]} className="field-input" aria-invalid={Boolean(errors[name])} aria-describedby={[hint && `details-${name}-hint`, errors[name] && `details-${name}-error`].filter(Boolean).join(" ") || undefined} />
      {hint && <p id={`details-${name}-hint`} className="mt-1 text-xs text-stone-600">{hint}</p>}
      {errors[name] && <p id={`details-${name}-error`} className="field-error">{errors[name][0]}</p>}
    </div>
  );
  return (
    <form
      {...formProps}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        return send("PUT", `/api/instructor/drafts/${draftId}/details`, Object.fromEntries(["title", "author", "outlet", "published"].map((name) => [name, String(form.get(name) ?? "")])), () => {
          router.refresh();
          return "Saved: the lesson, its citation and its quiz use these.";
        });
      }}
    >
      <div className="sm:col-span-2">{field("title", "Title")}</div>
      {field("author", "Author")}
      {field("outlet", "Published in")}
      {field("published", "Date", "YYYY, YYYY-MM or YYYY-MM-DD")}
      <div className="flex items-end"><button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Saving…" : "Save title and citation"}</button></div>
      <p role="status" className={`sm:col-span-2 ${message?.ok === false ? "field-error" : "text-sm text-emerald-800"}`}>{message?.text ?? ""}</p>
    </form>
  );
}
