/**
 * The built-in policy in the extension's bundles as the JSON it parses to, not
 * parsed by `policySchema` again wherever it loads (issue 13). The policy is a
 * constant of the source, and a test proves it passes the schema; parsing it
 * cost a woken service worker 40–60 ms of its start on every wake-up, before
 * it could answer the tab waiting for its ticket. `JSON.parse` of the same
 * value (~200 KB) takes a few milliseconds, and the JSON round trip is exact
 * (tests/unit/prebuilt-default-policy.test.ts).
 */
import type { Plugin } from 'vite';

/** The module whose parse is replaced, and the one expression replaced in it. */
export const DEFAULT_POLICY_MODULE = '/core/policy/default-policy.ts';
export const DEFAULT_POLICY_PARSE = 'policySchema.parse(defaultPolicyInput)';

/**
 * The module's code with the policy's parse replaced by its parsed value as JSON. Throws when the expression is
 * not there once (the module changed): a build then fails rather than ship a policy parsed some other way.
 *
 * @example
 * prebuildDefaultPolicy('export const defaultPolicy = policySchema.parse(defaultPolicyInput);', { name: 'x' })
 * // 'export const defaultPolicy = JSON.parse("{\"name\":\"x\"}");'
 */
export function prebuildDefaultPolicy(code: string, parsed: unknown): string {
  const at = code.indexOf(DEFAULT_POLICY_PARSE);
  if (at < 0 || code.indexOf(DEFAULT_POLICY_PARSE, at + 1) >= 0) {
    throw new Error(`${DEFAULT_POLICY_MODULE} no longer holds \`${DEFAULT_POLICY_PARSE}\` once: update scripts/prebuilt-default-policy.ts`);
  }
  return `${code.slice(0, at)}JSON.parse(${JSON.stringify(JSON.stringify(parsed))})${code.slice(at + DEFAULT_POLICY_PARSE.length)}`;
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
