import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema, type TierlineEvent, type TierlineEventInput } from '../events';
import { computeMetrics, type Metric, type MetricId } from './index';

let counter = 0;

/** One event as the extension records it; the schema fills defaults. */
function ev(type: TierlineEventInput['type'], ticketId: string, at: string, data: Record<string, unknown>, extra: { team?: string; agent?: string } = {}): TierlineEvent {
  counter++;
  return eventSchema.parse({ id: `evt-${String(counter).padStart(6, '0')}`, type, ticketId, at, helpdesk: 'zendesk', agent: extra.agent ?? 'ana', team: extra.team, data });
}

const NOVEMBER = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', minSample: 1 };

function metric(events: TierlineEvent[], id: MetricId, options: Partial<typeof NOVEMBER> & { groupBy?: 'team' | 'agent' | 'day' | 'week' } = {}): Metric {
  const found = computeMetrics(events, { ...NOVEMBER, ...options }).metrics.find((m) => m.id === id);
  if (!found) throw new Error(`no metric ${id}`);
  return found;
}

const decision = (ticket: string, at: string, data: Record<string, unknown> = {}, extra = {}) => ev('decision', ticket, at, { tier: 'T1', role: 'front-line-agent', severity: 'normal', ...data }, extra);
const escalation = (ticket: string, at: string, unnecessary?: boolean) => ev('escalation', ticket, at, { from: 'T1', to: 'T2', unnecessary });

/** n tickets decided on 2026-11-10, the first `escalated` of them escalated. */
function escalatedShare(n: number, escalated: number): TierlineEvent[] {
  const events: TierlineEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push(decision(`t${i}`, '2026-11-10T09:00:00Z'));
    if (i < escalated) events.push(escalation(`t${i}`, '2026-11-10T10:00:00Z'));
  }
  return events;
}

describe('computeMetrics', () => {
  it('counts a ticket as misrouted when it was reassigned because the first assignment was wrong', () => {
    const events = [
      decision('a', '2026-11-03T09:00:00Z'),
      decision('b', '2026-11-03T09:00:00Z'),
      decision('c', '2026-11-03T09:00:00Z'),
      decision('d', '2026-11-03T09:00:00Z'),
      ev('reassignment', 'a', '2026-11-03T10:00:00Z', { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: true }),
      ev('reassignment', 'b', '2026-11-03T10:00:00Z', { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: false }),
    ];
    expect(metric(events, 'misrouting-rate')).toMatchObject({ numerator: 1, denominator: 4, value: 0.25, status: 'healthy' });
  });

  it('warns when more than 30% of tickets are misrouted and recommends better intent classification', () => {
    const events = [decision('a', '2026-11-03T09:00:00Z'), decision('b', '2026-11-03T09:00:00Z'), ev('reassignment', 'a', '2026-11-03T10:00:00Z', { from: {}, to: {} })];
    const m = metric(events, 'misrouting-rate');
    expect(m).toMatchObject({ value: 0.5, status: 'warning' });
    expect(m.action).toContain('intent classification');
  });

  it('calls 12% escalations healthy, 25% a warning and 5% worth a look', () => {
    expect(metric(escalatedShare(100, 12), 'escalation-rate')).toMatchObject({ value: 0.12, status: 'healthy' });
    expect(metric(escalatedShare(100, 25), 'escalation-rate')).toMatchObject({ value: 0.25, status: 'warning' });
    expect(metric(escalatedShare(100, 5), 'escalation-rate')).toMatchObject({ value: 0.05, status: 'info' });
  });

  it('counts a ticket escalated twice once', () => {
    const events = [...escalatedShare(10, 1), escalation('t0', '2026-11-11T10:00:00Z')];
    expect(metric(events, 'escalation-rate')).toMatchObject({ numerator: 1, denominator: 10 });
  });

  it('warns when a fifth of escalations were avoidable and points to Tier 1 knowledge', () => {
    const events = [escalation('a', '2026-11-04T09:00:00Z', true), escalation('b', '2026-11-04T09:00:00Z', false), escalation('c', '2026-11-04T09:00:00Z'), escalation('d', '2026-11-04T09:00:00Z'), escalation('e', '2026-11-04T09:00:00Z')];
    const m = metric(events, 'unnecessary-escalation-rate');
    expect(m).toMatchObject({ numerator: 1, denominator: 5, status: 'warning' });
    expect(m.action).toContain('Tier 1 knowledge base');
  });

  it('breaks the override rate down by source and category', () => {
    const events = [
      decision('a', '2026-11-05T09:00:00Z', { source: 'model', category: 'billing' }),
      decision('b', '2026-11-05T09:00:00Z', { source: 'model', category: 'billing' }),
      decision('c', '2026-11-05T09:00:00Z', { source: 'rules', category: 'access' }),
      decision('d', '2026-11-05T09:00:00Z', { source: 'rules' }),
      ev('override', 'a', '2026-11-05T09:10:00Z', { from: { tier: 'T1', role: 'x' }, to: { tier: 'T2', role: 'y' }, reason: 'It is an integration bug', source: 'model', category: 'billing' }),
    ];
    const m = metric(events, 'override-rate');
    expect(m).toMatchObject({ numerator: 1, denominator: 4, value: 0.25, status: 'warning' });
    expect(m.breakdown).toEqual({
      'source:model': { numerator: 1, denominator: 2, value: 0.5 },
      'source:rules': { numerator: 0, denominator: 2, value: 0 },
      'category:access': { numerator: 0, denominator: 1, value: 0 },
      'category:billing': { numerator: 1, denominator: 2, value: 0.5 },
    });
  });

  it('counts a reopen within 48 hours of solving, and not one three days later', () => {
    const events = [
      decision('a', '2026-11-06T09:00:00Z'),
      decision('b', '2026-11-06T09:00:00Z'),
      ev('reopen', 'a', '2026-11-08T08:00:00Z', { solvedAt: '2026-11-06T10:00:00Z' }),
      ev('reopen', 'b', '2026-11-09T11:00:00Z', { solvedAt: '2026-11-06T10:00:00Z' }),
    ];
    const m = metric(events, 'reopen-48h-rate');
    expect(m).toMatchObject({ numerator: 1, denominator: 2, status: 'warning' });
    expect(m.action).toContain('verbatim transcripts');
  });

  it('measures repeat explanations on transferred tickets and recommends structured templates', () => {
    const events = [
      ev('handoff', 'a', '2026-11-07T09:00:00Z', { from: 'T1', to: 'T2', completeness: 100 }),
      ev('handoff', 'b', '2026-11-07T09:00:00Z', { from: 'T1', to: 'T2', completeness: 100 }),
      ev('repeat-explanation', 'a', '2026-11-07T12:00:00Z', {}),
      ev('repeat-explanation', 'c', '2026-11-07T12:00:00Z', { afterHandoff: false }),
    ];
    const m = metric(events, 'repeat-explanation-rate');
    expect(m).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, status: 'warning' });
    expect(m.action).toBe('Use structured handoff templates with fixed fields.');
  });

  it('warns on a 3-point drop in post-handoff CSAT against the previous month', () => {
    const csat = (ticket: string, at: string, score: number, afterHandoff = true) => ev('csat', ticket, at, { score, afterHandoff });
    const october = Array.from({ length: 10 }, (_, i) => csat(`o${i}`, '2026-10-15T12:00:00Z', i < 9 ? 5 : 2));
    const november = Array.from({ length: 10 }, (_, i) => csat(`n${i}`, '2026-11-15T12:00:00Z', i < 8 ? 4 : 1));
    const ignored = csat('x', '2026-11-15T12:00:00Z', 1, false);
    const m = metric([...october, ...november, ignored], 'post-handoff-csat', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(m).toMatchObject({ value: 0.8, previous: 0.9, change: -10, status: 'warning', numerator: 8, denominator: 10 });
    expect(m.mean).toBeCloseTo(3.4);
    expect(m.action).toContain('emotional details');
  });

  it('reports handoff completeness with the items missing most often', () => {
    const handoff = (ticket: string, completeness: number, missing: string[]) => ev('handoff', ticket, '2026-11-12T09:00:00Z', { from: 'T1', to: 'T2', completeness, missing });
    const m = metric([handoff('a', 100, []), handoff('b', 80, ['screenshots', 'logs']), handoff('c', 90, ['screenshots'])], 'handoff-completeness');
    expect(m).toMatchObject({ numerator: 1, denominator: 3, status: 'warning', mean: 90 });
    expect(m.mostMissing).toEqual([
      { id: 'screenshots', count: 2 },
      { id: 'logs', count: 1 },
    ]);
  });

  it('ignores events outside the period, with the end exclusive', () => {
    const events = [...escalatedShare(10, 1), escalation('t5', '2026-12-01T00:00:00Z'), escalation('t6', '2026-10-31T23:59:59Z')];
    expect(metric(events, 'escalation-rate')).toMatchObject({ numerator: 1, denominator: 10 });
  });

  it('reads offsets, so 00:30 in Berlin on 1 December still belongs to November', () => {
    expect(metric([decision('a', '2026-12-01T00:30:00+01:00')], 'escalation-rate').denominator).toBe(1);
  });

  it('says there is not enough data below the minimum sample', () => {
    expect(computeMetrics(escalatedShare(3, 1), { from: NOVEMBER.from, to: NOVEMBER.to }).metrics.find((m) => m.id === 'escalation-rate')?.status).toBe('insufficient-data');
  });

  it('groups by team, and by ISO week starting on Monday', () => {
    const events = [decision('a', '2026-11-08T23:00:00Z', {}, { team: 'emea' }), decision('b', '2026-11-09T01:00:00Z', {}, { team: 'amer' }), escalation('b', '2026-11-09T02:00:00Z')];
    expect(computeMetrics(events, { ...NOVEMBER, groupBy: 'team' }).groups.map((g) => g.key)).toEqual(['(no team)', 'amer', 'emea']);
    // Sunday 8 November belongs to the week of Monday 2 November; Monday 9 November starts a new one.
    const weeks = computeMetrics(events, { ...NOVEMBER, groupBy: 'week' }).groups;
    expect(weeks.map((g) => g.key)).toEqual(['2026-11-02', '2026-11-09']);
    expect(weeks[1]!.metrics.find((m) => m.id === 'escalation-rate')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(computeMetrics(events, { ...NOVEMBER, groupBy: 'day' }).groups.map((g) => g.key)).toEqual(['2026-11-08', '2026-11-09']);
  });
});

const tiers = fc.constantFrom('T0', 'T1', 'T2', 'T3', 'T4');
const at = fc.integer({ min: Date.parse('2026-10-01T00:00:00Z'), max: Date.parse('2026-12-15T00:00:00Z') }).map((t) => new Date(t).toISOString());
const dataOf = {
  decision: fc.record({ tier: tiers, role: fc.constant('r'), severity: fc.constant('normal'), source: fc.constantFrom('rules', 'model'), category: fc.option(fc.constantFrom('billing', 'bug'), { nil: undefined }) }),
  override: fc.record({ from: fc.record({ tier: tiers, role: fc.constant('a') }), to: fc.record({ tier: tiers, role: fc.constant('b') }), reason: fc.constant('wrong'), source: fc.constantFrom('rules', 'model'), category: fc.option(fc.constantFrom('billing', 'bug'), { nil: undefined }) }),
  escalation: fc.record({ from: tiers, to: tiers, unnecessary: fc.option(fc.boolean(), { nil: undefined }) }),
  handoff: fc.record({ from: tiers, to: tiers, completeness: fc.double({ min: 0, max: 100, noNaN: true }), missing: fc.subarray(['logs', 'screenshots', 'summary']) }),
  reassignment: fc.record({ from: fc.constant({}), to: fc.constant({}), misroute: fc.boolean() }),
  reopen: at.map((solvedAt) => ({ solvedAt })),
  csat: fc.record({ score: fc.double({ min: 1, max: 5, noNaN: true }), afterHandoff: fc.boolean() }),
  'repeat-explanation': fc.record({ afterHandoff: fc.boolean() }),
};
const eventArb = fc
  .record({ type: fc.constantFrom(...(Object.keys(dataOf) as (keyof typeof dataOf)[])), ticket: fc.constantFrom('1', '2', '3', '4', '5', '6'), at, team: fc.option(fc.constantFrom('emea', 'amer'), { nil: undefined }), agent: fc.constantFrom('ana', 'bo') })
  .chain((e) => dataOf[e.type].map((data) => ({ ...e, data })))
  .map((e) => ev(e.type, e.ticket, e.at, e.data as Record<string, unknown>, { team: e.team, agent: e.agent }));
const groupBy = fc.constantFrom(undefined, 'team', 'agent', 'day', 'week') as fc.Arbitrary<'team' | 'agent' | 'day' | 'week' | undefined>;

describe('computeMetrics on any event log', () => {
  it('keeps every rate between 0 and 1, overall and per group', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), groupBy, (events, by) => {
        const report = computeMetrics(events, { ...NOVEMBER, groupBy: by });
        for (const m of [...report.metrics, ...report.groups.flatMap((g) => g.metrics)]) {
          expect(m.value).toBeGreaterThanOrEqual(0);
          expect(m.value).toBeLessThanOrEqual(1);
          for (const r of Object.values(m.breakdown ?? {})) expect(r.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('does not depend on the order of the events', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }).chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))), groupBy, ([events, shuffled], by) => {
        expect(computeMetrics(shuffled, { ...NOVEMBER, groupBy: by })).toEqual(computeMetrics(events, { ...NOVEMBER, groupBy: by }));
      }),
    );
  });
});

/** The same instant written in Berlin winter time, e.g. 2026-11-10T10:00:00.000+01:00. */
function inBerlin(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 3_600_000).toISOString();
  return `${shifted.slice(0, 23)}+01:00`;
}

describe('computeMetrics and time zones', () => {
  it('gives the same report whether timestamps are written in UTC or with an offset', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), groupBy, (events, by) => {
        const offset = events.map((e) => (e.type === 'reopen' ? { ...e, at: inBerlin(e.at), data: { solvedAt: inBerlin(e.data.solvedAt) } } : { ...e, at: inBerlin(e.at) }));
        expect(computeMetrics(offset, { ...NOVEMBER, groupBy: by })).toEqual(computeMetrics(events, { ...NOVEMBER, groupBy: by }));
      }),
    );
  });
});

