"use client";
// The class's announcements on its instructor's page: post one, correct one (title and text), delete one after asking.
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { useApiForm } from "@/components/use-api-form";
import { FormMessage, LiveMessage } from "@/components/live-message";
import { RequestButton } from "@/components/request-button";
import { instantFromLocalInput, localInputValue } from "@/components/instructor/local-time-input";

const TITLE_MAX = 120;
const BODY_HINT = "Plain text, or Markdown: **bold**, *italic*, lists with “- ”, links as [text](https://…). A blank line starts a new paragraph.";

type Shown = { title: string; body: string };

/** The optional posting time: a datetime-local value as ISO text ("" for now), or the reason it means no time. */
function postAtOf(fields: FormData, shown?: Date): { iso: string } | { error: string } {
  return instantFromLocalInput(String(fields.get("postAt") ?? ""), shown);
}

function PostAtField({ idPrefix, scheduledFor, errors }: { idPrefix: string; scheduledFor?: Date; errors: Record<string, string[]> }) {
  return (
    <div className="sm:max-w-xs">
      <label htmlFor={`${idPrefix}-post-at`} className="field-label">Post at (optional)</label>
      <input id={`${idPrefix}-post-at`} name="postAt" type="datetime-local" className="field-input" defaultValue={scheduledFor ? localInputValue(scheduledFor) : undefined} aria-invalid={Boolean(errors.postAt)} aria-describedby={errors.postAt ? `${idPrefix}-post-at-hint ${idPrefix}-post-at-error` : `${idPrefix}-post-at-hint`} />
      <p id={`${idPrefix}-post-at-hint`} className="text-xs text-stone-600">{scheduledFor ? "Empty it to post now." : "Leave it empty to post now."} Students see it, marked new, from this time, in your time zone.</p>
      {errors.postAt && <p id={`${idPrefix}-post-at-error`} className="field-error">{errors.postAt[0]}</p>}
    </div>
  );
}

function AnnouncementFields({ idPrefix, defaults, errors }: { idPrefix: string; defaults?: Shown; errors: Record<string, string[]> }) {
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

/** Posts an announcement to the class; the form empties once it is posted. */
export function AnnouncementForm({ classId }: { classId: string }) {
  const router = useRouter();
  const { errors, message, pending, send, refuse, formProps } = useApiForm(["title", "body", "postAt"]);
  return (
    <form
      {...formProps}
      noValidate
      className="space-y-3"
      aria-label="Post an announcement"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const fields = new FormData(form);
        const postAt = postAtOf(fields);
        if ("error" in postAt) return refuse({ postAt: [postAt.error] }, postAt.error);
        return send("POST", `/api/instructor/classes/${classId}/announcements`, { title: fields.get("title"), body: fields.get("body"), postAt: postAt.iso }, () => {
          form.reset();
          router.refresh();
          return postAt.iso ? "Scheduled. The class’s students see it on their class page, marked new, from the time you chose." : "Posted. The class’s students see it on their class page, marked new.";
        });
      }}
    >
      <AnnouncementFields idPrefix="announcement" errors={errors} />
      <PostAtField idPrefix="announcement" errors={errors} />
      <FormMessage message={message} />
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Posting…" : "Post announcement"}</button>
    </form>
  );
}

/** One announcement with its Edit and Delete buttons; `children` is the announcement as students see it. */
export function EditableAnnouncement({ classId, announcement, children }: { classId: string; announcement: Shown & { id: string; postAt: string | null }; children: ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { errors, message, pending, send, refuse, formProps } = useApiForm(["title", "body", "postAt"]);
  const url = `/api/instructor/classes/${classId}/announcements/${announcement.id}`;
  // Only one still waiting to be posted can be moved.
  const scheduledFor = announcement.postAt ? new Date(announcement.postAt) : undefined;
  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">{children}</div>
        <div className="flex shrink-0 items-start gap-2">
          <button ref={editButton} type="button" className="btn-secondary px-3 py-1" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? "Cancel" : "Edit"}<span className="sr-only"> {announcement.title}</span></button>
          <RequestButton method="DELETE" url={url} confirmText={`Delete the announcement “${announcement.title}”? Students will no longer see it.`} label="Delete" accessibleName={`Delete ${announcement.title}`} />
        </div>
      </div>
      {open && (
        <form
          {...formProps}
          noValidate
          className="mt-4 space-y-3 border-t border-stone-200 pt-4"
          aria-label={`Edit ${announcement.title}`}
          onSubmit={(event) => {
            event.preventDefault();
            const fields = new FormData(event.currentTarget);
            const postAt = scheduledFor ? postAtOf(fields, scheduledFor) : null;
            if (postAt && "error" in postAt) return refuse({ postAt: [postAt.error] }, postAt.error);
            return send("PATCH", url, { title: fields.get("title"), body: fields.get("body"), ...(postAt ? { postAt: postAt.iso } : {}), replacing: { title: announcement.title, body: announcement.body } }, () => {
              setOpen(false);
              router.refresh();
              // The form and its button go away: focus returns to the button that opened it.
              requestAnimationFrame(() => editButton.current?.focus());
            });
          }}
        >
          <AnnouncementFields idPrefix={`edit-${announcement.id}`} defaults={announcement} errors={errors} />
          {scheduledFor && <PostAtField idPrefix={`edit-${announcement.id}`} scheduledFor={scheduledFor} errors={errors} />}
          <LiveMessage tone="alert" className="field-error">{message && !message.ok && message.text}</LiveMessage>
          <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : "Save changes"}</button>
        </form>
      )}
    </>
  );
}
