// The time zones a learner chooses from on the account page: the runtime's IANA names by region, UTC first, with the
// name the learner's zone is stored under in place of the runtime's name for the same zone.
import { isTimeZone } from "./calendar";

/** A run of zones; `region` null for those listed before the regions (UTC). */
export type TimeZoneGroup = { region: string | null; zones: string[] };

const resolved = (zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;

/**
 * `supported`: the runtime's zone names (`Intl.supportedValuesOf("timeZone")`, which leaves out UTC). `stored`: the
 * user's zone as recorded, the browser's name for it, which may be another name for one the list holds (Asia/Kolkata
 * for Asia/Calcutta, as runtimes disagree on which is current): it replaces that one, so the zone is listed once, as
 * stored, and can be shown selected. A stored zone the list lacks altogether is added to its region.
 */
export function timeZoneChoices(supported: readonly string[], stored: string | null): TimeZoneGroup[] {
  let zones = [...new Set(["UTC", ...supported])];
  if (stored && isTimeZone(stored) && !zones.includes(stored)) {
    const same = resolved(stored);
    zones = zones.includes(same) ? zones.map((zone) => (zone === same ? stored : zone)) : [...zones, stored];
  }
  // UTC leads the list (as the name it is stored under, if that is another: Etc/UTC); names without a region (EST5EDT) close it.
  const [utc, ...rest] = zones;
  const byRegion = new Map<string, string[]>();
  for (const zone of rest) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    const listed = byRegion.get(region);
    if (listed) listed.push(zone);
    else byRegion.set(region, [zone]);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const regions = [...byRegion.keys()].sort((a, b) => (a === "Other" ? 1 : b === "Other" ? -1 : byName(a, b)));
  return [{ region: null, zones: [utc] }, ...regions.map((region) => ({ region, zones: byRegion.get(region)!.sort(byName) }))];
}
