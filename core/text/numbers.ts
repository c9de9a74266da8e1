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
    const groupsOfThree = parts.length > 2 || (parts[1] ?? '').length === 3;
    s = groupsOfThree ? parts.join('') : parts.join('.');
  }
  const value = Number(s);
  if (!Number.isFinite(value)) return undefined;
  return thousands ? value * 1000 : value;
}

/** A written number: grouped thousands with an optional decimal part, or plain digits with one. */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:[.,'\u2019 \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
