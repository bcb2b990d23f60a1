import { describe, expect, it } from "vitest";
import { timeZoneChoices } from "@/lib/domain/time-zone-choices";

const zonesOf = (groups: ReturnType<typeof timeZoneChoices>) => groups.flatMap((g) => g.zones);

describe("the time zones offered on the account page", () => {
  const supported = ["Europe/London", "America/New_York", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "Africa/Cairo", "Asia/Tashkent", "Europe/Berlin"];

  it("lists UTC first, then the regions in order, each zone once, sorted", () => {
    expect(timeZoneChoices(supported, null)).toEqual([
      { region: null, zones: ["UTC"] },
      { region: "Africa", zones: ["Africa/Cairo"] },
      { region: "America", zones: ["America/Argentina/Buenos_Aires", "America/New_York"] },
      { region: "Asia", zones: ["Asia/Tashkent", "Asia/Tokyo"] },
      { region: "Europe", zones: ["Europe/Berlin", "Europe/London"] },
    ]);
    expect(zonesOf(timeZoneChoices([...supported, "UTC", "Asia/Tokyo"], "Asia/Tokyo"))).toEqual(zonesOf(timeZoneChoices(supported, null)));
  });

  it("lists the stored zone under the name it is stored by, in place of the runtime's name for the same zone", () => {
    // The runtime lists the zone under the name it resolves Asia/Kolkata to (Asia/Calcutta in Node 20); a browser
    // may have reported the other.
    const listed = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Kolkata" }).resolvedOptions().timeZone;
    const stored = listed === "Asia/Kolkata" ? "Asia/Calcutta" : "Asia/Kolkata";
    const zones = zonesOf(timeZoneChoices([...supported, listed], stored));
    expect(zones).toContain(stored);
    // Where the runtime resolves both names to one, the zone is listed once.
    const resolvesToOne = new Intl.DateTimeFormat("en-US", { timeZone: stored }).resolvedOptions().timeZone === listed;
    expect(zones.includes(listed)).toBe(!resolvesToOne);
    expect(zones.filter((zone) => zone.startsWith("Asia/Calcutta") || zone.startsWith("Asia/Kolkata"))).toHaveLength(resolvesToOne ? 1 : 2);
    // UTC under another of its names stays first, in its place.
    expect(timeZoneChoices(supported, "Etc/UTC")[0]).toEqual({ region: null, zones: ["Etc/UTC"] });
    expect(zonesOf(timeZoneChoices(supported, "Etc/UTC"))).not.toContain("UTC");
  });

  it("adds a stored zone the list lacks to its region, and ignores one that is not a zone", () => {
    const groups = timeZoneChoices(supported, "Pacific/Auckland");
    expect(groups.at(-1)).toEqual({ region: "Pacific", zones: ["Pacific/Auckland"] });
    expect(zonesOf(timeZoneChoices(supported, "Mars/Olympus"))).not.toContain("Mars/Olympus");
  });

  it("holds every zone this runtime knows", () => {
    const all = Intl.supportedValuesOf("timeZone");
    const zones = zonesOf(timeZoneChoices(all, null));
    expect(zones[0]).toBe("UTC");
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.slice(1).sort()).toEqual([...all].sort());
  });
});
