"use client";
// Add students to the roster by their accounts' emails, pasted as a list; the answer says what became of each.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/use-api-form";

type Outcome = { added: string[]; restored: string[]; alreadyMembers: string[]; notStudents: string[]; noAccount: string[] };

const groups: { key: keyof Outcome; label: string }[] = [
  { key: "added", label: "Added" },
  { key: "restored", label: "Put back on the roster (they had been removed)" },
  { key: "alreadyMembers", label: "Already on the roster" },
  { key: "noAccount", label: "No account with this email: ask them to sign up, then add them again (or give them the join code)" },
  { key: "notStudents", label: "Instructor accounts, which do not join classes" },
];

export function EnrolForm({ classId }: { classId: string }) {
  const router = useRouter();
  const [emails, setEmails] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { errors, message, pending, send } = useApiForm();
  return (
    <form
      noValidate
      className="card mt-6 space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setOutcome(null);
        await send<Outcome>("POST", `/api/instructor/classes/${classId}/members`, { emails }, (result) => {
          setOutcome(result);
          if (result.added.length + result.restored.length > 0) {
            setEmails("");
            router.refresh();
          }
          return null;
        });
      }}
    >
      <h3 className="font-semibold">Add students by email</h3>
      <div>
        <label htmlFor="enrol-emails" className="field-label">Email addresses of their Caravan accounts</label>
        <textarea
          id="enrol-emails" rows={3} className="field-input" value={emails} onChange={(e) => setEmails(e.target.value)}
          aria-invalid={Boolean(errors.emails)} aria-describedby={errors.emails ? "enrol-emails-hint enrol-emails-error" : "enrol-emails-hint"}
        />
        <p id="enrol-emails-hint" className="mt-1 text-xs text-stone-600">One per line, or separated by commas, as a spreadsheet column or a mail client gives them; up to 200 at a time.</p>
        {errors.emails && <p id="enrol-emails-error" className="field-error">{errors.emails[0]}</p>}
      </div>
      {message && !message.ok && <p role="status" className="field-error">{message.text}</p>}
      <div role="status">
        {outcome && (
          <ul className="space-y-2 text-sm">
            {groups.filter((g) => outcome[g.key].length > 0).map((g) => (
              <li key={g.key}><span className="font-medium">{g.label}:</span> <span className="break-words text-stone-700">{outcome[g.key].join(", ")}</span></li>
            ))}
          </ul>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Adding…" : "Add to the roster"}</button>
    </form>
  );
}
