import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing/memory-io';

type ListedToken = { id: string; org: string; role: string; agent: string | null; label: string | null; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null; status: string };

/** `tierline token create|list|revoke` against one embedded database in a temporary folder. */
describe('tierline token create, list and revoke', () => {
  let dataDir: string;
  const run = async (args: string[], now = '2026-03-02T12:00:00Z') => {
    const { io, out, err } = memoryIo({}, { env: { TIERLINE_DATA_DIR: dataDir }, now });
    const code = await main(['token', ...args], io);
    return { code, out: out(), err: err() };
  };
  const listJson = async (...args: string[]) => JSON.parse((await run(['list', '--json', ...args])).out) as ListedToken[];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tierline-token-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a token that expires after 365 days by default, or when --expires says, printing only the token on stdout', async () => {
    const byDefault = await run(['create', '--org', 'acme', '--role', 'admin', '--label', 'laptop']);
    expect(byDefault.code).toBe(0);
    expect(byDefault.out).toMatch(/^tl_[A-Za-z0-9_-]{43}\n$/);
    expect(byDefault.err).toMatch(/Created tok_[0-9a-f]{16} \(admin\) for acme .* expiring 2027-03-02 12:00Z/);

    expect((await run(['create', '--org', 'acme', '--role', 'agent', '--agent', 'alice', '--expires', '90d'])).code).toBe(0);
    expect((await run(['create', '--org', 'globex', '--role', 'lead', '--expires', 'never'])).err).toContain('never expiring');

    const tokens = await listJson();
    // Tokens created in the same instant list in id order, which is random: compare them sorted.
    expect(tokens.map((t) => [t.org, t.role, t.agent, t.expiresAt]).sort()).toEqual([
      ['acme', 'admin', null, '2027-03-02T12:00:00.000Z'],
      ['acme', 'agent', 'alice', '2026-05-31T12:00:00.000Z'],
      ['globex', 'lead', null, null],
    ]);
    expect(JSON.stringify(tokens)).not.toContain(byDefault.out.trim());
  }, 60_000);

  it('refuses a lifetime it cannot read, or beyond ten years, before opening the database', async () => {
    for (const expires of ['90', '3 months', '0h', '3651d']) {
      const { code, out, err } = await run(['create', '--org', 'acme', '--role', 'agent', '--expires', expires]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('--expires');
    }
  });

  it('lists one row per token with id, org, role, created, last used, expires and status; --org narrows it', async () => {
    const { code, out } = await run(['list', '--org', 'acme'], '2026-06-01T00:00:00Z');
    expect(code).toBe(0);
    const [header, ...rows] = out.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['ID', 'ORG', 'ROLE', 'AGENT', 'LABEL', 'CREATED', 'LAST USED', 'EXPIRES', 'STATUS']);
    expect(rows).toHaveLength(2);
    rows.sort((a, b) => a.split(/\s+/)[2]?.localeCompare(b.split(/\s+/)[2] ?? '') ?? 0);
    expect(rows[0]).toMatch(/^tok_[0-9a-f]{16}\s+acme\s+admin\s+-\s+laptop\s+2026-03-02 12:00Z\s+never\s+2027-03-02 12:00Z\s+active$/);
    expect(rows[1]).toMatch(/^tok_[0-9a-f]{16}\s+acme\s+agent\s+alice\s+-\s+2026-03-02 12:00Z\s+never\s+2026-05-31 12:00Z\s+expired$/);
    expect(out).not.toMatch(/tl_/);
  }, 30_000);

  it('revokes a token by the id the list prints, once; an unknown id exits 1, a malformed one 2', async () => {
    const [agent] = (await listJson('--org', 'acme')).filter((t) => t.role === 'agent');
    const revoked = await run(['revoke', agent?.id ?? ''], '2026-03-05T08:00:00Z');
    expect(revoked.code).toBe(0);
    expect(revoked.err).toContain(`Revoked ${agent?.id}`);
    expect((await run(['revoke', agent?.id ?? ''])).err).toContain('already revoked');

    const after = (await listJson('--org', 'acme')).find((t) => t.id === agent?.id);
    expect(after).toMatchObject({ revokedAt: '2026-03-05T08:00:00.000Z', status: 'revoked' });

    expect((await run(['revoke', 'tok_0123456789abcdef'])).code).toBe(1);
    expect((await run(['revoke', 'tl_not-an-id'])).code).toBe(2);
    expect((await run(['revoke'])).code).toBe(2);
  }, 60_000);

  it('names its subcommands when given another', async () => {
    const { code, err } = await run(['delete']);
    expect(code).toBe(2);
    expect(err).toContain('"create", "list" or "revoke"');
  });
});
