import type { Calendar } from '../policy/schema';
import { DAY, instantOf, localDayOf, MINUTE } from './zone';

/**
 * Business-time arithmetic over a policy calendar: an IANA time zone, weekly
 * open hours, holidays, or `alwaysOpen`. Wall-clock times are turned into
 * instants from the platform's Intl time-zone data (`./zone.ts`), never by
 * hand-made offsets, so daylight-saving changes come out right: a 09:00–17:00
 * day is 8 hours on a DST day too, and an overnight window across the change
 * is one hour shorter or longer, as it really is.
 *
 * Cost grows with weeks, not days: a week with neither a holiday nor an offset
 * change has the calendar's open time of any such week, computed once; only
 * the partial weeks at both ends, weeks with a holiday and weeks with a DST
 * change are walked day by day (a week whose two midnights are exactly seven
 * days apart is taken to have no change inside: no zone changes its offset and
 * back within a week). And a clock counts at most the last CLOCK_LIMIT_DAYS
 * (see there).
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

/**
 * How far back a clock counts: 400 days. An older start reads as the business
 * time of the last 400 days, so `timeInQueue` and `age` then say "over N" rather
 * than an exact figure (N: about 137,000 minutes on a 09:00–17:00 weekday
 * calendar, 576,000 round the clock). Every trigger with a shorter duration
 * still decides exactly as with the full figure — `longerThan` is true either
 * way, `shorterThan` false — and policy durations are minutes to weeks. Without
 * the bound a ticket dated in year 0000 cost 25 s to decide.
 */
export const CLOCK_LIMIT_DAYS = 400;

/** addBusinessMinutes gives up after this many days without enough open time (a calendar with no hours). */
const SEARCH_LIMIT_DAYS = 3 * 366;
const WEEK = 7 * DAY;

type Window = readonly [start: number, end: number];

/**
 * Business minutes between two instants (0 when end is not after start),
 * not counting pauses, over at most the last CLOCK_LIMIT_DAYS before `end`.
 *
 * @example
 * // Friday 16:00 to Monday 10:00 in Berlin, open Mon–Fri 09:00–17:00: 60 + 60
 * businessMinutesBetween(officeHours, '2026-03-06T16:00:00+01:00', '2026-03-09T10:00:00+01:00') // 120
 */
export function businessMinutesBetween(calendar: Calendar, start: Instant, end: Instant, options: { pauses?: readonly Pause[] } = {}): number {
  const to = toMs(end);
  const from = Math.max(toMs(start), to - CLOCK_LIMIT_DAYS * DAY);
  if (!(to > from)) return 0;
  let total = openMs(calendar, from, to);
  for (const [pStart, pEnd] of mergePauses(options.pauses ?? [], from, to)) total -= openMs(calendar, pStart, pEnd);
  return Math.max(0, total) / MINUTE;
}

/** Whether a clock from `start` to `end` is longer than CLOCK_LIMIT_DAYS, so it reads "over" its figure. */
export function isBeyondClockLimit(start: Instant, end: Instant): boolean {
  return toMs(end) - toMs(start) > CLOCK_LIMIT_DAYS * DAY;
}

/**
 * `businessMinutesBetween` by walking every local day, without the limit: the
 * plain definition the week arithmetic is tested against. O(days).
 */
export function businessMinutesByDays(calendar: Calendar, start: Instant, end: Instant): number {
  const from = toMs(start);
  const to = toMs(end);
  if (!(to > from)) return 0;
  return (calendar.alwaysOpen ? to - from : walkDays(calendar, from, to)) / MINUTE;
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
  if (Number.isNaN(from) || !Number.isFinite(minutes) || Math.abs(from) > MAX_MS) return undefined;
  if (minutes <= 0) return new Date(from).toISOString();
  if (calendar.alwaysOpen) return isoOrUndefined(from + minutes * MINUTE);
  const zone = calendar.timeZone;
  let left = minutes * MINUTE;
  let day = localDayOf(zone, from) + 1;
  let at = midnight(zone, day);
  const first = walkDays(calendar, from, at);
  if (left <= first) return findInDays(calendar, from, left, day);
  left -= first;
  for (const last = day + SEARCH_LIMIT_DAYS; day < last; day += 7) {
    const next = midnight(zone, day + 7);
    const open = weekOpenMs(calendar, day, at, next);
    if (left <= open) return findInDays(calendar, at, left, day + 7);
    left -= open;
    at = next;
  }
  return undefined;
}

/** Whether the calendar's clock runs at an instant. */
export function isOpenAt(calendar: Calendar, at: Instant): boolean {
  const ms = toMs(at);
  if (calendar.alwaysOpen) return true;
  const day = localDayOf(calendar.timeZone, ms);
  for (const d of [day - 1, day]) for (const [s, e] of windowsOn(calendar, d)) if (ms >= s && ms < e) return true;
  return false;
}

export function toMs(at: Instant): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  return Date.parse(at);
}

/** Instants a Date can hold. */
const MAX_MS = 8.64e15 - 2 * SEARCH_LIMIT_DAYS * DAY;

function isoOrUndefined(ms: number): string | undefined {
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}

/** Open milliseconds of the calendar within [from, to): whole weeks by arithmetic, the ends day by day. */
function openMs(calendar: Calendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (calendar.alwaysOpen) return to - from;
  if (to - from < 9 * DAY) return walkDays(calendar, from, to);
  const zone = calendar.timeZone;
  let day = localDayOf(zone, from) + 1;
  let at = midnight(zone, day);
  let total = walkDays(calendar, from, at);
  for (;;) {
    const next = midnight(zone, day + 7);
    if (next > to) break;
    total += weekOpenMs(calendar, day, at, next);
    day += 7;
    at = next;
  }
  return total + walkDays(calendar, at, to);
}

/** Per calendar: the open milliseconds of a week with no holiday and no offset change (the same for every such week). */
const plainWeeks = new WeakMap<Calendar, number>();

/** Open milliseconds of the local week starting on `day` (from `at` to `next`, its midnights). */
function weekOpenMs(calendar: Calendar, day: number, at: number, next: number): number {
  // A holiday the day before removes that day's overnight window, which may reach into this week.
  const plain = next - at === WEEK && !hasHolidayIn(calendar, day - 1, day + 6);
  if (!plain) return walkDays(calendar, at, next);
  let open = plainWeeks.get(calendar);
  if (open === undefined) {
    open = walkDays(calendar, at, next);
    plainWeeks.set(calendar, open);
  }
  return open;
}

/** Open milliseconds within [from, to), walking every local day's windows. */
function walkDays(calendar: Calendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  let total = 0;
  let covered = Number.NEGATIVE_INFINITY;
  // Start a day early: the previous day's overnight window may reach into `from`.
  const first = localDayOf(calendar.timeZone, from) - 1;
  const last = localDayOf(calendar.timeZone, to);
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

/** The instant `left` open milliseconds after `from`, searching the days up to `lastDay`. */
function findInDays(calendar: Calendar, from: number, left: number, lastDay: number): string | undefined {
  let covered = Number.NEGATIVE_INFINITY;
  for (let day = localDayOf(calendar.timeZone, from) - 1; day <= lastDay; day++) {
    for (const [wStart, wEnd] of windowsOn(calendar, day)) {
      const s = Math.max(wStart, from, covered);
      if (wEnd <= s) continue;
      if (left <= wEnd - s) return isoOrUndefined(s + left);
      left -= wEnd - s;
      covered = wEnd;
    }
  }
  return undefined;
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

const midnights = new Map<string, Map<number, number>>();

/** The instant a local day starts, computed once per zone and day. */
function midnight(timeZone: string, day: number): number {
  let zone = midnights.get(timeZone);
  if (!zone) {
    zone = new Map();
    midnights.set(timeZone, zone);
  }
  let ms = zone.get(day);
  if (ms === undefined) {
    ms = instantOf(timeZone, day * DAY);
    if (zone.size > 50_000) zone.clear();
    zone.set(day, ms);
  }
  return ms;
}

// 1970-01-01, local day 0, was a Thursday.
const WEEKDAYS = ['thu', 'fri', 'sat', 'sun', 'mon', 'tue', 'wed'] as const;

/** Per calendar object: its open windows by local day number, computed once. */
const dayCache = new WeakMap<Calendar, Map<number, readonly Window[]>>();
/** Per calendar object: its holidays as sorted local day numbers. */
const holidayCache = new WeakMap<Calendar, Float64Array>();

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
  if (hasHolidayIn(calendar, day, day)) return [];
  const hours = calendar.hours[WEEKDAYS[((day % 7) + 7) % 7] as (typeof WEEKDAYS)[number]];
  const windows: Window[] = [];
  for (const { start, end } of hours) {
    const startMinute = minuteOf(start);
    const endMinute = minuteOf(end);
    // "24:00" and an end at or before the start (an overnight window) fall on the next day.
    const endsNextDay = endMinute <= startMinute || end === '24:00';
    const startMs = instantOf(calendar.timeZone, day * DAY + startMinute * MINUTE);
    const endMs = instantOf(calendar.timeZone, (day + (endsNextDay ? 1 : 0)) * DAY + (end === '24:00' ? 0 : endMinute) * MINUTE);
    if (endMs > startMs) windows.push([startMs, endMs]);
  }
  return windows.sort((a, b) => a[0] - b[0]);
}

/** Whether a holiday falls on a local day from `first` to `last`. */
function hasHolidayIn(calendar: Calendar, first: number, last: number): boolean {
  const days = holidayDays(calendar);
  // The first holiday at or after `first`.
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) < first) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && (days[lo] as number) <= last;
}

function holidayDays(calendar: Calendar): Float64Array {
  let days = holidayCache.get(calendar);
  if (!days) {
    const numbers: number[] = [];
    for (const text of calendar.holidays) {
      const date = new Date(0);
      date.setUTCFullYear(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
      // Not a real date ("2026-02-30"): it matches no day, as before.
      if (date.toISOString().slice(0, 10) === text) numbers.push(Math.floor(date.getTime() / DAY));
    }
    days = Float64Array.from(numbers.sort((a, b) => a - b));
    holidayCache.set(calendar, days);
  }
  return days;
}

function minuteOf(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}
