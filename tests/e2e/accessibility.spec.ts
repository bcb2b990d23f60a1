// axe-core with the WCAG 2.2 AA rule tags on every page, signed out, as a student and as an instructor, in the
// light and the dark colour scheme; and a whole quiz attempt done with the keyboard alone.
import { addMembers, assign, createClass } from "./fixtures";
import { test, expect, createUser, login, signedInPage, expectNoAxeViolations as expectNoViolations } from "./support";

const C = "/courses/japan-central-asia/foundations";

// Light and dark (the system setting): colour contrast is checked in both.
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme });

    test(`signed-out pages have no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
      for (const path of ["/", "/signin", "/signup", "/courses/japan-central-asia", "/courses/no-such-course", `/reset-password/${"A".repeat(43)}`]) {
        await page.goto(path);
        await expectNoViolations(page, path);
      }
    });

    test(`student pages have no WCAG 2.2 AA violations (${colorScheme})`, async ({ page, sql, baseURL }) => {
      test.setTimeout(240_000); // 17 pages, each axe-checked: slow when the machine is busy
      const student = await createUser(sql);
      // In a class with an assignment, so the progress page shows the student's own grades.
      const teacher = await createUser(sql, "INSTRUCTOR");
      const cls = await createClass(sql, teacher, { name: "A11y grades", term: "T" });
      await addMembers(sql, cls.id, [student]);
      await assign(sql, cls.id, { quiz: "austin-pragmatic-diplomacy-quiz", opensAt: "-2 days", dueAt: "-1 day" });
      // An announcement not yet read: its "new" markers on the home, progress and class pages are checked too.
      await sql.query(`INSERT INTO "ClassAnnouncement" (id, "classId", "authorId", title, body, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Quiz 2 now due Friday', E'Read **lesson 3** first.\n\n- one\n- [the lesson](/courses/japan-central-asia)', now())`, [cls.id, teacher.id]);
      await login(page.context(), student, baseURL!);
      for (const path of ["/", "/courses/japan-central-asia", C, `${C}/lessons/dadabaev-silk-road`, `${C}/quizzes/dadabaev-silk-road-quiz`, `${C}/debates/normative-vs-material`, "/courses/japan-central-asia/glossary", "/courses/japan-central-asia/objectives", "/courses/japan-central-asia/notes", "/progress", `/classes/${cls.id}`, "/review", "/calendar", "/classes/join", "/search?course=japan-central-asia&q=Khujand", "/search?q=zzzzqqq", "/search?q=x"]) {
        await page.goto(path);
        await expectNoViolations(page, path);
      }
      await page.goto(`${C}/quizzes/dadabaev-silk-road-quiz`);
      await page.getByRole("button", { name: "Start the quiz" }).click();
      await expect(page).toHaveURL(/\/attempts\//);
      await expectNoViolations(page, "attempt in progress");
      page.on("dialog", (dialog) => dialog.accept());
      await page.getByRole("button", { name: "Submit answers" }).click();
      await expect(page.getByRole("heading", { name: /results/ })).toBeVisible();
      await expectNoViolations(page, "attempt results");
    });

    test(`a debate page with replies, and its class's review page, have no WCAG 2.2 AA violations (${colorScheme})`, async ({ browser, sql, baseURL }) => {
      test.setTimeout(120_000);
      const teacher = await createUser(sql, "INSTRUCTOR");
      const [student, classmate] = [await createUser(sql), await createUser(sql)];
      const cls = await createClass(sql, teacher, { name: "A11y replies", term: "T" });
      await addMembers(sql, cls.id, [student, classmate]);
      await assign(sql, cls.id, { debate: "normative-vs-material", opensAt: "-1 day", dueAt: "1 day" });
      const respond = async (userId: string) => (await sql.query(
        `INSERT INTO "DebateResponse" (id, "userId", "promptId", position, claim, evidence, rebuttal, status, "updatedAt", "submittedAt") VALUES (gen_random_uuid(), $1, 'normative-vs-material', 'material', 'Resources lead: the 2015 tour traded infrastructure for uranium and gas.', '[{"ref":"source:austin-2021","note":"Austin on the 2015 bargain."}]', 'Aid kept flowing after Andijan, which interest explains better.', 'SUBMITTED', now(), now()) RETURNING id`,
        [userId],
      )).rows[0].id as string;
      const [mine, theirs] = [await respond(student.id), await respond(classmate.id)];
      const reply = (responseId: string, authorId: string, text: string, removed = false) => sql.query(
        `INSERT INTO "DebateReply" (id, "responseId", "authorId", "requestId", text, "removedAt", "removedById") VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), $3, $4, $5)`,
        [responseId, authorId, text, removed ? new Date() : null, removed ? teacher.id : null],
      );
      await reply(mine, classmate.id, "Which source dates the gas deal?");
      await reply(mine, classmate.id, "An unkind remark.", true);
      await reply(theirs, student.id, "Austin does, to 2015.");
      const { page } = await signedInPage(browser, student, baseURL!, { colorScheme });
      // The home page lists the response with its new reply; the debate page marks it new.
      await page.goto("/");
      await expect(page.getByRole("region", { name: "New replies to your debate responses" })).toBeVisible();
      await expectNoViolations(page, "home page with new replies");
      await page.goto(`${C}/debates/normative-vs-material`);
      await expect(page.getByText("1 new", { exact: true })).toBeVisible();
      await page.getByRole("region", { name: `Replies to ${classmate.name}` }).locator("summary", { hasText: "Reply" }).click();
      await expectNoViolations(page, "debate page with replies");
      const { page: instructorPage } = await signedInPage(browser, teacher, baseURL!, { colorScheme });
      await instructorPage.goto(`/instructor/classes/${cls.id}/debates/normative-vs-material`);
      await expectNoViolations(instructorPage, "debate review page with replies");
      await page.context().close();
      await instructorPage.context().close();
    });

    test(`a lesson with notes (one being edited, one refused) and the course's notes page have no WCAG 2.2 AA violations (${colorScheme})`, async ({ browser, sql, baseURL }) => {
      const student = await createUser(sql);
      const note = (section: string | null, body: string) => sql.query(`INSERT INTO "LessonNote" (id, "userId", "lessonId", "requestId", section, body, "updatedAt") VALUES (gen_random_uuid(), $1, 'dadabaev-silk-road', gen_random_uuid(), $2, $3, now())`, [student.id, section, body]);
      await note(null, "Dadabaev dates the Silk Road diplomacy to 1997.");
      await note("distance-as-an-asset", "Distance is why Tokyo could speak of values.\nA second line.");
      const { page } = await signedInPage(browser, student, baseURL!, { colorScheme });
      await page.goto(`${C}/lessons/dadabaev-silk-road`);
      const notes = page.getByRole("region", { name: "Your notes" });
      await notes.getByText("Edit note").first().click();
      await notes.locator("#add-note").getByRole("button", { name: "Add note" }).click();
      await expect(notes.getByText("Write your note.")).toBeVisible();
      await expectNoViolations(page, "lesson with notes");
      await page.goto("/courses/japan-central-asia/notes");
      await expect(page.getByText("Distance is why Tokyo could speak of values.")).toBeVisible();
      await expectNoViolations(page, "course notes page");
      await page.context().close();
    });

    test(`instructor pages have no WCAG 2.2 AA violations (${colorScheme})`, async ({ page, sql, baseURL }) => {
      test.setTimeout(240_000); // a dozen pages and more, each axe-checked
      const teacher = await createUser(sql, "INSTRUCTOR");
      const student = await createUser(sql);
      await login(page.context(), teacher, baseURL!);
      await page.goto("/instructor");
      await expectNoViolations(page, "instructor home (empty)");
      const created = await page.request.post("/api/instructor/classes", { data: { name: "A11y class", term: "Spring 2027" } });
      const { id } = await created.json();
      await addMembers(sql, id, [student]);
      const assigned = await page.request.post(`/api/instructor/classes/${id}/assignments`, { data: { kind: "QUIZ", targetId: "dadabaev-silk-road-quiz", opensAt: new Date(Date.now() - 3600_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString() } });
      expect((await page.request.post(`/api/instructor/classes/${id}/announcements`, { data: { title: "Quiz 2 now due Friday", body: "Read **lesson 3** first." } })).status()).toBe(201);
      for (const path of ["/", "/instructor", `/instructor/classes/${id}`, `/instructor/classes/${id}/gradebook`, `/instructor/classes/${id}/gradebook/history`, `/instructor/classes/${id}/gradebook/message`, `/instructor/classes/${id}/objectives`, `/instructor/classes/${id}/activity`, `/instructor/classes/${id}/students/${student.id}`, "/instructor/quizzes/dadabaev-silk-road-quiz", "/instructor/quizzes/foundations-mastery"]) {
        await page.goto(path);
        await expectNoViolations(page, path);
      }
      // The grade history with an entry, the student record that lists it, and the students who scored below 90 % (the
      // score set by hand) and a hand-edited percent.
      const { id: assignmentId } = await assigned.json();
      expect((await page.request.post(`/api/instructor/classes/${id}/grade-adjustments`, { data: { assignmentId, studentId: student.id, excused: false, percent: 87.5, comment: "Paper copy" } })).status()).toBe(200);
      for (const path of [`/instructor/classes/${id}/gradebook/history`, `/instructor/classes/${id}/students/${student.id}`, `/instructor/classes/${id}/gradebook/message?item=${assignmentId}&who=below&percent=90`, `/instructor/classes/${id}/gradebook/message?item=${assignmentId}&who=below&percent=x`, `/instructor/classes/${id}/assignments/${assignmentId}/extensions`]) {
        await page.goto(path);
        await expectNoViolations(page, `${path} (with grade history)`);
      }
      // With a co-teacher: the owner's list of teachers, then the co-teacher's home, class list and class page.
      const coTeacher = await createUser(sql, "INSTRUCTOR");
      expect((await page.request.post(`/api/instructor/classes/${id}/co-teachers`, { data: { email: coTeacher.email } })).status()).toBe(201);
      await page.goto(`/instructor/classes/${id}`);
      await expectNoViolations(page, "class page with a co-teacher (owner)");
      await page.context().clearCookies();
      await login(page.context(), coTeacher, baseURL!);
      for (const path of ["/", "/instructor", `/instructor/classes/${id}`]) {
        await page.goto(path);
        await expectNoViolations(page, `${path} (co-teacher)`);
      }
    });
  });
}

test("a whole quiz attempt can be done with the keyboard alone, with visible focus and announced results", async ({ page, sql, baseURL }) => {
  test.setTimeout(120_000);
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto(`${C}/quizzes/dadabaev-silk-road-quiz`);
  const start = page.getByRole("button", { name: "Start the quiz" });
  for (let i = 0; i < 40 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(start).toBeFocused();
  const outline = await start.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/attempts\//);

  // Walk every control with Tab; choose with Space (radios, checkboxes, buttons) or type (text fields).
  const submit = page.getByRole("button", { name: "Submit answers" });
  page.on("dialog", (dialog) => dialog.accept());
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press("Tab");
    const active = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      // A visible focus indicator: an outline, or the ring (box-shadow) that text fields use instead.
      const visible = style.outlineStyle !== "none" || (style.boxShadow !== "none" && style.boxShadow !== "");
      return { tag: el.tagName, type: el.type, text: el.textContent?.trim() ?? "", visible };
    });
    if (!active) continue;
    if (active.text === "Submit answers") break;
    expect(active.visible, `visible focus on ${active.tag} ${active.type}`).toBe(true);
    if (active.tag === "INPUT" && (active.type === "radio" || active.type === "checkbox")) await page.keyboard.press("Space");
    else if (active.tag === "INPUT" && active.type === "text") await page.keyboard.type("1997");
    else if (active.tag === "SELECT") await page.keyboard.press("ArrowDown");
  }
  await expect(submit).toBeFocused();
  // Saving is announced by one status for the page, not by a live region at every question.
  await expect(page.getByRole("status").filter({ hasText: "All answers saved." })).toHaveCount(1);
  await expect(page.locator("li.card [aria-live]").filter({ hasText: /Sav(ed|ing)/ })).toHaveCount(0);
  await page.keyboard.press("Enter");
  const result = page.getByRole("status").filter({ hasText: "Your score" });
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute("aria-live", "polite");
  // The submit button is gone: focus moves to the result rather than to the top of the page.
  await expect(result).toBeFocused();
});

test("moving an item of an ordering question keeps keyboard focus on it and says where it went", async ({ page, sql, baseURL }) => {
  const student = await createUser(sql);
  await login(page.context(), student, baseURL!);
  await page.goto("/courses/japan-central-asia/summits/quizzes/usubaliev-dialogue-2020-quiz");
  await page.getByRole("button", { name: "Start the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const ordering = page.locator("fieldset", { has: page.getByRole("button", { name: /^Move “.*” down$/ }) }).first();
  const first = ordering.getByRole("listitem").first();
  const text = (await first.locator("span.flex-1").textContent())!;
  // Down with the keyboard: the item moves to second place and its "down" button keeps focus.
  await ordering.getByRole("button", { name: `Move “${text}” down` }).focus();
  await page.keyboard.press("Enter");
  await expect(ordering.getByRole("listitem").nth(1)).toContainText(text);
  await expect(ordering.getByRole("button", { name: `Move “${text}” down` })).toBeFocused();
  await expect(ordering.getByText(`“${text}” moved to position 2 of`)).toBeAttached();
  // Up again into first place, where "up" is disabled: focus goes to its "down" button.
  await page.keyboard.press("Shift+Tab");
  await expect(ordering.getByRole("button", { name: `Move “${text}” up` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ordering.getByRole("listitem").first()).toContainText(text);
  await expect(ordering.getByRole("button", { name: `Move “${text}” down` })).toBeFocused();
});
