"use client";
// Invite students to a class by their accounts' email addresses, pasted from a list; what became of each is shown.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";
import { LiveMessage } from "@/components/live-message";

type Person = { name: string; email: string };
type Outcome = { invited: Person[]; restored: Person[]; alreadyInvited: Person[]; already: Person[]; noAccount: string[]; instructors: string[]; unreadable: string[] };

const named = (people: Person[]) => people.map((p) => `${p.name} (${p.email})`).join(", ");

export function AddStudents({ classId }: { classId: string }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { errors, message, pending, send, formProps } = useApiForm(["emails"]);
  const lines: [string, string][] = outcome ? [
    [`Invited (${outcome.invited.length}; they join when they accept, on their “Join a class” page)`, named(outcome.invited)],
    [`Put back on the roster (${outcome.restored.length})`, named(outcome.restored)],
    [`Invited earlier, not yet accepted (${outcome.alreadyInvited.length})`, named(outcome.alreadyInvited)],
    [`Already in the class (${outcome.already.length})`, named(outcome.already)],
    [`No Caravan account (${outcome.noAccount.length}; they sign up, then join with the code)`, outcome.noAccount.join(", ")],
    [`Instructors’ accounts, not added (${outcome.instructors.length})`, outcome.instructors.join(", ")],
    [`Not read as addresses (${outcome.unreadable.length})`, outcome.unreadable.join(", ")],
  ].filter(([, list]) => list !== "") as [string, string][] : [];
  return (
    <details className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer font-medium">Invite students by email</summary>
      <form
        {...formProps}
        noValidate
        className="mt-3 space-y-2"
        onSubmit={async (event) => {
          event.preventDefault();
          const emails = new FormData(event.currentTarget).get("emails");
          await send<Outcome>("POST", `/api/instructor/classes/${classId}/members`, { emails }, (result) => {
            setOutcome(result);
            router.refresh();
          });
        }}
      >
        <label htmlFor="add-emails" className="field-label">Their Caravan accounts’ email addresses</label>
        <textarea id="add-emails" name="emails" rows={4} className="field-input font-mono text-sm" placeholder={"aigerim@uni.edu\nken.sato@uni.edu"} aria-invalid={Boolean(errors.emails)} aria-describedby={errors.emails ? "add-emails-hint add-emails-error" : "add-emails-hint"} />
        <p id="add-emails-hint" className="text-xs text-stone-600">One per line, or separated by commas; up to 500 at a time. A list copied from a mail program works too. Each student joins when they accept the invitation; a removed student is put back at once.</p>
        {errors.emails && <p id="add-emails-error" className="field-error">{errors.emails[0]}</p>}
        <LiveMessage className="field-error">{message && !message.ok && message.text}</LiveMessage>
        <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Inviting…" : "Invite"}</button>
        <div role="status">
          {lines.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {lines.map(([label, list]) => <li key={label}><span className="font-medium">{label}:</span> <span className="text-stone-700">{list}</span></li>)}
            </ul>
          )}
        </div>
      </form>
    </details>
  );
}
