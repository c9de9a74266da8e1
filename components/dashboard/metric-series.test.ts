import { describe, expect, it } from 'vitest';
import { type TierlineEventInput, eventSchema } from '../../core/events';
import { bucketsOf } from '../../core/metrics';
import { chartLines, metricPairs, metricsResponseSchema, seriesFromGroups, toWeeklySeries, weeklyMetricsFromEvents } from './metric-series';

let n = 0;
function ev(e: Omit<TierlineEventInput, 'id' | 'helpdesk' | 'agent'> & { agent?: string }) {
  n += 1;
  return eventSchema.parse({ id: `evt-${String(n).padStart(8, '0')}`, helpdesk: 'zendesk', agent: 'ana', ...e });
}

describe('weeklyMetricsFromEvents', () => {
  it('puts the week of 2026-03-02 and of 2026-03-09 side by side for each metric', () => {
    const events = [
      ...Array.from({ length: 10 }, (_, i) => ev({ type: 'decision', at: '2026-03-03T10:00:00Z', ticketId: `a${i}`, data: { tier: 'T1', role: 'frontline', severity: 'normal' } })),
      ev({ type: 'escalation', at: '2026-03-03T11:00:00Z', ticketId: 'a0', data: { from: 'T1', to: 'T2' } }),
      ...Array.from({ length: 10 }, (_, i) => ev({ type: 'decision', at: '2026-03-10T10:00:00Z', ticketId: `b${i}`, data: { tier: 'T1', role: 'frontline', severity: 'normal' } })),
      ...Array.from({ length: 3 }, (_, i) => ev({ type: 'escalation', at: '2026-03-10T11:00:00Z', ticketId: `b${i}`, data: { from: 'T1', to: 'T2' } })),
    ];
    const weekly = weeklyMetricsFromEvents(events, { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' });
    expect(weekly.weeks).toEqual(['2026-03-02', '2026-03-09']);
    expect(weekly.series['escalation-rate']).toEqual([0.1, 0.3]);
    expect(weekly.overall.find((m) => m.id === 'escalation-rate')?.value).toBeCloseTo(0.2);
  });
});

describe('toWeeklySeries', () => {
  it('reads the endpoint report for the weeks of 2026-03-02 and 2026-03-09, with a week without cases as null', () => {
    const metric = (id: string, value: number, denominator: number) => ({ id, label: id, value, numerator: value * denominator, denominator, status: 'healthy', summary: '', signal: '', action: '', band: '' });
    const body = metricsResponseSchema.parse({
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-16T00:00:00Z',
      metrics: [metric('escalation-rate', 0.2, 20)],
      groups: [
        { key: '2026-03-09', metrics: [metric('escalation-rate', 0.3, 10)] },
        { key: '2026-03-02', metrics: [metric('escalation-rate', 0, 0)] },
      ],
    });
    expect(toWeeklySeries(body.metrics, body.groups)).toMatchObject({ weeks: ['2026-03-02', '2026-03-09'], series: { 'escalation-rate': [null, 0.3] } });
  });
});

describe('chartLines', () => {
  const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });

  it('draws whole weeks solid and the partial first and last weeks dashed, joined to their whole neighbours', () => {
    const buckets = [{ partial: true }, { partial: false }, { partial: false }, { partial: false }, { partial: true }];
    expect(chartLines([r(0, 2), r(1, 10), r(2, 10), r(3, 10), r(1, 4)], buckets)).toEqual({
      whole: [null, 10, 20, 30, null],
      partial: [0, 10, null, 30, 25],
    });
  });

  it('leaves a bucket without cases empty on both lines', () => {
    expect(chartLines([null, r(1, 10)], [{ partial: true }, { partial: false }])).toEqual({ whole: [null, 10], partial: [null, 10] });
  });
});

describe('seriesFromGroups and metricPairs', () => {
  const metric = (id: string, numerator: number, denominator: number) => ({ id, label: id, value: denominator ? numerator / denominator : 0, numerator, denominator, status: 'healthy' as const, summary: '', signal: '', action: '', band: '' });

  it('puts the endpoint’s weeks on the chart’s buckets, a week it did not answer and a week without cases as null', () => {
    const buckets = bucketsOf({ from: '2026-03-04T00:00:00Z', to: '2026-03-23T00:00:00Z' }, 'week', new Date('2026-03-23T00:00:00Z'));
    const series = seriesFromGroups(
      [
        { key: '2026-03-16', metrics: [metric('escalation-rate', 3, 10)] },
        { key: '2026-03-02', metrics: [metric('escalation-rate', 0, 0)] },
      ],
      buckets,
      'week',
    );
    expect(series.buckets.map((b) => [b.key, b.partial])).toEqual([
      ['2026-03-02', true],
      ['2026-03-09', false],
      ['2026-03-16', false],
    ]);
    expect(series.values['escalation-rate']).toEqual([null, null, { numerator: 3, denominator: 10, value: 0.3 }]);
  });

  it('pairs every metric with its previous period, a metric the previous list lacks as 0 of 0', () => {
    const pairs = metricPairs([metric('escalation-rate', 45, 100), metric('not-a-metric', 1, 1)], [metric('misrouting-rate', 1, 10)]);
    expect(pairs['escalation-rate']).toEqual({ current: { numerator: 45, denominator: 100, value: 0.45 }, previous: { numerator: 0, denominator: 0, value: 0 } });
    expect(pairs['misrouting-rate'].previous).toEqual({ numerator: 1, denominator: 10, value: 0.1 });
    expect(Object.keys(pairs)).toHaveLength(8);
    expect(metricPairs([], null)['escalation-rate'].previous).toBeNull();
  });
});
