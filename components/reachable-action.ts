"use client";
// The one way a form runs a server action (decision 33). On the server the form is given the server action itself, so
// React renders it as a plain POST that works before the page's JavaScript has loaded, and without it; the page is
// then drawn afresh from the action's result. In the browser the same action is wrapped: its request can fail on the
// way (offline, the server restarting, a page older than a new deploy). Thrown, that would replace the page with the
// error page and lose what was typed; answered, the form shows it.
import { useActionState, useSyncExternalStore } from "react";
import type { ActionResult } from "@/lib/server/action";

const NOT_SENT = "Caravan could not be reached, so this was not sent. Check your connection and try again.";

type FormAction<R> = (previous: R | null, formData: FormData) => Promise<R>;

const wrapped = new WeakMap<object, unknown>();

function reachable<R extends ActionResult<unknown>>(action: FormAction<R>): FormAction<R> {
  let safe = wrapped.get(action) as FormAction<R> | undefined;
  if (!safe) {
    safe = async (previous, formData) => {
      try {
        return await action(previous, formData);
      } catch {
        return { ok: false, code: "NETWORK", message: NOT_SENT } as R;
      }
    };
    wrapped.set(action, safe);
  }
  return safe;
}

/**
 * `useActionState` for a form posting `action`, a server action: posted as a plain form on the server's render, so a
 * postback's result comes back as the state; caught in the browser, so a request that does not get through is a result.
 */
export function useFormAction<R extends ActionResult<unknown>>(action: FormAction<R>, permalink?: string) {
  return useActionState(typeof window === "undefined" ? action : reachable(action), null, permalink);
}

const noSubscription = () => () => {};

/** Whether this page's script runs: false on the server and while hydrating, true once the page is awake. */
export function useScriptRuns() {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
