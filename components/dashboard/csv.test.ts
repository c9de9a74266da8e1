import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { bucketsOf, DEFAULT_RULES, periodPair } from '../../core/metrics';
import { auditCsv, handoffsCsv, metricsCsv } from './csv';
import type { DashboardData } from './dashboard-data';
import { auditBy, type HandoffRow } from './handoff-audit';

const row: HandoffRow = {
  id: 'h1',
  at: '2026-03-02T10:00:00.000Z',
  ticketId: '42',
  helpdesk: 'jira',
  agent: 'ana',
  team: null,
  from: 'T1',
  to: 'T2',
  stage: 'T1-T2',
  completeness: 70,
  complete: false,
  missing: ['Logs', 'Steps, "tried"'],
  blocked: false,
  packetId: null,
};

describe('CSV export', () => {
  it('writes one handoff per line with the missing items joined, quoting commas and quotes', () => {
    const parsed = Papa.parse<Record<string, string>>(handoffsCsv([row]), { header: true });
    expect(parsed.data[0]).toMatchObject({ id: 'h1', stage: 'T1-T2', team: '', missing: 'Logs; Steps, "tried"', complete: 'false' });
  });

  it('writes the audit groups of a dimension with their share complete', () => {
    const parsed = Papa.parse<Record<string, string>>(auditCsv('agent', auditBy([row, { ...row, id: 'h2', complete: true, missing: [] }], 'agent')), { header: true });
    expect(parsed.data[0]).toMatchObject({ agent: 'ana', handoffs: '2', complete: '1', shareComplete: '0.500' });
  });

  it('writes each metric for this period and the previous one with its verdict and action, then one row per week marked partial or not', () => {
    const none = { numerator: 0, denominator: 0, value: 0 };
    const metrics = Object.fromEntries(Object.keys(DEFAULT_RULES).map((id) => [id, { current: none, previous: null }])) as DashboardData['metrics'];
    metrics['escalation-rate'] = { current: { numerator: 24, denominator: 100, value: 0.24 }, previous: { numerator: 12, denominator: 100, value: 0.12 } };
    const period = periodPair(new Date('2026-03-10T12:00:00Z'), 7);
    const buckets = bucketsOf({ from: '2026-03-09T00:00:00Z', to: '2026-03-11T00:00:00Z' }, 'day', new Date('2026-03-10T12:00:00Z'));
    const csv = metricsCsv({ period, metrics, series: { unit: 'day', buckets, values: { 'escalation-rate': [{ numerator: 2, denominator: 10, value: 0.2 }, null] } } }, DEFAULT_RULES);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    const escalation = parsed.data.filter((r) => r.metric === 'escalation-rate');
    expect(escalation.map((r) => [r.bucket, r.value, r.partial, r.verdict])).toEqual([
      ['this period', '0.24', '', 'warning'],
      ['previous period', '0.12', '', ''],
      ['day', '0.2', 'no', ''],
      ['day', '', 'yes', ''],
    ]);
    expect(escalation[0]?.action).toContain('calibration');
    expect(parsed.data.find((r) => r.metric === 'misrouting-rate')?.verdict).toBe('not-enough-data');
  });
});
