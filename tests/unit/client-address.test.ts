import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/server/client-address";

describe("the address the sign-in throttle counts", () => {
  it("is the entry our proxy appended, not one the client wrote before it", () => {
    // nginx with $proxy_add_x_forwarded_for appends the socket address to whatever the client sent.
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, 1)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 198.51.100.2, 10.0.0.5" }, 2)).toBe("198.51.100.2");
  });

  it("is the only entry when a proxy overwrites the header or Next sets it from the socket", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, 1)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": " 203.0.113.9 " }, 3)).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, then to one shared bucket", () => {
    expect(clientAddress({ "x-forwarded-for": " , ", "x-real-ip": "192.0.2.1" }, 1)).toBe("192.0.2.1");
    expect(clientAddress({}, 1)).toBe("unknown");
    expect(clientAddress(undefined, 1)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": ["a", "b"] }, 1)).toBe("unknown");
  });
});
