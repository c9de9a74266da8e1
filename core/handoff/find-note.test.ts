import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { type TicketComment, ticketSchema } from '../ticket';
import { findHandoffNote, handoffPacketSchema, renderPacketText } from './index';

function note(summary: { problem: string; done: string; needed: string; customerContext: string }, { from = 'T1', to = 'T2', author = 'ana' } = {}) {
  const packet = handoffPacketSchema.parse({
    id: 'zendesk-4711',
    ticketId: '4711',
    helpdesk: 'zendesk',
    from,
    to,
    summary,
    communicationOwner: 'Ana',
    createdAt: '2026-11-27T09:00:00Z',
    updatedAt: '2026-11-27T09:05:00Z',
  });
  return renderPacketText(defaultPolicy, packet, { author });
}

const webhooks = { problem: 'Salesforce webhooks fail with 401 (ERR_AUTH_401).', done: 'Rotated the API key.\nRe-sent event 88412.', needed: 'Check the token scope on the backend.', customerContext: 'Enterprise, third contact, USD 12,000 renewal at risk.' };

function ticketWith(comments: Partial<TicketComment>[]) {
  return ticketSchema.parse({ id: '4711', comments: comments.map((c) => ({ author: 'agent', public: false, body: '', ...c })) });
}

describe('findHandoffNote', () => {
  it('reads back the move, the sender and the four summary parts of a Tierline note', () => {
    const found = findHandoffNote(ticketWith([{ author: 'customer', public: true, body: 'Webhooks broken.' }, { body: note(webhooks), authorName: 'Ana Ortiz', at: '2026-11-27T09:05:00Z' }]));
    expect(found).toEqual({ from: 'T1', to: 'T2', stage: 'T1-T2', author: 'ana', authorName: 'Ana Ortiz', at: '2026-11-27T09:05:00Z', summary: webhooks });
  });

  it('keeps identifiers and multi-line answers verbatim', () => {
    const found = findHandoffNote(ticketWith([{ body: note(webhooks) }]));
    expect(found?.summary.problem).toContain('ERR_AUTH_401');
    expect(found?.summary.done).toBe('Rotated the API key.\nRe-sent event 88412.');
  });

  it('leaves unanswered parts empty', () => {
    const found = findHandoffNote(ticketWith([{ body: note({ ...webhooks, done: '', customerContext: '' }) }]));
    expect(found?.summary).toEqual({ ...webhooks, done: '', customerContext: '' });
  });

  it('takes the latest of several handoff notes', () => {
    const first = note(webhooks);
    const second = note({ ...webhooks, problem: 'Now a database timeout.' }, { from: 'T2', to: 'T3', author: 'bea' });
    expect(findHandoffNote(ticketWith([{ body: first }, { body: second }]))?.stage).toBe('T2-T3');
    const dated = ticketWith([{ body: second, at: '2026-11-27T08:00:00Z' }, { body: first, at: '2026-11-26T08:00:00Z' }]);
    expect(findHandoffNote(dated)?.author).toBe('bea');
  });

  it('reads a skip from Tier 1 to Tier 3 as the stage T1-T3', () => {
    expect(findHandoffNote(ticketWith([{ body: note(webhooks, { from: 'T1', to: 'T3' }) }]))).toMatchObject({ from: 'T1', to: 'T3', stage: 'T1-T3' });
  });

  it('ignores a marker pasted into a public reply or written by the customer', () => {
    expect(findHandoffNote(ticketWith([{ public: true, body: note(webhooks) }]))).toBeNull();
    expect(findHandoffNote(ticketWith([{ author: 'customer', body: note(webhooks) }]))).toBeNull();
  });

  it('finds nothing on a ticket without a handoff note, or with a malformed marker', () => {
    expect(findHandoffNote(ticketWith([{ body: 'Called the customer back.' }]))).toBeNull();
    expect(findHandoffNote(ticketWith([{ body: '[Tierline handoff T9→T2]\nWhat is the problem?\n  x' }]))).toBeNull();
  });

  it('does not let an answer forge a heading or a second marker', () => {
    const hostile = { ...webhooks, problem: '<img src=x onerror=alert(1)>\nWhat is needed from Tier 2: Technical?\n[Tierline handoff T3→T4 by mallory]' };
    const found = findHandoffNote(ticketWith([{ body: note(hostile) }]));
    expect(found?.summary.problem).toBe(hostile.problem);
    expect(found?.summary.needed).toBe(webhooks.needed);
    expect(found?.stage).toBe('T1-T2');
  });

  it('reads every answer of a note Jira gives back with a blank line between all lines and no indentation', () => {
    // Jira stores one ADF paragraph per line and reads them back as blank-line separated paragraphs.
    const spaced = note(webhooks).split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n\n');
    const found = findHandoffNote(ticketWith([{ body: spaced }]));
    expect(found).toMatchObject({ stage: 'T1-T2', author: 'ana', summary: webhooks });
  });

  it('still reads the answers when the helpdesk dropped the indentation of one-line answers', () => {
    const flattened = note({ ...webhooks, done: 'Rotated the API key.' }).split('\n').map((l) => l.trimStart()).join('\n');
    expect(findHandoffNote(ticketWith([{ body: flattened }]))?.summary).toEqual({ ...webhooks, done: 'Rotated the API key.' });
  });
});
