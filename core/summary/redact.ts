/**
 * Removes personal data before ticket text leaves the machine (the
 * OpenAI-compatible provider): email addresses, phone numbers, and payment
 * card numbers (only digit runs that pass the Luhn check, so order numbers
 * and amounts survive). Ticket ids, error codes and amounts are not PII and
 * are kept so the summary can cite them.
 */

export interface Redaction {
  text: string;
  counts: { email: number; phone: number; card: number };
}

/** The Luhn checksum every payment card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// RFC 5322's atext for the local part, so no unusual but valid address slips through.
const EMAIL = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}.-]+\.[\p{L}\p{N}-]{2,}/gu;
// 13–19 digits, optionally grouped by single spaces or dashes.
const CARD = /(?<![\d$€£.,-])\d(?:[ -]?\d){12,18}(?!\d|[.,]\d)/g;
// International or national numbers: optional +, 7–15 digits with spaces, dots, dashes or parentheses; never after a currency sign, '#' or a letter.
const PHONE = /(?<![\p{L}\p{N}#$€£_/.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?![\p{L}\p{N}])/gu;

/**
 * @example redactPii('Call +1 415 555 0134 or mail jo@example.com, card 4242 4242 4242 4242') // → { text: 'Call [phone] or mail [email], card [card]', ... }
 */
export function redactPii(text: string): Redaction {
  const counts = { email: 0, phone: 0, card: 0 };
  let out = text.replace(EMAIL, () => {
    counts.email++;
    return '[email]';
  });
  out = out.replace(CARD, (match) => {
    if (!passesLuhn(match.replace(/\D/g, ''))) return match;
    counts.card++;
    return '[card]';
  });
  out = out.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '').length;
    // Dates (2026-11-27), times and short codes are not phone numbers.
    if (digits < 7 || digits > 15 || /^\d{4}-\d{2}-\d{2}$/.test(match) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(match)) return match;
    counts.phone++;
    return '[phone]';
  });
  return { text: out, counts };
}
