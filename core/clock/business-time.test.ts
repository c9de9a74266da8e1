import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarSchema } from '../policy/schema';
import { addBusinessMinutes, businessMinutesBetween, businessMinutesByDays, CLOCK_LIMIT_DAYS, isOpenAt } from './business-time';

const weekdays = (start: string, end: string) => ({ mon: [{ start, end }], tue: [{ start, end }], wed: [{ start, end }], thu: [{ start, end }], fri: [{ start, end }], sat: [], sun: [] });
const everyDay = (start: string, end: string) => ({ ...weekdays(start, end), sat: [{ start, end }], sun: [{ start, end }] });

const berlinOffice = calendarSchema.parse({ id: 'berlin-office', timeZone: 'Europe/Berlin', hours: weekdays('09:00', '17:00'), holidays: ['2026-04-03', '2026-04-06'] });
const berlinAllDay = calendarSchema.parse({ id: 'berlin-all-day', timeZone: 'Europe/Berlin', hours: everyDay('00:00', '24:00') });
const berlinNights = calendarSchema.parse({ id: 'berlin-nights', timeZone: 'Europe/Berlin', hours: everyDay('22:00', '06:00') });
const newYorkAllDay = calendarSchema.parse({ id: 'ny-all-day', timeZone: 'America/New_York', hours: everyDay('00:00', '24:00') });
const newYorkLong = calendarSchema.parse({ id: 'ny-long', timeZone: 'America/New_York', hours: everyDay('08:00', '20:00') });
const alwaysOpen = calendarSchema.parse({ id: '24x7', timeZone: 'UTC', alwaysOpen: true });
const neverOpen = calendarSchema.parse({ id: 'closed', timeZone: 'UTC' });

describe('businessMinutesBetween', () => {
  it('does not count the weekend: Friday 16:00 to Monday 10:00 in Berlin is 120 minutes', () => {
    expect(businessMinutesBetween(berlinOffice, '2026-03-06T16:00:00+01:00', '2026-03-09T10:00:00+01:00')).toBe(120);
  });

  it('does not count holidays: Thursday 2 April 16:00 to Tuesday 7 April 2026 10:00 skips Good Friday and Easter Monday', () => {
    expect(businessMinutesBetween(berlinOffice, '2026-04-02T16:00:00+02:00', '2026-04-07T10:00:00+02:00')).toBe(120);
  });

  it('keeps a 09:00–17:00 day at 8 hours across the Berlin spring change on 29 March 2026', () => {
    expect(businessMinutesBetween(berlinOffice, '2026-03-27T16:00:00+01:00', '2026-03-30T10:00:00+02:00')).toBe(120);
    expect(businessMinutesBetween(berlinOffice, '2026-03-30T00:00:00+02:00', '2026-03-31T00:00:00+02:00')).toBe(480);
  });

  it('counts 23 hours on Sunday 29 March 2026 and 25 hours on Sunday 25 October 2026 for a Berlin 00:00–24:00 calendar', () => {
    expect(businessMinutesBetween(berlinAllDay, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toBe(23 * 60);
    expect(businessMinutesBetween(berlinAllDay, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toBe(25 * 60);
  });

  it('shortens the overnight window 22:00–06:00 to 7 hours on the Berlin spring change and lengthens it to 9 in autumn', () => {
    expect(businessMinutesBetween(berlinNights, '2026-03-28T20:00:00+01:00', '2026-03-29T12:00:00+02:00')).toBe(7 * 60);
    expect(businessMinutesBetween(berlinNights, '2026-10-24T20:00:00+02:00', '2026-10-25T12:00:00+01:00')).toBe(9 * 60);
  });

  it('counts 23 hours on 8 March 2026 and 25 hours on 1 November 2026 in New York', () => {
    expect(businessMinutesBetween(newYorkAllDay, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(23 * 60);
    expect(businessMinutesBetween(newYorkAllDay, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00')).toBe(25 * 60);
  });

  it('counts only open hours across the New York spring change: Saturday 19:00 to Sunday 09:00 is 120 minutes', () => {
    expect(businessMinutesBetween(newYorkLong, '2026-03-07T19:00:00-05:00', '2026-03-08T09:00:00-04:00')).toBe(120);
  });

  it('reads "24:00" as the next midnight', () => {
    const evenings = calendarSchema.parse({ id: 'evenings', timeZone: 'Europe/Berlin', hours: weekdays('17:00', '24:00') });
    expect(businessMinutesBetween(evenings, '2026-03-09T16:00:00+01:00', '2026-03-10T09:00:00+01:00')).toBe(7 * 60);
  });

  it('runs round the clock for an always-open calendar, whatever the zone', () => {
    expect(businessMinutesBetween(alwaysOpen, '2026-03-28T12:00:00+01:00', '2026-03-29T12:00:00+02:00')).toBe(23 * 60);
  });

  it('leaves out paused time: Monday 9 March 2026 09:00–12:00 with a pause 10:00–11:00 is 120 minutes', () => {
    const pauses = [{ start: '2026-03-09T10:00:00+01:00', end: '2026-03-09T11:00:00+01:00' }];
    expect(businessMinutesBetween(berlinOffice, '2026-03-09T09:00:00+01:00', '2026-03-09T12:00:00+01:00', { pauses })).toBe(120);
  });

  it('is zero when the end is not after the start', () => {
    expect(businessMinutesBetween(berlinOffice, '2026-03-09T12:00:00+01:00', '2026-03-09T10:00:00+01:00')).toBe(0);
  });

  it('adds up over any split point', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const span = 400 * 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }), (a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q).map((n) => start + n) as [number, number, number];
        for (const cal of [berlinOffice, berlinNights, newYorkLong]) {
          const whole = businessMinutesBetween(cal, x, z);
          expect(whole).toBeCloseTo(businessMinutesBetween(cal, x, y) + businessMinutesBetween(cal, y, z), 6);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('addBusinessMinutes', () => {
  it('carries over the weekend: 30 minutes from Friday 6 March 2026 16:45 Berlin is Monday 09:15', () => {
    expect(addBusinessMinutes(berlinOffice, '2026-03-06T16:45:00+01:00', 30)).toBe('2026-03-09T08:15:00.000Z');
  });

  it('carries over Good Friday and Easter Monday 2026', () => {
    expect(addBusinessMinutes(berlinOffice, '2026-04-02T16:30:00+02:00', 60)).toBe('2026-04-07T07:30:00.000Z');
  });

  it('lands on the right instant after the Berlin spring change', () => {
    expect(addBusinessMinutes(berlinOffice, '2026-03-27T16:00:00+01:00', 120)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('starts counting at the next opening when started outside hours', () => {
    expect(addBusinessMinutes(berlinOffice, '2026-03-07T11:00:00+01:00', 60)).toBe('2026-03-09T09:00:00.000Z');
  });

  it('adds plain minutes on an always-open calendar', () => {
    expect(addBusinessMinutes(alwaysOpen, '2026-03-28T12:00:00+01:00', 1440)).toBe('2026-03-29T11:00:00.000Z');
  });

  it('gives up on a calendar that is never open', () => {
    expect(addBusinessMinutes(neverOpen, '2026-03-28T12:00:00Z', 10)).toBeUndefined();
  });

  it('is the inverse of businessMinutesBetween', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 86_400_000 }), fc.integer({ min: 1, max: 5000 }), (offset, minutes) => {
        for (const cal of [berlinOffice, berlinNights, newYorkLong]) {
          const due = addBusinessMinutes(cal, start + offset, minutes);
          expect(due).toBeDefined();
          expect(businessMinutesBetween(cal, start + offset, due as string)).toBeCloseTo(minutes, 6);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('isOpenAt', () => {
  it('is open on Monday 9 March 2026 at 10:00 Berlin and closed on Saturday', () => {
    expect(isOpenAt(berlinOffice, '2026-03-09T10:00:00+01:00')).toBe(true);
    expect(isOpenAt(berlinOffice, '2026-03-07T10:00:00+01:00')).toBe(false);
  });

  it('is open at 03:00 on Tuesday inside Monday night’s 22:00–06:00 window', () => {
    expect(isOpenAt(berlinNights, '2026-03-10T03:00:00+01:00')).toBe(true);
  });
});

describe('business time by weeks', () => {
  const DAY = 86_400_000;
  const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia', 'America/Havana', 'Europe/London', 'Africa/Casablanca', 'UTC', 'America/St_Johns', 'Asia/Tehran'];
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const day = fc.array(fc.record({ start: time, end: fc.oneof(time, fc.constant('24:00')) }), { maxLength: 2 });
  const calendar = fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      hours: fc.record({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
      holidayOffsets: fc.array(fc.integer({ min: -10, max: 380 }), { maxLength: 12 }),
      startYear: fc.integer({ min: 1970, max: 2100 }),
    })
    .map(({ timeZone, hours, holidayOffsets, startYear }) => {
      const base = Date.UTC(startYear, 0, 1);
      const holidays = holidayOffsets.map((d) => new Date(base + d * DAY).toISOString().slice(0, 10));
      return { base, calendar: calendarSchema.parse({ id: 'random', timeZone, hours, holidays }) };
    });

  it('gives what walking every day gives, on random ranges up to a year, zones, hours and holidays', () => {
    fc.assert(
      fc.property(calendar, fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: 366 * DAY }), ({ base, calendar: cal }, offset, length) => {
        const start = base + offset;
        expect(businessMinutesBetween(cal, start, start + length)).toBeCloseTo(businessMinutesByDays(cal, start, start + length), 6);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the due time a day walk finds, over weeks of business time', () => {
    fc.assert(
      fc.property(calendar, fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 1, max: 20_000 }), ({ base, calendar: cal }, offset, minutes) => {
        const due = addBusinessMinutes(cal, base + offset, minutes);
        if (due !== undefined) expect(businessMinutesByDays(cal, base + offset, due)).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 100 },
    );
  });

  it(`counts at most the last ${CLOCK_LIMIT_DAYS} days: a clock from 2020 reads what one from ${CLOCK_LIMIT_DAYS} days back reads`, () => {
    const end = Date.parse('2026-03-10T10:16:00+01:00');
    const capped = businessMinutesBetween(berlinOffice, '2020-01-01T00:00:00Z', end);
    expect(capped).toBe(businessMinutesBetween(berlinOffice, end - CLOCK_LIMIT_DAYS * DAY, end));
    expect(capped).toBeGreaterThan(100_000);
  });

  it('measures a clock started in year 0000 in milliseconds, not the 25 s of a day-by-day walk', () => {
    const start = performance.now();
    businessMinutesBetween(berlinOffice, '0000-01-01T00:00:00Z', '2026-03-10T10:16:00+01:00');
    businessMinutesBetween(newYorkLong, '0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z');
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('reads the hours of years 0 to 99 on their own dates (Date reads those years as 1900–1999)', () => {
    expect(businessMinutesByDays(berlinOffice, '0050-03-01T00:00:00Z', '0050-03-08T00:00:00Z')).toBe(5 * 8 * 60);
  });
});
