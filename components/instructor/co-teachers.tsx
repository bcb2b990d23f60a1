"use client";
// The class's teachers: the owner adds a co-teacher by their account's email address, or removes one; a co-teacher
// may leave the class (decision 14).
import { useRouter } from "next/navigation";
import { useApiForm } from "@/components/use-api-form";
import { LiveMessage } from "@/components/live-message";
import { RequestButton } from "@/components/request-button";

export function AddCoTeacher({ classId }: { classId: string }) {
  const router = useRouter();
  const { errors, message, pending, send: sendForm, formProps } = useApiForm(["email"]);
  return (
    <form
      {...formProps}
      noValidate
      aria-label="Add a co-teacher"
      className="mt-4 space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const email = new FormData(form).get("email");
        await sendForm<{ name: string; email: string }>("POST", `/api/instructor/classes/${classId}/co-teachers`, { email }, (added) => {
          form.reset();
          router.refresh();
          return `${added.name} (${added.email}) now teaches this class with you.`;
        });
      }}
    >
      <label htmlFor="co-teacher-email" className="field-label">Add a co-teacher: their instructor account’s email address</label>
      <input id="co-teacher-email" name="email" type="email" autoComplete="off" className="field-input" aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? "co-teacher-hint co-teacher-error" : "co-teacher-hint"} />
      <p id="co-teacher-hint" className="text-xs text-stone-600">A co-teacher manages the roster, assignments, grades and announcements as you do; only you add or remove co-teachers.</p>
      {errors.email && <p id="co-teacher-error" className="field-error">{errors.email[0]}</p>}
      <LiveMessage className={message?.ok ? "text-sm text-emerald-800" : "field-error"}>{message?.text}</LiveMessage>
      <button type="submit" className="btn-secondary" disabled={pending}>{pending ? "Adding…" : "Add co-teacher"}</button>
    </form>
  );
}

export function RemoveCoTeacherButton({ classId, teacher }: { classId: string; teacher: { id: string; name: string } }) {
  return <RequestButton method="DELETE" url={`/api/instructor/classes/${classId}/co-teachers/${teacher.id}`} confirmText={`Remove ${teacher.name} from this class’s teachers? They lose access to it at once.`} label="Remove" accessibleName={`Remove ${teacher.name} as co-teacher`} />;
}

/** A co-teacher leaves: the class is no longer theirs, so the page goes back to their classes. */
export function LeaveClassButton({ classId, userId, className }: { classId: string; userId: string; className: string }) {
  return (
    <RequestButton
      method="DELETE" url={`/api/instructor/classes/${classId}/co-teachers/${userId}`} goTo="/instructor" extraClass="text-red-800" label="Leave this class"
      confirmText={`Stop teaching ${className}? You lose access to it at once; its owner can add you again.`}
    />
  );
}
