import { describe, expect, it } from "vitest";
import { parseEmailList } from "@/lib/domain/email-list";

describe("a pasted list of email addresses", () => {
  it("reads one per line or separated by commas, semicolons or spaces, each once in lower case", () => {
    expect(parseEmailList("a@uni.edu\nB@Uni.edu, c@uni.edu; d@uni.edu  a@UNI.edu\n\n")).toEqual({ emails: ["a@uni.edu", "b@uni.edu", "c@uni.edu", "d@uni.edu"], unreadable: [] });
  });
  it("takes the address out of 'Name <address>' as a mail program copies it", () => {
    expect(parseEmailList('Aigerim Bekova <aigerim@uni.edu>, "Sato, Ken" <ken.sato@uni.edu>')).toEqual({ emails: ["aigerim@uni.edu", "ken.sato@uni.edu"], unreadable: [] });
  });
  it("returns what is not an address, to say so", () => {
    expect(parseEmailList("ok@uni.edu, not-an-address, @uni.edu, x@y")).toEqual({ emails: ["ok@uni.edu"], unreadable: ["not-an-address", "@uni.edu", "x@y"] });
  });
});
