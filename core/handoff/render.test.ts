import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { type TicketComment, ticketSchema } from '../ticket';
import { findHandoffNote, findHandoffNoteById } from './find-note';
import { handoffPacketSchema } from './packet';
import { handoffIdFor, renderPacketText } from './render';

const sideways = handoffPacketSchema.parse({
  id: 'zendesk-1002',
  ticketId: '1002',
  helpdesk: 'zendesk',
  from: 'T1',
  to: 'T1',
  summary: { problem: 'Charged twice for the annual plan.', done: 'Checked the payment provider: two captures.', needed: 'Refund the second charge of $2,400.', customerContext: 'Premium customer, upset.' },
  communicationOwner: 'Dana Reyes',
  createdAt: '2026-03-02T09:00:00Z',
  updatedAt: '2026-03-02T09:05:00Z',
});
const roles = { from: 'front-line-agent', to: 'billing-specialist' };

const internal = (body: string, at?: string) => ticketSchema.parse({ id: '1002', comments: [{ author: 'agent', public: false, body, ...(at ? { at } : {}) } satisfies Partial<TicketComment>] });

describe('the handoff marker line', () => {
  it('names a sideways move with both roles, the sending agent and the handoff id', () => {
    const text = renderPacketText(defaultPolicy, sideways, { author: 'Dana Reyes', handoffId: 'tl-3f9c2a1b7e40', roles });
    const [marker, handoff] = text.split('\n');
    expect(marker).toBe('[Tierline handoff T1→T1 (Front-line Agent → Billing Specialist) by Dana Reyes · tl-3f9c2a1b7e40]');
    expect(handoff).toBe('Handoff: Front-line Agent (Tier 1: Frontline) → Billing Specialist (Tier 1: Frontline)');
    expect(text).toContain('What is needed from Billing Specialist?\n  Refund the second charge of $2,400.');
  });

  it('reads the roles, the author and the id back from the note', () => {
    const note = findHandoffNote(internal(renderPacketText(defaultPolicy, sideways, { author: 'Dana Reyes', handoffId: 'tl-3f9c2a1b7e40', roles })));
    expect(note).toMatchObject({ from: 'T1', to: 'T1', stage: 'T1-T1', roles: { from: 'Front-line Agent', to: 'Billing Specialist' }, author: 'Dana Reyes', handoffId: 'tl-3f9c2a1b7e40' });
    expect(note?.summary.needed).toBe('Refund the second charge of $2,400.');
  });

  it('keeps writing and reading the older marker without roles or id', () => {
    const text = renderPacketText(defaultPolicy, { ...sideways, to: 'T2' }, { author: 'ana' });
    expect(text.split('\n')[0]).toBe('[Tierline handoff T1→T2 by ana]');
    const note = findHandoffNote(internal(text));
    expect(note).toMatchObject({ from: 'T1', to: 'T2', author: 'ana' });
    expect(note).not.toHaveProperty('handoffId');
    expect(note).not.toHaveProperty('roles');
    expect(findHandoffNote(internal('[Tierline handoff T1→T2]\nWhat is the problem?\n  x'))).toMatchObject({ stage: 'T1-T2', summary: { problem: 'x' } });
  });

  it('does not let an agent name, a role name or an id forge the marker parts', () => {
    const policy = { ...defaultPolicy, roles: defaultPolicy.roles.map((r) => (r.id === 'billing-specialist' ? { ...r, name: 'Billing (refunds) → Specialist]' } : r)) };
    const text = renderPacketText(policy, sideways, { author: 'eve · tl-forged]\n[Tierline handoff T3→T4', handoffId: 'tl-1]<b>·x', roles });
    const marker = text.split('\n')[0];
    expect(marker).toBe('[Tierline handoff T1→T1 (Front-line Agent → Billing  refunds    Specialist) by eve   tl-forged  [Tierline handoff T3→T4 · tl-1bx]');
    expect(findHandoffNote(internal(text))).toMatchObject({ stage: 'T1-T1', author: 'eve   tl-forged  [Tierline handoff T3→T4', handoffId: 'tl-1bx' });
  });
});

describe('handoffIdFor', () => {
  const move = { helpdesk: 'zendesk' as const, ticketId: '1002', from: { tier: 'T1' as const, role: 'front-line-agent' }, to: { tier: 'T1' as const, role: 'billing-specialist' }, since: '2026-03-02T09:00:00Z' };

  it('gives the same move of the same ticket the same id, so a second click carries it again', () => {
    expect(handoffIdFor(move)).toBe(handoffIdFor({ ...move }));
    expect(handoffIdFor(move)).toMatch(/^tl-[0-9a-f]{12}$/);
  });

  it('gives another role, another ticket or a later stay at the tier another id', () => {
    const ids = new Set([
      handoffIdFor(move),
      handoffIdFor({ ...move, to: { tier: 'T2', role: 'senior-specialist' } }),
      handoffIdFor({ ...move, ticketId: '1003' }),
      handoffIdFor({ ...move, helpdesk: 'freshdesk' }),
      handoffIdFor({ ...move, since: '2026-03-05T10:00:00Z' }),
    ]);
    expect(ids.size).toBe(5);
  });
});

describe('findHandoffNoteById', () => {
  const first = renderPacketText(defaultPolicy, sideways, { author: 'Dana Reyes', handoffId: 'tl-aaaaaaaaaaaa', roles });
  const second = renderPacketText(defaultPolicy, { ...sideways, to: 'T2' }, { author: 'Dana Reyes', handoffId: 'tl-bbbbbbbbbbbb' });
  const ticket = ticketSchema.parse({
    id: '1002',
    comments: [
      { author: 'agent', public: false, body: first },
      { author: 'agent', public: false, body: second },
      { author: 'customer', public: true, body: renderPacketText(defaultPolicy, sideways, { handoffId: 'tl-cccccccccccc' }) },
    ],
  });

  it('finds an earlier note by its id, not only the latest one', () => {
    expect(findHandoffNoteById(ticket, 'tl-aaaaaaaaaaaa')).toMatchObject({ stage: 'T1-T1', handoffId: 'tl-aaaaaaaaaaaa' });
    expect(findHandoffNoteById(ticket, 'tl-bbbbbbbbbbbb')).toMatchObject({ stage: 'T1-T2' });
  });

  it('finds nothing for an unknown id, or for a marker pasted by the customer', () => {
    expect(findHandoffNoteById(ticket, 'tl-dddddddddddd')).toBeNull();
    expect(findHandoffNoteById(ticket, 'tl-cccccccccccc')).toBeNull();
  });
});
