"use client";
// Controlled fields for a form that runs a server action: React resets a form after its action runs, and a
// refused submission must keep what was typed. Also the first error the action reported for each field.
import { useState, type ChangeEvent } from "react";

type Result = { ok: true } | { ok: false; fieldErrors?: Record<string, string[]> } | null;

export function useFormFields<T extends Record<string, string>>(initial: T, state: Result) {
  const [values, setValues] = useState(initial);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return {
    values,
    field: (name: string): string | undefined => errors[name]?.[0],
    bind: (name: keyof T & string) => ({ name, value: values[name], onChange: (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: e.target.value })) }),
    reset: () => setValues(initial),
    set: (next: T) => setValues(next),
  };
}
