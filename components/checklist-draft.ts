/**
 * A handoff checklist draft's own keys beside the item values: plain functions
 * apart from the component, so the escalation code loaded on its own
 * (extension/overlay/escalate.ts) carries no Preact.
 */

/**
 * Where a draft keeps the ids of the prefilled items the agent confirmed
 * (comma-separated). Policy item ids cannot contain ":" (core/policy/schema.ts),
 * so no item can collide with it; every "tierline:" key is the checklist's own,
 * never an item, never counted, never written into the note.
 */
export const CONFIRMED_KEY = 'tierline:confirmed';

/** The ids of the prefilled items the agent confirmed in this draft. */
export function readConfirmed(values: Readonly<Record<string, string>>): Set<string> {
  return new Set((values[CONFIRMED_KEY] ?? '').split(',').map((id) => id.trim()).filter(Boolean));
}

/**
 * The draft with exactly `ids` confirmed (no key when there are none); the values are not changed.
 *
 * @example withConfirmed({ summary: 'Refund' }, ['summary']) // { summary: 'Refund', 'tierline:confirmed': 'summary' }
 */
export function withConfirmed(values: Readonly<Record<string, string>>, ids: Iterable<string>): Record<string, string> {
  const { [CONFIRMED_KEY]: _old, ...rest } = values;
  const list = [...new Set(ids)].filter((id) => id !== '' && !id.includes(',') && !id.includes(':')).sort();
  return list.length === 0 ? rest : { ...rest, [CONFIRMED_KEY]: list.join(',') };
}

/** The item values of a draft, without the checklist's own "tierline:" keys. */
export function itemValuesOf(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !key.includes(':')));
}
