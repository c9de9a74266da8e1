import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditCsv, handoffsCsv, metricsCsv } from './csv';
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

  it('writes the overall metrics with the action of a warning, then one row per week', () => {
    const metric = { id: 'escalation-rate', label: 'Escalation rate', value: 0.24, numerator: 24, denominator: 100, status: 'warning' as const, summary: '', signal: '', action: 'Check calibration.', band: '10–15%' };
    const parsed = Papa.parse<Record<string, string>>(metricsCsv({ overall: [metric], weeks: ['2026-03-02', '2026-03-09'], series: { 'escalation-rate': [0.2, null] } }), { header: true });
    expect(parsed.data.map((r) => [r.week, r.value, r.action])).toEqual([
      ['overall', '0.24', 'Check calibration.'],
      ['2026-03-02', '0.2', ''],
      ['2026-03-09', '', ''],
    ]);
  });
});
