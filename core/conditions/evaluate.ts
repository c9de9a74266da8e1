import { parseDuration } from './duration';
import { ownValue } from './own';
import { compilePattern } from './safe-pattern';
import type { Condition, LeafCondition } from './schema';
import { analyzeText, type TextDocument } from '../text/document';
import { compilePhraseSet, findAny, type PhraseMatch, type PhraseSet } from '../text/phrase';
import type { TicketText } from '../text/ticket-text';
import { excerptAround, foldTextCached, hasPhrase, indexText, type Phrase, preparePhrase } from './text';

/**
 * Ticket facts by name: plain ticket fields (nested, read by dotted path such
 * as "requester.customerTier" or "fields.Plan") and derived facts
 * ("text", "timeInQueue", …) at the top level. See `core/route/facts.ts`.
 */
export type Facts = Readonly<Record<string, unknown>>;

/** Whether a condition matched, and the ticket values that decided it. */
export interface Evaluation {
  match: boolean;
  /** Field → the value the condition saw (long texts as an excerpt around the match). */
  seen: Record<string, unknown>;
}

/** A condition compiled once: `test` is the fast path, `explain` also collects what it saw. */
export interface CompiledCondition {
  test: (facts: Facts) => boolean;
  explain: (facts: Facts, seen: Record<string, unknown>) => boolean;
}

/**
 * Pre-compiles a condition into closures: field paths are split, phrases
 * folded, durations parsed and patterns compiled once, so evaluating it on a
 * ticket does no parsing.
 *
 * @example
 * const isEnterprise = compileCondition({ field: 'requester.customerTier', op: 'eq', value: 'enterprise' });
 * isEnterprise({ requester: { customerTier: 'enterprise' } }) // true
 */
export function compileCondition(condition: Condition): (facts: Facts) => boolean {
  return compileNode(condition).test;
}

/**
 * Evaluates a condition and reports the ticket values it saw, for reasons.
 *
 * @example
 * evaluate({ field: 'amount.value', op: 'gt', value: 1000 }, { amount: { value: 1500 } })
 * // { match: true, seen: { 'amount.value': 1500 } }
 */
export function evaluate(condition: Condition, facts: Facts): Evaluation {
  const seen: Record<string, unknown> = {};
  const match = compileNode(condition).explain(facts, seen);
  return { match, seen };
}

const compiledNodes = new WeakMap<Condition, CompiledCondition>();

/** The compiled form of a condition, cached per condition object. */
export function compileNode(condition: Condition): CompiledCondition {
  let node = compiledNodes.get(condition);
  if (!node) {
    node = build(condition);
    compiledNodes.set(condition, node);
  }
  return node;
}

function build(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileNode);
    const tests = parts.map((p) => p.test);
    return {
      test: (facts) => {
        for (const t of tests) if (!t(facts)) return false;
        return true;
      },
      explain: (facts, seen) => {
        for (const p of parts) if (!p.explain(facts, seen)) return false;
        return true;
      },
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileNode);
    const tests = parts.map((p) => p.test);
    return {
      test: (facts) => {
        for (const t of tests) if (t(facts)) return true;
        return false;
      },
      explain: (facts, seen) => {
        // Only the alternative that matched is worth reporting.
        for (const p of parts) {
          const local: Record<string, unknown> = {};
          if (p.explain(facts, local)) {
            Object.assign(seen, local);
            return true;
          }
        }
        return false;
      },
    };
  }
  if ('not' in condition) {
    const inner = compileNode(condition.not);
    return {
      test: (facts) => !inner.test(facts),
      explain: (facts, seen) => {
        const local: Record<string, unknown> = {};
        const matched = inner.explain(facts, local);
        for (const [k, v] of Object.entries(local)) seen[`not ${k}`] = v;
        return !matched;
      },
    };
  }
  return buildLeaf(condition);
}

/**
 * Reads a fact by dotted path; "fields.<name>" takes the rest as one field name, dots included. Only own
 * properties are read: a field named "constructor" is absent, not Object's constructor.
 */
export function factReader(path: string): (facts: Facts) => unknown {
  if (!path.includes('.')) return (facts) => ownValue(facts, path);
  if (path.startsWith('fields.')) {
    const name = path.slice('fields.'.length);
    return (facts) => {
      const fields = ownValue(facts, 'fields');
      return fields && typeof fields === 'object' ? ownValue(fields as Record<string, unknown>, name) : undefined;
    };
  }
  const segments = path.split('.');
  return (facts) => {
    if (Object.hasOwn(facts, path)) return facts[path];
    let current: unknown = facts;
    for (const segment of segments) {
      if (current === null || typeof current !== 'object') return undefined;
      current = ownValue(current as Record<string, unknown>, segment);
    }
    return current;
  };
}

type Scalar = string | number | boolean | null;

function buildLeaf(leaf: LeafCondition): CompiledCondition {
  if (leaf.op === 'mentions') return buildMentions(leaf.field, Array.isArray(leaf.value) ? leaf.value : [leaf.value]);
  const read = factReader(leaf.field);
  const matcher = leafMatcher(leaf);
  const phrases = leaf.op === 'contains' ? (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map(preparePhrase) : [];
  return {
    test: (facts) => matcher(read(facts)),
    explain: (facts, seen) => {
      const value = read(facts);
      const matched = matcher(value);
      seen[leaf.field] = describeSeen(value, matched ? phrases : []);
      // A number the ticket only states in its text ("$2,400 in the third paragraph") says where it came from.
      const fromText = ownValue(facts.fromText as Record<string, string> | undefined, leaf.field);
      if (fromText !== undefined) seen[`${leaf.field} (from the text)`] = fromText;
      return matched;
    },
  };
}

/** The analysed parts of the ticket a `mentions` field reads; any other text field is analysed on its own. */
export function documentsOf(field: string, facts: Facts): readonly TextDocument[] {
  const text = facts.ticketText as TicketText | undefined;
  if (text) {
    switch (field) {
      case 'text':
        return text.all;
      case 'customerText':
        return text.customer;
      case 'agentNotes':
        return text.agentNotes;
      case 'lastCustomerMessage':
        return text.lastCustomer ? [text.lastCustomer] : [];
      case 'subject':
        return text.subjects;
    }
  }
  const value = factReader(field)(facts);
  const language = text?.language ?? 'en';
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '').map((v) => analyzeText(v, language));
}

function buildMentions(field: string, raw: readonly string[]): CompiledCondition {
  const set: PhraseSet = compilePhraseSet(raw);
  const find = (facts: Facts): PhraseMatch | undefined => {
    for (const doc of documentsOf(field, facts)) {
      const found = findAny(doc, set);
      if (found) return found;
    }
    return undefined;
  };
  return {
    test: (facts) => find(facts) !== undefined,
    explain: (facts, seen) => {
      const found = find(facts);
      if (found) seen[field] = `${found.excerpt} (“${found.phrase}”)`;
      return found !== undefined;
    },
  };
}

/** A predicate over one fact value; arrays (tags) match when any element does, except for ne / notIn. */
function leafMatcher(leaf: LeafCondition): (value: unknown) => boolean {
  switch (leaf.op) {
    case 'eq':
      return anyElement((v) => equals(v, leaf.value));
    case 'ne': {
      const eq = anyElement((v) => equals(v, leaf.value));
      return (v) => !eq(v);
    }
    case 'in': {
      const set = new Set<unknown>(leaf.value);
      const hasNull = leaf.value.includes(null);
      return anyElement((v) => set.has(v) || (hasNull && v === undefined));
    }
    case 'notIn': {
      const set = new Set<unknown>(leaf.value);
      const inSet = anyElement((v) => set.has(v));
      return (v) => !inSet(v);
    }
    case 'gt':
      return numeric((n) => n > leaf.value);
    case 'gte':
      return numeric((n) => n >= leaf.value);
    case 'lt':
      return numeric((n) => n < leaf.value);
    case 'lte':
      return numeric((n) => n <= leaf.value);
    case 'contains': {
      const phrases = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map(preparePhrase);
      return anyElement((v) => typeof v === 'string' && findPhrase(v, phrases) !== undefined);
    }
    case 'mentions':
      // Built by buildMentions, which reads the analysed ticket rather than one value.
      return () => false;
    case 'matches': {
      const check = compilePattern(leaf.value);
      // A refused pattern never matches; parsePolicy rejects it with its path before routing.
      if (!check.ok) return () => false;
      const regex = check.regex;
      return anyElement((v) => typeof v === 'string' && regex.test(v));
    }
    case 'exists': {
      const want = leaf.value;
      return (v) => isPresent(v) === want;
    }
    case 'longerThan': {
      const minutes = parseDuration(leaf.value) ?? Number.NaN;
      return numeric((n) => n > minutes);
    }
    case 'shorterThan': {
      const minutes = parseDuration(leaf.value) ?? Number.NaN;
      return numeric((n) => n < minutes);
    }
  }
}

function anyElement(test: (v: unknown) => boolean): (value: unknown) => boolean {
  return (value) => {
    if (Array.isArray(value)) {
      for (const element of value) if (test(element)) return true;
      return false;
    }
    return test(value);
  };
}

function numeric(test: (n: number) => boolean): (value: unknown) => boolean {
  return (value) => {
    const n = toNumber(value);
    return n !== undefined && test(n);
  };
}

/** Numbers, and numeric strings from helpdesk custom fields ("1200"). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function equals(value: unknown, expected: Scalar): boolean {
  if (expected === null) return value === null || value === undefined;
  return value === expected;
}

/** Present means not absent, not null, not an empty string and not an empty list. */
function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The first phrase found in the text (folded), or undefined. */
function findPhrase(text: string, phrases: readonly Phrase[]): Phrase | undefined {
  const indexed = indexText(text);
  for (const p of phrases) if (hasPhrase(indexed, p)) return p;
  return undefined;
}

const SEEN_TEXT_LIMIT = 120;

/** What a leaf saw: the value, or for a long text the excerpt around the phrase that matched. */
function describeSeen(value: unknown, matchedPhrases: readonly Phrase[]): unknown {
  if (typeof value === 'string' && value.length > SEEN_TEXT_LIMIT) {
    const phrase = matchedPhrases.length > 0 ? findPhrase(value, matchedPhrases) : undefined;
    if (phrase !== undefined) return excerptAround(value, foldTextCached(value), phrase.folded);
    return `${value.slice(0, SEEN_TEXT_LIMIT)}…`;
  }
  return value;
}
