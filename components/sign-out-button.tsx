"use client";
// Signs out through next-auth's own endpoint without loading its client library on every page. The session is ended
// on the server first: if that cannot be done now, the browser stays signed in and says so, rather than clearing the
// cookie while a copy of it would keep working. Before the page's script runs, or without it, the form posts
// `signOutAction`, which does the same on the server (decision 33).
import { useState } from "react";
import { signOutAction } from "@/app/actions/account";
import { callApi } from "@/lib/api-client";
import { SIGN_OUT_NOT_ENDED } from "@/lib/sign-out";
import { useFormAction } from "./reachable-action";
import { saveOpenWork } from "./use-leave-guard";

async function signOut() {
  // An answer or draft typed a moment ago is saved while the session still takes it.
  if (!(await saveOpenWork()) && !window.confirm("Some of your work on this page could not be saved just now. Sign out anyway and lose it?")) return;
  const ended = await callApi("POST", "/api/account/sign-out", {}, SIGN_OUT_NOT_ENDED);
  // 401: the session had already ended; clearing the cookie is all that is left to do.
  if (!ended.ok && ended.status !== 401) {
    window.alert(SIGN_OUT_NOT_ENDED);
    return;
  }
  try {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    await fetch("/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }) });
  } catch {
    // The session has ended on the server, so its cookie no longer works even if clearing it failed.
  }
  window.location.assign("/");
}

export function SignOutButton() {
  const [refused, formAction] = useFormAction(signOutAction);
  // Saving open work first can take seconds: the button says so, and a second click starts nothing twice.
  const [pending, setPending] = useState(false);
  return (
    <>
      <form
        action={formAction}
        className="inline"
        onSubmit={async (event) => {
          event.preventDefault();
          if (pending) return;
          setPending(true);
          try {
            await signOut();
          } finally {
            setPending(false);
          }
        }}
      >
        <button type="submit" className="text-stone-700 underline-offset-2 hover:text-stone-950 hover:underline disabled:opacity-60" disabled={pending}>
          {pending ? "Signing out…" : "Sign out"}
        </button>
      </form>
      {refused && !refused.ok ? <p role="alert" className="w-full text-sm text-red-700">{refused.message}</p> : null}
    </>
  );
}
