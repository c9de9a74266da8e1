/** What a command may touch: injected so tests run commands without a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  now: () => Date;
}

export interface CliCommand {
  /** One line for `tierline --help`. */
  summary: string;
  usage: string;
  /** Returns the exit code. */
  run: (argv: string[], io: CliIo) => Promise<number>;
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: async (p) => (await import('node:fs/promises')).readFile(p, 'utf8'),
    writeFile: async (p, t) => (await import('node:fs/promises')).writeFile(p, t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    now: () => new Date(),
  };
}
