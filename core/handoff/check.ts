import type { Policy, StageId } from '../policy/schema';
import type { TierId } from '../ticket';
import type { HandoffPacket } from './packet';
import { stagesBetween, requiredItems } from './stages';

export interface HandoffCheck {
  /** Share of required items the agent wrote or confirmed, 0–100 (100 when nothing is required). Prefill the agent has not checked does not count. */
  score: number;
  /** Share of required items holding any value, confirmed or not: what the packet would score if every prefill were right. */
  filledScore: number;
  /** Required items still empty, in the order the policy lists them. */
  missing: { id: string; label: string }[];
  /** Required items holding a prefilled value the agent has not confirmed yet, in policy order. */
  unconfirmed: { id: string; label: string }[];
  /** Every required item is written or confirmed. */
  complete: boolean;
  /** True when the policy blocks incomplete packets and this one is incomplete (unconfirmed prefill included). */
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
 * Whether an item's value counts as the agent's: typed by them, or prefilled
 * and then confirmed. A value without a source is the agent's.
 */
export function isConfirmed(packet: HandoffPacket, id: string): boolean {
  const item = packet.items[id];
  return item?.source !== 'prefill' || item.confirmed === true;
}

/**
 * How complete a handoff packet is for a move between tiers. Whitespace-only
 * values count as missing; prefilled values count only once the agent
 * confirmed them (`filledScore` counts them anyway, for the audit).
 *
 * @example
 * checkHandoff(defaultPolicy, packet, { from: 'T1', to: 'T2' })
 * // { score: 30, filledScore: 70, missing: [{ id: 'screenshots', label: 'Screenshots' }, …], unconfirmed: [{ id: 'summary', … }, …], complete: false, blocked: false, mode: 'warn', … }
 */
export function checkHandoff(policy: Policy, packet: HandoffPacket, options: { from: TierId; to: TierId } = packet): HandoffCheck {
  const items = requiredItems(policy, options);
  const filled = items.filter((item) => itemValue(packet, item.id).trim() !== '');
  const missing = items.filter((item) => !filled.includes(item)).map(({ id, label }) => ({ id, label }));
  const unconfirmed = filled.filter((item) => !isConfirmed(packet, item.id)).map(({ id, label }) => ({ id, label }));
  const share = (n: number) => (items.length === 0 ? 100 : Math.floor((100 * n) / items.length));
  const complete = missing.length === 0 && unconfirmed.length === 0;
  const mode = policy.handoff.mode;
  return {
    score: share(filled.length - unconfirmed.length),
    filledScore: share(filled.length),
    missing,
    unconfirmed,
    complete,
    blocked: mode === 'block' && !complete,
    mode,
    required: items.length,
    stages: stagesBetween(options.from, options.to),
  };
}
