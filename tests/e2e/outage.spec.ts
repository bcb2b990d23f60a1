// If PostgreSQL goes away, pages answer 503 with a friendly page, and the app recovers by itself when the
// database returns. This spec runs its own database and app server so it can stop them freely.
import { startDatabase, freePort } from "../../scripts/lib/database.ts";
import { prepareDatabase } from "../../scripts/lib/prepare.ts";
import { startAppServer } from "../../scripts/lib/app-server.ts";
import { test, expect } from "./support";

test("database outage: 503 with a clear page, then recovery without restarting the app", async ({ page }) => {
  test.skip(Boolean(process.env.DATABASE_URL), "needs the embedded database, which this test stops and restarts");
  test.setTimeout(120_000);
  const port = await freePort();
  let database = await startDatabase({ dataDirName: "outage-postgres", quiet: true, port });
  const databaseUrl = await database.createDatabase("caravan_outage", { recreate: true });
  await prepareDatabase(databaseUrl, { demoAccounts: false, log: () => {} });
  const app = await startAppServer({ databaseUrl, quiet: true });
  try {
    expect((await page.goto(`${app.url}/`))?.status()).toBe(200);

    await database.stop();
    let down = await page.goto(`${app.url}/`);
    for (let i = 0; i < 10 && down?.status() !== 503; i++) {
      await page.waitForTimeout(500);
      down = await page.goto(`${app.url}/`);
    }
    expect(down?.status()).toBe(503);
    await expect(page.getByRole("heading", { name: "Caravan is temporarily unavailable" })).toBeVisible();
    expect(await page.content()).not.toMatch(/at .*\.js:\d+|ECONNREFUSED|Error:/);
    const api = await page.request.get(`${app.url}/api/health`);
    expect(api.status()).toBe(503);

    database = await startDatabase({ dataDirName: "outage-postgres", quiet: true, port });
    await expect.poll(async () => (await page.request.get(`${app.url}/`)).status(), { timeout: 30_000 }).toBe(200);
    await page.goto(`${app.url}/`);
    await expect(page.getByRole("heading", { name: "Courses" })).toBeVisible();
  } finally {
    await app.stop();
    await database.stop();
  }
});
