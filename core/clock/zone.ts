/**
 * Time-zone arithmetic from the platform's Intl data: UTC offsets, local days and the instant of a local wall time.
 * Hand-rolled rather than `TZDate` because business time asks for thousands of wall times when a ticket is old and
 * `TZDate` costs 50–110 µs each (this: 10–20 µs), and because `TZDate` reads years 0–99 as 1900–1999.
 *
 * Local times are "local milliseconds": the wall-clock reading written as if it were UTC, so local day `d` starts at
 * `d * DAY` (days since 1970-01-01). A wall time that does not exist (the hour skipped in spring) or exists twice (the
 * hour repeated in autumn) resolves to the later instant: 02:30 on the Berlin spring change is
 * 03:30 CEST, 02:30 on the autumn change is 02:30 CET (what the Berlin and New York tests expect; TZDate's own
 * choice in the repeated hour depends on the machine's zone).
 */

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const formats = new Map<string, ((ms: number) => string) | null>();

function formatOf(timeZone: string): ((ms: number) => string) | null {
  let format = formats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format;
    } catch {
      // parsePolicy refuses an unknown zone; a policy that skipped it runs on UTC rather than failing.
      format = null;
    }
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * Makes the zone's formatter now rather than in the first decision that needs it. The first formatter a fresh
 * JavaScript context makes sets up the engine's time-zone data: 20–30 ms in a woken service worker, after which any
 * other zone's costs well under a millisecond. The worker calls it while it waits for its first message (issue 13).
 *
 * @example prepareZone('UTC') // true; false for a zone the engine does not know
 */
export function prepareZone(timeZone: string): boolean {
  return formatOf(timeZone) !== null;
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (Berlin in summer: 7,200,000).
 *
 * @example offsetAt('America/New_York', Date.parse('2026-01-15T12:00:00Z')) // -18_000_000
 */
export function offsetAt(timeZone: string, ms: number): number {
  let cache = offsets.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsets.set(timeZone, cache);
  }
  let offset = cache.get(ms);
  if (offset === undefined) {
    offset = readOffset(timeZone, ms);
    if (cache.size > 100_000) cache.clear();
    cache.set(ms, offset);
  }
  return offset;
}

/** Offsets by zone and instant: `instantOf` probes the same instants for neighbouring days. */
const offsets = new Map<string, Map<number, number>>();

function readOffset(timeZone: string, ms: number): number {
  const format = formatOf(timeZone);
  if (format === null || !Number.isFinite(ms)) return 0;
  let text: string;
  try {
    text = format(ms);
  } catch {
    // Outside the Date range (±275,000 years): no zone data there.
    return 0;
  }
  // "1/15/2026, GMT-05:00"; "GMT" alone is UTC; old local mean times carry seconds ("GMT+00:53:28").
  const m = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) return 0;
  const size = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -size : size;
}

/** The local day (days since 1970-01-01 on the zone's calendar) of an instant. */
export function localDayOf(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms)) / DAY);
}

/**
 * The instant of a local wall time (local milliseconds, see above).
 *
 * @example instantOf('Europe/Berlin', Date.UTC(2026, 2, 9, 9, 0)) // Date.parse('2026-03-09T08:00:00Z')
 */
export function instantOf(timeZone: string, local: number): number {
  // The offsets a day either side: equal, unless a transition is near.
  const before = offsetAt(timeZone, local - DAY);
  const after = offsetAt(timeZone, local + DAY);
  if (before === after) return local - before;
  const early = local - before;
  const late = local - after;
  const earlyValid = offsetAt(timeZone, early) === before;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid !== lateValid) return earlyValid ? early : late;
  // Both readings exist (the repeated hour) or neither does (the skipped hour): the later instant.
  return Math.max(early, late);
}
