/**
 * What the lead dashboard computes per load, at 1,000,000 events (BENCH_EVENTS):
 * the period's and the previous period's metrics, the weekly series across
 * both, where the model leaks (every ticket read once, then each grouping the
 * lead opens) and the recurring escalation topics — the core functions the page
 * runs on this browser's log and `GET /v1/leaks` runs on the endpoint's.
 *
 * Peer: the obvious way to fill a leaks table, one `computeMetrics` per cell
 * over that cell's events, timed on the same data; both answers are checked to
 * agree. Noise floor: the leaks index timed against itself, alternating, in the
 * same run. A 90-day period; events spread over the 180 days of both periods.
 */
import type { TierlineEvent } from '../core/events';
import { computeMetrics, indexLeaks, type LeakDimension, learningTopics, type MetricId, NONE } from '../core/metrics';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TO = '2026-12-01T00:00:00.000Z';
const DAY = 86_400_000;
const FROM = new Date(Date.parse(TO) - 90 * DAY).toISOString();
const PREVIOUS = new Date(Date.parse(TO) - 180 * DAY).toISOString();
const CATEGORIES = ['billing', 'integration', 'configuration', 'access', 'data', 'account', 'reporting', 'api', 'sso', 'mobile', 'export', 'security'];
const REASONS = ['Webhook signature fails after key rotation', 'Needs API logs from the backend', 'Refund over the approval limit', 'SAML assertion rejected', 'Export times out on large accounts'];
const ITEMS = ['Reproduction steps', 'System logs', 'Customer tier / SLA', 'Screenshots', 'Error codes', 'Impacted users'];

/** A team's log: about five events per ticket (decision, sometimes a misroute, an escalation with its handoff, a rating, a reopen). */
function generate(target: number): TierlineEvent[] {
  const start = Date.parse(PREVIOUS);
  const span = Date.parse(TO) - start;
  const events: TierlineEvent[] = [];
  for (let i = 0; events.length < target; i++) {
    const t = start + Math.floor((((i * 7919) % 200_000) / 200_000) * span);
    const at = (minutes: number) => new Date(Math.min(t + minutes * 60_000, Date.parse(TO) - 1)).toISOString();
    const base = { ticketId: `T-${i}`, helpdesk: (['zendesk', 'freshdesk', 'jira'] as const)[i % 3]!, agent: `agent-${i % 40}`, team: `team-${i % 6}` };
    const category = CATEGORIES[i % CATEGORIES.length]!;
    events.push({ ...base, id: `d-${i}`, at: at(0), type: 'decision', data: { tier: 'T1', role: 'front-line-agent', severity: 'normal', bypass: false, triggers: [], source: i % 4 ? 'rules' : 'model', category } });
    if (i % 7 === 0) events.push({ ...base, id: `r-${i}`, at: at(5), type: 'reassignment', data: { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: true } });
    if (i % 3 === 0) {
      const to = i % 5 === 0 ? 'T3' : 'T2';
      const missing = ITEMS.filter((_, k) => (i + k) % (k + 3) === 0);
      events.push({ ...base, id: `e-${i}`, at: at(10), type: 'escalation', data: { from: 'T1', to, triggers: [], reason: REASONS[i % REASONS.length]!, unnecessary: i % 4 === 0 } });
      events.push({ ...base, id: `h-${i}`, at: at(11), type: 'handoff', data: { from: 'T1', to, completeness: 100 - missing.length * 10, missing, blocked: false } });
      events.push({ ...base, id: `c-${i}`, at: at(120), type: 'csat', data: { score: 1 + (i % 5), afterHandoff: true } });
    }
    if (i % 11 === 0) events.push({ ...base, id: `o-${i}`, at: at(200), type: 'reopen', data: { solvedAt: at(100) } });
  }
  return events;
}

/**
 * The peer: the straightforward way — each ticket's events sorted, its stage and issue type read off them, then one
 * `computeMetrics` per cell over that cell's events.
 */
function peerCells(events: readonly TierlineEvent[]): Map<string, Map<MetricId, [number, number]>> {
  const byTicket = new Map<string, TierlineEvent[]>();
  for (const e of events) {
    if (e.at >= TO) continue;
    const key = `${e.helpdesk}\u0000${e.ticketId}`;
    const list = byTicket.get(key);
    if (list) list.push(e);
    else byTicket.set(key, [e]);
  }
  const cells = new Map<string, TierlineEvent[]>();
  for (const list of byTicket.values()) {
    list.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    if (list[list.length - 1]!.at < FROM) continue;
    const move = list.find((e) => e.type === 'handoff' || e.type === 'escalation' || (e.type === 'reassignment' && e.data.from.tier && e.data.to.tier && e.data.from.tier !== e.data.to.tier));
    const routed = list.find((e) => e.type === 'decision');
    const stage = move?.type === 'handoff' || move?.type === 'escalation' ? `${move.data.from}-${move.data.to}` : move?.type === 'reassignment' ? `${move.data.from.tier}-${move.data.to.tier}` : routed?.type === 'decision' ? routed.data.tier : NONE;
    const latest = [...list].reverse().find((e) => e.type === 'decision' && e.data.category !== undefined);
    const cell = `${stage}|${latest?.type === 'decision' ? latest.data.category : NONE}`;
    const mine = cells.get(cell);
    if (mine) for (const e of list) mine.push(e);
    else cells.set(cell, [...list]);
  }
  return new Map(
    [...cells].map(([cell, mine]) => [cell, new Map(computeMetrics(mine, { from: FROM, to: TO, minSample: 1 }).metrics.map((m) => [m.id, [m.numerator, m.denominator]]))]),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

const generated = time(() => generate(EVENTS));
const events = generated.result;
console.log(`${events.length.toLocaleString('en')} events (${FROM.slice(0, 10)} to ${TO.slice(0, 10)} and the 90 days before), generated in ${(generated.ms / 1000).toFixed(1)} s; median of ${RUNS} runs\n`);

const STAGE_ISSUE: LeakDimension[] = ['stage', 'issueType'];
const pieces: Record<string, number[]> = { metrics: [], leaks: [], otherViews: [], topics: [], peer: [], floorA: [], floorB: [] };
for (let run = 0; run < RUNS; run++) {
  pieces.metrics!.push(
    time(() => {
      computeMetrics(events, { from: FROM, to: TO });
      computeMetrics(events, { from: PREVIOUS, to: FROM });
      computeMetrics(events, { from: PREVIOUS, to: TO, groupBy: 'week' });
    }).ms,
  );
  const leaks = time(() => {
    const index = indexLeaks(events, { from: FROM, to: TO });
    return { index, cells: index.cells(STAGE_ISSUE) };
  });
  pieces.leaks!.push(leaks.ms);
  pieces.otherViews!.push(time(() => (['agent', 'team', 'helpdesk'] as const).map((d) => leaks.result.index.cells([d]))).ms);
  pieces.topics!.push(time(() => learningTopics(events, { from: FROM, to: TO, unit: 'week' })).ms);
  // Noise floor: the same work twice, alternating which goes first.
  const a = () => indexLeaks(events, { from: FROM, to: TO }).cells(STAGE_ISSUE);
  const [first, second] = run % 2 ? [pieces.floorB!, pieces.floorA!] : [pieces.floorA!, pieces.floorB!];
  first.push(time(a).ms);
  second.push(time(a).ms);
  if (run < 2) {
    const peer = time(() => peerCells(events));
    pieces.peer!.push(peer.ms);
    // Both give every cell the same counts for every metric.
    for (const cell of leaks.result.cells) {
      const theirs = peer.result.get(cell.keys.join('|'));
      for (const [id, r] of Object.entries(cell.ratios)) {
        const [n, d] = theirs?.get(id as MetricId) ?? [-1, -1];
        if (!r || r.numerator !== n || r.denominator !== d) throw new Error(`the leaks index and the peer disagree on ${cell.keys.join('|')} ${id}`);
      }
    }
    if (peer.result.size !== leaks.result.cells.length) throw new Error(`the peer has ${peer.result.size} cells, the leaks index ${leaks.result.cells.length}`);
  }
}

const m = { metrics: 0, leaks: 0, otherViews: 0, topics: 0, peer: 0, floorA: 0, floorB: 0, ...Object.fromEntries(Object.entries(pieces).map(([k, v]) => [k, median(v)])) };
const row = (label: string, ms: number) => console.log(`${label.padEnd(62)} ${ms.toFixed(0).padStart(7)} ms`);
row('both periods and the weekly series (computeMetrics ×3)', m.metrics);
row('leaks: every ticket read once + stage × issue type cells', m.leaks);
row('leaks: agent, team and helpdesk cells (when the lead opens them)', m.otherViews);
row('recurring escalation topics (learningTopics)', m.topics);
row('peer: per ticket sorted, then computeMetrics per cell', m.peer);
const perLoad = m.metrics + m.leaks + m.topics;
console.log(`\nper load (metrics, stage × issue type, topics): ${(perLoad / 1000).toFixed(2)} s for ${events.length.toLocaleString('en')} events`);
console.log(`leaks vs the peer: ${(m.peer / m.leaks).toFixed(2)}× faster; noise floor (the leaks index against itself): ${(m.floorB / m.floorA).toFixed(2)}×`);
