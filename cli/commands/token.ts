import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase, resolveDataDir } from '../../server/db/open';
import { createToken, orgIdSchema, roleSchema } from '../../server/store/tokens';
import type { CliCommand } from '../io';

const createArgs = z.object({
  org: orgIdSchema,
  role: roleSchema,
  agent: z.string().min(1).max(200).optional(),
  label: z.string().min(1).max(200).optional(),
});

/**
 * `tierline token create --org ORG --role agent|lead|admin [--agent NAME] [--label TEXT]`:
 * prints a new bearer token alone on stdout (so `TOKEN=$(tierline token create …)` works)
 * for the configured database: DATABASE_URL, else the embedded one in TIERLINE_DATA_DIR.
 */
const command: CliCommand = {
  summary: 'Create a bearer token for the sync endpoint (prints only the token)',
  usage: 'tierline token create --org ORG --role agent|lead|admin [--agent NAME] [--label TEXT]',
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'create') {
      io.stderr(`tierline token: expected "create".\nUsage: ${command.usage}\n`);
      return 2;
    }
    const { values } = parseArgs({
      args: rest,
      options: { org: { type: 'string' }, role: { type: 'string' }, agent: { type: 'string' }, label: { type: 'string' } },
      strict: true,
    });
    const parsed = createArgs.safeParse(values);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`);
      io.stderr(`tierline token create: invalid options\n${lines.join('\n')}\nUsage: ${command.usage}\n`);
      return 2;
    }
    const databaseUrl = io.env.DATABASE_URL;
    const { db, location } = await openDatabase({ ...(databaseUrl ? { databaseUrl } : {}), dataDir: resolveDataDir(io.env) });
    try {
      const { org, role, agent, label } = parsed.data;
      const token = await createToken(db, { org, role, now: io.now(), ...(agent ? { agent } : {}), ...(label ? { label } : {}) });
      io.stdout(`${token}\n`);
      io.stderr(`Created a ${role} token for ${org}${agent ? ` (agent ${agent})` : ''} in ${location}. It is shown once; only its hash is stored.\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

export default command;
