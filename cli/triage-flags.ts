import type { CliIo } from './io';
import { type DatasetResult, formatOf, parseDataset } from '../core/triage/dataset';

/**
 * Flags shared by `tierline train`, `eval` and `cv`: `--name value` pairs and
 * bare `--switch`es. Unknown flags are errors, so a typo never silently
 * trains with defaults.
 */
export function parseFlags(argv: string[], valued: readonly string[], switches: readonly string[]): { values: Record<string, string>; switches: Set<string> } | { error: string } {
  const values: Record<string, string> = {};
  const on = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--')) return { error: `unexpected argument "${arg}"` };
    if (switches.includes(name)) on.add(name);
    else if (valued.includes(name)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { error: `--${name} needs a value` };
      values[name] = value;
    } else return { error: `unknown option ${arg}` };
  }
  return { values, switches: on };
}

/** An integer or number flag, or an error naming it. */
export function numberFlag(values: Record<string, string>, name: string, integer: boolean): number | undefined | { error: string } {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return { error: `--${name} must be ${integer ? 'an integer' : 'a number'}, got "${raw}"` };
  return n;
}

/** Reads a labelled CSV / JSONL file named by --data. */
export async function readDataset(io: CliIo, values: Record<string, string>): Promise<DatasetResult> {
  const path = values.data;
  if (!path) return { ok: false, error: '--data is required' };
  let content: string;
  try {
    content = await io.readFile(path);
  } catch (error) {
    return { ok: false, error: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = parseDataset(content, { format: formatOf(path), textColumn: values.text, labelColumn: values.label });
  return result.ok ? result : { ok: false, error: `${path}: ${result.error}` };
}
