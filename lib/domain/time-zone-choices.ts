// The time zones a person chooses from on the account page: every zone the runtime knows, under its current IANA
// name, labelled with its place and its UTC offset, by region, UTC first.

/**
 * IANA's current names for the zones that CLDR, and so runtimes built on ICU (Node 20's among them), still list and
 * resolve under an older one. Both names are zones to Intl; the list offers the current one (tzdata's zone.tab).
 */
export const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

export const currentZoneName = (zone: string): string => CURRENT_ZONE_NAMES[zone] ?? zone;

/** An option of the list: the zone's name, which the form posts, and its offset from UTC in minutes when drawn. */
export type TimeZoneOption = [zone: string, offsetMinutes: number];
/** The options of one region, by place; `region` null for UTC, which comes first. */
export type TimeZoneGroup = { region: string | null; zones: TimeZoneOption[] };

const REGION_NAMES: Readonly<Record<string, string>> = { America: "Americas", Atlantic: "Atlantic Ocean", Indian: "Indian Ocean", Pacific: "Pacific Ocean" };
const PLACE_NAMES: Readonly<Record<string, string>> = { DumontDUrville: "Dumont d'Urville" };
const OTHER_REGION = "Other";

/** The place a zone is named for, readably: "Ho Chi Minh", "Buenos Aires, Argentina", "Knox, Indiana". */
export function placeName(zone: string): string {
  const [, ...places] = zone.split("/");
  if (places.length === 0) return zone;
  return places.map((place) => PLACE_NAMES[place] ?? place.replaceAll("_", " ")).reverse().join(", ");
}

/** "UTC+05:30", "UTC-03:00", "UTC+00:00". */
export function utcOffsetLabel(offsetMinutes: number): string {
  const size = Math.abs(offsetMinutes);
  return `UTC${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(size / 60)).padStart(2, "0")}:${String(size % 60).padStart(2, "0")}`;
}

/** What the option reads: "Kolkata (UTC+05:30)"; UTC itself, "UTC". */
export function timeZoneLabel([zone, offsetMinutes]: TimeZoneOption): string {
  return zone === "UTC" ? "UTC" : `${placeName(zone)} (${utcOffsetLabel(offsetMinutes)})`;
}

// Making a formatter for each of some 420 zones takes tens of milliseconds, and keeping them about 20 MB, so each
// zone's offset is worked out once a quarter hour, for the quarter hour's start: clocks change on a quarter hour of UTC.
const QUARTER_HOUR_MS = 15 * 60_000;
let offsetsDrawn = { at: Number.NaN, byZone: new Map<string, number>() };

function offsetMinutesAt(zone: string, at: Date): number {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  if (offsetsDrawn.at !== quarter) offsetsDrawn = { at: quarter, byZone: new Map() };
  let minutes = offsetsDrawn.byZone.get(zone);
  if (minutes === undefined) {
    // "GMT+05:30", or "GMT" at UTC itself.
    const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(quarter).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
    const [, sign, hours, mins] = /^GMT([+-])(\d\d):(\d\d)$/.exec(name) ?? ["", "+", "0", "0"];
    minutes = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(mins));
    offsetsDrawn.byZone.set(zone, minutes);
  }
  return minutes;
}

/**
 * `supported`: the runtime's zone names (`Intl.supportedValuesOf("timeZone")`, which leaves out UTC), each listed
 * once under its current name, with its offset at `at`. Names without a region (EST5EDT, in some runtimes) close the list.
 */
export function timeZoneChoices(supported: readonly string[], at: Date): TimeZoneGroup[] {
  const byRegion = new Map<string, TimeZoneOption[]>();
  for (const zone of new Set(supported.map(currentZoneName))) {
    if (zone === "UTC") continue;
    const prefix = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : null;
    const region = prefix === null ? OTHER_REGION : (REGION_NAMES[prefix] ?? prefix);
    const option: TimeZoneOption = [zone, offsetMinutesAt(zone, at)];
    const listed = byRegion.get(region);
    if (listed) listed.push(option);
    else byRegion.set(region, [option]);
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const regions = [...byRegion.keys()].sort((a, b) => (a === OTHER_REGION ? 1 : b === OTHER_REGION ? -1 : byText(a, b)));
  return [
    { region: null, zones: [["UTC", 0]] },
    ...regions.map((region) => ({ region, zones: byRegion.get(region)!.sort(([a], [b]) => byText(placeName(a), placeName(b)) || byText(a, b)) })),
  ];
}

/**
 * The option that stands for `stored`, a zone as recorded (the browser's name for it at sign-in, or the list's): the
 * one of that name, of its current name (Asia/Kolkata for Asia/Calcutta), or of the zone the runtime resolves it to
 * (America/New_York for US/Eastern, UTC for Etc/UTC). Null for a name the list has no zone for.
 */
export function optionFor(stored: string, groups: readonly TimeZoneGroup[]): string | null {
  const listed = new Set(groups.flatMap((group) => group.zones.map(([zone]) => zone)));
  if (listed.has(stored)) return stored;
  if (listed.has(currentZoneName(stored))) return currentZoneName(stored);
  try {
    const resolved = currentZoneName(new Intl.DateTimeFormat("en-US", { timeZone: stored }).resolvedOptions().timeZone);
    return listed.has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}
