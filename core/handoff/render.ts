import type { Policy } from '../policy/schema';
import type { TierId } from '../ticket';
import { checkHandoff, itemValue } from './check';
import type { HandoffPacket } from './packet';
import { requiredItems } from './stages';

/** The note's first line opens with this, so the receiving agent's overlay can find the note again (see `findHandoffNote`). */
export const HANDOFF_NOTE_MARKER = '[Tierline handoff';

export interface RenderPacketOptions {
  /** The sending agent, named in the marker line so the overlay can tell the sender from the receiver. */
  author?: string;
}

/**
 * Renders a packet as a plain-text internal note, the form written back to
 * the helpdesk on escalation. Plain text only: values are agent- and
 * customer-written, so nothing here is markup, and control characters are
 * dropped. Pure: the note shows the packet's own timestamps, never "now".
 *
 * @example
 * renderPacketText(defaultPolicy, packet, { author: 'ana' })
 * // '[Tierline handoff T1→T2 by ana]\nHandoff: Tier 1: Frontline → Tier 2: Technical\nTicket 4711 · communication owner: Ana\n\nWhat is the problem?\n  …'
 */
export function renderPacketText(policy: Policy, packet: HandoffPacket, { author }: RenderPacketOptions = {}): string {
  const tierName = (id: TierId) => policy.tiers.find((t) => t.id === id)?.name ?? id;
  const check = checkHandoff(policy, packet, packet);
  const lines: string[] = [];
  // One line, so a name with a newline or a "]" cannot forge or break the marker.
  const by = author === undefined ? '' : clean(author).replace(/[\n\t\]]/g, ' ').trim();
  lines.push(`${HANDOFF_NOTE_MARKER} ${packet.from}→${packet.to}${by === '' ? '' : ` by ${by}`}]`);
  lines.push(`Handoff: ${tierName(packet.from)} → ${tierName(packet.to)}`);
  const owner = clean(packet.communicationOwner).trim();
  lines.push(`Ticket ${clean(packet.ticketId)} · communication owner: ${owner === '' ? '(not named)' : owner}`);

  const questions: [string, string][] = [
    ['What is the problem?', packet.summary.problem],
    ['What has already been tried?', packet.summary.done],
    [`What is needed from ${tierName(packet.to)}?`, packet.summary.needed],
    ['Customer context and business impact:', packet.summary.customerContext],
  ];
  for (const [question, answer] of questions) {
    if (answer.trim() === '') continue;
    lines.push('', question, indent(answer));
  }

  const required = requiredItems(policy, packet);
  lines.push('', `Context (${required.length - check.missing.length} of ${required.length} items, ${check.score}% complete):`);
  for (const item of required) {
    const value = itemValue(packet, item.id);
    if (value.trim() === '') lines.push(`- ${item.label}: (missing)`);
    else if (!value.includes('\n')) lines.push(`- ${item.label}: ${clean(value).trim()}`);
    else lines.push(`- ${item.label}:`, indent(value, '    '));
  }

  const requiredIds = new Set(required.map((i) => i.id));
  const extra = Object.entries(packet.items)
    .filter(([id, item]) => !requiredIds.has(id) && item.value.trim() !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (extra.length > 0) {
    lines.push('', 'Other notes:');
    for (const [id, item] of extra) lines.push(`- ${clean(id)}:`, indent(item.value, '    '));
  }

  const aiItems = Object.entries(packet.items).filter(([, item]) => item.source === 'ai' && item.value.trim() !== '').length;
  lines.push('');
  if (packet.confirmedBy) lines.push(`Reviewed by ${clean(packet.confirmedBy)}.`);
  else if (aiItems > 0) lines.push(`${aiItems} item(s) were drafted by AI and not yet reviewed by the receiving agent.`);
  lines.push(`Packet ${clean(packet.id)}, last updated ${packet.updatedAt}.`);
  return `${lines.join('\n')}\n`;
}

/** Drops control characters other than newline and tab; normalizes line ends. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function indent(text: string, prefix = '  '): string {
  return clean(text)
    .trim()
    .split('\n')
    .map((line) => `${prefix}${line.trimEnd()}`)
    .join('\n');
}
