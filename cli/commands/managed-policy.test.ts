// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { isSettingKey } from '../../extension/settings/schema';
import { main } from '../main';
import { memoryIo } from '../testing/memory-io';
import { CHROME_EXTENSION_ID, FIREFOX_EXTENSION_ID, managedValuesSchema, WINDOWS_POLICY_KEY } from './managed-policy';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const files = {
  'p.json': JSON.stringify(defaultPolicy),
  'token.txt': 'tl_secret_token\n',
  'managed.json': JSON.stringify({ ai: { enabled: true, provider: 'extractive' }, extraHelpdeskHosts: [{ host: 'help.acme.test', helpdesk: 'zendesk' }] }),
};
const args = ['--policy', 'p.json', '--endpoint', 'https://sync.acme.test', '--token-file', 'token.txt', '--settings', 'managed.json', '--lock', 'syncEndpoint,ai.provider', '--disable', 'override'];

/** Reads a .reg file back into nested values: subkeys become objects, lists are subkeys named 1, 2, 3. */
function parseReg(text: string): Record<string, Json> {
  const root: Record<string, Json> = {};
  let current: Record<string, Json> | undefined;
  for (const line of text.split('\r\n')) {
    const section = /^\[(-?)(.+)\]$/.exec(line);
    if (section) {
      if (section[1]) {
        current = undefined;
        continue;
      }
      const rest = section[2]!.slice(WINDOWS_POLICY_KEY.length).split('\\').filter(Boolean);
      current = root;
      for (const part of rest) {
        current[part] ??= {};
        current = current[part] as Record<string, Json>;
      }
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (value && current) {
      const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
      current[unquote(value[1]!)] = value[2] !== undefined ? unquote(value[2]) : Number.parseInt(value[3]!, 16);
    }
  }
  const listify = (v: Json): Json => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    if (keys.length > 0 && keys.every((k, i) => k === String(i + 1))) return keys.map((k) => listify(v[k]!));
    return Object.fromEntries(keys.map((k) => [k, listify(v[k]!)]));
  };
  return listify(root) as Record<string, Json>;
}

function plistToJson(el: Element): Json {
  const kids = [...el.children];
  switch (el.tagName.toLowerCase()) {
    case 'string':
      return el.textContent ?? '';
    case 'integer':
    case 'real':
      return Number(el.textContent);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'array':
      return kids.map(plistToJson);
    case 'dict': {
      const out: Record<string, Json> = {};
      for (let i = 0; i < kids.length; i += 2) out[kids[i]!.textContent ?? ''] = plistToJson(kids[i + 1]!);
      return out;
    }
    default:
      throw new Error(`unexpected plist element ${el.tagName}`);
  }
}

async function generate(format: string) {
  const run = memoryIo({ ...files });
  const code = await main(['managed-policy', ...args, '--format', format], run.io);
  expect(run.err()).toBe('');
  expect(code).toBe(0);
  return run.out();
}

function expectManagedValues(values: Record<string, Json>) {
  expect(JSON.parse(values.policyJson as string)).toMatchObject({ name: defaultPolicy.name, tiers: expect.any(Array) });
  expect(values).toMatchObject({
    syncEndpoint: 'https://sync.acme.test',
    syncToken: 'tl_secret_token',
    lockedSettings: ['syncEndpoint', 'ai.provider'],
    disabledFeatures: ['override'],
    extraHelpdeskHosts: [{ host: 'help.acme.test', helpdesk: 'zendesk' }],
  });
}

describe('tierline managed-policy', () => {
  it('writes Chrome Linux JSON keyed by the pinned extension id under 3rdparty.extensions', async () => {
    const parsed = JSON.parse(await generate('chrome-linux'));
    expect(Object.keys(parsed)).toEqual(['3rdparty']);
    const values = parsed['3rdparty'].extensions[CHROME_EXTENSION_ID];
    expectManagedValues(values);
    expect(values.ai).toEqual({ enabled: true, provider: 'extractive' });
  });

  it('writes Firefox policies.json under policies.3rdparty.Extensions with the gecko id', async () => {
    const parsed = JSON.parse(await generate('firefox'));
    expectManagedValues(parsed.policies['3rdparty'].Extensions[FIREFOX_EXTENSION_ID]);
  });

  it('writes a Windows .reg that clears the old key and reads back to the same values', async () => {
    const text = await generate('chrome-windows');
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(text).toContain(`[-${WINDOWS_POLICY_KEY}]`);
    expect(WINDOWS_POLICY_KEY).toBe(`HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`);
    expect(text).toContain('"enabled"=dword:00000001');
    const values = parseReg(text);
    expectManagedValues(values);
    expect(values.ai).toEqual({ enabled: 1, provider: 'extractive' });
  });

  it('writes a macOS configuration profile whose payload is the com.google.Chrome.extensions domain', async () => {
    const text = await generate('chrome-macos');
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const profile = plistToJson(doc.querySelector('plist > dict')!) as Record<string, Json>;
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadScope: 'System' });
    const payload = (profile.PayloadContent as Json[])[0] as Record<string, Json>;
    expect(payload.PayloadType).toBe(`com.google.Chrome.extensions.${CHROME_EXTENSION_ID}`);
    expect(payload.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-8[0-9A-F]{3}-[0-9A-F]{12}$/);
    expectManagedValues(payload);
    expect(payload.ai).toEqual({ enabled: true, provider: 'extractive' });
    // The same input gives the same profile, so redeploying is a no-op.
    expect(await generate('chrome-macos')).toBe(text);
  });

  it('writes to --out instead of stdout', async () => {
    const run = memoryIo({ ...files });
    expect(await main(['managed-policy', '--policy', 'p.json', '--format', 'firefox', '--out', 'policies.json'], run.io)).toBe(0);
    expect(run.out()).toBe('');
    expect(JSON.parse(run.files['policies.json']!).policies['3rdparty'].Extensions[FIREFOX_EXTENSION_ID].policyJson).toBeTypeOf('string');
  });

  it('refuses a policy with schema errors and names their paths', async () => {
    const broken = { ...defaultPolicy, tiers: [{ id: 'T9', name: '' }] };
    const run = memoryIo({ ...files, 'p.json': JSON.stringify(broken) });
    expect(await main(['managed-policy', '--policy', 'p.json', '--format', 'chrome-linux'], run.io)).toBe(1);
    expect(run.out()).toBe('');
    expect(run.err()).toMatch(/tiers/);
  });

  it('refuses a policy with lint errors (a trigger routing to an undefined role)', async () => {
    const [first, ...rest] = defaultPolicy.triggers ?? [];
    const broken = { ...defaultPolicy, triggers: [{ ...first!, route: { role: 'nobody-has-this-role' } }, ...rest] };
    const run = memoryIo({ ...files, 'p.json': JSON.stringify(broken) });
    expect(await main(['managed-policy', '--policy', 'p.json', '--format', 'chrome-linux'], run.io)).toBe(1);
    expect(run.err()).toMatch(/lint errors[\s\S]*triggers/);
  });

  it('rejects a misspelt key in --lock, which would otherwise lock nothing', async () => {
    const run = memoryIo({ ...files });
    expect(await main(['managed-policy', '--policy', 'p.json', '--format', 'chrome-linux', '--lock', 'syncEndpoint,ai.providr'], run.io)).toBe(1);
    expect(run.err()).toMatch(/lockedSettings\.1: not a Tierline setting/);
  });

  it('rejects an unknown feature in --disable and an unknown format', async () => {
    const run = memoryIo({ ...files });
    expect(await main(['managed-policy', '--policy', 'p.json', '--format', 'chrome-linux', '--disable', 'tier-badges'], run.io)).toBe(1);
    expect(run.err()).toMatch(/disabledFeatures/);
    expect(await main(['managed-policy', '--policy', 'p.json', '--format', 'edge'], run.io)).toBe(2);
  });

  it('uses the extension ids the manifest pins', async () => {
    // Read as text: importing wxt.config loads all of wxt, seconds for one constant.
    const config = readFileSync(join(process.cwd(), 'wxt.config.ts'), 'utf8');
    expect(config).toContain(`EXTENSION_ID = '${CHROME_EXTENSION_ID}'`);
    expect(config).toContain(`id: '${FIREFOX_EXTENSION_ID}'`);
  });

  it('names the flag and the path when the --settings file is missing, instead of calling it "not JSON"', async () => {
    const { 'managed.json': _, ...withoutSettings } = files;
    const run = memoryIo(withoutSettings);
    expect(await main(['managed-policy', ...args, '--format', 'firefox'], run.io)).toBe(1);
    expect(run.err()).toMatch(/cannot read --settings file managed\.json .*check the path/);
    expect(run.err()).not.toMatch(/not JSON/);
  });

  it('shows the usage and exits 2 for a misspelt flag such as --formt', async () => {
    const run = memoryIo({ ...files });
    expect(await main(['managed-policy', '--policy', 'p.json', '--formt', 'firefox'], run.io)).toBe(2);
    expect(run.err()).toContain("Unknown option '--formt'");
    expect(run.err()).toContain('Usage: tierline managed-policy');
  });
});

describe('public/managed_schema.json', () => {
  const schema = JSON.parse(readFileSync(join(process.cwd(), 'public/managed_schema.json'), 'utf8'));

  it('lists exactly the keys the CLI writes', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(managedValuesSchema.shape).sort());
  });

  it('names only settings the extension resolves (nested objects as dotted keys), plus the policy and the lock list', () => {
    for (const [key, value] of Object.entries<{ type: string; properties?: Record<string, unknown> }>(schema.properties)) {
      if (key === 'policyJson' || key === 'lockedSettings') continue;
      if (value.type === 'object') for (const inner of Object.keys(value.properties ?? {})) expect(isSettingKey(`${key}.${inner}`), `${key}.${inner}`).toBe(true);
      else expect(isSettingKey(key), key).toBe(true);
    }
  });

  it('uses only the JSON-schema subset Chrome accepts for managed storage', () => {
    const allowed = new Set(['type', 'properties', 'items', 'title', 'description']);
    const types = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const key of Object.keys(node)) expect(allowed.has(key), `${path}.${key}`).toBe(true);
      expect(types.has(node.type as string), `${path}.type`).toBe(true);
      if (node.type === 'object') expect(node.properties, `${path} needs properties`).toBeTypeOf('object');
      for (const [k, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) walk(child, `${path}.${k}`);
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(schema, '$');
  });
});
