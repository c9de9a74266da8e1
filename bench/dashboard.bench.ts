/**
 * The lead dashboard with 10,000 handoffs (and their other events, 40,000 in
 * all): what the page computes once per load — the audit by agent, team and
 * stage, the weekly metrics and the learning loop — beside a straightforward
 * peer that filters the rows once per group and item. The page must stay
 * under a second; the two audits are checked to agree.
 */
import type { TierlineEvent } from '../core/events';
import { learningCandidates } from '../core/metrics';
import { type AuditDimension, auditBy, type HandoffRow, toHandoffRow } from '../components/dashboard/handoff-audit';
import { weeklyMetricsFromEvents } from '../components/dashboard/metric-series';

const HANDOFFS = Number(process.env.BENCH_HANDOFFS ?? 10_000);
const FROM = '2026-09-01T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';
const ITEMS = ['Reproduction steps', 'System logs', 'Customer tier / SLA', 'Screenshots', 'Error codes', 'Impacted users'];

function generate(n: number): TierlineEvent[] {
  const start = Date.parse(FROM);
  const span = Date.parse(TO) - start;
  const events: TierlineEvent[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(start + Math.floor((((i * 7919) % n) / n) * span)).toISOString();
    const base = { at, ticketId: `T-${i}`, helpdesk: 'zendesk' as const, agent: `agent-${i % 40}`, team: `team-${i % 6}` };
    const missing = ITEMS.filter((_, k) => (i + k) % (k + 3) === 0);
    const to = i % 5 === 0 ? 'T3' : 'T2';
    events.push({ ...base, id: `d-${i}`, type: 'decision', data: { tier: 'T1', role: 'front-line-agent', severity: 'normal', bypass: false, triggers: [], source: 'rules', category: `topic-${i % 12}` } });
    events.push({ ...base, id: `e-${i}`, type: 'escalation', data: { from: 'T1', to, triggers: [], unnecessary: i % 4 === 0 } });
    events.push({ ...base, id: `h-${i}`, type: 'handoff', data: { from: 'T1', to, completeness: 100 - missing.length * 10, missing, blocked: false } });
    events.push({ ...base, id: `c-${i}`, type: 'csat', data: { score: 1 + (i % 5), afterHandoff: true } });
  }
  return events;
}

/** The peer: one filter over all rows per group, then per missing item. */
function naiveAudit(rows: readonly HandoffRow[], dim: AuditDimension) {
  const keyOf = (r: HandoffRow) => (dim === 'team' ? (r.team ?? '(no team)') : r[dim]);
  const keys = [...new Set(rows.map(keyOf))];
  return keys.map((key) => {
    const mine = rows.filter((r) => keyOf(r) === key);
    const items = [...new Set(mine.flatMap((r) => r.missing))];
    const counts = items.map((item) => ({ item, count: mine.filter((r) => r.missing.includes(item)).length }));
    return { key, total: mine.length, complete: mine.filter((r) => r.complete).length, counts };
  });
}

function time<T>(label: string, fn: () => T, runs = 5): { ms: number; result: T } {
  let result = fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) result = fn();
  const ms = (performance.now() - start) / runs;
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms`);
  return { ms, result };
}

const events = generate(HANDOFFS);
const period = { from: FROM, to: TO };
console.log(`${HANDOFFS} handoffs, ${events.length} events, ${period.from.slice(0, 10)} to ${period.to.slice(0, 10)}\n`);

const converted = time('handoff events → audit rows', () => events.flatMap((e) => (e.type === 'handoff' ? [toHandoffRow(e)] : [])));
const rows = converted.result;
const ours = time('auditBy agent + team + stage', () => (['agent', 'team', 'stage'] as const).map((d) => auditBy(rows, d)));
const peer = time('peer: filter per group and item', () => (['agent', 'team', 'stage'] as const).map((d) => naiveAudit(rows, d)));
const weekly = time('weekly metrics (core computeMetrics)', () => weeklyMetricsFromEvents(events, period));
const learning = time('learning loop (core learningCandidates)', () => learningCandidates(events, period));

for (const [i, groups] of ours.result.entries()) {
  const theirs = new Map(peer.result[i]!.map((g) => [g.key, g]));
  for (const g of groups) {
    const p = theirs.get(g.key);
    if (!p || p.total !== g.total || p.complete !== g.complete) throw new Error(`audits disagree on ${g.key}`);
  }
}
const total = converted.ms + ours.ms + weekly.ms + learning.ms;
console.log(`\naudit ${(peer.ms / ours.ms).toFixed(1)}× the peer; everything the page computes per load: ${total.toFixed(0)} ms for ${HANDOFFS} handoffs (${weekly.result.weeks.length} weeks, ${learning.result.length} learning topics)`);
console.log(total <= 1000 ? 'within the one-second page budget' : 'OVER the one-second page budget (is the machine busy?)');
