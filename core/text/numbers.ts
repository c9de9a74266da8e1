/**
 * Numbers as people write them: "2,400", "2.400,00", "2 400", "2'400",
 * "1.5k". With one separator, three digits after it make it a thousands
 * separator ("1.500" is fifteen hundred, "12,50" twelve and a half); with both,
 * the last one is the decimal mark.
 *
 * @example parseWrittenNumber('EUR 1.500,00'.slice(4)) // 1500
 */
export function parseWrittenNumber(written: string, thousands = false): number | undefined {
  let s = written.replace(/[\s\u00a0\u202f'\u2019]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    s = s.split(group).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    // "0.500" and "1500.000" are not thousands: a group separator follows one to three digits, not a lone zero.
    const leadsGroups = /^[1-9]\d{0,2}$/.test(parts[0] ?? '');
    const groupsOfThree = parts.length > 2 || (leadsGroups && (parts[1] ?? '').length === 3);
    s = groupsOfThree ? parts.join('') : parts.join('.');
  }
  // Digits only from here: Number() would also read "", "0x1f" and "1e3".
  if (!/^\d+(?:\.\d+)?$/.test(s)) return undefined;
  const value = Number(s);
  if (!Number.isFinite(value)) return undefined;
  // Rounded to cents: 2.01 * 1000 is 2009.9999999999998 in binary floating point.
  return thousands ? Math.round(value * 100_000) / 100 : value;
}

/** A written number: grouped thousands with an optional decimal part, or plain digits with one. */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:[.,'\u2019 \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
