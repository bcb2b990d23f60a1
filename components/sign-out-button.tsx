"use client";
// Signs out through next-auth's own endpoint without loading its client library on every page. The session is ended
// on the server first: if that cannot be done now, the browser stays signed in and says so, rather than clearing the
// cookie while a copy of it would keep working.
import { callApi } from "@/lib/api-client";
import { saveOpenWork } from "./use-leave-guard";

const NOT_ENDED = "Could not sign you out: Caravan could not end this session just now. You are still signed in; try again in a moment.";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="text-stone-700 underline-offset-2 hover:text-stone-950 hover:underline"
      onClick={async () => {
        // An answer or draft typed a moment ago is saved while the session still takes it.
        if (!(await saveOpenWork()) && !window.confirm("Some of your work on this page could not be saved just now. Sign out anyway and lose it?")) return;
        const ended = await callApi("POST", "/api/account/sign-out", {}, NOT_ENDED);
        // 401: the session had already ended; clearing the cookie is all that is left to do.
        if (!ended.ok && ended.status !== 401) {
          window.alert(NOT_ENDED);
          return;
        }
        const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
        await fetch("/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }) });
        window.location.assign("/");
      }}
    >
      Sign out
    </button>
  );
}
