import type { Page } from "@playwright/test";

/**
 * Counts the writes (any method but GET and HEAD) the page sends from now on: how a test shows that declining a
 * confirmation sent nothing, rather than reading the database before a request sent anyway has landed.
 */
export function countWrites(page: Page): () => number {
  let writes = 0;
  page.on("request", (request) => {
    if (!["GET", "HEAD"].includes(request.method())) writes += 1;
  });
  return () => writes;
}

/** What a declined confirmation leaves: no write sent in the moment after it (a form ignoring the answer sends at once). */
export async function expectNoWriteSent(page: Page, writesSent: () => number) {
  await page.waitForTimeout(500);
  if (writesSent() !== 0) throw new Error(`Expected no write after the confirmation was declined; ${writesSent()} were sent.`);
}
