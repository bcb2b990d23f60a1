import "server-only";
// The JSON API's one entry helper: parse params and body with zod, check the session, run the service,
// and map every failure to a status with a sentence. No handler can skip a step or answer with a 500 trace.
import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrorsOf, failure, unstorableTextRefusal } from "./action";
import { getSessionUser, type Role, type SessionUser } from "./auth";
import { httpStatus, type UserErrorCode } from "./errors";
import { nestsDeeperThan } from "../domain/json-nesting";

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
// No request of ours nests more than a few levels.
const MAX_JSON_NESTING = 32;

function json(status: number, body: unknown) {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

function errorResponse(code: string, message: string, fieldErrors?: Record<string, string[]>) {
  const status = code in httpStatus ? httpStatus[code as UserErrorCode] : 500;
  return json(status, { error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } });
}

/** The body as text, or null once it passes `maxBytes`: read no further (nothing caps a route handler's body). */
async function readAtMost(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body's text ("" for none), or null when it is larger than `maxBytes`. */
async function readBody(request: Request, maxBytes: number): Promise<string | null> {
  if (request.method === "GET" || request.method === "HEAD") return "";
  return readAtMost(request, maxBytes);
}

function parseJsonBody(request: Request, text: string | null): { ok: true; value: unknown } | { ok: false; message: string; status: number } {
  if (text === null) return { ok: false, status: 413, message: "The request is too large." };
  if (request.method === "GET" || request.method === "HEAD") return { ok: true, value: undefined };
  if (text.trim() === "") return { ok: true, value: {} };
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight.
  // The media type itself, not a substring: "text/plain; x=application/json" is a type a cross-site page may send.
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, message: "Send the request body as JSON (Content-Type: application/json)." };
  if (nestsDeeperThan(text, MAX_JSON_NESTING)) return { ok: false, status: 400, message: "The request body is nested too deeply." };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON." };
  }
}

// Cookies are SameSite=Lax and bodies must be JSON, so a cross-site form cannot reach us; a foreign
// Origin header is refused as well.
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const notFoundResponse = () => errorResponse("NOT_FOUND", "That item was not found, or you do not have access to it.");

/** A failure as a status with a sentence (a UserError's own, a database outage's 503, otherwise a calm 500). */
function refusalOf(error: unknown) {
  const result = failure(error);
  if (result.ok) throw new Error("unreachable");
  return errorResponse(result.code, result.message, result.fieldErrors);
}

/**
 * A GET that no session can make (a calendar app fetching a feed): its address is its credential. Params are parsed
 * and failures mapped as in `handleRoute`; the handler answers with its own response.
 */
export async function handleSessionlessGet<P extends z.ZodType>(options: { params: P; rawParams: unknown }, handler: (params: z.infer<P>) => Promise<Response>): Promise<Response> {
  try {
    const params = options.params.safeParse(options.rawParams);
    if (!params.success) return notFoundResponse();
    return await handler(params.data);
  } catch (error) {
    return refusalOf(error);
  }
}

export async function handleRoute<P extends z.ZodType, B extends z.ZodType, T>(
  request: Request,
  // unstorableTextMessage: what a route whose text comes from a file says when it holds a NUL (the importer: "a binary file").
  options: { params: P; rawParams: unknown; body?: B; role?: Role; status?: number; maxBodyBytes?: number; unstorableTextMessage?: string },
  // receivedAt: when the whole request had arrived, before any wait for the database (a quiz's clock judges by it).
  handler: (input: { params: z.infer<P>; body: z.infer<B>; receivedAt: Date }, user: SessionUser) => Promise<T>,
): Promise<NextResponse> {
  try {
    if (request.method !== "GET" && !sameOrigin(request)) return errorResponse("FORBIDDEN", "Cross-site requests are not allowed.");
    const params = options.params.safeParse(options.rawParams);
    if (!params.success) return notFoundResponse();
    // Read in full before the session is checked, which may wait for a connection; read only, not yet validated.
    const text = await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    const receivedAt = new Date();
    // Who is asking comes before what they sent: a caller without permission learns nothing from validation.
    const user = await getSessionUser();
    if (!user) return errorResponse("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
    if (options.role && user.role !== options.role) return errorResponse("FORBIDDEN", "Your account does not have permission to do that.");
    const raw = parseJsonBody(request, text);
    if (!raw.ok) return json(raw.status, { error: { code: "INVALID", message: raw.message } });
    const refused = unstorableTextRefusal(raw.value, options.unstorableTextMessage);
    if (refused) return errorResponse(refused.code, refused.message, refused.fieldErrors);
    let body: unknown = undefined;
    if (options.body) {
      const parsed = options.body.safeParse(raw.value);
      if (!parsed.success) return errorResponse("INVALID", "Some of the information is not valid.", fieldErrorsOf(parsed.error));
      body = parsed.data;
    }
    const result = await handler({ params: params.data, body: body as z.infer<B>, receivedAt }, user);
    // A handler may answer with its own response (e.g. a CSV download).
    if (result instanceof Response) return result as unknown as NextResponse;
    return json(options.status ?? 200, result);
  } catch (error) {
    return refusalOf(error);
  }
}
