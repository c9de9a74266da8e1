import { describe, expect, it } from 'vitest';
import { ticketSchema } from './ticket';

describe('ticketSchema', () => {
  it('fills defaults for a ticket that only has an id', () => {
    const t = ticketSchema.parse({ id: '42' });
    expect(t.comments).toEqual([]);
    expect(t.tags).toEqual([]);
    expect(t.subject).toBe('');
  });

  it('names the path of a wrongly typed field', () => {
    const r = ticketSchema.safeParse({ id: '1', requester: { customerTier: 'gold' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['requester', 'customerTier']);
  });
});
