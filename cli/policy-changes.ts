import type { Policy } from '../core/policy/schema';

/**
 * What changed between two policies, item by item: tiers, roles, issue types,
 * severities, calendars and triggers matched by id (added, removed, changed
 * field by field, reordered), and every other setting by its path. Pure; both
 * policies are parsed, so a default written out in one and left out in the
 * other is no change.
 */

/** One value that differs, at a path inside the item ("when.all[1].value"). */
export interface ValueChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export const LIST_SECTIONS = ['tiers', 'roles', 'issueTypes', 'severities', 'calendars', 'triggers'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];

export type ItemChange =
  | { section: ListSection; kind: 'added' | 'removed'; id: string; label: string }
  | { section: ListSection; kind: 'changed'; id: string; label: string; changes: ValueChange[] }
  /**
   * Items that kept their id but moved (positions count from 1): the first matching trigger of a kind, and the
   * first matching severity, win. The others keep their order around them.
   */
  | { section: ListSection; kind: 'moved'; id: string; label: string; from: number; to: number }
  | { section: 'settings'; kind: 'changed'; id: string; label: string; changes: ValueChange[] };

export interface PolicyChanges {
  before: { name: string; revision: number; rolledOutAt?: string };
  after: { name: string; revision: number; rolledOutAt?: string };
  changes: ItemChange[];
}

/** Keys that say which policy this is, not how it routes: shown in the header, never as a change. */
const IDENTITY_KEYS = new Set(['schemaVersion', 'name', 'revision', 'rolledOutAt']);

type Item = { id: string; name?: string; description?: string };

/**
 * @example
 * diffPolicies(defaultPolicy, { ...defaultPolicy, entryTier: 'T0' }).changes
 * // [{ section: 'settings', kind: 'changed', id: 'entryTier', label: 'entryTier', changes: [{ path: 'entryTier', before: 'T1', after: 'T0' }] }]
 */
export function diffPolicies(before: Policy, after: Policy): PolicyChanges {
  const changes: ItemChange[] = [];
  for (const section of LIST_SECTIONS) changes.push(...diffList(section, before[section] as Item[], after[section] as Item[]));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !IDENTITY_KEYS.has(k) && !(LIST_SECTIONS as readonly string[]).includes(k));
  for (const key of keys) {
    const found = valueChanges((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], key);
    if (found.length > 0) changes.push({ section: 'settings', kind: 'changed', id: key, label: key, changes: found });
  }
  const identity = (p: Policy) => ({ name: p.name, revision: p.revision, ...(p.rolledOutAt ? { rolledOutAt: p.rolledOutAt } : {}) });
  return { before: identity(before), after: identity(after), changes };
}

function diffList(section: ListSection, before: readonly Item[], after: readonly Item[]): ItemChange[] {
  const out: ItemChange[] = [];
  const label = (item: Item) => item.name ?? item.description ?? item.id;
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  for (const item of before) if (!next.has(item.id)) out.push({ section, kind: 'removed', id: item.id, label: label(item) });
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) {
      out.push({ section, kind: 'added', id: item.id, label: label(item) });
      continue;
    }
    const found = valueChanges(was, item, '');
    if (found.length > 0) out.push({ section, kind: 'changed', id: item.id, label: label(item), changes: found });
  }
  const keptBefore = before.map((i) => i.id).filter((id) => next.has(id));
  const keptAfter = after.map((i) => i.id).filter((id) => old.has(id));
  const inOrder = longestCommonSubsequence(keptBefore, keptAfter);
  for (const [to, item] of after.entries()) {
    if (!old.has(item.id) || inOrder.has(item.id)) continue;
    out.push({ section, kind: 'moved', id: item.id, label: label(item), from: before.findIndex((i) => i.id === item.id) + 1, to: to + 1 });
  }
  return out;
}

/** The ids that keep their relative order (the longest common subsequence): the rest are what moved. */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const join = (base: string, key: string | number) =>
  typeof key === 'number' ? `${base}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;

/**
 * Every leaf that differs between two JSON values, with its path. Objects are
 * compared key by key and arrays of the same length item by item; an array
 * that grew or shrank is one change, shown whole.
 *
 * @example
 * valueChanges({ when: { value: 1000 } }, { when: { value: 5000 } }, '') // [{ path: 'when.value', before: 1000, after: 5000 }]
 */
export function valueChanges(before: unknown, after: unknown, path: string): ValueChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => valueChanges(before[k], after[k], join(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => valueChanges(item, after[i], join(path, i)));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}
