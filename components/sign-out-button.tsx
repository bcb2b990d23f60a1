"use client";
// Signs out through next-auth's own endpoint without loading its client library on every page.
export function SignOutButton() {
  return (
    <button
      type="button"
      className="text-stone-700 underline-offset-2 hover:text-stone-950 hover:underline"
      onClick={async () => {
        const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
        await fetch("/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }) });
        window.location.assign("/");
      }}
    >
      Sign out
    </button>
  );
}
