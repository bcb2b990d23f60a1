// The order of "Dates in this lesson": by date, whatever order the front matter lists the events in.
import { describe, expect, it } from "vitest";
import { eventsInDateOrder } from "@/lib/content/events";

const dated = (...dates: string[]) => dates.map((date, i) => ({ date, label: `event ${i}` }));

describe("eventsInDateOrder", () => {
  it("puts events earliest first across years, months and days", () => {
    const order = eventsInDateOrder(dated("2020-08", "1997-07", "2004-08-28", "1993", "2004-08-27", "0999"));
    expect(order.map((e) => e.date)).toEqual(["0999", "1993", "1997-07", "2004-08-27", "2004-08-28", "2020-08"]);
  });

  it("puts a year before the months and days in it, and a month before its days", () => {
    const order = eventsInDateOrder(dated("2015-10-02", "2015-12", "2015-10", "2015", "2014-12-31", "2016"));
    expect(order.map((e) => e.date)).toEqual(["2014-12-31", "2015", "2015-10", "2015-10-02", "2015-12", "2016"]);
  });

  it("keeps events of the same date in the order written, and leaves the list given as it was", () => {
    const events = dated("2006", "2024-08", "2006", "2024-08", "2006");
    const order = eventsInDateOrder(events);
    expect(order.map((e) => e.label)).toEqual(["event 0", "event 2", "event 4", "event 1", "event 3"]);
    expect(events.map((e) => e.label)).toEqual(["event 0", "event 1", "event 2", "event 3", "event 4"]);
  });
});
