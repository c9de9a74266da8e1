import { describe, expect, it } from 'vitest';
import { defaultPolicyInput } from '../../core/policy/default-policy';
import { memoryIo } from '../testing/memory-io';
import { main } from '../main';

const fakeIo = (files: Record<string, string> = {}, stdin = '') => memoryIo(files, { stdin });

/** The default policy as a file an admin edited. */
function edited(change: (p: typeof defaultPolicyInput) => void): string {
  const policy = structuredClone(defaultPolicyInput);
  change(policy);
  return JSON.stringify(policy, null, 2);
}

describe('tierline lint', () => {
  it('lints the default policy when no file is given and exits 0', async () => {
    const t = fakeIo();
    expect(await main(['lint'], t.io)).toBe(0);
    expect(t.out()).toBe('default policy: no problems found.\n');
  });

  it('prints each error with its path and fix, and exits 1', async () => {
    const t = fakeIo({
      'policy.json': edited((p) => {
        p.tiers[2]!.ownerRole = 'tier-2-team';
      }),
    });
    expect(await main(['lint', 'policy.json'], t.io)).toBe(1);
    expect(t.out()).toContain('policy.json: 1 error, 0 warnings');
    expect(t.out()).toContain('Errors:\n  $.tiers[2].ownerRole  (undefined-role)\n');
    expect(t.out()).toContain('fix: Add a role with id "tier-2-team" to $.roles');
  });

  it('exits 0 with only warnings, listing them under their own heading', async () => {
    const t = fakeIo({
      'policy.json': edited((p) => {
        p.tiers[1]!.boundary = 'Front-line agents resolve known issues. They also take billing.';
      }),
    });
    expect(await main(['lint', 'policy.json'], t.io)).toBe(0);
    expect(t.out()).toContain('0 errors, 1 warning\n\nWarnings:\n  $.tiers[1].boundary  (boundary-not-one-sentence)');
  });

  it('prints findings as JSON for machines', async () => {
    const t = fakeIo({
      'policy.json': edited((p) => {
        p.ai.humanBelow = 0.95;
      }),
    });
    expect(await main(['lint', 'policy.json', '--json'], t.io)).toBe(1);
    const report = JSON.parse(t.out());
    expect(report).toMatchObject({ source: 'policy.json', errors: 1, warnings: 0 });
    expect(report.findings[0]).toMatchObject({ severity: 'error', code: 'ai-gates-inverted', path: '$.ai.humanBelow' });
    expect(report.findings[0].fix).toEqual(expect.any(String));
  });

  it('reports malformed JSON with line and column instead of crashing', async () => {
    const t = fakeIo({ 'broken.json': '{\n  "schemaVersion": 1,\n  "name": "Broken"\n  "tiers": []\n}' });
    expect(await main(['lint', 'broken.json'], t.io)).toBe(1);
    expect(t.out()).toContain('(invalid-json)');
    expect(t.out()).toContain('line 4, column 3');
  });

  it('reports a policy that fails the schema by path', async () => {
    const t = fakeIo({ 'policy.json': edited((p) => ((p.severities[0] as { response: unknown }).response = 'soon')) });
    expect(await main(['lint', 'policy.json'], t.io)).toBe(1);
    expect(t.out()).toContain('$.severities[0].response  (invalid-policy)');
  });

  it('reads the policy from stdin with "-", byte-order mark and all', async () => {
    const t = fakeIo({}, `\uFEFF${edited(() => {})}`);
    expect(await main(['lint', '-'], t.io)).toBe(0);
    expect(t.out()).toBe('stdin: no problems found.\n');
  });

  it('says so when the file cannot be read, with exit 2', async () => {
    const t = fakeIo();
    expect(await main(['lint', 'missing.json'], t.io)).toBe(2);
    expect(t.err()).toContain('cannot read missing.json');
  });
});
