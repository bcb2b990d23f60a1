import { describe, expect, it } from "vitest";
import { wantsDemoAccounts } from "../../scripts/lib/demo-accounts.ts";

describe("wantsDemoAccounts", () => {
  it("creates the published demo accounts for a trial on the embedded database only, unless told otherwise", () => {
    expect(wantsDemoAccounts({ embeddedDatabase: true, secretGiven: false, setting: undefined })).toBe(true);
    // A secret set, as the README asks of a deployment: no account with a published password.
    expect(wantsDemoAccounts({ embeddedDatabase: true, secretGiven: true, setting: undefined })).toBe(false);
    expect(wantsDemoAccounts({ embeddedDatabase: false, secretGiven: false, setting: undefined })).toBe(false);
    expect(wantsDemoAccounts({ embeddedDatabase: true, secretGiven: false, setting: "0" })).toBe(false);
    expect(wantsDemoAccounts({ embeddedDatabase: false, secretGiven: true, setting: "1" })).toBe(true);
  });
});
