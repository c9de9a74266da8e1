import { TZDate } from '@date-fns/tz';
import type { Calendar } from '../policy/schema';

/**
 * Business-time arithmetic over a policy calendar: an IANA time zone, weekly
 * open hours, holidays, or `alwaysOpen`. Wall-clock times are turned into
 * instants by `@date-fns/tz` (the platform's Intl time-zone data), never by
 * hand-made offsets, so daylight-saving changes come out right: a 09:00–17:00
 * day is 8 hours on a DST day too, and an overnight window across the change
 * is one hour shorter or longer, as it really is.
 *
 * Rules: a window belongs to the local day it starts on ("22:00"–"06:00" on
 * Monday runs into Tuesday morning, and a holiday on Monday removes it);
 * "24:00" is the next midnight; overlapping windows count once.
 */

/** An instant: ISO 8601 text with an offset, epoch milliseconds, or a Date. */
export type Instant = string | number | Date;

/** A stretch during which the clock stands still (a ticket waiting on the customer). */
export interface Pause {
  start: Instant;
  /** Open-ended pauses last until the end of the measured range. */
  end?: Instant;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** addBusinessMinutes gives up after this many days without open time (a calendar with no hours). */
const SEARCH_LIMIT_DAYS = 3 * 366;

type Window = readonly [start: number, end: number];

/**
 * Business minutes between two instants (0 when end is not after start),
 * not counting pauses.
 *
 * @example
 * // Friday 16:00 to Monday 10:00 in Berlin, open Mon–Fri 09:00–17:00: 60 + 60
 * businessMinutesBetween(officeHours, '2026-03-06T16:00:00+01:00', '2026-03-09T10:00:00+01:00') // 120
 */
export function businessMinutesBetween(calendar: Calendar, start: Instant, end: Instant, options: { pauses?: readonly Pause[] } = {}): number {
  const from = toMs(start);
  const to = toMs(end);
  if (!(to > from)) return 0;
  let total = openMs(calendar, from, to);
  for (const [pStart, pEnd] of mergePauses(options.pauses ?? [], from, to)) total -= openMs(calendar, pStart, pEnd);
  return Math.max(0, total) / MINUTE;
}

/**
 * The instant (UTC ISO text) at which `minutes` business minutes have passed
 * after `start`, or `undefined` when the calendar has no open time for years.
 *
 * @example
 * // 30 business minutes from Friday 16:45 Berlin: 15 on Friday, 15 on Monday
 * addBusinessMinutes(officeHours, '2026-03-06T16:45:00+01:00', 30) // '2026-03-09T08:15:00.000Z'
 */
export function addBusinessMinutes(calendar: Calendar, start: Instant, minutes: number): string | undefined {
  const from = toMs(start);
  if (Number.isNaN(from) || !Number.isFinite(minutes)) return undefined;
  if (minutes <= 0) return new Date(from).toISOString();
  if (calendar.alwaysOpen) return new Date(from + minutes * MINUTE).toISOString();
  let left = minutes * MINUTE;
  let covered = Number.NEGATIVE_INFINITY;
  let day = localDay(calendar.timeZone, from) - 1;
  const last = day + SEARCH_LIMIT_DAYS;
  for (; day <= last; day++) {
    for (const [wStart, wEnd] of windowsOn(calendar, day)) {
      const s = Math.max(wStart, from, covered);
      if (wEnd <= s) continue;
      if (left <= wEnd - s) return new Date(s + left).toISOString();
      left -= wEnd - s;
      covered = wEnd;
    }
  }
  return undefined;
}

/** Whether the calendar's clock runs at an instant. */
export function isOpenAt(calendar: Calendar, at: Instant): boolean {
  const ms = toMs(at);
  if (calendar.alwaysOpen) return true;
  const day = localDay(calendar.timeZone, ms);
  for (const d of [day - 1, day]) for (const [s, e] of windowsOn(calendar, d)) if (ms >= s && ms < e) return true;
  return false;
}

export function toMs(at: Instant): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  return Date.parse(at);
}

/** Open milliseconds of the calendar within [from, to). */
function openMs(calendar: Calendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (calendar.alwaysOpen) return to - from;
  let total = 0;
  let covered = Number.NEGATIVE_INFINITY;
  // Start a day early: the previous day's overnight window may reach into `from`.
  const first = localDay(calendar.timeZone, from) - 1;
  const last = localDay(calendar.timeZone, to);
  for (let day = first; day <= last; day++) {
    for (const [wStart, wEnd] of windowsOn(calendar, day)) {
      const s = Math.max(wStart, from, covered);
      const e = Math.min(wEnd, to);
      if (e > s) total += e - s;
      covered = Math.max(covered, Math.min(wEnd, to));
    }
  }
  return total;
}

function mergePauses(pauses: readonly Pause[], from: number, to: number): Window[] {
  const clipped = pauses
    .map((p): Window => [Math.max(from, toMs(p.start)), Math.min(to, p.end === undefined ? to : toMs(p.end))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of clipped) {
    const prev = merged[merged.length - 1];
    if (prev && s <= prev[1]) prev[1] = Math.max(prev[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * The local calendar date of an instant in a zone, as days since 1970-01-01.
 * Offsets stay within ±14 hours, so the local date is the UTC date or a
 * neighbour: the latest local midnight at or before the instant decides.
 * Midnights are computed once per zone and day (Intl offsets are slow).
 */
function localDay(timeZone: string, ms: number): number {
  const utcDay = Math.floor(ms / DAY);
  for (let d = utcDay + 1; d >= utcDay - 1; d--) if (midnight(timeZone, d) <= ms) return d;
  return utcDay - 1;
}

const midnights = new Map<string, Map<number, number>>();

function midnight(timeZone: string, day: number): number {
  let zone = midnights.get(timeZone);
  if (!zone) {
    zone = new Map();
    midnights.set(timeZone, zone);
  }
  let ms = zone.get(day);
  if (ms === undefined) {
    const date = new Date(day * DAY);
    ms = wallTime(timeZone, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 0, 0);
    if (zone.size > 50_000) zone.clear();
    zone.set(day, ms);
  }
  return ms;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Per calendar object: its open windows by local day number, computed once. */
const dayCache = new WeakMap<Calendar, Map<number, readonly Window[]>>();
const holidayCache = new WeakMap<Calendar, ReadonlySet<string>>();

/** The open windows (as instants) that start on a local day, in start order. */
function windowsOn(calendar: Calendar, day: number): readonly Window[] {
  let days = dayCache.get(calendar);
  if (!days) {
    days = new Map();
    dayCache.set(calendar, days);
  }
  let windows = days.get(day);
  if (windows) return windows;
  windows = computeWindows(calendar, day);
  if (days.size > 20_000) days.clear();
  days.set(day, windows);
  return windows;
}

function computeWindows(calendar: Calendar, day: number): readonly Window[] {
  const date = new Date(day * DAY);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  if (holidaysOf(calendar).has(date.toISOString().slice(0, 10))) return [];
  const hours = calendar.hours[WEEKDAYS[date.getUTCDay()] as (typeof WEEKDAYS)[number]];
  const windows: Window[] = [];
  for (const { start, end } of hours) {
    const [sh, sm] = hhmm(start);
    const [eh, em] = hhmm(end);
    const startMs = wallTime(calendar.timeZone, y, m, d, sh, sm);
    // "24:00" and an end at or before the start (an overnight window) fall on the next day.
    const endsNextDay = eh * 60 + em <= sh * 60 + sm || eh === 24;
    const endMs = wallTime(calendar.timeZone, y, m, d + (endsNextDay ? 1 : 0), eh === 24 ? 0 : eh, em);
    if (endMs > startMs) windows.push([startMs, endMs]);
  }
  return windows.sort((a, b) => a[0] - b[0]);
}

function holidaysOf(calendar: Calendar): ReadonlySet<string> {
  let set = holidayCache.get(calendar);
  if (!set) {
    set = new Set(calendar.holidays);
    holidayCache.set(calendar, set);
  }
  return set;
}

/** The instant of a local wall time; TZDate resolves DST gaps and overlaps from the zone data. */
function wallTime(timeZone: string, y: number, m: number, d: number, h: number, min: number): number {
  // Normalise day overflow (d + 1 at a month's end) on a plain calendar first.
  const date = new Date(Date.UTC(y, m, d));
  return new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), h, min, timeZone).getTime();
}

function hhmm(text: string): [number, number] {
  return [Number(text.slice(0, 2)), Number(text.slice(3, 5))];
}
