import { HANDOFF_NOTE_MARKER } from './render';

/**
 * What a model's summary answers in a handoff checklist: its Problem for the
 * "summary" source, its What's been done for the "steps" source. Apart from the
 * ticket readers (./prefill.ts) because the helpdesk tab, which gets the
 * ticket's prefill from the worker, applies a summary from Chrome's built-in
 * Summarizer over it with these alone (issue 13).
 */

/** Where a prefill value may come from (./prefill.ts says which items each answers). */
export const PREFILL_SOURCE_IDS = ['summary', 'steps', 'evidence', 'screenshots', 'logs', 'error-codes', 'reproduction', 'impacted-users', 'customer-tier', 'triggers', 'requester'] as const;
export type PrefillSourceId = (typeof PREFILL_SOURCE_IDS)[number];

/** An item's prefilled value and the one source it came from. */
export interface PrefilledValue {
  value: string;
  source: PrefillSourceId;
}

/** Problem / What's been done from a summary provider (extension/ai). */
export interface ProvidedSummary {
  problem: string;
  done: readonly string[];
}

/**
 * The summary's answer for an item filled from `source`, or '' when the summary does not answer it (then the
 * ticket's own value stands). A model's recap may retell an earlier packet; its lines that quote one are not this
 * tier's steps.
 *
 * @example summaryAnswer('steps', { problem: 'SSO loops', done: ['Cleared the cache', ''] }) // 'Cleared the cache'
 */
export function summaryAnswer(source: PrefillSourceId, summary: ProvidedSummary | undefined): string {
  if (!summary) return '';
  if (source === 'summary') return summary.problem.trim();
  if (source !== 'steps') return '';
  return summary.done
    .filter((line) => !line.includes(HANDOFF_NOTE_MARKER))
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * The checklist's prefill by item id: each item's prefilled value, with a model's summary over the items it answers.
 *
 * @example withSummary([{ id: 'summary', prefill: { value: 'Refund', source: 'summary' } }], { problem: 'Refund of a double charge', done: [] })
 * // { summary: 'Refund of a double charge' }
 */
export function withSummary(items: readonly { id: string; prefill?: PrefilledValue | undefined }[], summary: ProvidedSummary | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { id, prefill } of items) {
    const value = prefill ? summaryAnswer(prefill.source, summary) || prefill.value : '';
    if (value !== '') values[id] = value;
  }
  return values;
}
