import { describe, expect, it } from 'vitest';
import { eventSchema } from '../../core/events';
import { auditBy, type HandoffRow, toHandoffRow, topMissingItems } from './handoff-audit';

function row(over: Partial<HandoffRow> & Pick<HandoffRow, 'id' | 'agent'>): HandoffRow {
  const missing = over.missing ?? [];
  return {
    at: '2026-03-02T10:00:00.000Z',
    ticketId: over.id,
    helpdesk: 'zendesk',
    team: 'emea',
    from: 'T1',
    to: 'T2',
    stage: `${over.from ?? 'T1'}-${over.to ?? 'T2'}`,
    completeness: missing.length ? 70 : 100,
    complete: missing.length === 0,
    blocked: false,
    packetId: null,
    ...over,
    missing,
  };
}

const rows = [
  row({ id: 'h1', agent: 'ana' }),
  row({ id: 'h2', agent: 'ana', missing: ['Reproduction steps'] }),
  row({ id: 'h3', agent: 'ben', missing: ['Reproduction steps', 'Logs'], team: null, from: 'T2', to: 'T3', stage: 'T2-T3' }),
  row({ id: 'h4', agent: 'ben', missing: ['Logs'] }),
  row({ id: 'h5', agent: 'ben', missing: ['Reproduction steps'] }),
];

describe('auditBy', () => {
  it('counts the share of complete packets per agent, worst first', () => {
    const byAgent = auditBy(rows, 'agent');
    expect(byAgent.map((g) => [g.key, g.total, g.complete, g.shareComplete])).toEqual([
      ['ben', 3, 0, 0],
      ['ana', 2, 1, 0.5],
    ]);
    // A tie is broken alphabetically so the table does not reshuffle between loads.
    expect(byAgent[0]!.topMissing).toEqual([
      { item: 'Logs', count: 2 },
      { item: 'Reproduction steps', count: 2 },
    ]);
  });

  it('groups handoffs without a team under "(no team)" and by stage', () => {
    expect(auditBy(rows, 'team').map((g) => g.key).sort()).toEqual(['(no team)', 'emea']);
    expect(auditBy(rows, 'stage').find((g) => g.key === 'T2-T3')?.total).toBe(1);
  });

  it('ranks the items most often missing across the team', () => {
    expect(topMissingItems(rows, 1)).toEqual([{ item: 'Reproduction steps', count: 3 }]);
  });
});

describe('toHandoffRow', () => {
  it('turns a local handoff event of 2026-03-02 into an audit row with the stage it crossed', () => {
    const event = eventSchema.parse({
      id: 'evt-00000001',
      type: 'handoff',
      at: '2026-03-02T10:00:00Z',
      ticketId: '42',
      helpdesk: 'freshdesk',
      agent: 'ana',
      data: { from: 'T1', to: 'T3', team: 'apac', completeness: 80, missing: ['Logs'] },
    });
    if (event.type !== 'handoff') throw new Error('expected a handoff event');
    expect(toHandoffRow(event)).toMatchObject({ stage: 'T1-T3', team: 'apac', complete: false, missing: ['Logs'] });
  });
});

