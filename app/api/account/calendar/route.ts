import { z } from "zod";
import { handleRoute } from "@/lib/server/route";
import { newCalendarAddress, stopCalendarFeed } from "@/lib/server/calendar-service";

// Nothing to send: a body, if any, must be empty.
const noParams = { params: z.object({}), rawParams: {}, body: z.strictObject({}).optional() };

/** Gives the user's calendar feed a new secret address; the old one stops working. */
export async function POST(request: Request) {
  return handleRoute(request, noParams, (_input, user) => newCalendarAddress(user));
}

/** Turns the user's calendar feed off: its address stops working. */
export async function DELETE(request: Request) {
  return handleRoute(request, noParams, (_input, user) => stopCalendarFeed(user));
}
