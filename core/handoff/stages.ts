import type { HandoffItem, Policy, StageId } from '../policy/schema';
import { TIER_IDS, type TierId } from '../ticket-ids';

/**
 * The handoff stages a move crosses. An escalation that skips a tier
 * (Tier 1 → Tier 3) needs the context of every stage it crosses; a
 * de-escalation or a sideways move crosses none and needs the base only.
 *
 * @example stagesBetween('T1', 'T3') // ['T1-T2', 'T2-T3']
 * @example stagesBetween('T3', 'T1') // []
 */
export function stagesBetween(from: TierId, to: TierId): StageId[] {
  const start = TIER_IDS.indexOf(from);
  const end = TIER_IDS.indexOf(to);
  const stages: StageId[] = [];
  for (let i = start; i < end; i++) stages.push(`${TIER_IDS[i]}-${TIER_IDS[i + 1]}` as StageId);
  return stages;
}

/** A required item and where it comes from: the base elements or a stage. */
export interface RequiredItem extends HandoffItem {
  stage?: StageId;
}

/**
 * Every item a packet from `from` to `to` must carry: the base elements, then
 * each crossed stage's own, without repeating an id.
 *
 * @example requiredItems(defaultPolicy, { from: 'T1', to: 'T2' }).map((i) => i.id)
 * // ['summary', …, 'communication-owner', 'steps-taken', 'account-configuration', 'screenshots', 'customer-tier-sla']
 */
export function requiredItems(policy: Policy, { from, to }: { from: TierId; to: TierId }): RequiredItem[] {
  const out: RequiredItem[] = [];
  const seen = new Set<string>();
  for (const item of policy.handoff.base) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push({ ...item });
  }
  for (const stage of stagesBetween(from, to)) {
    for (const item of policy.handoff.stages[stage] ?? []) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push({ ...item, stage });
    }
  }
  return out;
}
