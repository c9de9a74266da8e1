import { z } from 'zod';
import { defaultPolicy } from '../../core/policy/default-policy';
import { type Policy, policySchema } from '../../core/policy/schema';
import { DEFAULT_SETTINGS, isSettingKey, SETTING_KEYS, type SettingKey, type Settings, settingFields } from './schema';

export type SettingSource = 'managed' | 'org' | 'local' | 'default';

export interface SettingRow {
  value: unknown;
  source: SettingSource;
  /** An administrator set it (managed) or listed it in `lockedSettings`: the options page shows it read-only. */
  locked: boolean;
}

export interface SettingProblem {
  source: Exclude<SettingSource, 'default'>;
  /** Dotted key, e.g. "ai.provider" or "policyJson.tiers[0].id". */
  path: string;
  message: string;
}

/** What each layer holds. Managed and local are raw (validated here); org comes from the sync endpoint. */
export interface SettingLayers {
  /** chrome.storage.managed as read (keys of public/managed_schema.json). */
  managed?: unknown;
  /** The organisation's policy and settings, pulled from the sync endpoint. */
  org?: { policy?: Policy; settings?: Partial<Record<string, unknown>> };
  /** chrome.storage.local settings written by the options page: dotted keys, plus `policy` saved by hand. */
  local?: unknown;
}

export interface ResolvedSettings {
  values: Settings;
  rows: Record<SettingKey, SettingRow>;
  policy: { value: Policy; source: SettingSource; locked: boolean };
  /** Values that were present but invalid, so ignored. */
  problems: SettingProblem[];
  /**
   * Resolved with the last managed settings this worker saw, because the browser had not answered the managed read
   * yet (its first read after the browser starts takes seconds): what the agent sees is filled in once it answers.
   */
  provisional?: true;
}

const objectSchema = z.record(z.string(), z.unknown());

/** `{ ai: { provider: 'x' } }` → `{ 'ai.provider': 'x' }`, one level deep, only for known nested keys. */
function flatten(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const nested = objectSchema.safeParse(value);
    if (nested.success && !isSettingKey(key) && SETTING_KEYS.some((k) => k.startsWith(`${key}.`))) {
      for (const [inner, v] of Object.entries(nested.data)) out[`${key}.${inner}`] = v;
    } else out[key] = value;
  }
  return out;
}

function issuePath(base: string, issue: z.core.$ZodIssue): string {
  return issue.path.reduce<string>((p, seg) => (typeof seg === 'number' ? `${p}[${seg}]` : `${p}.${String(seg)}`), base);
}

interface Layer {
  values: Partial<Record<SettingKey, unknown>>;
  policy?: Policy;
}

function readLayer(raw: unknown, source: SettingProblem['source'], problems: SettingProblem[]): Layer & { locked: string[] } {
  if (raw === undefined || raw === null) return { values: {}, locked: [] };
  const parsed = objectSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push({ source, path: '', message: 'settings must be an object' });
    return { values: {}, locked: [] };
  }
  const flat = flatten(parsed.data);
  const layer: Layer & { locked: string[] } = { values: {}, locked: [] };
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    if (key === 'lockedSettings' && source === 'managed') {
      const locked = z.array(z.string()).safeParse(value);
      if (locked.success) layer.locked = locked.data;
      else problems.push({ source, path: key, message: 'a list of setting keys' });
    } else if (key === 'policyJson' || key === 'policy') {
      const policy = readPolicy(value, key);
      if (policy.ok) layer.policy = policy.policy;
      else problems.push(...policy.problems.map((p) => ({ source, ...p })));
    } else if (isSettingKey(key)) {
      const result = settingFields[key].safeParse(value);
      if (result.success) layer.values[key] = result.data;
      else problems.push({ source, path: key, message: result.error.issues.map((i) => i.message).join('; ') });
    } else {
      problems.push({ source, path: key, message: 'not a Tierline setting' });
    }
  }
  return layer;
}

function readPolicy(value: unknown, path: string): { ok: true; policy: Policy } | { ok: false; problems: { path: string; message: string }[] } {
  let json = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch (error) {
      return { ok: false, problems: [{ path, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  }
  const parsed = policySchema.safeParse(json);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => ({ path: issuePath(path, i), message: i.message })) };
}

/**
 * Merges the three sources key by key: managed › org › local › default. A key an
 * admin set, or listed in managed `lockedSettings`, is locked: the local value is
 * ignored. Invalid values are dropped for their key alone and listed in `problems`.
 * Pure: the caller reads the storage areas.
 *
 * @example
 * resolveSettings({ managed: { syncEndpoint: 'https://sync.acme.test' }, local: { syncEndpoint: 'https://x.test', agent: 'ana' } })
 * // values.syncEndpoint 'https://sync.acme.test' (managed, locked); values.agent 'ana' (local)
 */
export function resolveSettings(layers: SettingLayers): ResolvedSettings {
  const problems: SettingProblem[] = [];
  const managed = readLayer(layers.managed, 'managed', problems);
  const org = readLayer(layers.org?.settings, 'org', problems);
  if (layers.org?.policy) org.policy = layers.org.policy;
  const local = readLayer(layers.local, 'local', problems);
  const lockedByList = new Set(managed.locked);

  const values = { ...DEFAULT_SETTINGS } as Record<SettingKey, unknown>;
  const rows = {} as Record<SettingKey, SettingRow>;
  for (const key of SETTING_KEYS) {
    const locked = key in managed.values || lockedByList.has(key);
    const candidates: [SettingSource, unknown][] = [
      ['managed', managed.values[key]],
      ['org', org.values[key]],
      ['local', locked ? undefined : local.values[key]],
    ];
    const [source, value] = candidates.find(([, v]) => v !== undefined) ?? ['default', DEFAULT_SETTINGS[key]];
    values[key] = value;
    rows[key] = { value, source, locked };
  }

  const policyLocked = managed.policy !== undefined || lockedByList.has('policy') || lockedByList.has('policyJson');
  const policySources: [SettingSource, Policy | undefined][] = [
    ['managed', managed.policy],
    ['org', org.policy],
    ['local', policyLocked ? undefined : local.policy],
  ];
  const [policySource, policy] = policySources.find(([, p]) => p !== undefined) ?? ['default', defaultPolicy];
  return {
    values: values as Settings,
    rows,
    policy: { value: policy ?? defaultPolicy, source: policySource, locked: policyLocked },
    problems,
  };
}
