import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isTimeZone } from "@/lib/domain/calendar";
import { CURRENT_ZONE_NAMES, optionFor, placeName, timeZoneChoices, timeZoneLabel, type TimeZoneGroup } from "@/lib/domain/time-zone-choices";

const zonesOf = (groups: TimeZoneGroup[]) => groups.flatMap((g) => g.zones.map(([zone]) => zone));
const labelsOf = (groups: TimeZoneGroup[]) => groups.flatMap((g) => g.zones.map(timeZoneLabel));
const labelOf = (groups: TimeZoneGroup[], zone: string) => timeZoneLabel(groups.flatMap((g) => g.zones).find(([listed]) => listed === zone)!);
const resolved = (zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
const january = new Date("2027-01-15T12:00:00Z");

describe("the time zones offered on the account page", () => {
  const supported = ["Europe/London", "America/New_York", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "Africa/Cairo", "Asia/Tashkent", "Europe/Berlin", "Indian/Maldives"];

  it("lists UTC first, then the regions in order, each zone once, by place, labelled with its place and offset", () => {
    expect(timeZoneChoices(supported, january)).toEqual([
      { region: null, zones: [["UTC", 0]] },
      { region: "Africa", zones: [["Africa/Cairo", 120]] },
      { region: "Americas", zones: [["America/Argentina/Buenos_Aires", -180], ["America/New_York", -300]] },
      { region: "Asia", zones: [["Asia/Tashkent", 300], ["Asia/Tokyo", 540]] },
      { region: "Europe", zones: [["Europe/Berlin", 60], ["Europe/London", 0]] },
      { region: "Indian Ocean", zones: [["Indian/Maldives", 300]] },
    ]);
    expect(labelsOf(timeZoneChoices(supported, january))).toEqual([
      "UTC", "Cairo (UTC+02:00)", "Buenos Aires, Argentina (UTC-03:00)", "New York (UTC-05:00)", "Tashkent (UTC+05:00)", "Tokyo (UTC+09:00)",
      "Berlin (UTC+01:00)", "London (UTC+00:00)", "Maldives (UTC+05:00)",
    ]);
    expect(timeZoneChoices([...supported, "UTC", "Asia/Tokyo"], january)).toEqual(timeZoneChoices(supported, january));
    expect(["Asia/Kathmandu", "Asia/Ho_Chi_Minh", "Antarctica/DumontDUrville", "America/North_Dakota/New_Salem", "EST5EDT"].map(placeName))
      .toEqual(["Kathmandu", "Ho Chi Minh", "Dumont d'Urville", "New Salem, North Dakota", "EST5EDT"]);
  });

  it("gives each zone its offset at that time, either side of a change of the clocks", () => {
    // Europe's clocks went forward at 01:00 UTC on 29 March 2026, New York's at 07:00 UTC on 8 March.
    const zones = ["Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];
    expect(labelsOf(timeZoneChoices(zones, new Date("2026-03-29T00:59:59Z"))).slice(1)).toEqual([
      "New York (UTC-04:00)", "Kolkata (UTC+05:30)", "Sydney (UTC+11:00)", "Berlin (UTC+01:00)", "London (UTC+00:00)",
    ]);
    expect(labelsOf(timeZoneChoices(zones, new Date("2026-03-29T01:00:00Z"))).slice(1)).toEqual([
      "New York (UTC-04:00)", "Kolkata (UTC+05:30)", "Sydney (UTC+11:00)", "Berlin (UTC+02:00)", "London (UTC+01:00)",
    ]);
    expect(labelOf(timeZoneChoices(zones, new Date("2026-03-08T06:59:00Z")), "America/New_York")).toBe("New York (UTC-05:00)");
    // Sydney's went back at 16:00 UTC on 4 April 2026.
    expect(labelOf(timeZoneChoices(zones, new Date("2026-04-04T16:00:00Z")), "Australia/Sydney")).toBe("Sydney (UTC+10:00)");
  });

  it("lists renamed zones under their current names, which this runtime and the time zone form accept", () => {
    const zones = zonesOf(timeZoneChoices(Object.keys(CURRENT_ZONE_NAMES), january));
    expect(zones.slice(1).sort()).toEqual(Object.values(CURRENT_ZONE_NAMES).sort());
    expect(labelsOf(timeZoneChoices(["Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "Asia/Rangoon", "Asia/Katmandu"], january)).slice(1))
      .toEqual(["Ho Chi Minh (UTC+07:00)", "Kathmandu (UTC+05:45)", "Kolkata (UTC+05:30)", "Yangon (UTC+06:30)", "Kyiv (UTC+02:00)"]);
    for (const [old, current] of Object.entries(CURRENT_ZONE_NAMES)) {
      expect(isTimeZone(current), current).toBe(true);
      // The same zone, whichever name this runtime resolves both to.
      expect(resolved(current), current).toBe(resolved(old));
    }
    // Each is the name tzdata's table of zones gives, where the system has it.
    let zoneTable = "";
    try {
      zoneTable = readFileSync("/usr/share/zoneinfo/zone.tab", "utf8");
    } catch {}
    if (zoneTable) for (const current of Object.values(CURRENT_ZONE_NAMES)) expect(zoneTable, current).toMatch(new RegExp(`\\t${current}(\\t|\\n)`));
  });

  it("shows a zone stored under its old name, its current one, or another of its names, as the option that stands for it", () => {
    const groups = timeZoneChoices(["Asia/Calcutta", "Europe/Kiev", "America/New_York", ...supported], january);
    expect(optionFor("Asia/Calcutta", groups)).toBe("Asia/Kolkata");
    expect(optionFor("Asia/Kolkata", groups)).toBe("Asia/Kolkata");
    expect(optionFor("Europe/Kiev", groups)).toBe("Europe/Kyiv");
    expect(optionFor("Asia/Tokyo", groups)).toBe("Asia/Tokyo");
    expect(optionFor("US/Eastern", groups)).toBe("America/New_York");
    expect(optionFor("Etc/UTC", groups)).toBe("UTC");
    // A zone the list lacks, or a name that is no zone: none.
    expect(optionFor("Pacific/Auckland", groups)).toBeNull();
    expect(optionFor("Mars/Olympus", groups)).toBeNull();
  });

  it("holds every zone this runtime knows, once, under its current name", () => {
    const all = Intl.supportedValuesOf("timeZone");
    const groups = timeZoneChoices(all, new Date());
    const zones = zonesOf(groups);
    expect(zones[0]).toBe("UTC");
    expect(new Set(zones).size).toBe(zones.length);
    expect(new Set(zones.slice(1))).toEqual(new Set(all.map((zone) => CURRENT_ZONE_NAMES[zone] ?? zone)));
    expect(zones).not.toContain("Asia/Calcutta");
    for (const zone of all) expect(optionFor(zone, groups), zone).not.toBeNull();
  });
});
