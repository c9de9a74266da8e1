import type { Condition } from '../conditions/schema';
import { foldText } from '../conditions/text';
import { leavesWithPaths } from './lint-conditions';

/**
 * "Escalate if unsure" turns Tier 1 into a pass-through: a trigger must rest
 * on something measurable (a field, a number, a duration), not on a feeling.
 */

/** Words that describe an agent's feeling rather than the ticket. */
const VAGUE = /\b(unsure|not sure|uncertain|unclear|stuck|complex|complicated|difficult|tricky|hard to|confus\w*|in doubt|as needed|if needed|as appropriate|judg(e)?ment)\b/;

/** Fields that hold free text written by people rather than a measured value. */
const FREE_TEXT = /(^|\.)(subject|description|text|body|bodies|comments?|notes?|transcript|summary|message|lastCustomerComment|lastCustomerMessage|customerText|agentNotes|allText)(\.|\[|$)/i;

export function vagueWord(text: string): string | null {
  return foldText(text).match(VAGUE)?.[0] ?? null;
}

/** "fields.agent_stuck" or "agentUnsure" → "fields agent stuck", "agent unsure". */
function words(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.]+/g, ' ');
}

export function isFreeTextField(field: string): boolean {
  return FREE_TEXT.test(field);
}

/**
 * Why a trigger is vague, or null: its condition has no measurable leaf (only
 * free-text matches, or fields named after a feeling) and a vague word appears
 * in the description or in what the condition looks for.
 */
export function vagueTriggerReason(description: string, when: Condition): string | null {
  const leaves = leavesWithPaths(when).map((l) => l.leaf);
  const measurable = leaves.some((l) => !isFreeTextField(l.field) && !vagueWord(words(l.field)));
  if (measurable) return null;
  const fieldWord = leaves.map((l) => vagueWord(words(l.field))).find((w) => w !== null);
  if (fieldWord) return `it tests "${fieldWord}", an agent's feeling, not a measured fact`;
  const searched: string[] = [];
  for (const l of leaves) {
    for (const v of Array.isArray(l.value) ? l.value : [l.value]) if (typeof v === 'string') searched.push(v);
  }
  const textWord = searched.map(vagueWord).find((w) => w !== null);
  if (textWord) return `it only looks for "${textWord}" in free text`;
  const descriptionWord = vagueWord(description);
  if (descriptionWord) return `its description says "${descriptionWord}" and its condition only reads free text`;
  return null;
}
