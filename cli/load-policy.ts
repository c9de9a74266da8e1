import { type ParseError, parsePolicy } from '../core/policy/parse';
import type { Policy } from '../core/policy/schema';
import type { CliIo } from './io';

/**
 * Reads and validates a policy file, printing every problem with its JSON path and fix;
 * `undefined` when unusable. Shared by every command that takes `--policy`.
 */
export async function loadPolicy(path: string, io: CliIo): Promise<Policy | undefined> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    io.stderr(`tierline: cannot read policy ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  // The policy schema takes the editor hint `tierline policy init` writes ("$schema") as it is.
  const result = parsePolicy(text);
  if (result.ok) return result.policy;
  io.stderr(`tierline: policy ${path} is not valid:\n${formatParseErrors(result.errors)}`);
  return undefined;
}

/** One line per problem: path, message and the suggested fix. */
export function formatParseErrors(errors: readonly ParseError[], indent = '  '): string {
  return errors.map((e) => `${indent}${e.path}: ${e.message} (fix: ${e.fix})\n`).join('');
}
