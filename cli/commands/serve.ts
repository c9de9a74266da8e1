import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServer } from '../../server/start';
import type { CliCommand } from '../io';

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
});

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `tierline serve [--port N] [--host H]`: the team sync endpoint on the embedded
 * database (TIERLINE_DATA_DIR), or on PostgreSQL when DATABASE_URL is set. Runs until Ctrl-C.
 */
const command: CliCommand = {
  summary: 'Run the team sync endpoint (embedded database, or PostgreSQL with DATABASE_URL)',
  usage: 'tierline serve [--port 8787] [--host 127.0.0.1]   (env: DATABASE_URL, TIERLINE_DATA_DIR)',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
    const parsed = argsSchema.safeParse(values);
    if (!parsed.success) {
      io.stderr(`tierline serve: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\nUsage: ${command.usage}\n`);
      return 2;
    }
    const databaseUrl = io.env.DATABASE_URL;
    const server = await startServer({
      port: parsed.data.port,
      hostname: parsed.data.host,
      ...(databaseUrl ? { databaseUrl } : {}),
      env: io.env,
    });
    io.stdout(`${server.url}\n`);
    io.stderr(`Tierline sync endpoint listening on ${server.url} (${server.db.dialect === 'pglite' ? 'embedded database in' : 'PostgreSQL at'} ${server.location}). Ctrl-C stops it.\n`);
    const signal = await untilStopped();
    io.stderr(`Stopping on ${signal}…\n`);
    await server.close();
    return 0;
  },
};

export default command;
