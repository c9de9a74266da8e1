/**
 * `npx tsx scripts/ingest-versus.ts <git revision> [rounds]`: the sync endpoint's ingest on PGlite,
 * this tree beside the code at `<revision>`, measured in alternating processes on the same machine.
 *
 * What `npm run bench server` measures first, on a fresh database in a temp folder: 50,000 events
 * through POST /v1/events from one client in batches of 1,000, then 50,000 from 8 concurrent clients
 * in batches of 500 (the same generated events as the bench). A wall-clock figure on a shared machine
 * says as much about the machine as about the code; the ratio of two trees alternated round by round
 * says what the change did. The revision is checked out into a temporary worktree (sharing this
 * tree's node_modules), which is removed afterwards, whatever happens.
 *
 * A child process (INGEST_ROOT set) measures one tree once and prints its figures as JSON.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Figures {
  sequential: number;
  concurrent: number;
}

if (process.env.INGEST_ROOT) {
  console.log(JSON.stringify(await measure(process.env.INGEST_ROOT)));
} else {
  const [revision, roundsArg = '3'] = process.argv.slice(2);
  const rounds = Number(roundsArg);
  if (!revision || !Number.isInteger(rounds) || rounds < 1) {
    console.error('Usage: npx tsx scripts/ingest-versus.ts <git revision> [rounds ≥ 1]');
    process.exit(2);
  }
  const here = resolve(import.meta.dirname, '..');
  const scratch = mkdtempSync(join(tmpdir(), 'tierline-versus-'));
  const worktree = join(scratch, 'tree');
  try {
    execFileSync('git', ['worktree', 'add', '--quiet', '--detach', worktree, revision], { cwd: here, stdio: 'inherit' });
  } catch {
    rmSync(scratch, { recursive: true, force: true });
    console.error(`"${revision}" could not be checked out (git said why above): name a commit, tag or branch of this repository.`);
    process.exit(2);
  }
  try {
    symlinkSync(join(here, 'node_modules'), join(worktree, 'node_modules'));
    const trees = { [revision]: worktree, 'this tree': here };
    const runs: Record<string, Figures[]> = Object.fromEntries(Object.keys(trees).map((name) => [name, []]));
    const load = [loadavg()[0] ?? 0];
    for (let round = 0; round < rounds; round++) {
      for (const [name, root] of Object.entries(trees)) {
        const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename], { cwd: here, env: { ...process.env, INGEST_ROOT: root }, encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`${name} failed:\n${child.stderr}`);
        runs[name]?.push(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as Figures);
      }
    }
    load.push(loadavg()[0] ?? 0);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
    const f = (n: number) => Math.round(n).toLocaleString('en-US');
    const cell = (xs: number[]) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
    console.log(`PGlite ingest, ${rounds} alternating rounds; 1-minute load average ${load.map((l) => l.toFixed(1)).join(' → ')}.\n`);
    console.log('| code | 1 client × 1,000 (events/s) | 8 clients × 500 (events/s) |');
    console.log('| --- | ---: | ---: |');
    for (const [name, list] of Object.entries(runs)) console.log(`| ${name} | ${cell(list.map((r) => r.sequential))} | ${cell(list.map((r) => r.concurrent))} |`);
    const ratio = (key: keyof Figures) => median((runs['this tree'] ?? []).map((r) => r[key])) / median((runs[revision] ?? []).map((r) => r[key]));
    console.log(`\nThis tree ÷ ${revision}: ×${ratio('sequential').toFixed(2)} (1 × 1,000), ×${ratio('concurrent').toFixed(2)} (8 × 500).`);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: here, stdio: 'inherit' });
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One tree's ingest, as bench/server.bench.ts measures it, with that tree's own modules. */
async function measure(root: string): Promise<Figures> {
  const { createApp } = await import(join(root, 'server/app.ts'));
  const { migrate } = await import(join(root, 'server/db/migrations.ts'));
  const { openPgliteDb } = await import(join(root, 'server/db/pglite.ts'));
  const { createToken } = await import(join(root, 'server/store/tokens.ts'));
  // The events come from this tree for both, so both trees store the very same ones.
  const { generateBenchEvents, BENCH_NOW } = await import('../bench/server-events');
  const dir = await mkdtemp(join(tmpdir(), 'tierline-versus-db-'));
  const db = await openPgliteDb({ dataDir: dir });
  try {
    await migrate(db);
    const app = createApp({ db, now: () => BENCH_NOW, limits: { burst: 1_000_000, perSecond: 1_000_000 } });
    const token = await createToken(db, { org: 'bench', role: 'lead', now: BENCH_NOW });
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const post = async (events: Iterable<unknown>, clients: number, batch: number) => {
      const bodies: string[] = [];
      let current: unknown[] = [];
      for (const e of events) {
        current.push(e);
        if (current.length === batch) {
          bodies.push(JSON.stringify({ events: current }));
          current = [];
        }
      }
      if (current.length) bodies.push(JSON.stringify({ events: current }));
      const count = bodies.length * batch;
      let next = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < bodies.length) {
            const res: Response = await app.request('/v1/events', { method: 'POST', headers, body: bodies[next++] });
            if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
          }
        }),
      );
      return count / ((performance.now() - t) / 1000);
    };
    const sequential = await post(generateBenchEvents(50_000, 7, 'ingest'), 1, 1000);
    const concurrent = await post(generateBenchEvents(50_000, 8, 'concurrent'), 8, 500);
    return { sequential, concurrent };
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
