"use client";
// Signs out through next-auth's own endpoint without loading its client library on every page. The session is ended
// on the server first: if that cannot be done now, the browser stays signed in and says so, rather than clearing the
// cookie while a copy of it would keep working.
import { useState } from "react";
import { callApi } from "@/lib/api-client";
import { saveOpenWork } from "./use-leave-guard";

const NOT_ENDED = "Could not sign you out: Caravan could not end this session just now. You are still signed in; try again in a moment.";

export function SignOutButton() {
  // Saving open work first can take seconds: the button says so, and a second click starts nothing twice.
  const [pending, setPending] = useState(false);
  const signOut = async () => {
    // An answer or draft typed a moment ago is saved while the session still takes it.
    if (!(await saveOpenWork()) && !window.confirm("Some of your work on this page could not be saved just now. Sign out anyway and lose it?")) return;
    const ended = await callApi("POST", "/api/account/sign-out", {}, NOT_ENDED);
    // 401: the session had already ended; clearing the cookie is all that is left to do.
    if (!ended.ok && ended.status !== 401) {
      window.alert(NOT_ENDED);
      return;
    }
    try {
      const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
      await fetch("/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }) });
    } catch {
      // The session has ended on the server, so its cookie no longer works even if clearing it failed.
    }
    window.location.assign("/");
  };
  return (
    <button
      type="button"
      className="text-stone-700 underline-offset-2 hover:text-stone-950 hover:underline disabled:opacity-60"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await signOut();
        } finally {
          setPending(false);
        }
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
