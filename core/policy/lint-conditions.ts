import { parseDuration } from '../conditions/duration';
import type { Condition, LeafCondition } from '../conditions/schema';
import { foldText } from '../conditions/text';

/**
 * Static analysis of conditions for the policy linter: can a condition ever
 * be true, and does one condition imply another? Both answers are
 * conservative — "never fires" and "implies" are only claimed when certain,
 * so a finding is always a real mistake, never a guess.
 */

/** One literal of a conjunction: a leaf, possibly negated by a `not` above it. */
export interface Literal {
  leaf: LeafCondition;
  negated: boolean;
}

/** A condition in disjunctive normal form: any of these conjunctions (all of their literals). */
export type Dnf = Literal[][];

/** Beyond this many conjunctions the analysis gives up rather than slow the linter down. */
const MAX_CONJUNCTIONS = 256;

/**
 * Rewrites a condition as an OR of ANDs, pushing `not` down to the leaves.
 * Returns `null` when the condition is too large to analyse.
 *
 * @example toDnf({ any: [a, { all: [b, c] }] }) // [[a], [b, c]]
 */
export function toDnf(condition: Condition, negated = false): Dnf | null {
  if ('all' in condition || 'any' in condition) {
    const children = 'all' in condition ? condition.all : condition.any;
    // De Morgan: not(all) is any(not), not(any) is all(not).
    const conjunctive = 'all' in condition !== negated;
    const parts: Dnf[] = [];
    for (const child of children) {
      const part = toDnf(child, negated);
      if (part === null) return null;
      parts.push(part);
    }
    return conjunctive ? product(parts) : union(parts);
  }
  if ('not' in condition) return toDnf(condition.not, !negated);
  const leaf = condition;
  // not(exists x) is exactly exists !x: presence needs no field value.
  if (negated && leaf.op === 'exists') return [[{ leaf: { ...leaf, value: !leaf.value }, negated: false }]];
  return [[{ leaf, negated }]];
}

function union(parts: Dnf[]): Dnf | null {
  const out: Dnf = [];
  for (const p of parts) out.push(...p);
  return out.length > MAX_CONJUNCTIONS ? null : out;
}

function product(parts: Dnf[]): Dnf | null {
  let out: Dnf = [[]];
  for (const p of parts) {
    const next: Dnf = [];
    for (const left of out) for (const right of p) next.push([...left, ...right]);
    if (next.length > MAX_CONJUNCTIONS) return null;
    out = next;
  }
  return out;
}

type Scalar = string | number | boolean | null;

interface Range {
  min: number;
  minOpen: boolean;
  max: number;
  maxOpen: boolean;
}

const FULL: Range = { min: -Infinity, minOpen: true, max: Infinity, maxOpen: true };

/** The numeric interval a comparison leaf allows, or null for other operators. */
function rangeOf(leaf: LeafCondition, negated: boolean): Range | null {
  const op = negated ? NEGATED_COMPARISON[leaf.op] : leaf.op;
  let n: number;
  if (leaf.op === 'longerThan' || leaf.op === 'shorterThan') {
    const minutes = parseDuration(leaf.value);
    if (minutes === undefined) return null;
    n = minutes;
  }
  else if (typeof leaf.value === 'number') n = leaf.value;
  else return null;
  switch (op) {
    case 'gt':
    case 'longerThan':
      return { ...FULL, min: n, minOpen: true };
    case 'gte':
    case 'notShorterThan':
      return { ...FULL, min: n, minOpen: false };
    case 'lt':
    case 'shorterThan':
      return { ...FULL, max: n, maxOpen: true };
    case 'lte':
    case 'notLongerThan':
      return { ...FULL, max: n, maxOpen: false };
    default:
      return null;
  }
}

const NEGATED_COMPARISON: Record<string, string> = {
  gt: 'lte',
  gte: 'lt',
  lt: 'gte',
  lte: 'gt',
  longerThan: 'notLongerThan',
  shorterThan: 'notShorterThan',
};

function intersect(a: Range, b: Range): Range {
  const min = Math.max(a.min, b.min);
  const max = Math.min(a.max, b.max);
  return {
    min,
    minOpen: (a.min === min && a.minOpen) || (b.min === min && b.minOpen),
    max,
    maxOpen: (a.max === max && a.maxOpen) || (b.max === max && b.maxOpen),
  };
}

function isEmpty(r: Range): boolean {
  return r.min > r.max || (r.min === r.max && (r.minOpen || r.maxOpen));
}

function inRange(r: Range, n: number): boolean {
  return (r.minOpen ? n > r.min : n >= r.min) && (r.maxOpen ? n < r.max : n <= r.max);
}

function contains(r: Range, inner: Range): boolean {
  const lowOk = inner.min > r.min || (inner.min === r.min && (!r.minOpen || inner.minOpen));
  const highOk = inner.max < r.max || (inner.max === r.max && (!r.maxOpen || inner.maxOpen));
  return lowOk && highOk;
}

const isDurationOp = (op: string) => op === 'longerThan' || op === 'shorterThan';

/**
 * Why a conjunction can never be true, or null when it may be.
 *
 * @example contradiction([eq(priority, 'low'), eq(priority, 'urgent')]) // 'priority cannot equal both …'
 */
export function contradiction(conjunction: Literal[]): string | null {
  const byField = new Map<string, Literal[]>();
  for (const lit of conjunction) {
    const { leaf, negated } = lit;
    if (!negated && leaf.op === 'in' && leaf.value.length === 0) return `"${leaf.field} in []" matches nothing`;
    const list = byField.get(leaf.field) ?? [];
    list.push(lit);
    byField.set(leaf.field, list);
  }
  for (const [field, lits] of byField) {
    const reason = fieldContradiction(field, lits);
    if (reason) return reason;
  }
  return null;
}

function fieldContradiction(field: string, lits: Literal[]): string | null {
  const positives = lits.filter((l) => !l.negated);
  // A positive comparison needs the field to be present, which makes negated comparisons exact.
  const present = positives.some((l) => l.leaf.op !== 'exists' && l.leaf.op !== 'ne' && l.leaf.op !== 'notIn');
  for (let i = 0; i < lits.length; i++) {
    for (let j = i + 1; j < lits.length; j++) {
      const a = lits[i]!;
      const b = lits[j]!;
      if (pairContradicts(a, b)) return `"${field}" cannot be ${describe(a)} and ${describe(b)} at once`;
    }
  }
  for (const kind of ['number', 'duration'] as const) {
    let range = FULL;
    let used = 0;
    for (const l of lits) {
      if (isDurationOp(l.leaf.op) !== (kind === 'duration')) continue;
      if (l.negated && !present) continue;
      const r = rangeOf(l.leaf, l.negated);
      if (!r) continue;
      range = intersect(range, r);
      used++;
    }
    if (used > 1 && isEmpty(range)) return `no value of "${field}" satisfies ${lits.map(describe).join(' and ')}`;
    if (kind === 'number' && used > 0) {
      for (const l of positives) {
        if (l.leaf.op === 'eq' && typeof l.leaf.value === 'number' && !inRange(range, l.leaf.value)) {
          return `"${field}" cannot equal ${l.leaf.value} and be ${lits.filter((x) => rangeOf(x.leaf, x.negated)).map(describe).join(' and ')}`;
        }
      }
    }
  }
  return null;
}

function pairContradicts(a: Literal, b: Literal): boolean {
  if (a.negated && b.negated) return false;
  if (a.negated || b.negated) {
    const [neg, pos] = a.negated ? [a, b] : [b, a];
    // not(L) contradicts anything that implies L.
    return leafImplies(pos.leaf, neg.leaf);
  }
  return leavesContradict(a.leaf, b.leaf) || leavesContradict(b.leaf, a.leaf);
}

/** One-directional check of two positive leaves on the same field. */
function leavesContradict(a: LeafCondition, b: LeafCondition): boolean {
  if (a.op === 'exists') {
    if (b.op === 'exists') return a.value !== b.value;
    if (a.value === true) return false;
    // Every other operator needs a value to be present, except the negative ones and "equals null".
    if (b.op === 'ne' || b.op === 'notIn') return false;
    if (b.op === 'eq') return b.value !== null;
    if (b.op === 'in') return !b.value.includes(null);
    return true;
  }
  // A list field (tags) matches eq / in when any element does, so two of them can both hold.
  const list = isListField(a.field);
  if (a.op === 'eq') {
    if (b.op === 'eq') return !list && !sameScalar(a.value, b.value);
    if (b.op === 'ne') return sameScalar(a.value, b.value);
    if (b.op === 'in') return !list && !b.value.some((v) => sameScalar(v, a.value));
    if (b.op === 'notIn') return b.value.some((v) => sameScalar(v, a.value));
  }
  if (a.op === 'in') {
    if (b.op === 'in') return !list && !a.value.some((v) => b.value.some((w) => sameScalar(v, w)));
    if (b.op === 'notIn') return a.value.every((v) => b.value.some((w) => sameScalar(v, w)));
  }
  return false;
}

/**
 * Whether every ticket matching `a` also matches `b` (both positive leaves).
 * Only certain cases answer true.
 */
export function leafImplies(a: LeafCondition, b: LeafCondition): boolean {
  if (a.field !== b.field) return false;
  if (a.op === b.op && JSON.stringify(a.value) === JSON.stringify(b.value)) return true;
  if (b.op === 'exists') {
    if (b.value === false) return a.op === 'exists' && a.value === false;
    if (a.op === 'exists') return a.value === true;
    if (a.op === 'eq') return a.value !== null;
    if (a.op === 'in') return !a.value.includes(null);
    return a.op !== 'ne' && a.op !== 'notIn';
  }
  const values = a.op === 'eq' ? [a.value] : a.op === 'in' ? a.value : null;
  if (values) {
    if (b.op === 'eq') return values.every((v) => sameScalar(v, b.value));
    if (b.op === 'in') return values.every((v) => b.value.some((w) => sameScalar(v, w)));
    // On a list field one element equal to x says nothing about the others.
    if (b.op === 'ne') return !isListField(a.field) && values.every((v) => !sameScalar(v, b.value));
    if (b.op === 'notIn') return !isListField(a.field) && values.every((v) => !b.value.some((w) => sameScalar(v, w)));
    if (b.op === 'contains') {
      const phrases = typeof b.value === 'string' ? [b.value] : b.value;
      return values.every((v) => typeof v === 'string' && phrases.some((p) => foldText(v).includes(foldText(p))));
    }
    const r = rangeOf(b, false);
    if (r && !isDurationOp(b.op)) return values.every((v) => typeof v === 'number' && inRange(r, v));
    return false;
  }
  if (a.op === 'contains' && b.op === 'contains') {
    const inner = typeof a.value === 'string' ? [a.value] : a.value;
    const outer = typeof b.value === 'string' ? [b.value] : b.value;
    // "contains any of inner" implies "contains any of outer" when each inner phrase holds an outer one.
    return inner.every((p) => outer.some((q) => foldText(p).includes(foldText(q))));
  }
  if (isDurationOp(a.op) !== isDurationOp(b.op)) return false;
  const ra = rangeOf(a, false);
  const rb = rangeOf(b, false);
  return ra !== null && rb !== null && contains(rb, ra);
}

function literalImplies(a: Literal, b: Literal): boolean {
  if (a.leaf.field !== b.leaf.field) return false;
  if (!a.negated && !b.negated) return leafImplies(a.leaf, b.leaf);
  // not(x) ⇒ not(y) when y ⇒ x.
  if (a.negated && b.negated) return leafImplies(b.leaf, a.leaf);
  // x ⇒ not(y) when x and y cannot both hold.
  if (!a.negated && b.negated) return leavesContradict(a.leaf, b.leaf) || leavesContradict(b.leaf, a.leaf);
  return false;
}

/**
 * Whether condition `specific` can only be true when `general` is true too.
 * Returns false when unsure.
 */
export function conditionImplies(specific: Dnf, general: Dnf): boolean {
  const live = specific.filter((c) => contradiction(c) === null);
  if (live.length === 0) return false;
  return live.every((conj) => general.some((g) => g.every((lit) => conj.some((have) => literalImplies(have, lit)))));
}

/** Whether a condition can never be true; the reason when it cannot. */
export function neverTrue(dnf: Dnf): string | null {
  if (dnf.length === 0) return 'an empty "any" matches nothing';
  const reasons: string[] = [];
  for (const conj of dnf) {
    const reason = contradiction(conj);
    if (reason === null) return null;
    reasons.push(reason);
  }
  return [...new Set(reasons)].join('; ');
}

function sameScalar(a: Scalar, b: Scalar): boolean {
  return a === b;
}

/** Fields that may hold a list (tags, multi-select custom fields), where eq / in test each element. */
export function isListField(field: string): boolean {
  return field.startsWith('fields.') || /(^|\.)(tags|labels|comments|categories|keywords|issueTypes|triggers)(\.|$)/.test(field);
}

function describe(l: Literal): string {
  const v = JSON.stringify(l.leaf.value);
  return l.negated ? `not ${l.leaf.op} ${v}` : `${l.leaf.op} ${v}`;
}

/** Every leaf in a condition, with its JSON path segments relative to the condition. */
export function leavesWithPaths(condition: Condition, path: (string | number)[] = []): { leaf: LeafCondition; path: (string | number)[] }[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => leavesWithPaths(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => leavesWithPaths(c, [...path, 'any', i]));
  if ('not' in condition) return leavesWithPaths(condition.not, [...path, 'not']);
  return [{ leaf: condition, path }];
}
