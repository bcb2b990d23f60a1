"use client";
// Controlled fields for a form that runs a server action: React resets a form after its action runs, and a
// refused submission must keep what was typed. Also the first error the action reported for each field, until
// the field is edited: the error was about what the field held then.
import { useState, type ChangeEvent } from "react";

type Result = { ok: true } | { ok: false; fieldErrors?: Record<string, string[]>; values?: Record<string, string> } | null;

/** `initial`, with what a refused form sent back (drawn afresh without JavaScript, decision 33) in the fields it names. */
function startingValues<T extends Record<string, string>>(initial: T, state: Result): T {
  const typed = state && !state.ok ? state.values : undefined;
  if (!typed) return initial;
  return Object.fromEntries(Object.entries(initial).map(([name, value]) => [name, typed[name] ?? value])) as T;
}

export function useFormFields<T extends Record<string, string>>(initial: T, state: Result) {
  const [values, setValues] = useState(() => startingValues(initial, state));
  // The fields edited since the action answered `state`; a new answer starts the list again.
  const [edited, setEdited] = useState<{ since: Result; names: string[] }>({ since: state, names: [] });
  const editedNames = edited.since === state ? edited.names : [];
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  /** A field's new value, as typed or chosen: its error goes. */
  const change = (name: keyof T & string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setEdited((current) => ({ since: state, names: [...(current.since === state ? current.names : []), name] }));
  };
  return {
    values,
    field: (name: string): string | undefined => (editedNames.includes(name) ? undefined : errors[name]?.[0]),
    change,
    bind: (name: keyof T & string) => ({
      name,
      value: values[name],
      onChange: (e: ChangeEvent<HTMLInputElement>) => change(name, e.target.value),
    }),
    reset: () => setValues(initial),
    set: (next: T) => setValues(next),
  };
}
