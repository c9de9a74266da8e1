import type { Policy, StageId } from '../policy/schema';
import type { TierId } from '../ticket';
import type { HandoffPacket } from './packet';
import { stagesBetween, requiredItems } from './stages';

export interface HandoffCheck {
  /** Share of required items filled in, 0–100 (100 when nothing is required). */
  score: number;
  /** Required items still empty, in the order the policy lists them. */
  missing: { id: string; label: string }[];
  complete: boolean;
  /** True when the policy blocks incomplete packets and this one is incomplete. */
  blocked: boolean;
  mode: Policy['handoff']['mode'];
  /** How many items were required, and which stages they came from. */
  required: number;
  stages: StageId[];
}

/**
 * The base items the packet's summary block already answers, so an agent does
 * not write the same thing twice: the problem is the summary, what was done is
 * the steps tried, and the packet names its communication owner.
 */
const ANSWERED_BY_PACKET: Record<string, (p: HandoffPacket) => string> = {
  summary: (p) => p.summary.problem,
  'steps-tried': (p) => p.summary.done,
  'communication-owner': (p) => p.communicationOwner,
};

/** The value a packet gives for an item: its own entry, else the summary field that answers it. */
export function itemValue(packet: HandoffPacket, id: string): string {
  const own = packet.items[id]?.value ?? '';
  if (own.trim() !== '') return own;
  return ANSWERED_BY_PACKET[id]?.(packet) ?? '';
}

/**
 * How complete a handoff packet is for a move between tiers. Whitespace-only
 * values count as missing.
 *
 * @example
 * checkHandoff(defaultPolicy, packet, { from: 'T1', to: 'T2' })
 * // { score: 70, missing: [{ id: 'screenshots', label: 'Screenshots' }, …], complete: false, blocked: false, mode: 'warn', … }
 */
export function checkHandoff(policy: Policy, packet: HandoffPacket, options: { from: TierId; to: TierId } = packet): HandoffCheck {
  const items = requiredItems(policy, options);
  const missing = items.filter((item) => itemValue(packet, item.id).trim() === '').map(({ id, label }) => ({ id, label }));
  const filled = items.length - missing.length;
  const score = items.length === 0 ? 100 : Math.floor((100 * filled) / items.length);
  const complete = missing.length === 0;
  const mode = policy.handoff.mode;
  return { score, missing, complete, blocked: mode === 'block' && !complete, mode, required: items.length, stages: stagesBetween(options.from, options.to) };
}
