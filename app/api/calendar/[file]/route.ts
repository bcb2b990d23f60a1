import { z } from "zod";
import { handleSessionlessGet } from "@/lib/server/route";
import { env } from "@/lib/server/env";
import { calendarFeed, calendarFileSchema } from "@/lib/server/calendar-service";

const params = z.strictObject({ file: calendarFileSchema });

/** A user's calendar feed of due times (iCalendar), at the secret address from their account page. */
export async function GET(request: Request, context: { params: Promise<unknown> }) {
  return handleSessionlessGet({ params, rawParams: await context.params }, async ({ file }) => {
    const origin = env().NEXTAUTH_URL ?? new URL(request.url).origin;
    return new Response(await calendarFeed(file, origin), {
      headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store", "x-robots-tag": "noindex" },
    });
  });
}
