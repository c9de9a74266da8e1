import { describe, expect, it } from 'vitest';
import { type TierlineEventInput, eventSchema } from '../../core/events';
import { metricsResponseSchema, toWeeklySeries, weeklyMetricsFromEvents } from './metric-series';

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
