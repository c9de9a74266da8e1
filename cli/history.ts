import { z } from 'zod';
import { jsonPath } from '../core/policy/parse';
import { TIER_IDS, type Ticket, type TierId, tierIdSchema } from '../core/ticket';
import { parseTicket } from '../core/ticket-parse';
import type { CliIo } from './io';

/**
 * A history file (JSONL): one normalized ticket per line plus where it really
 * ended (`finalTier`, optionally `finalRole`). `tierline backtest` needs the
 * ending; `tierline policy diff` only re-routes the tickets, so it may go without.
 */

export interface HistoryTicket {
  ticket: Ticket;
  finalTier?: TierId;
  finalRole?: string;
}

/** A ticket whose line says where it really ended. */
export type EndedTicket = HistoryTicket & { finalTier: TierId };

export type HistoryLine = ({ ok: true } & HistoryTicket) | { ok: false; error: string };

interface ReadOptions {
  needsOutcome: boolean;
  report: (message: string) => void;
}

const outcomeSchema = z.object({ finalTier: tierIdSchema, finalRole: z.string().min(1).optional() });

/**
 * Reads one history line. With `needsOutcome` a line without `finalTier` is an error.
 *
 * @example
 * readHistoryLine('{"id":"A","subject":"How do I export?","finalTier":"T0"}', { needsOutcome: true }) // { ok: true, finalTier: 'T0', … }
 */
export function readHistoryLine(line: string, { needsOutcome }: { needsOutcome: boolean }): HistoryLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, error: `expected a ticket object${needsOutcome ? ' with "finalTier"' : ''}` };
  const { finalTier, finalRole, ...rest } = json as Record<string, unknown>;
  const outcome = (needsOutcome ? outcomeSchema : outcomeSchema.partial()).safeParse({ finalTier, finalRole });
  if (!outcome.success) {
    const issue = outcome.error.issues[0]!;
    return { ok: false, error: `${jsonPath(issue.path)}: ${finalTier === undefined ? '"finalTier" is required' : issue.message} (fix: give the tier the ticket really ended at, one of ${TIER_IDS.join(', ')})` };
  }
  const ticket = parseTicket(rest);
  if (!ticket.ok) return { ok: false, error: `not a valid ticket: ${ticket.errors.map((e) => `${e.path}: ${e.message} (fix: ${e.fix})`).join('; ')}` };
  return { ok: true, ticket: ticket.ticket, ...(outcome.data.finalTier ? { finalTier: outcome.data.finalTier } : {}), ...(outcome.data.finalRole ? { finalRole: outcome.data.finalRole } : {}) };
}

/**
 * Reads every non-empty line, reporting each unusable one on stderr by line number.
 * Returns the usable tickets and how many lines were skipped.
 */
export function readHistory(text: string, source: string, options: ReadOptions & { needsOutcome: true }): { entries: EndedTicket[]; skipped: number };
export function readHistory(text: string, source: string, options: ReadOptions): { entries: HistoryTicket[]; skipped: number };
export function readHistory(text: string, source: string, options: ReadOptions): { entries: HistoryTicket[]; skipped: number } {
  const entries: HistoryTicket[] = [];
  let skipped = 0;
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const entry = readHistoryLine(line, options);
    if (entry.ok) {
      const { ok: _ok, ...ticket } = entry;
      entries.push(ticket);
    } else {
      options.report(`${source} line ${i + 1}: ${entry.error}`);
      skipped++;
    }
  }
  return { entries, skipped };
}

/**
 * When a past ticket is decided: at `now` when given, else at its own last update
 * (else creation), so time triggers see the queue time the ticket really had.
 */
export function decidedAt(ticket: Ticket, now: string | undefined, fallback: Date): string {
  return now ?? ticket.updatedAt ?? ticket.createdAt ?? fallback.toISOString();
}

/** Why `--now` cannot be used (a usage error), or undefined when it is absent or a date-time. */
export function nowProblem(now: string | undefined): string | undefined {
  return now !== undefined && Number.isNaN(Date.parse(now)) ? `--now "${now}" is not an ISO date-time such as 2026-03-10T10:16:00+01:00` : undefined;
}

/** A history file's text ("-" reads standard input); undefined once `command` has said why it cannot be read. */
export async function readHistoryText(io: CliIo, path: string, command: string): Promise<string | undefined> {
  try {
    return path === '-' ? await io.readStdin() : await io.readFile(path);
  } catch (error) {
    io.stderr(`${command}: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

/** A backtest's rate as both commands print it: one decimal, "–" when nothing was counted. */
export const percent = (value: number | null) => (value === null ? '–' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`);
