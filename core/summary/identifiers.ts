/**
 * Identifiers a handoff summary must keep verbatim and must never invent:
 * ticket ids, error codes, HTTP statuses and amounts. The same extractor
 * checks every summary, extractive or remote, against its source.
 */

const PATTERNS: readonly { kind: IdentifierKind; pattern: RegExp }[] = [
  // #12345, INC-1234, TKT-0042, JIRA-style keys (ABC-123).
  { kind: 'ticket', pattern: /#\d{3,}\b|\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/g },
  // ERR_CONNECTION_RESET, E_ACCESS, E1234, 0x80070005.
  { kind: 'error', pattern: /\b(?:ERR|E)_[A-Z0-9_]+\b|\bE\d{3,6}\b|\b0x[0-9A-Fa-f]{4,16}\b/g },
  // HTTP 502, HTTP/1.1 503, status 429.
  { kind: 'http', pattern: /\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?)\s+[1-5]\d\d\b/gi },
  // $1,250.00, €30, £4.99, 1,250.00 USD, USD 40.
  { kind: 'amount', pattern: /[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|AUD|CAD|JPY|CHF)\b|\b(?:USD|EUR|GBP|AUD|CAD|JPY|CHF)\s?\d[\d,]*(?:\.\d+)?/g },
];

export type IdentifierKind = 'ticket' | 'error' | 'http' | 'amount';

export interface Identifier {
  kind: IdentifierKind;
  text: string;
}

/**
 * @example extractIdentifiers('INC-42: HTTP 502 after paying $1,250.00') // → [{ kind: 'ticket', text: 'INC-42' }, { kind: 'http', text: 'HTTP 502' }, { kind: 'amount', text: '$1,250.00' }]
 */
export function extractIdentifiers(text: string): Identifier[] {
  const found: (Identifier & { at: number })[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const m of text.matchAll(pattern)) found.push({ kind, text: m[0].replace(/[.,]+$/, ''), at: m.index ?? 0 });
  }
  return found.sort((a, b) => a.at - b.at).map(({ kind, text }) => ({ kind, text }));
}

/** Normal form for comparing identifiers: "HTTP  502" and "http 502" are the same status. */
export function identifierKey(id: Identifier): string {
  return `${id.kind}:${id.text.replace(/\s+/g, ' ').toLowerCase()}`;
}

/**
 * Identifiers in `summary` that do not occur in `source`: an invented ticket
 * id or amount. Empty means the summary is safe to show.
 */
export function inventedIdentifiers(summary: string, source: string): Identifier[] {
  const known = new Set(extractIdentifiers(source).map(identifierKey));
  return extractIdentifiers(summary).filter((id) => !known.has(identifierKey(id)));
}
