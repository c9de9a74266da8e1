/**
 * Sentence splitting that leaves identifiers whole: a split needs sentence
 * punctuation followed by whitespace and a capital (or a line break), so
 * "$1,250.00", "v5.4.1", "e.g. the export" and "HTTP/1.1 502" stay inside
 * their sentence.
 *
 * @example splitSentences('Export fails. We see HTTP 502 on v5.4.1.\nThanks') // → ['Export fails.', 'We see HTTP 502 on v5.4.1.', 'Thanks']
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n+|(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'([#$€£])/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Greetings, sign-offs and pleasantries that never summarise anything. */
export function isPleasantry(sentence: string): boolean {
  const s = sentence.toLowerCase().replace(/[^\p{L}\s']/gu, ' ').replace(/\s+/g, ' ').trim();
  return (
    s.split(' ').length <= 6 &&
    /^(hi|hello|hey|dear|thanks|thank you|many thanks|cheers|regards|best|kind regards|best regards|sincerely|good (morning|afternoon|evening)|hope you|have a|sent from|looking forward)\b/.test(s)
  );
}
