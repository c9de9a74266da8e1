import { readFile } from 'node:fs/promises';
import type { CliIo } from '../io';

export interface MemoryIoOptions {
  stdin?: string;
  env?: Record<string, string | undefined>;
  /** The clock commands see (ISO). */
  now?: string;
  /** Read files missing from `files` from disk (the repository's examples/), instead of failing. */
  disk?: boolean;
}

/**
 * A CliIo for tests: files come from `files` (writes land there too), output is collected,
 * and the clock is fixed, so a command runs without a process, a disk or the real time.
 */
export function memoryIo(files: Record<string, string> = {}, options: MemoryIoOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (p) => {
      const text = files[p];
      if (text !== undefined) return text;
      if (options.disk) return readFile(p, 'utf8');
      throw new Error(`ENOENT: no such file, open '${p}'`);
    },
    writeFile: async (p, t) => {
      files[p] = t;
    },
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? {},
    now: () => new Date(options.now ?? '2026-11-27T09:00:00Z'),
  };
  return { io, out: () => out.join(''), err: () => err.join(''), files };
}
