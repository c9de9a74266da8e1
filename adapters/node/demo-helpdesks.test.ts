import { describe, expect, it } from 'vitest';
import { findHandoffNoteById } from '../../core/handoff/find-note';
import { handoffPacketSchema } from '../../core/handoff/packet';
import { renderPacketText } from '../../core/handoff/render';
import { defaultPolicy } from '../../core/policy/default-policy';
import type { HelpdeskId } from '../../core/ticket';
import { demoRoutes, FRESHDESK_HOST, freshdeskTicketId, JIRA_HOST, jiraIssueKey, SIGNED_IN_AGENTS, ZENDESK_HOST, zendeskTicketId } from '../../demo/server';
import { freshdesk } from '../freshdesk/adapter';
import { jira } from '../jira/adapter';
import type { FetchLike, HelpdeskAdapter, WriteBackPlan } from '../types';
import { zendesk } from '../zendesk/adapter';
import { createRoutesFetch } from './routes-fetch';

/** The demo helpdesks (demo/) answer what the adapters ask and keep what they write, checked without a browser. */
const demoFetch = () => createRoutesFetch(demoRoutes(() => new Date('2026-03-02T10:00:00Z')));

const desks: [HelpdeskId, HelpdeskAdapter, string, string][] = [
  ['zendesk', zendesk, `https://${ZENDESK_HOST}`, zendeskTicketId('billing')],
  ['freshdesk', freshdesk, `https://${FRESHDESK_HOST}`, freshdeskTicketId('billing')],
  ['jira', jira, `https://${JIRA_HOST}`, jiraIssueKey('billing')],
];

async function send(plan: WriteBackPlan, fetch: FetchLike, origin: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const r of plan.requests) statuses.push((await fetch(new URL(r.url, origin).href, { method: r.method, body: JSON.stringify(r.body) })).status);
  return statuses;
}

describe.each(desks)('the demo %s', (helpdesk, adapter, origin, ref) => {
  it('names its signed-in agent through the current-user API the adapter reads', async () => {
    const user = await adapter.readCurrentUser?.({ fetch: demoFetch(), origin });
    expect(user?.name).toBe(SIGNED_IN_AGENTS[helpdesk].name);
  });

  it('keeps a sideways move to the Billing Specialist and its note, so a retry finds the note instead of writing another', async () => {
    const fetch = demoFetch();
    const before = await adapter.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
    expect(before.ticket).toMatchObject({ currentTier: 'T1' });
    expect(before.ticket.assigneeRole).toBeUndefined();
    const packet = handoffPacketSchema.parse({ id: `${helpdesk}-${ref}`, ticketId: ref, helpdesk, from: 'T1', to: 'T1', summary: { problem: 'Charged twice: refund $2,400.', done: '', needed: '', customerContext: '' }, createdAt: '2026-03-02T09:55:00Z', updatedAt: '2026-03-02T09:55:00Z' });
    const handoffId = 'tl-0123456789ab';
    const noteText = renderPacketText(defaultPolicy, packet, { author: SIGNED_IN_AGENTS[helpdesk].name, handoffId, roles: { from: 'front-line-agent', to: 'billing-specialist' } });
    const groups = await adapter.readGroups?.({ fetch, origin });
    const input = { ref, noteText, from: { tier: 'T1' as const, role: 'front-line-agent' }, to: { tier: 'T1' as const, role: 'billing-specialist' }, policy: defaultPolicy, currentTags: before.ticket.tags, csrfToken: 'demo', groups };
    const plan = adapter.buildWriteBack(input);
    expect(plan.notes).toEqual([]);
    expect((await send(plan, fetch, origin)).every((status) => status < 300)).toBe(true);

    const after = await adapter.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
    expect(after.ticket).toMatchObject({ currentTier: 'T1', assigneeRole: 'billing-specialist' });
    expect(after.ticket.tags).toContain('role_billing_specialist');
    if (helpdesk === 'freshdesk') expect(after.ticket.group).toBe('Billing');
    const note = findHandoffNoteById(after.ticket, handoffId);
    expect(note).toMatchObject({ stage: 'T1-T1', roles: { from: 'Front-line Agent', to: 'Billing Specialist' }, author: SIGNED_IN_AGENTS[helpdesk].name });
    expect(note?.summary.problem).toBe('Charged twice: refund $2,400.');

    // The retry sends the move alone: still one note.
    await send(adapter.buildWriteBack({ ...input, currentTags: after.ticket.tags, includeNote: false }), fetch, origin);
    const again = await adapter.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
    expect(again.ticket.comments.filter((c) => c.body.includes(handoffId))).toHaveLength(1);
    expect(again.ticket.tags.filter((t) => t === 'role_billing_specialist')).toHaveLength(1);
  });

  it('starts every route table from the scenarios again', async () => {
    const fetch = demoFetch();
    const { ticket } = await adapter.readTicketFromApi({ ref, fetch, origin, policy: defaultPolicy });
    expect(ticket.comments.some((c) => c.body.includes('[Tierline handoff'))).toBe(false);
  });
});
