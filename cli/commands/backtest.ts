import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type BacktestRow, type BacktestSummary, summarizeBacktest } from '../../core/metrics/backtest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { jsonPath } from '../../core/policy/parse';
import { createRouter } from '../../core/route/decide';
import { TIER_IDS, type Ticket, type TierId, tierIdSchema } from '../../core/ticket';
import { parseTicket } from '../../core/ticket-parse';
import type { CliCommand, CliIo } from '../io';
import { loadPolicy } from '../load-policy';

/**
 * `tierline backtest [--policy p.json] --history file.jsonl [--now ISO] [--json]`:
 * routes past tickets with a policy and compares the decision with where each
 * ticket really ended (`finalTier`, optionally `finalRole`, on each line).
 * Each ticket is decided at `--now`, else at its own `updatedAt` (else
 * `createdAt`), so time triggers see the queue time the ticket really had.
 */
const command: CliCommand = {
  summary: 'Backtest a policy on past tickets: misrouting rate, escalation rate and a per-tier table',
  usage: 'tierline backtest [--policy p.json] --history file.jsonl [--now ISO] [--json]',
  async run(argv, io) {
    let values: { policy?: string; history?: string; now?: string; json?: boolean };
    try {
      ({ values } = parseArgs({ args: argv, options: { policy: { type: 'string' }, history: { type: 'string' }, now: { type: 'string' }, json: { type: 'boolean' } }, strict: true }));
    } catch (error) {
      return usageError(io, error instanceof Error ? error.message : String(error));
    }
    if (!values.history) return usageError(io, '--history file.jsonl is required');
    if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) return usageError(io, `--now "${values.now}" is not an ISO date-time such as 2026-03-10T10:16:00+01:00`);
    const policy = values.policy ? await loadPolicy(values.policy, io) : defaultPolicy;
    if (!policy) return 1;
    let text: string;
    try {
      text = values.history === '-' ? await io.readStdin() : await io.readFile(values.history);
    } catch (error) {
      io.stderr(`tierline backtest: cannot read ${values.history}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }

    const route = createRouter(policy);
    const rows: BacktestRow[] = [];
    let skipped = 0;
    for (const [i, line] of text.split(/\r?\n/).entries()) {
      if (line.trim() === '') continue;
      const where = `${values.history} line ${i + 1}`;
      const entry = readEntry(line);
      if (!entry.ok) {
        io.stderr(`tierline backtest: ${where}: ${entry.error}\n`);
        skipped++;
        continue;
      }
      const { ticket, finalTier, finalRole } = entry;
      const now = values.now ?? ticket.updatedAt ?? ticket.createdAt ?? io.now().toISOString();
      const decision = route(ticket, { now });
      rows.push({ ticketId: ticket.id, decided: decision.tier, actual: finalTier, decidedRole: decision.role, actualRole: finalRole, entry: ticket.currentTier ?? policy.entryTier });
    }
    if (rows.length === 0) {
      io.stderr(`tierline backtest: ${values.history} has no usable tickets.\n`);
      return 1;
    }
    const summary = summarizeBacktest(rows);
    const misrouted = rows.filter((r) => r.decided !== r.actual);
    const source = values.policy ?? 'the default policy';
    if (values.json) io.stdout(`${JSON.stringify({ policy: source, history: values.history, skipped, ...summary, misroutedTickets: misrouted }, null, 2)}\n`);
    else io.stdout(formatSummary(source, values.history, summary, misrouted));
    return skipped > 0 ? 1 : 0;
  },
};

export default command;

function usageError(io: CliIo, message: string): number {
  io.stderr(`tierline backtest: ${message}\nUsage: ${command.usage}\n`);
  return 2;
}

const outcomeSchema = z.object({ finalTier: tierIdSchema, finalRole: z.string().min(1).optional() });

type Entry = { ok: true; ticket: Ticket; finalTier: TierId; finalRole?: string } | { ok: false; error: string };

/** One history line: a normalized ticket plus where it really ended. */
function readEntry(line: string): Entry {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, error: 'expected a ticket object with "finalTier"' };
  const { finalTier, finalRole, ...rest } = json as Record<string, unknown>;
  const outcome = outcomeSchema.safeParse({ finalTier, finalRole });
  if (!outcome.success) {
    const issue = outcome.error.issues[0]!;
    return { ok: false, error: `${jsonPath(issue.path)}: ${finalTier === undefined ? '"finalTier" is required' : issue.message} (fix: give the tier the ticket really ended at, one of ${TIER_IDS.join(', ')})` };
  }
  const ticket = parseTicket(rest);
  if (!ticket.ok) return { ok: false, error: `not a valid ticket: ${ticket.errors.map((e) => `${e.path}: ${e.message} (fix: ${e.fix})`).join('; ')}` };
  return { ok: true, ticket: ticket.ticket, finalTier: outcome.data.finalTier, finalRole: outcome.data.finalRole };
}

const pct = (value: number | null) => (value === null ? '–' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`);

/** The report a person reads: the two rates, then the confusion table with precision and recall. */
export function formatSummary(policy: string, history: string, s: BacktestSummary, misrouted: readonly BacktestRow[]): string {
  const lines = [`Backtest of ${policy} on ${s.tickets} tickets from ${history}`, ''];
  lines.push(`Misrouting rate   ${pct(s.misroutingRate).padStart(6)}  (${s.misrouted} of ${s.tickets} decided tiers differ from where the ticket really ended)`);
  if (s.roleChecked > 0) lines.push(`Role mismatches   ${pct(s.roleMismatchRate).padStart(6)}  (${s.roleMismatches} of ${s.roleChecked} tickets with a final role)`);
  lines.push(`Escalation rate   ${pct(s.escalationRate).padStart(6)}  decided above the entry tier; ${pct(s.actualEscalationRate)} really escalated`);
  lines.push('', 'Per tier (rows: where tickets really ended; columns: where the policy sends them)');
  const cell = (v: string | number, width = 8) => String(v).padStart(width);
  lines.push(`${'ended \\ decided'.padEnd(16)}${TIER_IDS.map((t) => cell(t)).join('')}${cell('total', 8)}${cell('recall', 8)}`);
  for (const score of s.perTier) {
    lines.push(`${score.tier.padEnd(16)}${TIER_IDS.map((d) => cell(s.confusion[score.tier][d])).join('')}${cell(score.actual, 8)}${cell(pct(score.recall), 8)}`);
  }
  lines.push(`${'decided total'.padEnd(16)}${s.perTier.map((t) => cell(t.decided)).join('')}`);
  lines.push(`${'precision'.padEnd(16)}${s.perTier.map((t) => cell(pct(t.precision))).join('')}`);
  if (misrouted.length > 0) {
    lines.push('', 'Misrouted tickets:');
    for (const r of misrouted.slice(0, 20)) lines.push(`  ${r.ticketId}: policy ${r.decided}${r.decidedRole ? ` (${r.decidedRole})` : ''}, really ${r.actual}${r.actualRole ? ` (${r.actualRole})` : ''}`);
    if (misrouted.length > 20) lines.push(`  … and ${misrouted.length - 20} more (use --json for all)`);
  }
  return `${lines.join('\n')}\n`;
}
