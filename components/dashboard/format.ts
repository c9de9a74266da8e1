import type { Span } from '../../core/metrics';

/**
 * One way to write dates and numbers on the dashboard, in the browser's
 * locale (`Intl`): days as "Mar 4, 2026" (UTC days, as the periods and the
 * endpoint's buckets are), moments as "Mar 4, 2026, 9:05 AM" in local time.
 */
export interface Format {
  /** A UTC day: "Mar 4, 2026". */
  day(iso: string): string;
  /** A UTC day without its year, for chart axes: "Mar 4". */
  shortDay(ms: number): string;
  /** A moment, local time: "Mar 4, 2026, 9:05 AM". */
  dateTime(iso: string): string;
  /** A period, its end exclusive: "Feb 25 – Mar 3, 2026". */
  span(span: Span): string;
  /** A share 0–1: "12.5%". */
  percent(value: number): string;
  /** A change in points (0–100), signed: "+5.2 points". */
  points(change: number): string;
  count(n: number): string;
}

const DAY = 86_400_000;

/** @example createFormat('en-US').span({ from: '2026-02-25T00:00:00Z', to: '2026-03-04T00:00:00Z' }) // 'Feb 25 – Mar 3, 2026' */
export function createFormat(locale?: string): Format {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const count = new Intl.NumberFormat(locale);
  return {
    day: (iso) => day.format(new Date(iso)),
    shortDay: (ms) => shortDay.format(new Date(ms)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    span: ({ from, to }) => {
      const start = new Date(from);
      const last = new Date(Math.max(start.getTime(), Date.parse(to) - DAY));
      return day.formatRange(start, last);
    },
    percent: (value) => percent.format(value),
    points: (change) => `${points.format(change)} ${Math.abs(change) === 1 ? 'point' : 'points'}`,
    count: (n) => count.format(n),
  };
}
