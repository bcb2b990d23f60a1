import { test, expect, createUser, login, count } from "./support";

const debatePath = "/courses/japan-central-asia/foundations/debates/normative-vs-material";

test("a student drafts a debate response, comes back to it, submits, then reads classmates' responses", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(debatePath);
  await expect(page.getByRole("heading", { name: "How responses are assessed" })).toBeVisible();
  await expect(page.getByText("Submit your own response to read your classmates’.")).toBeVisible();

  await page.locator('input[name="position"]').first().check();
  await page.getByLabel("Your claim").fill("Japan's policy is driven first by resources, with the Silk Road story as packaging.");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your claim")).toHaveValue(/driven first by resources/);
  await expect(page.locator('input[name="position"]').first()).toBeChecked();

  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByText("Cite at least one piece of evidence from a lesson or source.")).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED'`, [student.id])).toBe(0);

  await page.getByLabel("Source or lesson 1").selectOption({ index: 1 });
  await page.getByLabel("What it shows").fill("The author ties aid to access to uranium and gas.");
  await page.getByLabel("The strongest counter-argument, and your answer to it").fill("Some say the narrative shapes choices; but budgets follow resource deals, not slogans.");
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByText("Submitted. Your response can no longer be edited.")).toBeVisible();
  await expect(page.getByText(/No classmate has submitted a response yet|Counter-argument answered/).first()).toBeVisible();
  expect(await count(sql, `SELECT count(*) FROM "DebateResponse" WHERE "userId" = $1 AND status = 'SUBMITTED'`, [student.id])).toBe(1);
});
