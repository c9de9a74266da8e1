/**
 * Milliseconds of an ISO timestamp. The common "2026-11-27T09:00:00.000Z" form
 * is read by hand: Date.parse is the largest cost over a million events.
 */
export function timeOf(iso: string): number {
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */) {
    const ms = Date.UTC(digits(iso, 0, 4), digits(iso, 5, 2) - 1, digits(iso, 8, 2), digits(iso, 11, 2), digits(iso, 14, 2), digits(iso, 17, 2), digits(iso, 20, 3));
    if (!Number.isNaN(ms)) return ms;
  }
  return Date.parse(iso);
}

/** The decimal number in iso[from, from + length); NaN when a character is not a digit. */
function digits(iso: string, from: number, length: number): number {
  let v = 0;
  for (let i = from; i < from + length; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}
