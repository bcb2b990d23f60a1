// The address the sign-in throttle counts per IP. X-Forwarded-For is a list that each proxy appends to,
// so only the entries added by our own proxies can be trusted: the one `trustedHops` from the right is the
// address our outermost proxy saw. Next sets the header from the socket when a request arrives without one.
export function clientAddress(headers: Record<string, unknown> | undefined, trustedHops: number): string {
  const forwarded = headers?.["x-forwarded-for"];
  const chain = typeof forwarded === "string" ? forwarded.split(",").map((entry) => entry.trim()).filter(Boolean) : [];
  if (chain.length > 0) return chain[Math.max(0, chain.length - Math.max(1, trustedHops))];
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real.trim() ? real.trim() : "unknown";
}

