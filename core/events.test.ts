import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventSchema, overrideDataSchema } from './events';

const event = {
  id: 'evt-000000001',
  at: '2026-03-02T09:05:00+01:00',
  ticketId: '1002',
  helpdesk: 'zendesk',
  agent: 'ana',
  type: 'override',
  data: { from: { tier: 'T1', role: 'frontline' }, to: { tier: 'T2', role: 'technical' }, reason: 'needs logs' },
};

describe('event schemas, built on first use', () => {
  it('lists every member of the union in EVENT_TYPES, in its order', () => {
    const members = eventSchema.unwrap().options.map((o) => o.shape.type.value);
    expect(members).toEqual([...EVENT_TYPES]);
  });

  it('builds the union once, whichever export is used first', () => {
    expect(eventSchema.unwrap()).toBe(eventSchema.unwrap());
    expect(overrideDataSchema.unwrap()).toBe(eventSchema.unwrap().options[1].shape.data);
  });

  it('parses and refuses as before: defaults filled, instants normalised, bad text named', () => {
    const parsed = eventSchema.parse(event);
    expect(parsed.at).toBe('2026-03-02T08:05:00.000Z');
    expect(parsed.type === 'override' && parsed.data.source).toBe('rules');
    const bad = eventSchema.safeParse({ ...event, data: { ...event.data, reason: 'x\u0000y' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['data', 'reason']);
    expect(overrideDataSchema.safeParse(event.data).success).toBe(true);
  });
});
