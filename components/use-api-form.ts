"use client";
// A form that sends JSON to the API: one request at a time, the field errors and the message of a refusal kept
// for the form to show; on success `onOk` runs with the reply.
import { useState } from "react";
import { callApi, type ApiResult } from "@/lib/api-client";

export function useApiForm() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const send = async <T,>(method: "POST" | "PUT" | "PATCH", url: string, body: unknown, onOk: (data: T) => string | null | void) => {
    if (pending) return;
    setPending(true);
    const result: ApiResult<T> = await callApi<T>(method, url, body);
    setPending(false);
    if (result.ok) {
      setErrors({});
      const done = onOk(result.data);
      setMessage(done ? { text: done, ok: true } : null);
    } else {
      setErrors(result.fieldErrors ?? {});
      setMessage({ text: result.message, ok: false });
    }
  };
  return { errors, message, pending, send };
}
