"use client";
// A student's open invitations on the join page, each answered by a form posting answerInvitationAction: a plain POST
// before the page's script runs and without it, in place with it (decision 33). One hook for the list, so an answer's
// result still shows once its invitation has left the list (joined, declined, or withdrawn meanwhile).
import { useState } from "react";
import { answerInvitationAction } from "@/app/actions/classes";
import { Link } from "./app-link";
import { LiveMessage } from "./live-message";
import { LocalTime } from "./local-time";
import { useFormAction } from "./reachable-action";

export type OpenInvitation = { classId: string; name: string; term: string; teachers: string; invitedAt: string };

export function InvitationAnswers({ invitations }: { invitations: OpenInvitation[] }) {
  const [answered, formAction, pending] = useFormAction(answerInvitationAction);
  // The invitation last sent with the script (a request that did not get through names none); without it, the result does.
  const [sentFor, setSentFor] = useState<string | null>(null);
  const refusal = answered && !answered.ok ? { classId: answered.values?.classId ?? sentFor, text: answered.fieldErrors?.accept?.[0] ?? answered.fieldErrors?.classId?.[0] ?? answered.message } : null;
  // A refusal is shown at its invitation's buttons; one whose invitation is no longer listed, under the heading.
  const refusedHere = (classId: string) => (refusal?.classId === classId ? refusal.text : null);
  const refusedElsewhere = refusal && !invitations.some((i) => i.classId === refusal.classId) ? refusal.text : null;
  return (
    <>
      <LiveMessage as="div" id="invitation-message" className={refusedElsewhere ? "field-error mt-6" : "mt-6 text-sm text-emerald-800"}>
        {refusedElsewhere ??
          (answered?.ok && (answered.data.joined
            ? <>You joined {answered.data.name}. <Link className="font-semibold underline" href="/">See what is assigned to you</Link></>
            : "You declined the invitation."))}
      </LiveMessage>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading" className="mt-6">
          <h2 id="invitations-heading" className="text-lg font-semibold">Invitations</h2>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-brand-100 bg-brand-50">
            {invitations.map((invitation) => (
              <li key={invitation.classId} className="px-4 py-3 text-sm">
                <form action={formAction} onSubmit={() => setSentFor(invitation.classId)} className="flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <span className="font-medium text-stone-900">{invitation.name}</span> <span className="text-stone-600">· {invitation.term} · {invitation.teachers}</span>
                    <span className="block text-stone-600">Invited <LocalTime iso={invitation.invitedAt} day /></span>
                  </div>
                  <input type="hidden" name="classId" value={invitation.classId} />
                  <div className="flex gap-2">
                    <button type="submit" name="accept" value="true" className="btn-primary px-3 py-1" aria-label={`Join ${invitation.name}`} aria-describedby={`invitation-error-${invitation.classId}`} disabled={pending}>Join</button>
                    <button type="submit" name="accept" value="false" className="btn-secondary px-3 py-1" aria-label={`Decline the invitation to ${invitation.name}`} aria-describedby={`invitation-error-${invitation.classId}`} disabled={pending}>Decline</button>
                  </div>
                </form>
                <LiveMessage tone="alert" id={`invitation-error-${invitation.classId}`} className="field-error mt-2">{refusedHere(invitation.classId)}</LiveMessage>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-stone-700">Joining lets the class&apos;s instructor see your work on what the class assigns.</p>
        </section>
      )}
    </>
  );
}
