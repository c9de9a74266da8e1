import { parseArgs } from 'node:util';
import { type BacktestRow, type BacktestSummary, summarizeBacktest } from '../../core/metrics/backtest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createRouter } from '../../core/route/decide';
import { TIER_IDS } from '../../core/ticket';
import { decidedAt, nowProblem, percent as pct, readHistory, readHistoryText } from '../history';
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
    const badNow = nowProblem(values.now);
    if (badNow) return usageError(io, badNow);
    const policy = values.policy ? await loadPolicy(values.policy, io) : defaultPolicy;
    if (!policy) return 1;
    const text = await readHistoryText(io, values.history, 'tierline backtest');
    if (text === undefined) return 1;

    const route = createRouter(policy);
    const { entries, skipped } = readHistory(text, values.history, { needsOutcome: true, report: (m) => io.stderr(`tierline backtest: ${m}\n`) });
    const rows: BacktestRow[] = entries.map(({ ticket, finalTier, finalRole }) => {
      const decision = route(ticket, { now: decidedAt(ticket, values.now, io.now()) });
      return { ticketId: ticket.id, decided: decision.tier, actual: finalTier, decidedRole: decision.role, actualRole: finalRole, entry: ticket.currentTier ?? policy.entryTier };
    });
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
