import { resolve } from 'node:path';
import { build } from 'esbuild';
import { defineConfig } from 'wxt';
import { defaultPolicy } from './core/policy/default-policy';
import { HELPDESK_IDS } from './core/ticket-ids';
import { LAZY_CHUNKS } from './extension/overlay/chunks';
import { buildDemoModel, DEMO_MODEL_FILE } from './scripts/demo-model';
import { prebuiltDefaultPolicy, prebuiltDefaultPolicyEsbuild } from './scripts/prebuilt-default-policy';

/**
 * The public half of Tierline's signing key. It pins the extension ID to
 * `jglkbkmpocllbbcbgnaadklnbbopaemd` for unpacked builds too, which managed
 * policy (chrome.storage.managed) is keyed by.
 * https://developer.chrome.com/docs/extensions/reference/manifest/key
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzVMWcgMcAGp6MasdMyGt9xZNLBKgfgv/4NYxAN5Bj4caQpg5QFWMeQ52vbPAieZQuUt0fXAmxNx9bndRmCmQaKwAIR5LTZ071AFVs4mD9ubd6sVvByZP4bLfcbzJpsAgr+w4S5S+XvpATDZ5SKP9vbBUbcVloIA8gA/ncVUrNHVPx4Cd92MtJpQ9jqnqWHJbsJ8x0KFW6SpLzFjzdX+UjqzynKk63YI0Jd7yKSCqGsfHaRUVUVa7lIX5D9zvHCCluQTxdWoxmGGrcA6hHV/GuoGTb00FIlYVsXON2PBMBG7vv0ykY+mr1qr/bkcpCvzTOq0kQMvSI5dkGt+kmh2YUwIDAQAB';
export const EXTENSION_ID = 'jglkbkmpocllbbcbgnaadklnbbopaemd';

export default defineConfig({
  // Parallel builds (tests, benchmarks, demo) each take their own output folder.
  outDir: process.env.TIERLINE_OUT_DIR ?? '.output',
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // Explicit imports only: every file says where its names come from.
  imports: false,
  // web-ext is installed to lint the Firefox build (`npm run lint:firefox`); `wxt` dev keeps loading the extension by
  // hand as before instead of launching a browser through it.
  webExt: { disabled: true },
  // The built-in policy ships parsed: a woken worker no longer validates a constant before it can answer (issue 13).
  vite: () => ({ plugins: [prebuiltDefaultPolicy(defaultPolicy)] }),
  hooks: {
    // The demo triage model is trained from the shipped sample tickets at build time, not committed (see scripts/demo-model.ts).
    'build:publicAssets': (wxt, files) => {
      files.push({ relativeDest: DEMO_MODEL_FILE, contents: buildDemoModel(wxt.config.root) });
    },
    // Code the content scripts import only when they need it (the in-tab fallback router, the summary code, the
    // escalation), each as one ES module (extension/overlay/chunks.ts); WXT bundles content scripts as single classic
    // scripts, so they are built here.
    'build:done': async (wxt) => {
      await Promise.all(
        Object.values(LAZY_CHUNKS).map((chunk) =>
          build({
            entryPoints: [resolve(wxt.config.root, chunk.entry)],
            outfile: resolve(wxt.config.outDir, chunk.file),
            bundle: true,
            format: 'esm',
            minify: true,
            target: 'es2022',
            jsx: 'automatic',
            jsxImportSource: 'preact',
            legalComments: 'none',
            logLevel: 'warning',
            plugins: [prebuiltDefaultPolicyEsbuild(defaultPolicy)],
          }),
        ),
      );
    },
  },
  manifest: ({ browser }) => ({
    name: 'Tierline',
    description: 'Tier badges, escalation triggers and handoff checklists inside Zendesk, Freshdesk and Jira Service Management.',
    // scripting: only to register the overlay on the custom helpdesk domains an admin lists (extension/hosts/register.ts).
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // The toolbar icon's badge tells the agent a queue timer fired while the tab was not looking.
    action: { default_title: 'Tierline' },
    // Custom helpdesk domains are asked for at run time (managed policy lists them).
    optional_host_permissions: ['https://*/*'],
    // The overlay fetches its stylesheet into its shadow root; WXT exposes each helpdesk's (entrypoints/<helpdesk>.content)
    // to that vendor's domains only, so custom domains (their script is registered at run time) need it too. The dynamic
    // URL changes every session, so a page cannot probe a fixed URL to learn Tierline is installed.
    // The lazily imported chunks (issue 13) are exposed the same way.
    web_accessible_resources: [
      {
        resources: [...HELPDESK_IDS.map((id) => `content-scripts/${id}.css`), ...Object.values(LAZY_CHUNKS).map((chunk) => chunk.file)],
        matches: ['https://*/*'],
        use_dynamic_url: true,
      },
    ],
    // Firefox 128 (an ESR) is the first to honour optional_host_permissions, which custom helpdesk domains need
    // (`web-ext lint` warned that 115 predates it).
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'tierline@tierline.dev', strict_min_version: '128.0' } } }
      : { key: MANIFEST_KEY }),
    storage: { managed_schema: 'managed_schema.json' },
  }),
});
