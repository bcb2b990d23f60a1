"use client";
// A list whose items each have a Remove (or Delete) form posting one server action without the script (decision 33).
// The page is then drawn afresh without the item, so the answer cannot be said at its button: the list holds it,
// says the removal above itself, and a refusal at the item's button while the item is listed, above the list if not.
import { createContext, useContext, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action";
import { useFormAction } from "./reachable-action";

type Removals = { formAction: (formData: FormData) => void; refusedFor: (id: string) => string | null };

/**
 * For the server action `action`, whose form names its item by the field `idField`: the list (`Removals`, given the
 * ids it shows) and, for each item's form, `useRemovals()` (null outside such a list). `done` is said on success.
 */
export function postbackRemovals<R extends ActionResult<unknown> & { values?: Partial<Record<string, string>> }>(
  action: (previous: R | null, formData: FormData) => Promise<R>,
  idField: string,
  done: (result: Extract<R, { ok: true }>) => string,
) {
  const RemovalsContext = createContext<Removals | null>(null);
  function Removals({ listed, children }: { listed: string[]; children: ReactNode }) {
    const [result, formAction] = useFormAction<R>(action);
    const refusedId = result && !result.ok ? (result.values?.[idField] ?? "") : null;
    const refusedHere = refusedId !== null && listed.includes(refusedId);
    const said = result?.ok ? done(result as Extract<R, { ok: true }>) : result && !refusedHere ? result.message : null;
    const refusedFor = (id: string) => (refusedHere && refusedId === id && result && !result.ok ? result.message : null);
    return (
      <RemovalsContext value={{ formAction, refusedFor }}>
        {said && <p className={`mb-3 ${result?.ok ? "text-sm text-emerald-800" : "field-error"}`}>{said}</p>}
        {children}
      </RemovalsContext>
    );
  }
  return { Removals, useRemovals: () => useContext(RemovalsContext) };
}
