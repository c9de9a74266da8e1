import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicyInput } from './default-policy';
import { MAX_POLICY_DEPTH, parsePolicy } from './parse';

// biome-ignore lint/suspicious/noExplicitAny: the tests break arbitrary deep paths of a JSON copy on purpose
type Json = Record<string, any>;

/** A deep copy of the default policy, changed by `edit`. */
function variant(edit: (p: Json) => void): unknown {
  const p = structuredClone(defaultPolicyInput) as Json;
  edit(p);
  return p;
}

function errorsOf(input: unknown) {
  const r = parsePolicy(input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('parsePolicy', () => {
  it('accepts the default policy as JSON text', () => {
    const r = parsePolicy(JSON.stringify(defaultPolicyInput));
    expect(r.ok).toBe(true);
    expect(r.ok && r.policy.tiers.map((t) => t.id)).toEqual(['T0', 'T1', 'T2', 'T3', 'T4']);
  });

  it('names a misspelt operator at its path with the operators to choose from', () => {
    const errors = errorsOf(variant((p) => { p.triggers[3].when.all[1].op = 'greaterThan'; }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('$.triggers[3].when.all[1].op');
    expect(errors[0]?.fix).toContain('"gt"');
  });

  it('names a wrongly typed value deep inside a condition', () => {
    const errors = errorsOf(variant((p) => { p.triggers[3].when.all[1].value = '1000'; }));
    expect(errors.map((e) => e.path)).toEqual(['$.triggers[3].when.all[1].value']);
    expect(errors[0]?.message).toContain('expected number');
  });

  it('names a missing required field and says what to add', () => {
    const errors = errorsOf(variant((p) => { delete p.tiers[2].boundary; }));
    expect(errors[0]).toMatchObject({ path: '$.tiers[2].boundary', fix: expect.stringContaining('add "boundary"') });
  });

  it('reads a team’s metric bands (shares on 0–1), naming a percentage written as 15 and a band upside down at their paths', () => {
    const ok = parsePolicy(variant((p) => { p.metricBands = { 'escalation-rate': { healthy: { min: 0.05, max: 0.12 } } }; }));
    expect(ok.ok && ok.policy.metricBands['escalation-rate']).toEqual({ healthy: { min: 0.05, max: 0.12 } });
    const errors = errorsOf(variant((p) => { p.metricBands = { 'escalation-rate': { healthy: { max: 15 } }, 'misrouting-rate': { warning: { min: 0.4, max: 0.3 } } }; }));
    expect(errors.map((e) => e.path)).toEqual(['$.metricBands["escalation-rate"].healthy.max', '$.metricBands["misrouting-rate"].warning.min']);
    expect(errors[0]?.message).toBe('must be at most 1');
    expect(errors[1]?.message).toContain('min must not be above max');
    expect(errorsOf(variant((p) => { p.metricBands = { 'speed': {} }; }))[0]?.path).toBe('$.metricBands.speed');
  });

  it('names an unknown key at its own path', () => {
    const errors = errorsOf(variant((p) => { p.severities[0].colour = 'red'; }));
    expect(errors[0]?.path).toBe('$.severities[0].colour');
    expect(errors[0]?.message).toContain('unknown key');
  });

  it('suggests the right case for an enum value', () => {
    const errors = errorsOf(variant((p) => { p.tiers[1].id = 't1'; }));
    expect(errors[0]).toMatchObject({ path: '$.tiers[1].id', fix: 'did you mean "T1"?' });
  });

  it('explains a malformed duration and a malformed hour', () => {
    const errors = errorsOf(variant((p) => { p.severities[1].escalation = '4 hours'; p.calendars[0].hours.mon[0].start = '9am'; }));
    expect(errors.map((e) => e.path).sort()).toEqual(['$.calendars[0].hours.mon[0].start', '$.severities[1].escalation']);
    expect(errors.find((e) => e.path.endsWith('escalation'))?.fix).toContain('"15m"');
  });

  it('rejects an unsafe pattern and an unknown time zone with their paths', () => {
    const errors = errorsOf(
      variant((p) => {
        p.triggers[0].when = { field: 'text', op: 'matches', value: '(a+)+$' };
        p.calendars[0].timeZone = 'Europe/Atlantis';
      }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(['$.calendars[0].timeZone', '$.triggers[0].when.value']);
  });

  it('reports a route with neither tier nor role', () => {
    const errors = errorsOf(variant((p) => { p.triggers[0].route = { bypass: true }; }));
    expect(errors[0]).toMatchObject({ path: '$.triggers[0].route', message: 'a route needs a tier, a role or "stay": true' });
  });

  it('reports invalid JSON text at the root', () => {
    expect(errorsOf('{"schemaVersion": 1,')[0]?.path).toBe('$');
  });

  it('reports a condition of the wrong kind altogether', () => {
    const errors = errorsOf(variant((p) => { p.triggers[2].when = 'escalate if unsure'; }));
    expect(errors[0]?.path).toBe('$.triggers[2].when');
    expect(errors[0]?.fix).toContain('"field"');
  });

  it('never throws, whatever JSON it is given, and every error has a path, a message and a fix', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = parsePolicy(json);
        if (!r.ok) for (const e of r.errors) expect(e.path.startsWith('$') && e.message.length > 0 && e.fix.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a default policy with one value replaced by arbitrary JSON', () => {
    const paths = collectPaths(defaultPolicyInput);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const copy = structuredClone(defaultPolicyInput) as unknown;
        setAt(copy, path, value);
        const r = parsePolicy(copy);
        if (!r.ok) for (const e of r.errors) expect(e.path.startsWith('$')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a condition nested 1,500 deep with the path where it gets too deep and how to flatten it', () => {
    let when: unknown = { field: 'priority', op: 'eq', value: 'low' };
    for (let i = 0; i < 1500; i++) when = { not: when };
    const errors = errorsOf(variant((p) => { p.triggers[0].when = when; }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(`$.triggers[0].when${'.not'.repeat(MAX_POLICY_DEPTH - 3)}`);
    expect(errors[0]?.message).toBe(`nested more than ${MAX_POLICY_DEPTH} levels deep`);
    expect(errors[0]?.fix).toContain('flatten');
  });

  it('accepts conditions nested thirty levels deep', () => {
    let when: unknown = { field: 'priority', op: 'eq', value: 'low' };
    for (let i = 0; i < 30; i++) when = i % 2 ? { not: when } : { all: [when] };
    expect(parsePolicy(variant((p) => { p.triggers[0].when = when; })).ok).toBe(true);
  });

  it('never throws on deep or wide documents, as values or as JSON text', () => {
    const shapes = fc.record({
      depth: fc.integer({ min: 0, max: 5000 }),
      width: fc.integer({ min: 1, max: 3000 }),
      kind: fc.constantFrom('all', 'any', 'not', 'array'),
      asText: fc.boolean(),
    });
    fc.assert(
      fc.property(shapes, ({ depth, width, kind, asText }) => {
        const leaf = '{"field":"priority","op":"eq","value":"low"}';
        const open = kind === 'not' ? '{"not":' : kind === 'array' ? '[' : `{"${kind}":[`;
        const close = kind === 'not' ? '}' : kind === 'array' ? ']' : ']}';
        const wide = `{"any":[${Array.from({ length: width }, () => leaf).join(',')}]}`;
        const when = open.repeat(depth) + wide + close.repeat(depth);
        const text = JSON.stringify(defaultPolicyInput).replace('"when":{', `"when":${when},"x":{`);
        const r = parsePolicy(asText ? text : JSON.parse(text));
        expect(r.ok).toBe(false);
        if (!r.ok) for (const e of r.errors) expect(e.path.startsWith('$') && e.fix.length > 0).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

function collectPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length > 0) out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectPaths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let current = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  current[path[path.length - 1] as string | number] = value;
}
