/**
 * The built-in policy in the extension's bundles as the JSON it parses to, and
 * nothing else of its module (issue 13). The policy is a constant of the
 * source, and a test proves it passes the schema; parsing it cost a woken
 * service worker 40–60 ms of its start on every wake-up, before it could
 * answer the tab waiting for its ticket. `JSON.parse` of the same value
 * (~200 KB) takes a few milliseconds, and the JSON round trip is exact
 * (tests/unit/prebuilt-default-policy.test.ts). The module's source input
 * (`defaultPolicyInput` and the phrase lists it is written from, another
 * ~200 KB of literals the worker built on every start and never read) is left
 * to the CLI and the tests.
 */
import { readFileSync } from 'node:fs';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin } from 'vite';

/** The module whose code is replaced, and the one expression its policy must still be made by. */
export const DEFAULT_POLICY_MODULE = '/core/policy/default-policy.ts';
export const DEFAULT_POLICY_PARSE = 'policySchema.parse(defaultPolicyInput)';
/** What the module exports; the extension gets only `defaultPolicy`. */
const SOURCE_ONLY_EXPORTS = ['defaultPolicyInput'];
const BUILT_EXPORTS = ['defaultPolicy'];

/** The names of the values `code` exports (`export const x`, `export function x`, …). */
function valueExports(code: string): string[] {
  return [...code.matchAll(/^export\s+(?:declare\s+)?(?:const|let|var|function\*?|async\s+function|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] as string);
}

/**
 * The module as the extension builds it: the parsed policy as JSON, and nothing else. Throws when the module changed
 * shape (the parse is not there once, or it exports something more), so a build fails rather than ship a policy
 * parsed some other way or drop an export a bundle needs.
 *
 * @example
 * prebuildDefaultPolicy('export const defaultPolicyInput = { name: "x" };\nexport const defaultPolicy = policySchema.parse(defaultPolicyInput);', { name: 'x' })
 * // 'export const defaultPolicy = JSON.parse("{\"name\":\"x\"}");\n'
 */
export function prebuildDefaultPolicy(code: string, parsed: unknown): string {
  const at = code.indexOf(DEFAULT_POLICY_PARSE);
  if (at < 0 || code.indexOf(DEFAULT_POLICY_PARSE, at + 1) >= 0) {
    throw new Error(`${DEFAULT_POLICY_MODULE} no longer holds \`${DEFAULT_POLICY_PARSE}\` once: update scripts/prebuilt-default-policy.ts`);
  }
  const unknown = valueExports(code).filter((name) => !SOURCE_ONLY_EXPORTS.includes(name) && !BUILT_EXPORTS.includes(name));
  if (unknown.length > 0) {
    throw new Error(`${DEFAULT_POLICY_MODULE} exports ${unknown.join(', ')}, which its prebuilt form does not carry: add it to scripts/prebuilt-default-policy.ts`);
  }
  return `export const defaultPolicy = JSON.parse(${JSON.stringify(JSON.stringify(parsed))});\n`;
}

/** A Vite plugin that does the replacement in every bundle that loads the built-in policy (`parsed` is `defaultPolicy`). */
export function prebuiltDefaultPolicy(parsed: unknown): Plugin {
  return {
    name: 'tierline:prebuilt-default-policy',
    // Before the TypeScript transform, so the expression is found as written.
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]?.endsWith(DEFAULT_POLICY_MODULE)) return null;
      return { code: prebuildDefaultPolicy(code, parsed), map: null };
    },
  };
}

/**
 * The same replacement for the chunks wxt.config.ts bundles with esbuild (the tab's fallback router carries the
 * built-in policy too): without it the tab would parse the policy with zod when the worker does not answer.
 */
export function prebuiltDefaultPolicyEsbuild(parsed: unknown): EsbuildPlugin {
  const filter = new RegExp(`${DEFAULT_POLICY_MODULE.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.')}$`);
  return {
    name: 'tierline:prebuilt-default-policy',
    setup(build) {
      build.onLoad({ filter }, ({ path }) => ({ contents: prebuildDefaultPolicy(readFileSync(path, 'utf8'), parsed), loader: 'js' }));
    },
  };
}
