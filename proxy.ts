// When PostgreSQL cannot be reached, page requests get a calm 503 page instead of an error trace, and the
// app recovers by itself: the check is repeated (at most once a second) until the database answers again.
import { NextResponse, type NextRequest } from "next/server";
import pg from "pg";

const HEALTHY_RECHECK_MS = 2_000;
const UNHEALTHY_RECHECK_MS = 1_000;

const state = globalThis as unknown as { caravanHealth?: { ok: boolean; checkedAt: number; pending?: Promise<boolean>; pool?: pg.Pool } };
state.caravanHealth ??= { ok: true, checkedAt: 0 };

async function databaseIsUp(): Promise<boolean> {
  const health = state.caravanHealth!;
  const age = Date.now() - health.checkedAt;
  if (age < (health.ok ? HEALTHY_RECHECK_MS : UNHEALTHY_RECHECK_MS)) return health.ok;
  health.pending ??= (async () => {
    // One listener for the pool's life (an idle connection the server drops must not crash the process), added when
    // the pool is made: added on every check, they piled up, one more every two seconds of traffic.
    health.pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 1_500, idleTimeoutMillis: 10_000 }).on("error", () => {});
    try {
      await health.pool.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  })().then((ok) => {
    health.ok = ok;
    health.checkedAt = Date.now();
    health.pending = undefined;
    return ok;
  });
  return health.pending;
}

/** A page of its own, without the app's layout: these are answered before the app renders anything. */
const plainPage = (title: string, heading: string, text: string, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${head}<title>${title} · Caravan</title>
<style>body{font-family:system-ui,sans-serif;background:#fbf8f3;color:#1c1917;display:grid;place-items:center;min-height:100vh;margin:0}main{max-width:32rem;padding:2rem;text-align:center}h1{font-family:Georgia,serif;font-size:1.8rem}p{line-height:1.6;color:#44403c}a{color:#175955}</style></head>
<body><main><h1>${heading}</h1><p>${text}</p></main></body></html>`;

const unavailablePage = plainPage("Temporarily unavailable", "Caravan is temporarily unavailable", "We cannot reach the database right now. Your submitted work is safe. This page will try again by itself in a few seconds.", `<meta http-equiv="refresh" content="10">`);
const badAddressPage = plainPage("Bad address", "That address is not valid", `It has a broken %-escape, so it names no page. <a href="/">Go to the home page</a>.`);

/** Whether the path's %-escapes decode: Next.js answers a 500 for one that does not, before any page could say so. */
function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// What React writes in place of a value that JSON cannot hold, inline: an escaped "$", undefined, -0, NaN, the
// infinities, a bigint, a date, and the FormData (its fields are plain form fields). Any other "$" string refers to a
// part of the request that the arguments of our actions (the state before, the form's FormData) never have.
const INLINE_REPLY_VALUE = /^\$(\$|undefined$|-0$|N$|I$|-I$|n-?\d+$|D|K[0-9a-f]+$)/;

/** Whether `value` (a part of a server action's arguments, parsed) holds only inline values. */
function onlyInlineValues(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !value.startsWith("$") || INLINE_REPLY_VALUE.test(value);
  if (value === null || typeof value !== "object") return true;
  return depth < 32 && Object.values(value).every((item) => onlyInlineValues(item, depth + 1));
}

// A field name Next.js's own multipart parser refuses as a malformed part header (a control character, a raw double
// quote), answering a 500: browsers escape them, so only a forged request has one.
const UNPARSABLE_FIELD_NAME = /[\u0000-\u0008\u000a-\u001f\u007f"]/;

/**
 * Whether a server action's request carries arguments React could have sent. Every action of ours takes the state
 * before and its form's FormData, so React sends them as multipart form data whose part "0" is JSON with only inline
 * values; Next.js answers a body it cannot decode (a forged or cut-off one) with a 500, before the action could
 * refuse it.
 */
async function readableActionBody(request: NextRequest): Promise<boolean> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "multipart/form-data") return false;
  try {
    const form = await request.clone().formData();
    if ([...form.keys()].some((name) => UNPARSABLE_FIELD_NAME.test(name))) return false;
    const root = form.get("0");
    return typeof root === "string" && onlyInlineValues(JSON.parse(root));
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  if (!decodes(request.nextUrl.pathname)) {
    const api = request.nextUrl.pathname.startsWith("/api/");
    return new NextResponse(api ? JSON.stringify({ error: { code: "INVALID", message: "That address has a broken %-escape, so it names nothing here." } }) : badAddressPage, {
      status: 400,
      headers: { "content-type": api ? "application/json" : "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  if (request.method === "POST" && request.headers.has("next-action") && !(await readableActionBody(request))) {
    return new NextResponse("This request could not be read. Reload the page and send the form again.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  // Server actions report the outage in their own responses (API routes are outside the matcher); pages get the friendly page.
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  if (await databaseIsUp()) return NextResponse.next();
  return new NextResponse(unavailablePage, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": "10", "cache-control": "no-store" },
  });
}

export const config = {
  // API routes only when their path has a %-escape (ids and slugs have none), to check it decodes: every other API
  // request skips this.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)", "/api/(.*%.*)"],
};
