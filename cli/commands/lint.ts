import { parseArgs } from 'node:util';
import { defaultPolicy } from '../../core/policy/default-policy';
import { type Finding, lintPolicy, lintPolicyText } from '../../core/policy/lint';
import type { CliCommand, CliIo } from '../io';

/**
 * `tierline lint [policy.json] [--json]`: the policy's errors and warnings,
 * each with its JSON path and a suggested fix. Without a file it lints the
 * default policy. Exit 0 without errors (warnings allowed), 1 with errors,
 * 2 for a usage problem or an unreadable file.
 */
const command: CliCommand = {
  summary: 'Lint a support-levels policy: errors and warnings with their JSON path and a fix',
  usage: 'tierline lint [policy.json | -] [--json]',
  async run(argv, io) {
    let args: { values: { json?: boolean }; positionals: string[] };
    try {
      args = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (error) {
      return usageError(io, error instanceof Error ? error.message : String(error));
    }
    if (args.positionals.length > 1) return usageError(io, 'give at most one policy file');
    const file = args.positionals[0];
    let findings: Finding[];
    if (file === undefined) findings = lintPolicy(defaultPolicy);
    else {
      let text: string;
      try {
        text = file === '-' ? await io.readStdin() : await io.readFile(file);
      } catch (error) {
        io.stderr(`tierline lint: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 2;
      }
      findings = lintPolicyText(text);
    }
    const source = file === '-' ? 'stdin' : (file ?? 'default policy');
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (args.values.json) io.stdout(`${JSON.stringify({ source, errors, warnings: findings.length - errors, findings }, null, 2)}\n`);
    else io.stdout(formatFindings(source, findings));
    return errors > 0 ? 1 : 0;
  },
};

export default command;

function usageError(io: CliIo, message: string): number {
  io.stderr(`tierline lint: ${message}\nUsage: ${command.usage}\n`);
  return 2;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Findings grouped errors first, each with its path, code, message and fix. */
export function formatFindings(source: string, findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (findings.length === 0) return `${source}: no problems found.\n`;
  const lines = [`${source}: ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`];
  for (const [title, group] of [
    ['Errors', errors],
    ['Warnings', warnings],
  ] as const) {
    if (group.length === 0) continue;
    lines.push('', `${title}:`);
    for (const f of group) lines.push(`  ${f.path}  (${f.code})`, `    ${f.message}`, `    fix: ${f.fix}`);
  }
  return `${lines.join('\n')}\n`;
}
