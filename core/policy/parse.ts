import type { z } from 'zod';
import { checkPattern } from '../conditions/safe-pattern';
import type { Condition } from '../conditions/schema';
import { type Policy, policySchema } from './schema';

/** One problem in a policy or ticket: where (a JSON path such as "$.triggers[3].when.op"), what, and how to fix it. */
export interface ParseError {
  path: string;
  message: string;
  fix: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ParseError[] };
export type PolicyParseResult = { ok: true; policy: Policy } | { ok: false; errors: ParseError[] };

/**
 * How deeply a policy document may nest (objects and arrays). The schema is
 * recursive only in conditions, where each "all" / "any" level takes two JSON
 * levels and each "not" one: 64 allows conditions about 30 levels deep, five
 * times the deepest in the default policy (12 JSON levels), and stays 25 times
 * below the 1,600–2,000 levels at which zod's recursive validation overflows
 * Node's default stack — room for smaller stacks (browser workers) and for the
 * recursive passes that run after parsing (compiling, lint).
 */
export const MAX_POLICY_DEPTH = 64;

/**
 * Validates a policy: its nesting depth, the zod schema, then what the schema
 * alone cannot say (`matches` patterns the linear-time engine can run, real IANA
 * time zones). Accepts a parsed JSON value or JSON text. Never throws.
 *
 * @example
 * const r = parsePolicy(await readFile('policy.json', 'utf8'));
 * if (!r.ok) for (const e of r.errors) console.error(`${e.path}: ${e.message} (fix: ${e.fix})`);
 */
export function parsePolicy(input: unknown): PolicyParseResult {
  const json = readJson(input);
  if (!json.ok) return json;
  const tooDeep = findTooDeep(json.value, MAX_POLICY_DEPTH);
  if (tooDeep) {
    return {
      ok: false,
      errors: [
        {
          path: jsonPath(tooDeep),
          message: `nested more than ${MAX_POLICY_DEPTH} levels deep`,
          fix: 'flatten the condition: an "all" inside an "all" (or an "any" inside an "any") can be merged, a "not" of a "not" cancels out; or split it into several triggers',
        },
      ],
    };
  }
  const parsed = policySchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, json.value) };
  const errors = checkPolicySemantics(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy: parsed.data };
}

/** Strings are read as JSON text (a leading byte-order mark, as editors on Windows save, dropped); anything else is taken as already-parsed JSON. */
export function readJson(input: unknown): { ok: true; value: unknown } | { ok: false; errors: ParseError[] } {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '$', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, fix: 'check for a missing comma, quote or bracket near the position given' }],
    };
  }
}

/**
 * The path of the first value nested deeper than `limit`, found without
 * recursion (so a document thousands of levels deep cannot overflow the stack
 * here either), or `undefined`. A cyclic object counts as too deep.
 */
export function findTooDeep(root: unknown, limit: number): PropertyKey[] | undefined {
  interface Node {
    value: unknown;
    depth: number;
    key: PropertyKey;
    parent: Node | undefined;
  }
  const stack: Node[] = [{ value: root, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const { value } = node;
    if (value === null || typeof value !== 'object') continue;
    if (node.depth >= limit) {
      const path: PropertyKey[] = [];
      for (let n: Node | undefined = node; n?.parent; n = n.parent) path.push(n.key);
      return path.reverse();
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: node.depth + 1, key: i, parent: node });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], depth: node.depth + 1, key, parent: node });
      }
    }
  }
  return undefined;
}

function checkPolicySemantics(policy: Policy): ParseError[] {
  const errors: ParseError[] = [];
  policy.calendars.forEach((calendar, i) => {
    if (!isTimeZone(calendar.timeZone)) {
      errors.push({ path: `$.calendars[${i}].timeZone`, message: `"${calendar.timeZone}" is not an IANA time zone`, fix: 'use a zone name such as "Europe/Berlin", "America/New_York" or "UTC"' });
    }
  });
  const conditions: [string, Condition | undefined][] = [
    ...policy.severities.map((s, i): [string, Condition | undefined] => [`$.severities[${i}].when`, s.when]),
    ...policy.triggers.map((t, i): [string, Condition | undefined] => [`$.triggers[${i}].when`, t.when]),
    ...policy.ai.sensitive.map((s, i): [string, Condition | undefined] => [`$.ai.sensitive[${i}].when`, s.when]),
  ];
  for (const [path, condition] of conditions) if (condition) checkPatterns(condition, path, errors);
  return errors;
}

function checkPatterns(condition: Condition, path: string, errors: ParseError[]): void {
  if ('all' in condition) {
    for (const [i, c] of condition.all.entries()) checkPatterns(c, `${path}.all[${i}]`, errors);
  } else if ('any' in condition) {
    for (const [i, c] of condition.any.entries()) checkPatterns(c, `${path}.any[${i}]`, errors);
  } else if ('not' in condition) checkPatterns(condition.not, `${path}.not`, errors);
  else if (condition.op === 'matches') {
    const check = checkPattern(condition.value);
    if (!check.ok) errors.push({ path: `${path}.value`, message: `pattern refused: ${check.message}`, fix: check.fix });
  }
}

const zoneCache = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

/** "$.triggers[3].when.op" from ['triggers', 3, 'when', 'op']. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/**
 * zod issues as errors an admin can act on: union failures are narrowed to the
 * alternative the input was evidently trying to be (a leaf condition with a
 * misspelt operator is reported at ".op", not as "Invalid input").
 */
export function zodErrors(error: z.ZodError, input: unknown): ParseError[] {
  const out: ParseError[] = [];
  for (const issue of error.issues) collect(issue, [], input, out);
  // The same problem can surface through several union branches.
  const unique = new Map<string, ParseError>();
  for (const e of out) unique.set(`${e.path}\u0000${e.message}`, e);
  return [...unique.values()];
}

function collect(issue: Issue, base: readonly PropertyKey[], root: unknown, out: ParseError[]): void {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = bestBranch(issue.errors);
    if (branch) {
      for (const inner of branch) collect(inner, path, root, out);
      return;
    }
    out.push({ path: jsonPath(path), message: describeUnionMismatch(issue.errors, valueAt(root, path)), fix: unionFix(path) });
    return;
  }
  out.push(describe(issue, path, valueAt(root, path)));
}

/**
 * The union alternative whose shape the input matched best: one that did not
 * fail on the value's own type or on unknown keys. `undefined` when every
 * alternative failed at the top (the value is of the wrong kind altogether).
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    const rootType = branch.some((i) => i.path.length === 0 && i.code === 'invalid_type');
    if (rootType) continue;
    const rootKeys = branch.some((i) => i.path.length === 0 && i.code === 'unrecognized_keys');
    const score = (rootKeys ? 100 : 0) + branch.length;
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function describeUnionMismatch(branches: readonly (readonly Issue[])[], value: unknown): string {
  const expected = new Set<string>();
  for (const branch of branches) for (const i of branch) if (i.path.length === 0 && i.code === 'invalid_type') expected.add(String(i.expected));
  return `expected ${[...expected].join(' or ') || 'another form'}, got ${kindOf(value)}`;
}

/** Conditions sit under "when", "not", or in the lists of "all" / "any". */
function isConditionPath(path: readonly PropertyKey[]): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  return last === 'when' || last === 'not' || (typeof last === 'number' && (parent === 'all' || parent === 'any'));
}

function unionFix(path: readonly PropertyKey[]): string {
  if (isConditionPath(path)) return 'write a condition: {"all": [...]}, {"any": [...]}, {"not": {...}} or {"field": "...", "op": "eq", "value": ...}';
  return 'use one of the allowed forms for this field';
}

function describe(issue: Issue, path: readonly PropertyKey[], value: unknown): ParseError {
  const where = jsonPath(path);
  const name = String(path[path.length - 1] ?? 'value');
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { path: where, message: `"${name}" is required (${issue.expected})`, fix: `add "${name}" as ${article(issue.expected)}` };
      return { path: where, message: `expected ${issue.expected}, got ${kindOf(value)}`, fix: `change it to ${article(issue.expected)}` };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const close = issue.values.find((v) => typeof v === 'string' && typeof value === 'string' && v.toLowerCase() === value.toLowerCase());
      return { path: where, message: `${JSON.stringify(value)} is not allowed here`, fix: close !== undefined ? `did you mean ${JSON.stringify(close)}?` : `use one of ${allowed.join(', ')}` };
    }
    case 'invalid_union':
      {
        // zod reports a discriminated union's unknown tag with the allowed options (not in its public type).
        const { discriminator, options } = issue as { discriminator?: unknown; options?: unknown };
        if (discriminator !== undefined && Array.isArray(options)) {
          return { path: where, message: `${JSON.stringify(value)} is not a known ${String(discriminator)}`, fix: `use one of ${options.map((o) => JSON.stringify(o)).join(', ')}` };
        }
      }
      return { path: where, message: 'does not match any allowed form', fix: 'check the documentation for this field' };
    case 'unrecognized_keys':
      return {
        path: issue.keys.length === 1 ? jsonPath([...path, issue.keys[0] as string]) : where,
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`,
        fix: 'remove it, or check its spelling against the documented format',
      };
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return { path: where, message: `needs at least ${issue.minimum} item(s)`, fix: `add at least ${issue.minimum} item(s)` };
      if (issue.origin === 'string') return { path: where, message: Number(issue.minimum) <= 1 ? 'must not be empty' : `needs at least ${issue.minimum} characters`, fix: 'fill it in' };
      return { path: where, message: `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`, fix: `use a value of at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { path: where, message: `longer than ${issue.maximum} characters`, fix: `shorten it to ${issue.maximum} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { path: where, message: `more than ${issue.maximum} item(s)`, fix: `keep at most ${issue.maximum} item(s)` };
      return { path: where, message: `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`, fix: `use a value of at most ${issue.maximum}` };
    case 'invalid_format':
      // Our schemas phrase their formats as examples ('a time such as "09:00"').
      return { path: where, message: `${JSON.stringify(value)} is not ${issue.message.startsWith('Invalid') ? `a valid ${issue.format}` : issue.message}`, fix: issue.message.startsWith('Invalid') ? `write a valid ${issue.format}` : `write ${issue.message}` };
    default:
      return { path: where, message: issue.message, fix: 'correct the value as the message says' };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
