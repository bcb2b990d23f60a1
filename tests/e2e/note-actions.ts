// The lesson note server actions (app/actions/lesson-notes.ts), and any other form's, called over HTTP as the lesson page's forms call them
// with JavaScript: the action's id from the build's manifest in the `next-action` header, and its arguments (the
// form's previous state, then its FormData) encoded as React encodes them. For the permission matrix and the fuzzing.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export const notedLesson = { id: "dadabaev-silk-road", page: "/courses/japan-central-asia/foundations/lessons/dadabaev-silk-road", section: "distance-as-an-asset" };
export type NoteActionName = "addLessonNoteAction" | "editLessonNoteAction" | "deleteLessonNoteAction";

let ids: Map<string, string> | null = null;

export function noteActionId(name: string): string {
  if (!ids) {
    const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json"), "utf8"));
    ids = new Map(Object.entries(manifest.node as Record<string, { exportedName: string }>).map(([id, entry]) => [entry.exportedName, id]));
  }
  const id = ids.get(name);
  if (!id) throw new Error(`${name} is not in the build's server-reference manifest`);
  return id;
}

/** Calls the action with `fields` as its form; the answer's status and text (the action's result is in it). */
export async function callNoteAction(request: APIRequestContext, baseURL: string, name: NoteActionName, fields: Record<string, string>) {
  return callFormAction(request, baseURL, notedLesson.page, name, fields);
}

/** Calls any form's server action (`name`, as exported) from the page at `pagePath`, as `callNoteAction` does. */
export async function callFormAction(request: APIRequestContext, baseURL: string, pagePath: string, name: string, fields: Record<string, string>) {
  // The form's fields first and the arguments' root last, in React's order: the root is decoded as soon as it arrives.
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify([null, "$K1"]));
  const response = await request.post(pagePath, { headers: { "next-action": noteActionId(name), origin: baseURL, accept: "text/x-component" }, multipart, maxRedirects: 0 });
  // A redirect is how an action that navigates (signing in or out) answers its success.
  return { status: response.status(), text: await response.text(), redirect: response.headers()["x-action-redirect"] };
}
