import type { HelpdeskMapping, Policy } from '../../core/policy/schema';
import type { HelpdeskId, TierId } from '../../core/ticket';
import type { HandoffEnd, HelpdeskGroup, WriteBackInput } from '../types';
import { getMapping, roleFromTag, tierFromTag } from './policy-mapping';

/** The tag that marks a tier: the policy's write-back tag, else the tag the policy maps to that tier, else `tier_<n>`. */
export function tierTag(mapping: HelpdeskMapping, tier: TierId): string {
  const configured = mapping.writeBack[tier]?.tag;
  if (configured) return configured;
  const mapped = Object.entries(mapping.tags).find(([, t]) => t === tier)?.[0];
  return mapped ?? `tier_${tier.slice(1)}`;
}

/** The tag that marks a role, when the policy writes one (`roleWriteBack`). */
export function roleTag(mapping: HelpdeskMapping, role: string): string | undefined {
  return mapping.roleWriteBack[role]?.tag?.trim() || undefined;
}

/** Tags on the ticket that mark another tier, to remove when escalating. */
export function otherTierTags(mapping: HelpdeskMapping, tags: readonly string[], tier: TierId): string[] {
  return tags.filter((t) => {
    const other = tierFromTag(mapping, t);
    return other !== undefined && other !== tier;
  });
}

/** Tags on the ticket that mark another role (the policy's role tags, or `role_<id>`), to remove when the ticket moves. */
export function otherRoleTags(policy: Pick<Policy, 'roles'>, mapping: HelpdeskMapping, tags: readonly string[], role: string): string[] {
  return tags.filter((t) => {
    const other = roleFromTag(policy, mapping, t);
    return other !== undefined && other !== role;
  });
}

/** "Billing Specialist (Tier 1)"; a role the policy does not know leaves the tier alone: "Tier 1". */
export function describeEnd(policy: Pick<Policy, 'roles'>, end: HandoffEnd): string {
  const tier = `Tier ${end.tier.slice(1)}`;
  const role = policy.roles.find((r) => r.id === end.role)?.name;
  return role ? `${role} (${tier})` : tier;
}

/** The ticket update of a move, whatever the helpdesk's request looks like. */
export interface Move {
  /** The tier tag, then the role tag when the policy writes one. */
  addTags: string[];
  /** Tags on the ticket that mark another tier or another role. */
  removeTags: string[];
  /** The group to assign: the role's group when mapped and found, else the tier's. */
  groupId?: number;
  /** What the move cannot do with this policy and these groups. */
  notes: string[];
  /** "Billing Specialist (Tier 1)": where the request purposes say the ticket goes. */
  target: string;
}

/**
 * Works out a move to `to`: tags in and out, and the group. The APIs take group ids; the policy may give an id or
 * a name, looked up in the helpdesk's groups (case-insensitive). A role's group that is not found falls back to the
 * tier's group, so the ticket still leaves the sender's queue. `groups: false` for helpdesks without groups (Jira).
 *
 * @example
 * planMove('freshdesk', { to: { tier: 'T1', role: 'billing-specialist' }, … }, { groups: true })
 * // { addTags: ['tier_1', 'role_billing_specialist'], removeTags: ['role_front_line_agent'], groupId: 7005, notes: [], target: 'Billing Specialist (Tier 1)' }
 */
export function planMove(helpdesk: HelpdeskId, input: Pick<WriteBackInput, 'from' | 'to' | 'policy' | 'currentTags' | 'groups'>, { groups: hasGroups }: { groups: boolean }): Move {
  const { from, to, policy, currentTags } = input;
  const mapping = getMapping(policy, helpdesk);
  const notes: string[] = [];
  if (from.tier === to.tier && from.role === to.role) notes.push(`The ticket is already with ${describeEnd(policy, to)}; the move only confirms it.`);
  const role = roleTag(mapping, to.role);
  const addTags = [tierTag(mapping, to.tier), ...(role ? [role] : [])];
  const removeTags = [...new Set([...otherTierTags(mapping, currentTags, to.tier), ...otherRoleTags(policy, mapping, currentTags, to.role)])].filter((t) => !addTags.includes(t));
  const roleGroup = mapping.roleWriteBack[to.role]?.group?.trim();
  const tierGroup = mapping.writeBack[to.tier]?.group?.trim();
  const target = describeEnd(policy, to);
  const move: Move = { addTags, removeTags, notes, target };
  if (!hasGroups) {
    if (roleGroup || tierGroup) notes.push(`There is no group to assign on this helpdesk; only the ${addTags.join(' and ')} label${addTags.length > 1 ? 's are' : ' is'} written.`);
    return move;
  }
  if (roleGroup) {
    const id = groupId(roleGroup, input.groups);
    if (id !== undefined) return { ...move, groupId: id };
    notes.push(`The group "${roleGroup}" for ${target} was not found among the helpdesk's groups; ${tierGroup ? `the ${to.tier} group is assigned instead` : 'only the tags are written'}.`);
  }
  if (tierGroup) {
    const id = groupId(tierGroup, input.groups);
    if (id !== undefined) return { ...move, groupId: id };
    notes.push(`The group "${tierGroup}" for ${to.tier} was not found among the helpdesk's groups; only the tags are written.`);
  }
  return move;
}

/** A group id as the policy gives it, or the id of the helpdesk group with that name. */
function groupId(group: string, groups: readonly HelpdeskGroup[] | undefined): number | undefined {
  if (/^\d+$/.test(group)) return Number(group);
  const found = groups?.find((g) => g.name.trim().toLowerCase() === group.toLowerCase());
  return found && /^\d+$/.test(found.id) ? Number(found.id) : undefined;
}
