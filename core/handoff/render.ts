import type { Policy } from '../policy/schema';
import type { HelpdeskId, TierId } from '../ticket';
import { hashSlice } from '../triage/hash';
import { checkHandoff, itemValue } from './check';
import type { HandoffPacket } from './packet';
import { requiredItems } from './stages';

/** The note's first line opens with this, so the receiving agent's overlay can find the note again (see `findHandoffNote`). */
export const HANDOFF_NOTE_MARKER = '[Tierline handoff';

/** What a handoff id may hold once written into the marker line. */
const HANDOFF_ID = /[A-Za-z0-9-]/g;

export interface RenderPacketOptions {
  /** The sending agent, named in the marker line so the overlay can tell the sender from the receiver. */
  author?: string;
  /**
   * The handoff's id (`handoffIdFor`), closing the marker line: a retried write-back looks for a note with this id
   * before it writes another. Letters, digits and `-` only; anything else is dropped.
   */
  handoffId?: string;
  /** The roles (policy ids) the ticket moves between, named in the marker and the headings: a sideways move (same tier) is told by them. */
  roles?: { from: string; to: string };
}

/**
 * A handoff's id: the same for the same move of the same ticket while it sits where it is, so a second click, a
 * retry, or a reload after only the note went in carries the same id; a later move (the ticket entered its tier
 * anew) gets another. `since` is when the ticket entered its current tier as read before the escalation (else when
 * it was created). Once the move has landed the ticket reads at the target, so a reload offers no handoff to repeat.
 *
 * @example
 * handoffIdFor({ helpdesk: 'zendesk', ticketId: '1002', from: { tier: 'T1', role: 'front-line-agent' }, to: { tier: 'T1', role: 'billing-specialist' }, since: '2026-03-02T09:00:00Z' })
 * // → 'tl-7488cd267cbb'
 */
export function handoffIdFor(input: { helpdesk: HelpdeskId; ticketId: string; from: { tier: TierId; role: string }; to: { tier: TierId; role: string }; since?: string | undefined }): string {
  const key = [input.helpdesk, input.ticketId, input.from.tier, input.from.role, input.to.tier, input.to.role, input.since ?? ''].join('\u0000');
  const high = hashSlice(key, 0, key.length, 0x2545f491).toString(16).padStart(8, '0');
  const low = hashSlice(key, 0, key.length, 0x9e3779b9).toString(16).padStart(8, '0');
  return `tl-${high}${low.slice(0, 4)}`;
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
 * renderPacketText(defaultPolicy, sideways, { author: 'Dana Reyes', handoffId: 'tl-3f9c2a1b7e40', roles: { from: 'front-line-agent', to: 'billing-specialist' } })
 * // '[Tierline handoff T1→T1 (Front-line Agent → Billing Specialist) by Dana Reyes · tl-3f9c2a1b7e40]\nHandoff: Front-line Agent (Tier 1: Frontline) → Billing Specialist (Tier 1: Frontline)\n…'
 */
export function renderPacketText(policy: Policy, packet: HandoffPacket, { author, handoffId, roles }: RenderPacketOptions = {}): string {
  const tierName = (id: TierId) => policy.tiers.find((t) => t.id === id)?.name ?? id;
  const roleName = (id: string) => policy.roles.find((r) => r.id === id)?.name ?? id;
  const check = checkHandoff(policy, packet, packet);
  const lines: string[] = [];
  // One line, so a name with a newline, a "]" or the id's "·" cannot forge or break the marker.
  const by = author === undefined ? '' : oneLine(author, /[\n\t\]·]/g);
  const id = (handoffId?.match(HANDOFF_ID) ?? []).join('').slice(0, 64);
  const named = roles ? { from: oneLine(roleName(roles.from), /[\n\t\]()→·]/g), to: oneLine(roleName(roles.to), /[\n\t\]()→·]/g) } : undefined;
  const between = named && named.from !== '' && named.to !== '' ? ` (${named.from} → ${named.to})` : '';
  lines.push(`${HANDOFF_NOTE_MARKER} ${packet.from}→${packet.to}${between}${by === '' ? '' : ` by ${by}`}${id === '' ? '' : ` · ${id}`}]`);
  lines.push(roles ? `Handoff: ${roleName(roles.from)} (${tierName(packet.from)}) → ${roleName(roles.to)} (${tierName(packet.to)})` : `Handoff: ${tierName(packet.from)} → ${tierName(packet.to)}`);
  const owner = clean(packet.communicationOwner).trim();
  lines.push(`Ticket ${clean(packet.ticketId)} · communication owner: ${owner === '' ? '(not named)' : owner}`);

  const questions: [string, string][] = [
    ['What is the problem?', packet.summary.problem],
    ['What has already been tried?', packet.summary.done],
    [`What is needed from ${roles ? roleName(roles.to) : tierName(packet.to)}?`, packet.summary.needed],
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

/** Text for the marker line: one line, without the characters that delimit the marker's parts. */
function oneLine(text: string, delimiters: RegExp): string {
  return clean(text).replace(delimiters, ' ').trim();
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
