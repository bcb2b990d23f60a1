// Property-based fuzzing of sign-up (what the sign-up server action runs, given the request's address): whatever a
// form sends, it answers with a result (never throws), and only a valid, new account is written.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { signUpStudent } from "@/lib/server/sign-up";
import { testDb } from "../support/fixtures";

const db = testDb();
// Each call from its own address: the per-address sign-up cap is tested on its own.
const signUpAction = (_previous: unknown, form: unknown) => signUpStudent(db, form, `fuzz-${randomUUID()}`);

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("", " ", "a@b", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "😀".repeat(40), "x".repeat(5000)),
  fc.emailAddress(),
);
const field = fc.option(hostileString, { nil: undefined });
// A valid form now and then, so the accepting branch is exercised too.
const validForm = fc.record({ email: fc.uuid().map((id) => `fuzz-${id}@caravan.test`), name: fc.constantFrom("Ada", "Kenji Sato"), password: fc.constantFrom("correct horse battery", "long-enough-passphrase") });
const extraFields = fc.dictionary(fc.string({ maxLength: 12 }), hostileString, { maxKeys: 2 });

describe("sign-up action under random input", () => {
  it("never throws, refuses bad forms with a message, and writes one student only for a valid new account", async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(field, field, field, extraFields), validForm.map((v) => [v.email, v.name, v.password, {}] as const)), async ([email, name, password, extra]) => {
        const form = new FormData();
        if (email !== undefined) form.set("email", email);
        if (name !== undefined) form.set("name", name);
        if (password !== undefined) form.set("password", password);
        for (const [key, value] of Object.entries(extra)) if (!["email", "name", "password"].includes(key)) form.append(key, value);
        const before = await db.user.count();
        const result = await signUpAction(null, form);
        const after = await db.user.count();
        outcomes[result.ok ? "accepted" : "refused"]++;
        if (result.ok) {
          expect(after).toBe(before + 1);
          expect(await db.user.findUniqueOrThrow({ where: { email: result.data.email } })).toMatchObject({ role: "STUDENT" });
        } else {
          expect(after).toBe(before);
          expect(result.message.length).toBeGreaterThan(0);
          expect(result.code).not.toBe("INTERNAL");
        }
      }),
      { numRuns: 150, seed: 20261201 },
    );
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it("a name or email the database cannot store (a NUL) is refused on its field, with nothing written", async () => {
    // (FormData itself turns half a surrogate pair into U+FFFD.)
    for (const [field, value] of [["name", "Ada\u0000"], ["email", "ada\u0000@caravan.test"]] as const) {
      const form = new FormData();
      form.set("email", `nul-${crypto.randomUUID()}@caravan.test`);
      form.set("name", "Ada");
      form.set("password", "correct horse battery");
      form.set(field, value);
      const before = await db.user.count();
      const result = await signUpAction(null, form);
      expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { [field]: [expect.stringMatching(/cannot be saved/)] } });
      expect(await db.user.count()).toBe(before);
    }
  });

  it("a forged call whose argument is not a form at all (any value the action protocol can carry) is refused, not a 500", async () => {
    const { resetPasswordAction } = await import("@/app/actions/account");
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (forged) => {
        const before = await db.user.count();
        for (const action of [signUpAction, resetPasswordAction]) {
          const result = await action(null, forged as unknown as FormData);
          expect(result).toMatchObject({ ok: false, code: "INVALID" });
        }
        expect(await db.user.count()).toBe(before);
      }),
      { numRuns: 50, seed: 20261202 },
    );
  });
});
