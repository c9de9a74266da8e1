import { z } from 'zod';
import { type ParseError, readJson, zodErrors } from './policy/parse';
import { type Ticket, ticketSchema } from './ticket';

export type TicketParseResult = { ok: true; ticket: Ticket } | { ok: false; errors: ParseError[] };

/**
 * Validates a normalized ticket (JSON text or a parsed value) and names the
 * path of every problem. Never throws.
 *
 * @example
 * parseTicket('{"id":"1","priority":"asap"}')
 * // { ok: false, errors: [{ path: '$.priority', message: '"asap" is not allowed here', fix: 'use one of "low", "normal", "high", "urgent"' }] }
 */
export function parseTicket(input: unknown): TicketParseResult {
  const json = readJson(input);
  if (!json.ok) return json;
  const parsed = ticketSchema.safeParse(json.value);
  // The ticket schema is `zod/mini` (the tab's fallback chunk runs it); its issues are the same as full zod's.
  return parsed.success ? { ok: true, ticket: parsed.data } : { ok: false, errors: zodErrors(new z.ZodError(parsed.error.issues), json.value) };
}
