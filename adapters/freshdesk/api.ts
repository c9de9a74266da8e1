import type { TicketComment } from '../../core/ticket';
import { normalizeTicket } from '../shared/normalize';
import type { Fields } from '../shared/policy-mapping';
import { tidyText, toIsoDateTime } from '../shared/text';
import { AdapterApiError, type ApiReadInput, type ApiResponses, type TicketRead } from '../types';
import { freshdeskCompanySchema, freshdeskConversationsSchema, freshdeskGroupSchema, freshdeskTicketSchema } from './api-schema';
import { freshdeskApiPaths } from './fetch';

/**
 * Validating and normalizing what the tab fetched from Freshdesk's API v2
 * (./fetch.ts): the worker, the CLI and the tab's fallback run this (issue 13).
 * https://developers.freshdesk.com/api/#view_a_ticket
 */

// Freshdesk's numeric enums, as in its API documentation ("Status", "Priority", "Source" tables).
const STATUS: Record<number, 'open' | 'pending' | 'on-hold' | 'solved' | 'closed'> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed', 6: 'pending', 7: 'on-hold' };
const PRIORITY: Record<number, 'low' | 'normal' | 'high' | 'urgent'> = { 1: 'low', 2: 'normal', 3: 'high', 4: 'urgent' };
const SOURCE: Record<number, string> = { 1: 'email', 2: 'portal', 3: 'phone', 7: 'chat', 9: 'feedback widget', 10: 'outbound email' };

/** "Rachel <rachel@acme.example>" → "Rachel". */
const nameFromEmail = (from: string | null | undefined) => from?.match(/^\s*"?([^"<]+?)"?\s*</)?.[1];

export function freshdeskTicketFromApiResponses(responses: ApiResponses, { ref, policy, origin }: { ref: string; policy: ApiReadInput['policy']; origin?: string | undefined }): TicketRead {
  const parsed = freshdeskTicketSchema.safeParse(responses.ticket);
  if (!parsed.success) throw new AdapterApiError(`the Freshdesk ticket ${ref} has an unexpected shape: ${parsed.error.issues[0]?.message}`, { path: freshdeskApiPaths.ticket(ref) });
  const ticket = parsed.data;
  const conversations = freshdeskConversationsSchema.safeParse(responses.comments);
  const group = freshdeskGroupSchema.safeParse(responses.group);
  const company = freshdeskCompanySchema.safeParse(responses.company);
  const unreadable: string[] = [];
  if (!conversations.success) unreadable.push('comments');
  if (ticket.group_id && !group.success) unreadable.push('group');
  if (ticket.company_id && !company.success) unreadable.push('requester.organization');

  const fields: Fields = {};
  for (const [name, value] of Object.entries(ticket.custom_fields)) if (value !== null && value !== '') fields[name] = value;
  if (ticket.type) fields.Type = ticket.type;

  const customerName = ticket.requester?.name ?? undefined;
  const comments: TicketComment[] = conversations.success
    ? conversations.data.map((c) => {
        const fromCustomer = c.incoming || (c.user_id !== undefined && c.user_id === ticket.requester_id);
        return {
          author: fromCustomer ? 'customer' : 'agent',
          public: !c.private,
          body: tidyText(c.body_text ?? ''),
          at: toIsoDateTime(c.created_at),
          authorName: fromCustomer ? customerName : nameFromEmail(c.from_email),
        };
      })
    : [];

  const companyData = company.success ? company.data : undefined;
  return normalizeTicket(
    {
      id: String(ticket.id),
      url: origin ? `${origin}/a/tickets/${ticket.id}` : undefined,
      subject: ticket.subject ?? '',
      description: tidyText(ticket.description_text ?? ''),
      comments,
      requester: {
        id: ticket.requester_id ? String(ticket.requester_id) : undefined,
        name: customerName,
        email: ticket.requester?.email ?? undefined,
        organization: companyData?.name,
      },
      customerFields: { ...(companyData?.custom_fields ?? {}), ...(companyData?.account_tier ? { account_tier: companyData.account_tier } : {}) },
      priority: ticket.priority ? PRIORITY[ticket.priority] : undefined,
      status: STATUS[ticket.status],
      tags: ticket.tags,
      fields,
      group: group.success ? group.data.name : undefined,
      channel: ticket.source ? SOURCE[ticket.source] : undefined,
      createdAt: toIsoDateTime(ticket.created_at),
      updatedAt: toIsoDateTime(ticket.updated_at),
    },
    // Freshdesk's public API has no ticket history, so tier entry is known only for the entry tier.
    { helpdesk: 'freshdesk', policy, unreadable },
  );
}
