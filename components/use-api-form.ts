"use client";
// A form that sends JSON to the API: one request at a time, the field errors and the message of a refusal kept
// for the form to show; on success `onOk` runs with the reply (the text it returns is shown as done). A form that
// goes to another page on success (`leaves`) stays pending until it has gone, so a second click makes nothing twice.
// Each error is shown once: `fieldsShown` names the fields the form shows their errors at, and a refusal's message
// is kept only when it adds to those (it names no field, or one the form does not show). Spread `formProps` on the
// form: a field's error goes once it is edited (or a field named with it in `editedTogether`, e.g. a name refused
// for the term it is paired with goes when the term changes), and a refusal moves focus to the first field in error.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { callApi, type ApiResult } from "@/lib/api-client";
import { UNREADABLE_NUMBER, unreadableNumberErrors } from "./unreadable-numbers";

type FieldErrors = Record<string, string[]>;

/** After a refusal, focus goes to the first field in error, so keyboard and screen-reader users land on it. */
export function focusFirstFieldInError(form: HTMLElement | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export function useApiForm(fieldsShown: readonly string[] = [], options: { editedTogether?: Record<string, readonly string[]> } = {}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirstFieldInError(form.current);
  }, [refusals]);

  const showRefusal = (fieldErrors: FieldErrors, text: string) => {
    setErrors(fieldErrors);
    const named = Object.entries(fieldErrors);
    const elsewhere = named.filter(([name]) => !fieldsShown.includes(name)).flatMap(([, messages]) => messages.slice(0, 1));
    const formLevel = named.length === 0 ? text : elsewhere.length > 0 ? elsewhere.join(" ") : null;
    setMessage(formLevel ? { text: formLevel, ok: false } : null);
    setRefusals((n) => n + 1);
  };
  const send = async <T,>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body: unknown, onOk: (data: T) => string | null | void, options: { leaves?: boolean } = {}) => {
    if (pending) return;
    const unreadable = method === "DELETE" ? null : unreadableNumberErrors(form.current);
    if (unreadable) return showRefusal(unreadable, UNREADABLE_NUMBER);
    setPending(true);
    // Emptied while the request is out, so the same refusal twice is announced twice (a live region reads changes).
    setMessage(null);
    const result: ApiResult<T> = await callApi<T>(method, url, body);
    if (!(result.ok && options.leaves)) setPending(false);
    if (result.ok) {
      setErrors({});
      const done = onOk(result.data);
      setMessage(done ? { text: done, ok: true } : null);
    } else {
      showRefusal(result.fieldErrors ?? {}, result.message);
    }
  };
  // A refusal found in the browser before sending (an unreadable time), shown as the server's would be.
  const refuse = (fieldErrors: FieldErrors, text: string) => showRefusal(fieldErrors, text);
  const forgetEditedField = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name !== "string" || !name) return;
    const forgotten = [name, ...(options.editedTogether?.[name] ?? [])];
    setErrors((current) => (forgotten.some((field) => field in current) ? Object.fromEntries(Object.entries(current).filter(([field]) => !forgotten.includes(field))) : current));
  };
  return { errors, message, pending, send, refuse, formProps: { ref: form, onChange: forgetEditedField } };
}
