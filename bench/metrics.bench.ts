/**
 * Metrics throughput: `computeMetrics` over 1,000,000 generated events (what
 * the sync endpoint may hold for a team's quarter), ungrouped and grouped by
 * team and by week, beside a straightforward peer that makes one filtered
 * pass per metric with Date.parse and a Set of ticket ids per rate — the way
 * such metrics are usually first written. The two are checked to agree.
 */
import type { TierlineEvent } from '../core/events';
import { computeMetrics } from '../core/metrics/compute';
import { createPrng } from '../core/triage/prng';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const FROM = '2026-10-01T00:00:00.000Z';
const TO = '2026-12-31T00:00:00.000Z';

function generate(n: number): TierlineEvent[] {
  // Seeded so every run sees the same log.
  const rand = createPrng(42);
  const start = Date.parse('2026-09-01T00:00:00Z');
  const span = Date.parse('2027-01-01T00:00:00Z') - start;
  const tiers = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;
  const events: TierlineEvent[] = [];
  for (let i = 0; i < n; i++) {
    const atMs = start + Math.floor(rand() * span);
    const base = { id: `evt-${i.toString(36).padStart(8, '0')}`, at: new Date(atMs).toISOString(), ticketId: `ZD-${Math.floor(rand() * n * 0.15)}`, helpdesk: 'zendesk' as const, agent: `agent-${Math.floor(rand() * 60)}`, team: `team-${Math.floor(rand() * 6)}` };
    const r = rand();
    const tier = tiers[Math.floor(rand() * 5)]!;
    if (r < 0.35) events.push({ ...base, type: 'decision', data: { tier, role: 'front-line-agent', severity: 'normal', bypass: false, triggers: [], source: rand() < 0.5 ? 'model' : 'rules', category: rand() < 0.5 ? 'billing' : 'integration' } });
    else if (r < 0.45) events.push({ ...base, type: 'escalation', data: { from: 'T1', to: 'T2', triggers: [], unnecessary: rand() < 0.3 ? true : undefined } });
    else if (r < 0.55) events.push({ ...base, type: 'handoff', data: { from: 'T1', to: 'T2', completeness: Math.floor(rand() * 101), missing: rand() < 0.5 ? ['logs'] : [], blocked: false } });
    else if (r < 0.65) events.push({ ...base, type: 'reassignment', data: { from: {}, to: {}, misroute: rand() < 0.5 } });
    else if (r < 0.72) events.push({ ...base, type: 'override', data: { from: { tier, role: 'a' }, to: { tier, role: 'b' }, reason: 'wrong tier', source: 'model', category: 'billing' } });
    else if (r < 0.8) events.push({ ...base, type: 'reopen', data: { solvedAt: new Date(atMs - Math.floor(rand() * 96) * 3_600_000).toISOString() } });
    else if (r < 0.92) events.push({ ...base, type: 'csat', data: { score: 1 + Math.floor(rand() * 5), afterHandoff: rand() < 0.6 } });
    else events.push({ ...base, type: 'repeat-explanation', data: { afterHandoff: true } });
  }
  return events;
}

/** The peer: one pass per metric, Date.parse per event and a Set per rate. */
function naive(events: readonly TierlineEvent[]): Record<string, number> {
  const from = Date.parse(FROM);
  const to = Date.parse(TO);
  const inPeriod = events.filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) < to);
  const tickets = (pred: (e: TierlineEvent) => boolean) => new Set(inPeriod.filter(pred).map((e) => e.ticketId));
  const handled = tickets(() => true).size;
  const routed = tickets((e) => e.type === 'decision' || e.type === 'reassignment').size;
  const misrouted = tickets((e) => e.type === 'reassignment' && e.data.misroute).size;
  const escalated = tickets((e) => e.type === 'escalation').size;
  const escalations = inPeriod.filter((e) => e.type === 'escalation');
  const unnecessary = escalations.filter((e) => e.type === 'escalation' && e.data.unnecessary === true).length;
  const reopened = tickets((e) => e.type === 'reopen' && Date.parse(e.at) - Date.parse(e.data.solvedAt) <= 48 * 3_600_000 && Date.parse(e.at) >= Date.parse(e.data.solvedAt)).size;
  const csat = inPeriod.filter((e) => e.type === 'csat' && e.data.afterHandoff);
  const satisfied = csat.filter((e) => e.type === 'csat' && e.data.score >= 4).length;
  const handoffs = inPeriod.filter((e) => e.type === 'handoff');
  const complete = handoffs.filter((e) => e.type === 'handoff' && e.data.completeness >= 100 && e.data.missing.length === 0).length;
  return {
    'misrouting-rate': misrouted / routed,
    'escalation-rate': escalated / handled,
    'unnecessary-escalation-rate': unnecessary / escalations.length,
    'reopen-48h-rate': reopened / handled,
    'post-handoff-csat': satisfied / csat.length,
    'handoff-completeness': complete / handoffs.length,
  };
}

function time<T>(run: () => T, repeats = 3): { ms: number; result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result = run();
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = run();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

const events = generate(N);
console.log(`${N.toLocaleString('en-US')} events, period ${FROM} – ${TO}\n`);
const peer = time(() => naive(events));
console.log('| run | best of 3 (ms) | events/s | vs peer |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| peer: one pass per metric, Date.parse, Sets | ${peer.ms.toFixed(0)} | ${Math.round(N / (peer.ms / 1000)).toLocaleString('en-US')} | 1.0× |`);
for (const groupBy of [undefined, 'team', 'week'] as const) {
  const run = time(() => computeMetrics(events, { from: FROM, to: TO, groupBy }));
  console.log(`| computeMetrics${groupBy ? `, groupBy ${groupBy}` : ''} (all 8 metrics) | ${run.ms.toFixed(0)} | ${Math.round(N / (run.ms / 1000)).toLocaleString('en-US')} | ${(peer.ms / run.ms).toFixed(1)}× |`);
  if (!groupBy) {
    for (const [id, value] of Object.entries(peer.result)) {
      const ours = run.result.metrics.find((m) => m.id === id)?.value;
      if (ours === undefined || Math.abs(ours - value) > 1e-9) throw new Error(`${id}: computeMetrics ${ours} ≠ peer ${value}`);
    }
  }
}
console.log('\nResults agree with the peer on every shared metric.');
