import type { Ticket } from '../ticket';

/**
 * What the triage model reads: the subject and the customer's words, as it was
 * trained on ticket text (not agents' notes). The extension and the CLI give
 * the model this same text, so both faces get the same suggestion.
 *
 * @example triageText({ subject: 'Charged twice', description: 'Refund please', comments: [], … }) // 'Charged twice\nRefund please'
 */
export function triageText(ticket: Ticket): string {
  const parts = [ticket.subject, ticket.description, ...ticket.comments.filter((c) => c.author === 'customer').map((c) => c.body)];
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))].join('\n');
}
