import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { resolveSettings } from './resolve';
import { DEFAULT_SETTINGS } from './schema';

describe('resolveSettings', () => {
  it('uses the defaults when no source says anything', () => {
    const resolved = resolveSettings({});
    expect(resolved.values).toEqual(DEFAULT_SETTINGS);
    expect(resolved.rows.syncEndpoint).toEqual({ value: '', source: 'default', locked: false });
    expect(resolved.policy).toEqual({ value: defaultPolicy, source: 'default', locked: false });
    expect(resolved.problems).toEqual([]);
  });

  it('prefers managed over the organisation over local, key by key', () => {
    const resolved = resolveSettings({
      managed: { syncEndpoint: 'https://sync.acme.test' },
      org: { settings: { team: 'payments', syncEndpoint: 'https://org.acme.test' } },
      local: { syncEndpoint: 'https://mine.test', team: 'mine', agent: 'ana@acme.test' },
    });
    expect(resolved.values.syncEndpoint).toBe('https://sync.acme.test');
    expect(resolved.rows.syncEndpoint).toEqual({ value: 'https://sync.acme.test', source: 'managed', locked: true });
    expect(resolved.rows.team).toEqual({ value: 'payments', source: 'org', locked: false });
    expect(resolved.rows.agent).toEqual({ value: 'ana@acme.test', source: 'local', locked: false });
  });

  it('reads nested managed objects as dotted keys', () => {
    const resolved = resolveSettings({ managed: { ai: { provider: 'chrome-builtin', enabled: false } } });
    expect(resolved.values['ai.provider']).toBe('chrome-builtin');
    expect(resolved.values['ai.enabled']).toBe(false);
    expect(resolved.rows['ai.provider'].source).toBe('managed');
  });

  it('ignores a local value an admin locked with lockedSettings, without setting it', () => {
    const resolved = resolveSettings({ managed: { lockedSettings: ['ai.provider'] }, local: { 'ai.provider': 'openai-compatible' } });
    expect(resolved.rows['ai.provider']).toEqual({ value: 'extractive', source: 'default', locked: true });
  });

  it('drops an invalid managed value for its key alone and reports its path', () => {
    const resolved = resolveSettings({
      managed: { syncEndpoint: 'ftp://sync.acme.test', syncToken: 'tl_abc', alarmPeriodMinutes: 0.01, surprise: 1 },
      local: { syncEndpoint: 'https://mine.test' },
    });
    expect(resolved.values.syncToken).toBe('tl_abc');
    // The broken managed value does not lock the key, so the agent's own value applies.
    expect(resolved.rows.syncEndpoint).toEqual({ value: 'https://mine.test', source: 'local', locked: false });
    expect(resolved.values.alarmPeriodMinutes).toBe(1);
    expect(resolved.problems.map((p) => `${p.source} ${p.path}`)).toEqual(['managed syncEndpoint', 'managed alarmPeriodMinutes', 'managed surprise']);
  });

  it('takes the policy from managed policyJson, reporting JSON paths when it is invalid', () => {
    const orgPolicy = { ...defaultPolicy, revision: 7 };
    const good = resolveSettings({ managed: { policyJson: JSON.stringify({ ...defaultPolicy, name: 'Managed' }) }, org: { policy: orgPolicy } });
    expect(good.policy.source).toBe('managed');
    expect(good.policy.value.name).toBe('Managed');
    expect(good.policy.locked).toBe(true);

    const bad = resolveSettings({ managed: { policyJson: JSON.stringify({ ...defaultPolicy, tiers: [{ id: 'T9' }] }) }, org: { policy: orgPolicy } });
    expect(bad.policy).toEqual({ value: orgPolicy, source: 'org', locked: false });
    expect(bad.problems.some((p) => p.source === 'managed' && p.path.startsWith('policyJson.tiers[0]'))).toBe(true);

    const notJson = resolveSettings({ managed: { policyJson: '{"name":' } });
    expect(notJson.problems).toEqual([expect.objectContaining({ path: 'policyJson', message: expect.stringMatching(/^not JSON/) })]);
  });

  it('prefers the organisation policy over one saved locally', () => {
    const local = { ...defaultPolicy, name: 'Mine' };
    expect(resolveSettings({ local: { policy: local } }).policy.source).toBe('local');
    expect(resolveSettings({ local: { policy: local }, org: { policy: { ...defaultPolicy, name: 'Org' } } }).policy.value.name).toBe('Org');
  });
});
