import type { CliCommand, CliIo } from '../io';
import { DIFF_USAGE, runDiff } from './policy-diff';
import { INIT_USAGE, runInit } from './policy-init';

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { init: runInit, diff: runDiff };

/**
 * `tierline policy init` starts a policy file from the default policy, with its
 * JSON Schema; `tierline policy diff` shows what a new revision changes and,
 * on a history, which tickets it routes differently.
 */
const command: CliCommand = {
  summary: 'Start a policy file (init) or compare two policies and what they route differently (diff)',
  usage: `${INIT_USAGE}\n       ${DIFF_USAGE}`,
  async run(argv, io) {
    const [name, ...rest] = argv;
    const sub = name === undefined ? undefined : SUBCOMMANDS[name];
    if (!sub) {
      io.stderr(`tierline policy: ${name === undefined ? 'name a subcommand' : `unknown subcommand "${name}"`}: init or diff.\nUsage: ${command.usage}\n`);
      return 2;
    }
    return sub(rest, io);
  },
};

export default command;
