// Where sign-in sends the browser afterwards: only a path on this site. Checked the way a browser resolves it
// (the WHATWG URL parser treats "\" as "/" and drops tabs and newlines, so "/\evil.example" is another host).
const PLACEHOLDER_ORIGIN = "https://caravan.invalid";

/** The same-site path `value` leads to, or "/" for anything else (another host, a scheme, garbage). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  // Dot-segments are resolved above, so "/.//evil.example" has become the path "//evil.example": as a link, another host.
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}

/** The query that carries `returnTo` on to another sign-in page ("" for the home page, where it goes anyway). */
export function returnQuery(returnTo: string): string {
  return returnTo === "/" ? "" : `?${new URLSearchParams({ callbackUrl: returnTo })}`;
}
