import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/server/auth";

const secret = "session-token-test-secret-0123456789";
const claims = { sub: "u1", uid: "u1", role: "STUDENT", email: "s@caravan.test", name: "S" };

describe("session token", () => {
  it("decodes what next-auth encodes, with the key derived once", async () => {
    const token = await encode({ secret, token: claims });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
  });

  it("refuses a token made with another secret, a tampered token and an expired one", async () => {
    const foreign = await encode({ secret: "another-secret-0123456789-abcdef", token: claims });
    await expect(decodeSessionToken({ token: foreign, secret })).rejects.toThrow();
    const token = await encode({ secret, token: claims });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
    const expired = await encode({ secret, token: claims, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
