"use client";
// A form that sends JSON to the API: one request at a time, the field errors and the message of a refusal kept
// for the form to show; on success `onOk` runs with the reply (the text it returns is shown as done). A form that
// goes to another page on success (`leaves`) stays pending until it has gone, so a second click makes nothing twice.
import { useState } from "react";
import { callApi, type ApiResult } from "@/lib/api-client";

export function useApiForm() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const send = async <T,>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body: unknown, onOk: (data: T) => string | null | void, options: { leaves?: boolean } = {}) => {
    if (pending) return;
    setPending(true);
    const result: ApiResult<T> = await callApi<T>(method, url, body);
    if (!(result.ok && options.leaves)) setPending(false);
    if (result.ok) {
      setErrors({});
      const done = onOk(result.data);
      setMessage(done ? { text: done, ok: true } : null);
    } else {
      setErrors(result.fieldErrors ?? {});
      setMessage({ text: result.message, ok: false });
    }
  };
  // A refusal found in the browser before sending (an unreadable time), shown as the server's would be.
  const refuse = (fieldErrors: Record<string, string[]>, text: string) => {
    setErrors(fieldErrors);
    setMessage({ text, ok: false });
  };
  return { errors, message, pending, send, refuse };
}
