import type { HelpdeskMapping } from '../../core/policy/schema';
import type { TierId } from '../../core/ticket';
import type { HelpdeskGroup } from '../types';
import { tierFromTag } from './policy-mapping';

/** The tag that marks a tier: the policy's write-back tag, else the tag the policy maps to that tier, else `tier_<n>`. */
export function tierTag(mapping: HelpdeskMapping, tier: TierId): string {
  const configured = mapping.writeBack[tier]?.tag;
  if (configured) return configured;
  const mapped = Object.entries(mapping.tags).find(([, t]) => t === tier)?.[0];
  return mapped ?? `tier_${tier.slice(1)}`;
}

/** Tags on the ticket that mark another tier, to remove when escalating. */
export function otherTierTags(mapping: HelpdeskMapping, tags: readonly string[], tier: TierId): string[] {
  return tags.filter((t) => {
    const other = tierFromTag(mapping, t);
    return other !== undefined && other !== tier;
  });
}

/**
 * The group id to assign for a tier. The APIs take ids; the policy may give
 * an id or a name, which is looked up in the helpdesk's groups (case-insensitive).
 */
export function tierGroupId(mapping: HelpdeskMapping, tier: TierId, groups: readonly HelpdeskGroup[] | undefined): { id?: number; note?: string } {
  const group = mapping.writeBack[tier]?.group?.trim();
  if (!group) return {};
  if (/^\d+$/.test(group)) return { id: Number(group) };
  const found = groups?.find((g) => g.name.trim().toLowerCase() === group.toLowerCase());
  if (found && /^\d+$/.test(found.id)) return { id: Number(found.id) };
  return { note: `The group "${group}" for ${tier} was not found among the helpdesk's groups; only the tier tag is written.` };
}
