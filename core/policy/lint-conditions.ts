import { parseDuration } from '../conditions/duration';
import type { Condition, LeafCondition } from '../conditions/schema';
import { foldText } from '../conditions/text';
import { compilePhrase, type PhraseTerm } from '../text/phrase';
import { tokenize } from '../text/tokenize';

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
  if (a.op === 'mentions' && b.op === 'mentions') {
    const inner = typeof a.value === 'string' ? [a.value] : a.value;
    const outer = typeof b.value === 'string' ? [b.value] : b.value;
    return inner.every((p) => outer.some((q) => phraseOpensWith(p, q)));
  }
  if (isDurationOp(a.op) !== isDurationOp(b.op)) return false;
  const ra = rangeOf(a, false);
  const rb = rangeOf(b, false);
  return ra !== null && rb !== null && contains(rb, ra);
}

/**
 * Whether every text that mentions `inner` also mentions `outer`: when `outer`'s
 * words, with the same markers, open `inner`, and the rest of `inner` cannot
 * negate them. `mentions` reads words, not substrings, so "password" does not
 * imply "pass" as `contains` would. Only the opening words are safe: a negator
 * inside a phrase is part of it, so "not working" matches where "working" alone
 * counts as negated. The words after them must follow without a gap (a gap may
 * hold "nothing", which denies the words before it) and plainly, and none may
 * deny what came before it ("data lost nothing" vs "data lost").
 *
 * @example phraseOpensWith('data breach reported', 'data breach') // true
 */
function phraseOpensWith(inner: string, outer: string): boolean {
  const a = compilePhrase(inner).terms;
  const b = compilePhrase(outer).terms;
  if (b.length === 0 || b.length > a.length) return false;
  if (!b.every((t, i) => sameTerm(t, a[i] as PhraseTerm, i === 0))) return false;
  return a.slice(b.length).every((t) => t.gapBefore === 0 && !t.prefix && !t.suffix && !deniesBefore(t.folded));
}

function sameTerm(t: PhraseTerm, u: PhraseTerm, head: boolean): boolean {
  // The first word's gap is never read: a match starts at it.
  return t.folded === u.folded && t.prefix === u.prefix && t.suffix === u.suffix && t.exact === u.exact && (head || t.gapBefore === u.gapBefore);
}

/** Whether the tokenizer reads a word as denying the words before it in its clause ("nothing", "nichts", "rien"). */
function deniesBefore(word: string): boolean {
  return (tokenize(`x ${word}`)[0]?.negatedBy ?? -1) >= 0;
}

/** A `mentions` phrase longer than this is rarely written word for word by a customer. */
export const MAX_PHRASE_WORDS = 8;

/**
 * What is wrong with a `mentions` phrase, or null: no words once its `…`, `*`
 * and `=` markers are gone (it never matches), more than MAX_PHRASE_WORDS words
 * (it almost never matches), or a lone stop word (nearly every ticket has it).
 *
 * @example mentionsPhraseProblem('the') // { code: 'stop-word-phrase', … }
 */
export function mentionsPhraseProblem(phrase: string): { code: string; message: string; fix: string } | null {
  const words = compilePhrase(phrase).terms.map((t) => t.folded);
  if (words.length === 0) {
    return { code: 'empty-phrase', message: `The phrase "${phrase}" has no words once its "…", "*" and "=" markers are taken away, so it never matches.`, fix: 'Write the words to look for, e.g. "charged … twice", "hack*" or "=wiped".' };
  }
  if (words.length > MAX_PHRASE_WORDS) {
    return {
      code: 'long-phrase',
      message: `The phrase "${phrase}" has ${words.length} words; a customer almost never writes more than ${MAX_PHRASE_WORDS} words exactly as the policy does, so it will rarely match.`,
      fix: `Keep the telling words (at most ${MAX_PHRASE_WORDS}) and join distant ones with "…", e.g. "charged … twice".`,
    };
  }
  if (words.length === 1 && STOP_WORDS.has(words[0] as string)) {
    return {
      code: 'stop-word-phrase',
      message: `The phrase "${phrase}" is only the stop word "${words[0]}", which nearly every ticket contains, so the test says nothing about the ticket.`,
      fix: 'Look for the word that carries the meaning, or a phrase around the stop word, e.g. "not working" rather than "not".',
    };
  }
  return null;
}

/**
 * Function words (folded) in the languages Tierline stems: articles, pronouns,
 * prepositions, conjunctions, auxiliaries. Words that mean something to support
 * on their own ("again", "still", "down", "plus") are left out.
 */
const STOP_WORDS = new Set(
  [
    'a an the and or but if of to in on at by for with from as is are was were be been being am it its this that these those i me my we our us you your he she they them their there here do does did have has had not no nor so than then can will would should could into about each both any all some such what which who whom when where why how',
    'der die das den dem des ein eine einen einem einer eines und oder aber wenn als wie zu zum zur im in am an auf aus bei mit nach von vor fur uber um ist sind war waren sein bin bist hat haben hatte es er sie wir ich du ihr ihm ihn uns euch mein meine unser unsere dass nicht kein keine auch',
    'el la los las un una unos unas y o pero si de del al a en con por para sin sobre es son era fue ser estar esta este esto eso ese esa lo le les se me te nos mi mis su sus tu nuestro nuestra que como cuando donde no ni ya muy',
    'le la les l un une des du de d et ou mais si a au aux en dans sur sous avec pour par sans est sont etait etre ce cet cette ces il elle ils elles on nous vous je tu me te se mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs que qui quoi dont ne pas y',
    'o os as um uma e ou mas do da dos das em no na nas por para com sem que se nao eu ele ela nos voce',
    'il lo gli le un uno una e o ma di del della in nel con per su da che non io lui lei noi voi',
    'de het een en of maar van in op aan met voor door bij uit te is zijn was niet dat die dit wij we ik je u',
  ].flatMap((line) => line.split(' ')),
);

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
