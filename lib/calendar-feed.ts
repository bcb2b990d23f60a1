// What the account page's calendar feed buttons say once done: the same words from the server action (without the
// page's script) and from the page (with it).
export type CalendarFeedChange = "on" | "renew" | "off";

export const CALENDAR_FEED_DONE: Record<CalendarFeedChange, string> = {
  on: "Your calendar feed is on.",
  renew: "A new address is ready; the old one no longer works.",
  off: "The calendar feed is off.",
};
