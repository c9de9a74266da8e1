import type { Store } from '../store/store';

/**
 * Agents' corrections of the model, kept in the worker's store and exported as
 * JSONL `{ text, label }` lines: the format `tierline train --data` reads, so
 * a team appends them to its history and retrains (`--corrections file.jsonl`).
 */

export const CORRECTIONS = 'ai:corrections';
/** Oldest corrections go first beyond this many (about 2 MB of ticket text). */
export const MAX_CORRECTIONS = 2000;

export interface Correction {
  text: string;
  /** What the agent said the ticket is. */
  label: string;
  /** What the model had suggested. */
  modelLabel: string;
  at: string;
}

export async function saveCorrection(store: Store, correction: Correction): Promise<number> {
  const list = (await store.getMeta<Correction[]>(CORRECTIONS)) ?? [];
  const next = [...list, correction].slice(-MAX_CORRECTIONS);
  await store.setMeta(CORRECTIONS, next);
  return next.length;
}

/** @example correctionsJsonl([{ text: 'Refund please', label: 'billing', … }]) // → '{"text":"Refund please","label":"billing"}\n' */
export function correctionsJsonl(list: readonly Correction[]): string {
  return list.map((c) => `${JSON.stringify({ text: c.text, label: c.label })}\n`).join('');
}

export async function exportCorrections(store: Store): Promise<{ count: number; jsonl: string }> {
  const list = (await store.getMeta<Correction[]>(CORRECTIONS)) ?? [];
  return { count: list.length, jsonl: correctionsJsonl(list) };
}
