import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";

/** For load balancers and the start script: 200 when the app can reach PostgreSQL, 503 when it cannot. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return NextResponse.json({ status: "database unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
