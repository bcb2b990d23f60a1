"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/lib/api-client";

export function NewClassForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const days = String(form.get("joinCodeDays") ?? "");
        setPending(true);
        const result = await callApi<{ id: string }>("POST", "/api/instructor/classes", { name: form.get("name"), term: form.get("term"), joinCodeDays: days ? Number(days) : null });
        setPending(false);
        if (result.ok) router.push(`/instructor/classes/${result.data.id}`);
        else {
          setErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        }
      }}
    >
      <div>
        <label htmlFor="class-name" className="field-label">Name</label>
        <input id="class-name" name="name" required maxLength={100} className="field-input" placeholder="e.g. Asian Diplomacy 201" aria-invalid={Boolean(errors.name)} />
        {errors.name && <p className="field-error">{errors.name[0]}</p>}
      </div>
      <div>
        <label htmlFor="class-term" className="field-label">Term</label>
        <input id="class-term" name="term" required maxLength={60} className="field-input" placeholder="e.g. Spring 2027" aria-invalid={Boolean(errors.term)} />
        {errors.term && <p className="field-error">{errors.term[0]}</p>}
      </div>
      <div>
        <label htmlFor="class-days" className="field-label">Join code valid for (days, optional)</label>
        <input id="class-days" name="joinCodeDays" type="number" min={1} max={365} className="field-input" />
      </div>
      {message && <p role="alert" className="field-error">{message}</p>}
      <button type="submit" className="btn-primary w-full" disabled={pending}>{pending ? "Creating…" : "Create class"}</button>
    </form>
  );
}
