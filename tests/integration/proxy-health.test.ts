// The proxy's database check, run as page requests arrive: it keeps one pool, and the pool keeps one error listener.
import { afterEach, expect, test, vi } from "vitest";
import { NextRequest } from "next/server";
import type pg from "pg";
import { proxy } from "@/proxy";

const health = () => (globalThis as unknown as { caravanHealth?: { pool?: pg.Pool } }).caravanHealth;

afterEach(async () => {
  vi.restoreAllMocks();
  await health()?.pool?.end();
  delete (globalThis as { caravanHealth?: unknown }).caravanHealth;
});

test("checking the database again and again adds no listener to its pool (no leak, no MaxListenersExceededWarning)", async () => {
  let now = Date.now();
  vi.spyOn(Date, "now").mockImplementation(() => now);
  for (let i = 0; i < 15; i++) {
    const response = await proxy(new NextRequest("http://localhost/courses"));
    expect(response.status).toBe(200);
    // Past the two seconds a healthy answer is trusted for, so the next request checks again.
    now += 3_000;
  }
  expect(health()?.pool?.listenerCount("error")).toBe(1);
});
