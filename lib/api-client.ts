// The browser's side of the JSON API: one place that sends JSON and turns error bodies into sentences.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string; fieldErrors?: Record<string, string[]> };

const notSentOffline = "You appear to be offline, so this was not sent. Check your connection and try again.";

/** `offlineMessage` says what did not happen when the request never reached the server, for the action at hand. */
export async function callApi<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body: unknown = {}, offlineMessage = notSentOffline): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const payload = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: payload as T };
    const error = payload?.error ?? {};
    return {
      ok: false,
      status: response.status,
      code: error.code ?? "UNAVAILABLE",
      message: error.message ?? "Caravan is temporarily unavailable. Your saved work is safe; please try again in a moment.",
      fieldErrors: error.fieldErrors,
    };
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: offlineMessage };
  }
}
