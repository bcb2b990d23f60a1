"use client";
// The class's announcements on its instructor's page: post one, correct one (title and text, and a waiting one's time),
// delete one after asking. Before the page's script runs and without it, the forms post server actions
// (app/actions/announcements.ts, decision 33): the post form carries a request id the server rendered, so the same
// form sent again makes one announcement; a time typed is read on the server in the zone the form names; Delete asks
// in a <details> instead of confirm(). With the script, each form sends JSON to the routes as before, and Delete asks
// with confirm().
import { useFirstRequestId } from "@/components/use-request-id";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage, LiveMessage } from "@/components/live-message";
import { RequestButton } from "@/components/request-button";
import { useFormAction, useScriptRuns } from "@/components/reachable-action";
import { useDeviceTimeZone } from "@/components/viewer-time-zone";
import { instantFromLocalInput, localInputValue } from "@/components/instructor/local-time-input";
import { localInputValueIn } from "@/lib/domain/calendar";
import { changeAnnouncementAction, deleteAnnouncementAction, postAnnouncementAction } from "@/app/actions/announcements";
import { postbackRemovals } from "@/components/postback-removals";

const TITLE_MAX = 120;
const BODY_HINT = "Plain text, or Markdown: **bold**, *italic*, lists with “- ”, links as [text](https://…). A blank line starts a new paragraph.";
const FIELDS = ["title", "body", "postAt"] as const;
const SCHEDULED = "Scheduled. The class’s students see it on their class page, marked new, from the time you chose.";
const POSTED = "Posted. The class’s students see it on their class page, marked new.";

type Shown = { title: string; body: string };
type Errors = Record<string, string[]>;
type Refusal = { ok: false; message: string; fieldErrors?: Errors };

/** The optional posting time: a datetime-local value as ISO text ("" for now), or the reason it means no time. */
function postAtOf(fields: FormData, shown?: Date): { iso: string } | { error: string } {
  return instantFromLocalInput(String(fields.get("postAt") ?? ""), shown);
}

/** A refusal's words for the form as a whole: only what the fields do not already say, as useApiForm shows one. */
function formLevel(refused: Refusal): string | null {
  const named = Object.entries(refused.fieldErrors ?? {});
  if (named.length === 0) return refused.message;
  const elsewhere = named.filter(([name]) => !(FIELDS as readonly string[]).includes(name)).map(([, messages]) => messages[0]);
  return elsewhere.length > 0 ? elsewhere.join(" ") : null;
}

function PostAtField({ idPrefix, scheduledFor, timeZone, typed, errors }: { idPrefix: string; scheduledFor?: Date; timeZone: string; typed?: string; errors: Errors }) {
  const scriptRuns = useScriptRuns();
  // Without the script the server reads the time in the zone the page names; with it, the browser reads it in its own.
  const zone = useDeviceTimeZone(timeZone) ?? timeZone;
  const shownValue = scheduledFor ? (scriptRuns ? localInputValue(scheduledFor) : localInputValueIn(scheduledFor, timeZone)) : undefined;
  return (
    <div className="sm:max-w-xs">
      <label htmlFor={`${idPrefix}-post-at`} className="field-label">Post at (optional)</label>
      <input id={`${idPrefix}-post-at`} name="postAt" type="datetime-local" className="field-input" defaultValue={typed ?? shownValue} aria-invalid={Boolean(errors.postAt)} aria-describedby={errors.postAt ? `${idPrefix}-post-at-hint ${idPrefix}-post-at-error` : `${idPrefix}-post-at-hint`} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {scheduledFor && <input type="hidden" name="scheduledFor" value={scheduledFor.toISOString()} />}
      <p id={`${idPrefix}-post-at-hint`} className="text-xs text-stone-600">{scheduledFor ? "Empty it to post now." : "Leave it empty to post now."} Students see it, marked new, from this time, read as {zone} time.</p>
      {errors.postAt && <p id={`${idPrefix}-post-at-error`} className="field-error">{errors.postAt[0]}</p>}
    </div>
  );
}

function AnnouncementFields({ idPrefix, defaults, errors }: { idPrefix: string; defaults?: Partial<Shown>; errors: Errors }) {
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-title`} className="field-label">Title</label>
        <input id={`${idPrefix}-title`} name="title" required maxLength={TITLE_MAX} className="field-input" defaultValue={defaults?.title} placeholder="e.g. Quiz 2 now due Friday" aria-invalid={Boolean(errors.title)} aria-describedby={errors.title ? `${idPrefix}-title-error` : undefined} />
        {errors.title && <p id={`${idPrefix}-title-error`} className="field-error">{errors.title[0]}</p>}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-body`} className="field-label">Message</label>
        <textarea id={`${idPrefix}-body`} name="body" required rows={5} className="field-input" defaultValue={defaults?.body} aria-invalid={Boolean(errors.body)} aria-describedby={errors.body ? `${idPrefix}-body-hint ${idPrefix}-body-error` : `${idPrefix}-body-hint`} />
        <p id={`${idPrefix}-body-hint`} className="text-xs text-stone-600">{BODY_HINT}</p>
        {errors.body && <p id={`${idPrefix}-body-error`} className="field-error">{errors.body[0]}</p>}
      </div>
    </>
  );
}

/**
 * Posts an announcement to the class; the form empties once it is posted. `requestId`: a fresh id the server rendered
 * with the page, sent with the form (with the script or without) so that sending it again makes no second announcement.
 * `timeZone`: the zone the server reads a time typed without the script in.
 */
export function AnnouncementForm({ classId, requestId, timeZone }: { classId: string; requestId: string; timeZone: string }) {
  const router = useRouter();
  const [posted, formAction] = useFormAction(postAnnouncementAction);
  const { errors, message, pending, send, refuse, formProps } = useApiForm(FIELDS);
  // Once the script has sent the form, its answers are the form's; until then, a postback's.
  const [sent, setSent] = useState(false);
  // The page's request id goes with the script's post too, so a retry after an answer lost on the way posts once; once
  // an announcement is posted with it, the next goes without one until the refreshed page brings a new id.
  const { once, spend } = useFirstRequestId(requestId);
  const postback = sent ? null : posted;
  const refused = postback && !postback.ok ? postback : null;
  const postedNow = postback?.ok ? (postback.data.scheduled ? SCHEDULED : POSTED) : null;
  const refusedText = refused && formLevel(refused);
  const shownMessage = message ?? (refusedText ? { text: refusedText, ok: false } : postedNow ? { text: postedNow, ok: true } : null);
  const shownErrors = sent ? errors : (refused?.fieldErrors ?? {});
  return (
    <form
      {...formProps}
      action={formAction}
      noValidate
      className="space-y-3"
      aria-label="Post an announcement"
      onSubmit={(event) => {
        event.preventDefault();
        setSent(true);
        const form = event.currentTarget;
        const fields = new FormData(form);
        const postAt = postAtOf(fields);
        if ("error" in postAt) return refuse({ postAt: [postAt.error] }, postAt.error);
        return send("POST", `/api/instructor/classes/${classId}/announcements`, { title: fields.get("title"), body: fields.get("body"), postAt: postAt.iso, ...once }, () => {
          spend();
          form.reset();
          router.refresh();
          return postAt.iso ? SCHEDULED : POSTED;
        });
      }}
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="requestId" value={requestId} />
      <AnnouncementFields idPrefix="announcement" defaults={refused?.values} errors={shownErrors} />
      <PostAtField idPrefix="announcement" timeZone={timeZone} typed={refused?.values?.postAt} errors={shownErrors} />
      <FormMessage message={shownMessage} />
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Posting…" : "Post announcement"}</button>
    </form>
  );
}

const announcementDeletions = postbackRemovals(deleteAnnouncementAction, "announcementId", () => "Announcement deleted. Its students no longer see it.");

/** The list of announcements, holding the answer to a Delete sent without the script. `listed`: the ids shown. */
export const AnnouncementDeletions = announcementDeletions.Removals;

/**
 * Delete. With the script: a button that asks with confirm() and sends the JSON request, as before. Without it there
 * is no confirm(), so the button opens a <details> that asks in words, and its form posts the server action.
 */
function AnnouncementDeletion({ classId, announcement }: { classId: string; announcement: Shown & { id: string } }) {
  const scriptRuns = useScriptRuns();
  const deletions = announcementDeletions.useRemovals();
  const refused = deletions?.refusedFor(announcement.id) ?? null;
  const question = `Delete the announcement “${announcement.title}”? Students will no longer see it.`;
  if (scriptRuns || !deletions) {
    return (
      <div className="shrink-0">
        <RequestButton method="DELETE" url={`/api/instructor/classes/${classId}/announcements/${announcement.id}`} confirmText={question} label="Delete" accessibleName={`Delete ${announcement.title}`} />
        {refused && <p className="field-error">{refused}</p>}
      </div>
    );
  }
  return (
    <details className="shrink-0 open:basis-full" open={refused ? true : undefined}>
      <summary className="btn-summary" aria-label={`Delete ${announcement.title}`}>Delete</summary>
      <form action={deletions.formAction} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-stone-200 bg-white px-3 py-2">
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="announcementId" value={announcement.id} />
        <p className="text-sm text-stone-800">{question}</p>
        <button type="submit" className="btn-primary px-3 py-1" aria-label={`Yes, delete ${announcement.title}`}>Yes, delete</button>
      </form>
      {refused && <p className="field-error">{refused}</p>}
    </details>
  );
}

/**
 * One announcement with Edit (a <details>, so it opens without the script too) and Delete; `children` is the
 * announcement as students see it. Without the script the correction posts changeAnnouncementAction with the
 * announcement as the page showed it, so a correction from an older page is refused as the route refuses it.
 */
export function EditableAnnouncement({ classId, announcement, timeZone, children }: { classId: string; announcement: Shown & { id: string; postAt: string | null }; timeZone: string; children: ReactNode }) {
  const router = useRouter();
  const summary = useRef<HTMLElement>(null);
  const [posted, formAction] = useFormAction(changeAnnouncementAction);
  const { errors, message, pending, send, refuse, formProps } = useApiForm(FIELDS);
  const [sent, setSent] = useState(false);
  const postback = sent ? null : posted;
  const refused = postback && !postback.ok && postback.values?.announcementId === announcement.id ? postback : null;
  // Drawn afresh after a refusal, the form is open with what was typed.
  const [open, setOpen] = useState(Boolean(refused));
  const url = `/api/instructor/classes/${classId}/announcements/${announcement.id}`;
  // Only one still waiting to be posted can be moved.
  const scheduledFor = announcement.postAt ? new Date(announcement.postAt) : undefined;
  const refusal = sent ? (message && !message.ok ? message.text : null) : refused && formLevel(refused);
  const shownErrors = sent ? errors : (refused?.fieldErrors ?? {});
  return (
    <div className="flex flex-wrap items-start gap-x-2 gap-y-3">
      <div className="min-w-0 basis-full sm:basis-0 sm:grow">{children}</div>
      <details
        className="group shrink-0 open:order-last open:basis-full"
        open={open}
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
          // Closed, the correction begun is dropped, as when the form went away with Cancel.
          if (!event.currentTarget.open) formProps.ref.current?.reset();
        }}
      >
        <summary ref={summary} className="btn-summary w-fit">
          <span className="group-open:hidden">Edit</span>
          <span className="hidden group-open:inline">Cancel</span>
          <span className="sr-only"> {announcement.title}</span>
        </summary>
        <form
          {...formProps}
          action={formAction}
          noValidate
          className="mt-4 space-y-3 border-t border-stone-200 pt-4"
          aria-label={`Edit ${announcement.title}`}
          onSubmit={(event) => {
            event.preventDefault();
            setSent(true);
            const fields = new FormData(event.currentTarget);
            const postAt = scheduledFor ? postAtOf(fields, scheduledFor) : null;
            if (postAt && "error" in postAt) return refuse({ postAt: [postAt.error] }, postAt.error);
            return send("PATCH", url, { title: fields.get("title"), body: fields.get("body"), ...(postAt ? { postAt: postAt.iso } : {}), replacing: { title: announcement.title, body: announcement.body } }, () => {
              setOpen(false);
              router.refresh();
              // The form goes away: focus returns to the summary that opened it.
              requestAnimationFrame(() => summary.current?.focus());
            });
          }}
        >
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="announcementId" value={announcement.id} />
          <input type="hidden" name="replacing.title" value={announcement.title} />
          <input type="hidden" name="replacing.body" value={announcement.body} />
          <AnnouncementFields idPrefix={`edit-${announcement.id}`} defaults={refused?.values ?? announcement} errors={shownErrors} />
          {scheduledFor ? <PostAtField idPrefix={`edit-${announcement.id}`} scheduledFor={scheduledFor} timeZone={timeZone} typed={refused?.values?.postAt} errors={shownErrors} /> : <input type="hidden" name="timeZone" value={timeZone} />}
          <LiveMessage tone="alert" className="field-error">{refusal}</LiveMessage>
          <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : "Save changes"}</button>
        </form>
      </details>
      <AnnouncementDeletion classId={classId} announcement={announcement} />
    </div>
  );
}
