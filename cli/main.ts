import { type CliCommand, type CliIo, nodeIo } from './io';

/** Every command, loaded only when called so `tierline lint` never opens a database. */
const COMMANDS: Record<string, () => Promise<{ default: CliCommand }>> = {
  backtest: () => import('./commands/backtest.ts'),
  lint: () => import('./commands/lint.ts'),
  cv: () => import('./commands/cv.ts'),
  eval: () => import('./commands/eval.ts'),
  train: () => import('./commands/train.ts'),
  'managed-policy': () => import('./commands/managed-policy.ts'),
  policy: () => import('./commands/policy.ts'),
  read: () => import('./commands/read.ts'),
  route: () => import('./commands/route.ts'),
  serve: () => import('./commands/serve.ts'),
  token: () => import('./commands/token.ts'),
};

function help(): string {
  return ['Usage: tierline <command> [options]', '', 'Commands:', ...Object.keys(COMMANDS).sort().map((c) => `  ${c}`), '', 'Run `tierline <command> --help` for its options.', ''].join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`tierline: unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  const command = (await load()).default;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // serve, token and managed-policy let node:util parseArgs throw on an unknown or malformed flag: that is a usage mistake, so show the usage and exit 2 like the other commands.
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_')) {
      io.stderr(`tierline ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    io.stderr(`tierline ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
