/**
 * Durations in policies are plain minutes: m (or min) = 1, h = 60, d = 1440,
 * w = 10080. They are compared with business minutes, so "1d" means 1440
 * minutes of open calendar time (three 8-hour business days), not "one
 * business day"; write "8h" for one working day.
 */
const UNIT_MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, d: 1440, w: 10080 };

const WHOLE = /^\s*(\d+(\.\d+)?\s*(min|m|h|d|w)\s*)+$/;
const PART = /(\d+(?:\.\d+)?)\s*(min|m|h|d|w)/g;

/**
 * Minutes in a duration, or `undefined` when it is not one.
 *
 * @example parseDuration('1d 4h') // 1680
 * @example parseDuration(15)      // 15
 */
export function parseDuration(duration: string | number): number | undefined {
  if (typeof duration === 'number') return Number.isFinite(duration) && duration >= 0 ? duration : undefined;
  if (!WHOLE.test(duration)) return undefined;
  let minutes = 0;
  for (const [, amount, unit] of duration.matchAll(PART)) minutes += Number(amount) * (UNIT_MINUTES[unit ?? 'm'] ?? 1);
  return minutes;
}

/** "1680" → "1d 4h": for reasons an agent reads. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let left = Math.round(Math.abs(minutes));
  if (left === 0) return '0m';
  const parts: string[] = [];
  for (const [unit, size] of [['d', 1440], ['h', 60], ['m', 1]] as const) {
    const n = Math.floor(left / size);
    if (n > 0) parts.push(`${n}${unit}`);
    left -= n * size;
  }
  return sign + parts.join(' ');
}
