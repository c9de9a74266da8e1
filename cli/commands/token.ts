import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Db } from '../../server/db/db';
import { openDatabase, resolveDataDir } from '../../server/db/open';
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  type TokenInfo,
  getTokenStatus,
  issueToken,
  listTokens,
  orgIdSchema,
  revokeToken,
  roleSchema,
  tokenIdSchema,
} from '../../server/store/tokens';
import type { CliCommand, CliIo } from '../io';

const HOUR_MS = 3_600_000;

/**
 * `--expires`: `90d`, `12h`, or `never` (deliberately spelled out: a token that never expires
 * is for a service that cannot be rotated by hand, and shows as "never" in the list).
 * At most ten years, so a typo such as `3650000d` does not become "never" in disguise.
 */
const lifetimeSchema = z
  .string()
  .regex(/^(never|\d{1,6}[hd])$/, 'a lifetime such as 90d or 12h, or "never"')
  .transform((text) => (text === 'never' ? null : Number.parseInt(text, 10) * (text.endsWith('d') ? 24 : 1) * HOUR_MS))
  .refine((ms) => ms === null || (ms >= HOUR_MS && ms <= 3650 * 24 * HOUR_MS), 'between 1h and 3650d, or "never"');

const createArgs = z.object({
  org: orgIdSchema,
  role: roleSchema,
  agent: z.string().min(1).max(200).optional(),
  label: z.string().min(1).max(200).optional(),
  expires: lifetimeSchema.prefault(`${DEFAULT_TOKEN_LIFETIME_DAYS}d`),
});
const listArgs = z.object({ org: orgIdSchema.optional(), json: z.boolean().optional() });

const USAGE = [
  'tierline token create --org ORG --role agent|lead|admin [--agent NAME] [--label TEXT] [--expires 365d|90d|12h|never]',
  '       tierline token list [--org ORG] [--json]',
  '       tierline token revoke TOKEN_ID',
].join('\n');

function usageError(io: CliIo, sub: string, error: z.ZodError): number {
  const lines = error.issues.map((i) => `  ${typeof i.path[0] === 'string' ? `--${i.path.join('.')}` : 'TOKEN_ID'}: ${i.message}`);
  io.stderr(`tierline token ${sub}: invalid options\n${lines.join('\n')}\nUsage: ${USAGE}\n`);
  return 2;
}

/** Opens the configured database (DATABASE_URL, else the embedded one in TIERLINE_DATA_DIR) for one command. */
async function withDatabase<T>(io: CliIo, fn: (db: Db, location: string) => Promise<T>): Promise<T> {
  const databaseUrl = io.env.DATABASE_URL;
  const { db, location } = await openDatabase({ ...(databaseUrl ? { databaseUrl } : {}), dataDir: resolveDataDir(io.env) });
  try {
    return await fn(db, location);
  } finally {
    await db.close();
  }
}

/** `2026-03-02 12:00Z`: minutes are as exact as last use is recorded. */
const formatTime = (date: Date | null, none: string) => (date ? `${date.toISOString().slice(0, 16).replace('T', ' ')}Z` : none);

function formatTable(tokens: TokenInfo[], now: Date): string {
  const header = ['ID', 'ORG', 'ROLE', 'AGENT', 'LABEL', 'CREATED', 'LAST USED', 'EXPIRES', 'STATUS'];
  const rows = tokens.map((t) => [
    t.id,
    t.org,
    t.role,
    t.agent ?? '-',
    t.label ?? '-',
    formatTime(t.createdAt, '-'),
    formatTime(t.lastUsedAt, 'never'),
    formatTime(t.expiresAt, 'never'),
    getTokenStatus(t, now),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function create(argv: string[], io: CliIo): Promise<number> {
  const options = { org: { type: 'string' }, role: { type: 'string' }, agent: { type: 'string' }, label: { type: 'string' }, expires: { type: 'string' } } as const;
  const parsed = createArgs.safeParse(parseArgs({ args: argv, options, strict: true }).values);
  if (!parsed.success) return usageError(io, 'create', parsed.error);
  const { org, role, agent, label, expires } = parsed.data;
  const now = io.now();
  const expiresAt = expires === null ? null : new Date(now.getTime() + expires);
  return withDatabase(io, async (db, location) => {
    const issued = await issueToken(db, { org, role, now, expiresAt, ...(agent ? { agent } : {}), ...(label ? { label } : {}) });
    io.stdout(`${issued.token}\n`);
    io.stderr(
      `Created ${issued.id} (${role}${agent ? ` bound to ${agent}` : ''}) for ${org} in ${location}, ${expiresAt ? `expiring ${formatTime(expiresAt, '')}` : 'never expiring'}. The token is shown once; only its hash is stored.\n`,
    );
    return 0;
  });
}

async function list(argv: string[], io: CliIo): Promise<number> {
  const parsed = listArgs.safeParse(parseArgs({ args: argv, options: { org: { type: 'string' }, json: { type: 'boolean' } }, strict: true }).values);
  if (!parsed.success) return usageError(io, 'list', parsed.error);
  const { org, json } = parsed.data;
  const now = io.now();
  const tokens = await withDatabase(io, (db) => listTokens(db, org ? { org } : {}));
  if (json) {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const rows = tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), expiresAt: iso(t.expiresAt), revokedAt: iso(t.revokedAt), status: getTokenStatus(t, now) }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    io.stdout(tokens.length ? `${formatTable(tokens, now)}\n` : `No tokens${org ? ` for ${org}` : ''}; create one with \`tierline token create\`.\n`);
  }
  return 0;
}

async function revoke(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true });
  const parsed = z.tuple([tokenIdSchema]).safeParse(positionals);
  if (!parsed.success) return usageError(io, 'revoke', parsed.error);
  const [id] = parsed.data;
  const result = await withDatabase(io, (db) => revokeToken(db, id, io.now()));
  if (result === 'unknown') {
    io.stderr(`tierline token revoke: no token ${id}; \`tierline token list\` prints the ids.\n`);
    return 1;
  }
  io.stderr(result === 'revoked' ? `Revoked ${id}: the endpoint refuses it from its next request.\n` : `${id} was already revoked.\n`);
  return 0;
}

const SUBCOMMANDS = new Map([
  ['create', create],
  ['list', list],
  ['revoke', revoke],
]);

/**
 * `tierline token create|list|revoke` on the configured database: DATABASE_URL, else the
 * embedded one in TIERLINE_DATA_DIR. `create` prints the new bearer token alone on stdout
 * (so `TOKEN=$(tierline token create …)` works); `list` never prints a token or its hash.
 */
const command: CliCommand = {
  summary: 'Create, list and revoke bearer tokens for the sync endpoint',
  usage: USAGE,
  async run(argv, io) {
    const [sub = '', ...rest] = argv;
    const run = SUBCOMMANDS.get(sub);
    if (!run) {
      io.stderr(`tierline token: expected "create", "list" or "revoke".\nUsage: ${USAGE}\n`);
      return 2;
    }
    return run(rest, io);
  },
};

export default command;
