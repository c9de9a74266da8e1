import { type Finding, lintPolicy } from '../../core/policy/lint';
import { parsePolicy } from '../../core/policy/parse';
import type { Policy } from '../../core/policy/schema';

/**
 * What the editor knows about a policy draft after each keystroke: the
 * problems that make it unusable (JSON or schema errors, lint errors) and the
 * warnings that make it weak, all with a JSON path and a fix.
 */
export interface DraftCheck {
  /** The parsed policy when the draft passes the schema. */
  policy?: Policy;
  /** The draft as plain JSON, when it is JSON at all (the form edits this). */
  draft?: Record<string, unknown>;
  findings: Finding[];
  /** True when the draft may be saved: it parses and lint reports no error. */
  saveable: boolean;
}

/**
 * Checks policy JSON text with the same parser and linter the CLI uses.
 *
 * @example
 * checkPolicyText('{"name": 1}').saveable // false
 */
export function checkPolicyText(text: string): DraftCheck {
  let draft: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) draft = value as Record<string, unknown>;
  } catch {
    // parsePolicy reports the syntax error below with its message.
  }
  // A file from `tierline policy init` names its JSON Schema in "$schema", an editor hint the policy format has no key for.
  const { $schema: _hint, ...withoutHint } = draft ?? {};
  const parsed = parsePolicy(draft && '$schema' in draft ? withoutHint : text);
  if (!parsed.ok) {
    const findings = parsed.errors.map((e): Finding => ({ severity: 'error', code: 'schema', path: e.path, message: e.message, fix: e.fix }));
    return { ...(draft ? { draft } : {}), findings, saveable: false };
  }
  const findings = lintPolicy(parsed.policy);
  return { policy: parsed.policy, ...(draft ? { draft } : {}), findings, saveable: !findings.some((f) => f.severity === 'error') };
}

/** Whether a JSON path is at or below a prefix ("$.triggers" holds "$.triggers[2].when"; "$" holds every path). */
export function isUnder(path: string, prefix: string): boolean {
  return prefix === '$' || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** Findings at or below a JSON path prefix ("$.triggers" matches "$.triggers[2].when"). */
export function findingsUnder(findings: readonly Finding[], prefix: string): Finding[] {
  return findings.filter((f) => isUnder(f.path, prefix));
}

/** Pretty JSON as the editor shows and exports it. */
export function policyText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
