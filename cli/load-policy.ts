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
  const result = parsePolicy(withoutSchemaHint(text));
  if (result.ok) return result.policy;
  io.stderr(`tierline: policy ${path} is not valid:\n${formatParseErrors(result.errors)}`);
  return undefined;
}

/** One line per problem: path, message and the suggested fix. */
export function formatParseErrors(errors: readonly ParseError[], indent = '  '): string {
  return errors.map((e) => `${indent}${e.path}: ${e.message} (fix: ${e.fix})\n`).join('');
}

/**
 * Policy JSON text without its top-level `"$schema"`: the editor hint `tierline policy init` writes so editors
 * validate and complete the file, which is not part of the policy itself. Text that is not a JSON object is
 * returned as it is, so the parser reports it with its line and column.
 *
 * @example
 * withoutSchemaHint('{"$schema": "./tierline-policy.schema.json", "name": "Acme"}') // '{"name":"Acme"}'
 */
export function withoutSchemaHint(input: string): string {
  // Editors on Windows save JSON with a byte-order mark, which JSON.parse refuses.
  const text = input.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('$schema' in json)) return text;
  const { $schema: _hint, ...policy } = json as Record<string, unknown>;
  return JSON.stringify(policy);
}
