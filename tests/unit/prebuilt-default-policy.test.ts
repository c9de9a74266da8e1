import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { policySchema } from '../../core/policy/schema';
import { DEFAULT_POLICY_MODULE, DEFAULT_POLICY_PARSE, prebuildDefaultPolicy } from '../../scripts/prebuilt-default-policy';

const source = readFileSync(resolve(__dirname, `../..${DEFAULT_POLICY_MODULE}`), 'utf8');

describe('the built-in policy, prebuilt for the extension', () => {
  it('survives the JSON round trip exactly: the worker gets the policy the schema gives', () => {
    expect(JSON.parse(JSON.stringify(defaultPolicy))).toStrictEqual(defaultPolicy);
    expect(JSON.parse(JSON.stringify(defaultPolicy))).toStrictEqual(policySchema.parse(JSON.parse(JSON.stringify(defaultPolicy))));
  });

  it('builds the module as the parsed policy as JSON alone, without the source input the extension never reads', () => {
    const built = prebuildDefaultPolicy(source, defaultPolicy);
    expect(built).not.toContain(DEFAULT_POLICY_PARSE);
    expect(built).not.toContain('defaultPolicyInput');
    expect(built).not.toMatch(/^import /m);
    expect(built.startsWith('export const defaultPolicy = JSON.parse(')).toBe(true);
    const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(built)?.[1];
    expect(literal).toBeDefined();
    expect(JSON.parse(JSON.parse(literal as string))).toStrictEqual(defaultPolicy);
  });

  it('fails the build when the module no longer parses the policy once, rather than ship it parsed some other way', () => {
    expect(() => prebuildDefaultPolicy(source.replace(DEFAULT_POLICY_PARSE, 'parsePolicy(defaultPolicyInput)'), defaultPolicy)).toThrow(/no longer holds/);
    expect(() => prebuildDefaultPolicy(`${source}\n${DEFAULT_POLICY_PARSE};`, defaultPolicy)).toThrow(/no longer holds/);
  });

  it('fails the build when the module exports something its prebuilt form would drop', () => {
    expect(() => prebuildDefaultPolicy(`${source}\nexport const ROLE_TAG_PREFIX = 'tier-';`, defaultPolicy)).toThrow(/exports ROLE_TAG_PREFIX/);
    expect(() => prebuildDefaultPolicy(`${source}\nexport function roleTag(id: string) { return id; }`, defaultPolicy)).toThrow(/exports roleTag/);
  });
});
