import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPolicyInput } from '../../core/policy/default-policy';
import type { CliIo } from '../io';
import { POLICY_SCHEMA_FILE, policyJsonSchema } from '../policy-schema';

export const INIT_USAGE = 'tierline policy init [file.json | -] [--force]';

/** Where `init` writes when no file is named: the same name the options page exports. */
export const DEFAULT_POLICY_FILE = 'tierline-policy.json';

/**
 * `tierline policy init [file.json | -] [--force]`: the default policy as JSON
 * (as written, defaults left out), its first key a `$schema` that points at
 * the JSON Schema written beside it, so an editor validates and completes the
 * file from the first keystroke. Refuses to replace an existing policy unless
 * `--force`; the schema file is generated, so it is always refreshed. `-`
 * prints the policy alone on stdout.
 */
export async function runInit(argv: string[], io: CliIo): Promise<number> {
  let args: { values: { force?: boolean }; positionals: string[] };
  try {
    args = parseArgs({ args: argv, options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  if (args.positionals.length > 1) return usageError(io, 'give at most one file');
  const file = args.positionals[0] ?? DEFAULT_POLICY_FILE;
  const policy = `${JSON.stringify({ $schema: `./${POLICY_SCHEMA_FILE}`, ...defaultPolicyInput }, null, 2)}\n`;
  if (file === '-') {
    io.stdout(policy);
    return 0;
  }
  if (!args.values.force && (await exists(io, file))) {
    io.stderr(`tierline policy init: ${file} already exists; choose another file or add --force to replace it.\n`);
    return 1;
  }
  const schemaFile = join(dirname(file), POLICY_SCHEMA_FILE);
  await io.writeFile(schemaFile, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
  await io.writeFile(file, policy);
  io.stdout(
    [
      `Wrote ${file} (“${defaultPolicyInput.name}”, revision ${defaultPolicyInput.revision}) and its JSON Schema ${schemaFile}.`,
      'Next:',
      `  edit it, then  tierline lint ${file}`,
      `  compare        tierline policy diff old.json ${file} --history history.jsonl`,
      `  push it        tierline managed-policy --policy ${file} --format chrome-linux --out tierline.json`,
      '',
    ].join('\n'),
  );
  return 0;
}

async function exists(io: CliIo, path: string): Promise<boolean> {
  try {
    await io.readFile(path);
    return true;
  } catch {
    return false;
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`tierline policy init: ${message}\nUsage: ${INIT_USAGE}\n`);
  return 2;
}
