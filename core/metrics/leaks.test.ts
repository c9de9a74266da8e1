import { describe, expect, it } from 'vitest';
import { eventSchema, type TierlineEvent, type TierlineEventInput } from '../events';
import { computeMetrics } from './compute';
import { indexLeaks, type LeakCell, type LeakDimension, type LeakOptions, rankLeaks } from './leaks';

const cellsOf = (events: Parameters<typeof indexLeaks>[0], options: LeakOptions, dimensions: readonly LeakDimension[]) => indexLeaks(events, options).cells(dimensions);
import { DEFAULT_RULES } from './verdict';

let counter = 0;
function ev(type: TierlineEventInput['type'], ticketId: string, at: string, data: Record<string, unknown>, extra: { agent?: string; team?: string; helpdesk?: string } = {}): TierlineEvent {
  counter++;
  return eventSchema.parse({ id: `evt-${String(counter).padStart(6, '0')}`, type, ticketId, at, helpdesk: extra.helpdesk ?? 'zendesk', agent: extra.agent ?? 'ana', team: extra.team, data });
}

const FEBRUARY = { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };

/**
 * 40 integration tickets moved from Tier 1 to Tier 2, 24 of them misrouted first;
 * 40 billing tickets moved the same way, 2 misrouted; 30 billing tickets that stayed at Tier 1.
 */
function seeded(): TierlineEvent[] {
  const events: TierlineEvent[] = [];
  const ticket = (id: string, category: string, move: 'misroute' | 'escalate' | 'stay') => {
    events.push(ev('decision', id, '2026-02-10T09:00:00Z', { tier: 'T1', role: 'front-line-agent', severity: 'normal', category }));
    if (move === 'misroute') events.push(ev('reassignment', id, '2026-02-10T10:00:00Z', { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: true }));
    if (move === 'escalate') events.push(ev('escalation', id, '2026-02-10T10:00:00Z', { from: 'T1', to: 'T2' }));
  };
  for (let i = 0; i < 40; i++) ticket(`int-${i}`, 'integration', i < 24 ? 'misroute' : 'escalate');
  for (let i = 0; i < 40; i++) ticket(`bil-${i}`, 'billing', i < 2 ? 'misroute' : 'escalate');
  for (let i = 0; i < 30; i++) ticket(`stay-${i}`, 'billing', 'stay');
  return events;
}

describe('indexLeaks', () => {
  it('puts each ticket in the cell of its first move between tiers and its issue type', () => {
    const cells = cellsOf(seeded(), FEBRUARY, ['stage', 'issueType']);
    expect(cells.map((c) => [c.keys.join(' × '), c.tickets])).toEqual([
      ['T1 × billing', 30],
      ['T1-T2 × billing', 40],
      ['T1-T2 × integration', 40],
    ]);
    const integration = cells.find((c) => c.keys[1] === 'integration');
    expect(integration?.ratios['misrouting-rate']).toEqual({ numerator: 24, denominator: 40, value: 0.6 });
    expect(integration?.behind?.['misrouting-rate']).toHaveLength(24);
    expect(integration?.behind?.['misrouting-rate']?.[0]).toMatchObject({ helpdesk: 'zendesk', ticketId: expect.stringMatching(/^int-/) });
    // A cell without a misroute lists none, rather than not knowing.
    expect(cells[0]?.behind?.['misrouting-rate']).toEqual([]);
  });

  it('adds up to the headline numbers: the cells hold every case once', () => {
    const events = seeded();
    const cells = cellsOf(events, FEBRUARY, ['stage', 'issueType']);
    const overall = computeMetrics(events, { ...FEBRUARY, minSample: 1 }).metrics;
    for (const id of ['misrouting-rate', 'escalation-rate'] as const) {
      const total = overall.find((m) => m.id === id)!;
      expect(cells.reduce((n, c) => n + (c.ratios[id]?.numerator ?? 0), 0)).toBe(total.numerator);
      expect(cells.reduce((n, c) => n + (c.ratios[id]?.denominator ?? 0), 0)).toBe(total.denominator);
    }
  });

  it('gives each cell exactly the metrics computeMetrics gives over its own tickets’ events', () => {
    const events = [
      ...seeded(),
      ev('handoff', 'int-30', '2026-02-11T09:00:00Z', { from: 'T1', to: 'T2', completeness: 60, missing: ['System logs'] }),
      ev('csat', 'int-30', '2026-02-12T09:00:00Z', { score: 2, afterHandoff: true }),
      ev('override', 'bil-3', '2026-02-10T09:30:00Z', { from: { tier: 'T1', role: 'front-line-agent' }, to: { tier: 'T2', role: 'senior-specialist' }, reason: 'Needs logs' }),
      ev('reopen', 'stay-1', '2026-02-12T09:00:00Z', { solvedAt: '2026-02-11T09:00:00Z' }),
    ];
    const index = indexLeaks(events, FEBRUARY);
    const [byStage, byIssueType] = [index.cells(['stage', 'issueType']), index.cells(['issueType'])];
    for (const cell of byStage!) {
      const prefix = cell.keys[1] === 'integration' ? 'int-' : cell.keys[0] === 'T1' ? 'stay-' : 'bil-';
      const own = computeMetrics(
        events.filter((e) => e.ticketId.startsWith(prefix)),
        { ...FEBRUARY, minSample: 1 },
      ).metrics;
      for (const m of own) expect(cell.ratios[m.id], `${cell.keys.join(' × ')}: ${m.id}`).toEqual({ numerator: m.numerator, denominator: m.denominator, value: m.value });
    }
    expect(byIssueType!.map((c) => [c.keys[0], c.tickets])).toEqual([
      ['billing', 70],
      ['integration', 40],
    ]);
  });

  it('does not depend on the order the events arrived in', () => {
    const events = seeded();
    const forwards = cellsOf(events, FEBRUARY, ['stage', 'issueType']);
    const backwards = cellsOf([...events].reverse(), FEBRUARY, ['stage', 'issueType']);
    expect(backwards).toEqual(forwards);
  });

  it('reads the issue type from a decision before the period, and leaves out tickets with nothing in it', () => {
    const events = [
      ev('decision', 'old', '2026-01-20T09:00:00Z', { tier: 'T1', role: 'front-line-agent', severity: 'normal', category: 'access' }),
      ev('reopen', 'old', '2026-02-03T09:00:00Z', { solvedAt: '2026-02-02T09:00:00Z' }),
      ev('decision', 'january-only', '2026-01-20T09:00:00Z', { tier: 'T1', role: 'front-line-agent', severity: 'normal', category: 'access' }),
    ];
    const cells = cellsOf(events, FEBRUARY, ['issueType']);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ keys: ['access'], tickets: 1, ratios: { 'reopen-48h-rate': { numerator: 1, denominator: 1 } } });
  });

  it('groups by agent, team and helpdesk of whoever first handled the ticket', () => {
    const events = [
      ev('decision', 'a', '2026-02-10T09:00:00Z', { tier: 'T1', role: 'front-line-agent', severity: 'normal' }, { agent: 'ana', team: 'emea', helpdesk: 'freshdesk' }),
      ev('handoff', 'a', '2026-02-10T10:00:00Z', { from: 'T2', to: 'T3', completeness: 50, missing: ['System logs'] }, { agent: 'ben', team: 'apac', helpdesk: 'freshdesk' }),
    ];
    const [cell] = cellsOf(events, FEBRUARY, ['agent', 'team', 'helpdesk', 'stage']);
    expect(cell?.keys).toEqual(['ana', 'emea', 'freshdesk', 'T2-T3']);
    expect(cell?.behind?.['handoff-completeness']?.map((t) => t.ticketId)).toEqual(['a']);
  });
});

describe('rankLeaks', () => {
  const cell = (keys: string[], numerator: number, denominator: number): LeakCell => ({
    keys,
    tickets: denominator,
    ratios: { 'misrouting-rate': { numerator, denominator, value: denominator ? numerator / denominator : 0 } },
  });

  it('puts the seeded leak first: integration tickets moved from Tier 1 to Tier 2', () => {
    const ranked = rankLeaks(cellsOf(seeded(), FEBRUARY, ['stage', 'issueType']), DEFAULT_RULES['misrouting-rate']);
    expect(ranked[0]?.cell.keys).toEqual(['T1-T2', 'integration']);
    expect(ranked[0]).toMatchObject({ excess: 12, verdict: { kind: 'warning', side: 'above' } });
  });

  it('ranks by cases beyond the band before the rate: 60% of 200 outranks 100% of 12', () => {
    const ranked = rankLeaks([cell(['small'], 12, 12), cell(['large'], 120, 200)], DEFAULT_RULES['misrouting-rate']);
    expect(ranked.map((r) => [r.cell.keys[0], r.excess])).toEqual([
      ['large', 60],
      ['small', 8.4],
    ]);
  });

  it('lists cells below the stated minimum last, as not enough data, and leaves out cells without a case', () => {
    const ranked = rankLeaks([cell(['thin'], 3, 3), cell(['fine'], 2, 40), cell(['empty'], 0, 0)], DEFAULT_RULES['misrouting-rate']);
    expect(ranked.map((r) => r.cell.keys[0])).toEqual(['fine', 'thin']);
    expect(ranked[1]?.verdict).toEqual({ kind: 'not-enough-data', period: 'current', cases: 3, need: 10 });
  });

  it('breaks ties by the worse rate, then by more cases, then by name', () => {
    const ranked = rankLeaks([cell(['b'], 5, 40), cell(['a'], 5, 40), cell(['c'], 6, 40), cell(['d'], 5, 50)], DEFAULT_RULES['misrouting-rate']);
    expect(ranked.map((r) => r.cell.keys[0])).toEqual(['c', 'a', 'b', 'd']);
  });

  it('holds post-handoff CSAT cells against the team share: 25% satisfied against 60% is a warning', () => {
    const csat = (keys: string[], numerator: number, denominator: number): LeakCell => ({ keys, tickets: denominator, ratios: { 'post-handoff-csat': { numerator, denominator, value: numerator / denominator } } });
    const ranked = rankLeaks([csat(['good'], 18, 20), csat(['bad'], 5, 20)], DEFAULT_RULES['post-handoff-csat'], { reference: 0.6 });
    expect(ranked.map((r) => [r.cell.keys[0], r.excess, r.verdict.kind])).toEqual([
      ['bad', 7, 'warning'],
      ['good', 0, 'healthy'],
    ]);
  });
});
