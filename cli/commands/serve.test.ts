import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { main } from '../main';

function memoryIo(env: Record<string, string | undefined>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    readFile: async () => '',
    writeFile: async () => {},
    readStdin: async () => '',
    env,
    now: () => new Date('2026-03-02T12:00:00Z'),
  };
  return { io, out };
}

/** Starts the real `tierline serve` and resolves with the URL it prints on stdout. */
function serve(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['cli/bin.js', 'serve', '--port', '0'], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /^(http:\/\/\S+)\n/m.exec(stdout)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

describe('tierline token create and tierline serve on the embedded database', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: { child: ChildProcess; url: string } | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tierline-cli-'));
    env = { TIERLINE_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('rejects an unknown role without touching the database', async () => {
    const { io, out } = memoryIo(env);
    expect(await main(['token', 'create', '--org', 'acme', '--role', 'boss'], io)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('--role');
  });

  it('prints only the new token, which the running server then accepts; a second process cannot open the same folder', async () => {
    const { io, out } = memoryIo(env);
    // The CLI runs on a fixed clock (2026) and the server on the real one: a token that never expires keeps this true in 2027.
    expect(await main(['token', 'create', '--org', 'acme', '--role', 'admin', '--expires', 'never'], io)).toBe(0);
    expect(out.stdout).toMatch(/^tl_[A-Za-z0-9_-]{43}\n$/);
    const token = out.stdout.trim();

    server = await serve(env);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const policy = await fetch(`${server.url}/v1/policy`, { headers: { Authorization: `Bearer ${token}` } });
    expect(policy.status).toBe(404);
    expect((await policy.json()).error.code).toBe('no_policy');
    expect((await fetch(`${server.url}/v1/policy`, { headers: { Authorization: 'Bearer tl_wrong' } })).status).toBe(401);

    const second = memoryIo(env);
    expect(await main(['token', 'create', '--org', 'acme', '--role', 'agent'], second.io)).toBe(1);
    expect(second.out.stderr).toContain('is open in process');

    const exited = new Promise<number | null>((resolve) => server?.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
  }, 120_000);
});
