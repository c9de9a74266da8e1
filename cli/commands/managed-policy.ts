import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { lintPolicy } from '../../core/policy/lint';
import { FEATURE_IDS } from '../../extension/features/registry';
import { isSettingKey } from '../../extension/settings/schema';
import type { CliCommand, CliIo } from '../io';
import { loadPolicy } from '../load-policy';

/**
 * `tierline managed-policy`: turns a policy file into the files an admin
 * deploys through each browser's enterprise policy, so every agent's
 * extension reads the same settings from `browser.storage.managed`
 * (see public/managed_schema.json for the keys).
 */

/** Pinned by the manifest key in wxt.config.ts (a test keeps them equal). */
export const CHROME_EXTENSION_ID = 'jglkbkmpocllbbcbgnaadklnbbopaemd';
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const FIREFOX_EXTENSION_ID = 'tierline@tierline.dev';

export const FORMATS = ['chrome-linux', 'chrome-windows', 'chrome-macos', 'firefox'] as const;
export type ManagedFormat = (typeof FORMATS)[number];


/** The managed values this command writes: the same keys as public/managed_schema.json. */
export const managedValuesSchema = z
  .object({
    policyJson: z.string().optional(),
    policyUrl: z.url({ protocol: /^https?$/ }).optional(),
    syncEndpoint: z.url({ protocol: /^https?$/ }).optional(),
    syncToken: z.string().min(1).optional(),
    triageModelUrl: z.url({ protocol: /^https?$/ }).optional(),
    team: z.string().min(1).optional(),
    alarmPeriodMinutes: z.number().min(0.5).max(60).optional(),
    notifications: z.boolean().optional(),
    // A misspelt key would lock nothing, silently: only keys the extension resolves (and the policy itself).
    lockedSettings: z.array(z.string().refine((k) => k === 'policy' || isSettingKey(k), 'not a Tierline setting (see public/managed_schema.json)')).optional(),
    disabledFeatures: z.array(z.enum(FEATURE_IDS)).optional(),
    ai: z
      .object({
        enabled: z.boolean().optional(),
        provider: z.enum(['extractive', 'chrome-builtin', 'openai-compatible']).optional(),
        endpoint: z.url().optional(),
        model: z.string().optional(),
        apiKey: z.string().optional(),
      })
      .strict()
      .optional(),
    extraHelpdeskHosts: z.array(z.object({ host: z.string().min(1), helpdesk: z.enum(['zendesk', 'freshdesk', 'jira']) }).strict()).optional(),
  })
  .strict();
export type ManagedValues = z.infer<typeof managedValuesSchema>;

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** Drops undefined members so every writer sees only plain values. */
function plain(values: ManagedValues): Record<string, Plain> {
  return JSON.parse(JSON.stringify(values)) as Record<string, Plain>;
}

/** A UUID derived from the content, so the same input gives the same profile (diffable, idempotent installs). */
function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/** For /etc/opt/chrome/policies/managed/ and /etc/chromium/policies/managed/. */
export function toChromeLinux(values: ManagedValues): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: plain(values) } } }, null, 2)}\n`;
}

/** Firefox's policies.json (distribution/ folder or /etc/firefox/policies/). */
export function toFirefox(values: ManagedValues): string {
  return `${JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_EXTENSION_ID]: plain(values) } } } }, null, 2)}\n`;
}

export const WINDOWS_POLICY_KEY = `HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`;

function regString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function regValue(value: string | number | boolean): string {
  if (typeof value === 'string') return regString(value);
  const n = typeof value === 'boolean' ? Number(value) : value;
  return `dword:${(n >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * A .reg file: strings as REG_SZ, booleans as REG_DWORD, objects as subkeys and
 * lists as subkeys with values (or subkeys) named 1, 2, 3 — the layout Chrome
 * reads for extension policy on Windows.
 * https://www.chromium.org/administrators/configuring-policy-for-extensions/
 */
export function toChromeWindows(values: ManagedValues): string {
  const sections: string[] = [];
  const write = (key: string, entries: Array<[string, Plain]>): void => {
    const lines = [`[${key}]`];
    const nested: Array<[string, Plain]> = [];
    for (const [name, value] of entries) {
      if (typeof value === 'object') nested.push([name, value]);
      else lines.push(`${regString(name)}=${regValue(value)}`);
    }
    sections.push(lines.join('\r\n'));
    for (const [name, value] of nested) {
      const children: Array<[string, Plain]> = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v]) : Object.entries(value);
      write(`${key}\\${name}`, children);
    }
  };
  write(WINDOWS_POLICY_KEY, Object.entries(plain(values)));
  // The leading removal clears values a previous version set, so re-importing replaces instead of merging.
  return `Windows Registry Editor Version 5.00\r\n\r\n[-${WINDOWS_POLICY_KEY}]\r\n\r\n${sections.join('\r\n\r\n')}\r\n`;
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plistValue(value: Plain, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${xmlText(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return Number.isInteger(value) ? `${indent}<integer>${value}</integer>` : `${indent}<real>${value}</real>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((v) => plistValue(v, `${indent}  `)), `${indent}</array>`].join('\n');
  return [`${indent}<dict>`, ...plistEntries(value, `${indent}  `), `${indent}</dict>`].join('\n');
}

function plistEntries(dict: Record<string, Plain>, indent: string): string[] {
  return Object.entries(dict).flatMap(([k, v]) => [`${indent}<key>${xmlText(k)}</key>`, plistValue(v, indent)]);
}

/**
 * A macOS configuration profile whose one payload is the preference domain
 * Chrome reads extension policy from: com.google.Chrome.extensions.<id>.
 */
export function toChromeMacos(values: ManagedValues): string {
  const domain = `com.google.Chrome.extensions.${CHROME_EXTENSION_ID}`;
  const body = JSON.stringify(plain(values));
  const payload: Record<string, Plain> = {
    PayloadType: domain,
    PayloadVersion: 1,
    PayloadIdentifier: `dev.tierline.managed.${CHROME_EXTENSION_ID}`,
    PayloadUUID: stableUuid(`payload:${body}`),
    PayloadDisplayName: 'Tierline extension settings',
    PayloadEnabled: true,
    ...plain(values),
  };
  const profile: Record<string, Plain> = {
    PayloadContent: [payload],
    PayloadDisplayName: 'Tierline',
    PayloadDescription: 'Support-levels policy and settings for the Tierline browser extension.',
    PayloadIdentifier: 'dev.tierline.managed',
    PayloadOrganization: 'Tierline',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: stableUuid(`profile:${body}`),
    PayloadVersion: 1,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

export const WRITERS: Record<ManagedFormat, (values: ManagedValues) => string> = {
  'chrome-linux': toChromeLinux,
  'chrome-windows': toChromeWindows,
  'chrome-macos': toChromeMacos,
  firefox: toFirefox,
};

function list(values: string[] | undefined): string[] | undefined {
  const items = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

const command: CliCommand = {
  summary: 'Write managed browser policy files (Chrome Linux/Windows/macOS, Firefox) that push a policy to every agent.',
  usage: [
    'tierline managed-policy --policy p.json --format chrome-linux|chrome-windows|chrome-macos|firefox',
    '         [--endpoint URL --token-file F] [--settings managed.json] [--lock KEY,...] [--disable FEATURE,...] [--out FILE]',
    '',
    '  --settings   JSON with more managed keys (ai, extraHelpdeskHosts, triageModelUrl, policyUrl, ...)',
    `  --disable    overlay features to switch off: ${FEATURE_IDS.join(', ')}`,
    '  --lock       setting keys agents cannot change in the options page',
  ].join('\n'),
  async run(argv, io) {
    const { values: flags } = parseArgs({
      args: argv,
      options: {
        policy: { type: 'string' },
        endpoint: { type: 'string' },
        'token-file': { type: 'string' },
        settings: { type: 'string' },
        lock: { type: 'string', multiple: true },
        disable: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    });
    const format = FORMATS.find((f) => f === flags.format);
    if (!format) {
      io.stderr(`tierline managed-policy: --format must be one of ${FORMATS.join(', ')}.\n`);
      return 2;
    }
    if (!flags.policy) {
      io.stderr('tierline managed-policy: --policy p.json is required.\n');
      return 2;
    }
    if (flags['token-file'] && !flags.endpoint) {
      io.stderr('tierline managed-policy: --token-file needs --endpoint.\n');
      return 2;
    }

    const policy = await loadPolicy(flags.policy, io);
    if (!policy) return 1;
    const lintErrors = lintPolicy(policy).filter((f) => f.severity === 'error');
    if (lintErrors.length > 0) {
      io.stderr(`tierline managed-policy: ${flags.policy} has lint errors; fix them before pushing it to every agent:\n`);
      for (const f of lintErrors) io.stderr(`  ${f.path}: ${f.message}${f.fix ? ` — ${f.fix}` : ''}\n`);
      return 1;
    }

    let extra: unknown = {};
    if (flags.settings) {
      const text = await readText(io, flags.settings, '--settings');
      if (text === undefined) return 1;
      try {
        extra = JSON.parse(text);
      } catch (error) {
        io.stderr(`tierline managed-policy: ${flags.settings} is not JSON (${error instanceof Error ? error.message : String(error)}).\n`);
        return 1;
      }
    }
    let token: string | undefined;
    if (flags['token-file']) {
      const text = await readText(io, flags['token-file'], '--token-file');
      if (text === undefined) return 1;
      token = text.trim();
    }
    const candidate = {
      ...(typeof extra === 'object' && extra !== null ? extra : {}),
      // Pretty-printing would only cost bytes inside a registry string.
      policyJson: JSON.stringify(policy),
      ...(flags.endpoint ? { syncEndpoint: flags.endpoint } : {}),
      ...(token ? { syncToken: token } : {}),
      ...(list(flags.lock) ? { lockedSettings: list(flags.lock) } : {}),
      ...(list(flags.disable) ? { disabledFeatures: list(flags.disable) } : {}),
    };
    const checked = managedValuesSchema.safeParse(candidate);
    if (!checked.success) {
      io.stderr('tierline managed-policy: the managed settings are not valid:\n');
      for (const issue of checked.error.issues) io.stderr(`  ${issue.path.join('.') || '(root)'}: ${issue.message}\n`);
      return 1;
    }

    const text = WRITERS[format](checked.data);
    if (flags.out) {
      await io.writeFile(flags.out, text);
      io.stderr(`Wrote ${flags.out} (${format}).\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};

export default command;

/** A missing file used to surface as "is not JSON (ENOENT ...)" or a bare ENOENT; say which flag and what to check. */
async function readText(io: CliIo, path: string, flag: string): Promise<string | undefined> {
  try {
    return await io.readFile(path);
  } catch (error) {
    io.stderr(`tierline managed-policy: cannot read ${flag} file ${path} (${error instanceof Error ? error.message : String(error)}) — check the path.\n`);
    return undefined;
  }
}
