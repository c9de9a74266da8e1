/**
 * The sync endpoint's two numbers, on the embedded database (PGlite, in a temp
 * folder like `tierline serve`) and on PostgreSQL (DATABASE_URL or TEST_DATABASE_URL):
 *
 * - ingest: events per second through POST /v1/events (app.request: JSON, zod, auth, insert) in batches of 1,000;
 * - a team lead's 90-day metrics query (GET /v1/metrics?team=…) over 1,000,000 stored events.
 *
 * Aims: ≥ 10,000 events/s and ≤ 200 ms. The peer for the query is the same
 * filter as a bare SQL count, i.e. what reading the rows alone costs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TierlineEvent } from '../core/events';
import { createPrng } from '../core/triage/prng';
import { createApp } from '../server/app';
import type { Db } from '../server/db/db';
import { migrate } from '../server/db/migrations';
import { openPgliteDb } from '../server/db/pglite';
import { openPostgresDb } from '../server/db/postgres';
import { insertEvents } from '../server/store/events';
import { createToken } from '../server/store/tokens';
import { dropSchema, uniqueSchema } from '../server/testing/postgres';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const INGEST_EVENTS = 50_000;
const BATCH = 1000;
const TEAMS = 10;
const AGENTS_PER_TEAM = 10;
const DAYS = 365;
const START = Date.UTC(2025, 2, 1);
const NOW = new Date(START + DAYS * 86_400_000);

/** A deterministic stream of realistic events in time order: every ticket gets a decision, some escalate, hand off, get reassigned, reopen or rated. */
function* generate(count: number, seed: number, idPrefix: string): Generator<TierlineEvent> {
  // mulberry32 (seeded): small, fast and well spread, so teams and days get their fair share.
  const rand = createPrng(seed);
  const tiers = ['T1', 'T2', 'T3'] as const;
  for (let i = 0; i < count; i++) {
    const team = Math.floor(rand() * TEAMS);
    const agent = `agent-${team}-${Math.floor(rand() * AGENTS_PER_TEAM)}`;
    // Events arrive roughly as they happen, so they are stored in time order, give or take a few minutes.
    const at = new Date(START + Math.floor((i / count) * DAYS * 86_400_000 + rand() * 600_000)).toISOString();
    const base = { id: `${idPrefix}-${i.toString(36).padStart(8, '0')}`, at, ticketId: String(Math.floor(i / 4)), helpdesk: 'zendesk' as const, agent, team: `team-${team}` };
    const r = rand();
    if (r < 0.4) {
      yield { ...base, type: 'decision', data: { tier: tiers[Math.floor(rand() * 3)] ?? 'T1', role: 'frontline-agent', severity: 'normal', bypass: false, triggers: [], source: 'rules' } };
    } else if (r < 0.55) {
      yield { ...base, type: 'escalation', data: { from: 'T1', to: 'T2', triggers: ['time-in-queue'], unnecessary: rand() < 0.2 } };
    } else if (r < 0.7) {
      const missing = rand() < 0.3 ? ['logs'] : [];
      yield { ...base, type: 'handoff', data: { from: 'T1', to: 'T2', completeness: missing.length ? 80 : 100, missing, blocked: false } };
    } else if (r < 0.8) {
      yield { ...base, type: 'reassignment', data: { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: rand() < 0.5 } };
    } else if (r < 0.87) {
      yield { ...base, type: 'override', data: { from: { tier: 'T1', role: 'frontline-agent' }, to: { tier: 'T2', role: 'support-engineer' }, reason: 'needs logs', source: 'rules' } };
    } else if (r < 0.93) {
      yield { ...base, type: 'reopen', data: { solvedAt: new Date(Date.parse(at) - 86_400_000).toISOString() } };
    } else {
      yield { ...base, type: 'csat', data: { score: 1 + Math.floor(rand() * 5), afterHandoff: rand() < 0.5 } };
    }
  }
}

function batches<T>(items: Iterable<T>, size: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    current.push(item);
    if (current.length === size) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

interface Result {
  engine: string;
  ingest: number;
  ingestPerCpuSecond: number;
  load: number;
  p50: number;
  p95: number;
  /** CPU time of this process per query: all of it for PGlite (in process), the client side only for PostgreSQL. */
  cpu: number;
  rows: number;
  sqlOnly: number;
}

async function run(engine: string, db: Db): Promise<Result> {
  await migrate(db);
  const app = createApp({ db, now: () => NOW, limits: { burst: 1_000_000, perSecond: 1_000_000 } });
  const org = 'bench';
  const token = await createToken(db, { org, role: 'lead', now: NOW });
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

  // Ingest over the route, as the extension's outbox sends it.
  const bodies = batches(generate(INGEST_EVENTS, 7, 'ingest'), BATCH).map((events) => JSON.stringify({ events }));
  let t = performance.now();
  const ingestCpu0 = process.cpuUsage();
  for (const body of bodies) {
    const res = await app.request('/v1/events', { method: 'POST', headers: auth, body });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
  const ingest = INGEST_EVENTS / ((performance.now() - t) / 1000);
  const ingestCpu = process.cpuUsage(ingestCpu0);
  const ingestPerCpuSecond = INGEST_EVENTS / ((ingestCpu.user + ingestCpu.system) / 1e6);

  // Fill up to TOTAL through the store's insert (what the route calls), generated lazily.
  const rest = TOTAL - INGEST_EVENTS;
  t = performance.now();
  let pending: TierlineEvent[] = [];
  for (const e of generate(rest, 11, 'bulk')) {
    pending.push(e);
    if (pending.length === 5000) {
      await insertEvents(db, org, pending, NOW);
      pending = [];
    }
  }
  if (pending.length) await insertEvents(db, org, pending, NOW);
  const load = rest / ((performance.now() - t) / 1000);
  await db.exec('ANALYZE events');

  // A team lead's quarter: 90 days of one team.
  const to = new Date(START + 300 * 86_400_000);
  const from = new Date(to.getTime() - 90 * 86_400_000);
  const query = `/v1/metrics?team=team-3&from=${from.toISOString()}&to=${to.toISOString()}`;
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < 12; i++) {
    t = performance.now();
    const c0 = process.cpuUsage();
    const res = await app.request(query, { headers: auth });
    const body = (await res.json()) as { events: number };
    const c1 = process.cpuUsage(c0);
    // The first two warm caches and the JIT.
    if (i > 1) {
      times.push(performance.now() - t);
      cpu.push((c1.user + c1.system) / 1000);
    }
    rows = body.events;
  }
  const sqlTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    t = performance.now();
    await db.query('SELECT type, count(*)::int AS n FROM events WHERE org = $1 AND team = $2 AND at >= $3 AND at < $4 GROUP BY type', [org, 'team-3', from, to]);
    if (i > 1) sqlTimes.push(performance.now() - t);
  }
  return { engine, ingest, ingestPerCpuSecond, load, p50: percentile(times, 0.5), p95: percentile(times, 0.95), cpu: percentile(cpu, 0.5), rows, sqlOnly: percentile(sqlTimes, 0.5) };
}

const loadBefore = loadavg()[0] ?? 0;
const results: Result[] = [];
const dir = await mkdtemp(join(tmpdir(), 'tierline-bench-'));
try {
  const db = await openPgliteDb({ dataDir: dir });
  try {
    results.push(await run('embedded (PGlite, on disk)', db));
  } finally {
    await db.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (url) {
  const schema = uniqueSchema('bench');
  const db = await openPostgresDb(url, { schema });
  try {
    results.push(await run('PostgreSQL', db));
  } finally {
    await db.close();
    await dropSchema(url, schema);
  }
} else {
  console.log('PostgreSQL: skipped — set DATABASE_URL or TEST_DATABASE_URL to measure it.\n');
}

const f = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`${f(TOTAL)} events, ${TEAMS} teams × ${AGENTS_PER_TEAM} agents over ${DAYS} days; query: one team, 90 days.`);
// Wall-clock numbers mean little on a busy machine: say how busy it was.
console.log(`${cpus().length} CPUs; 1-minute load average ${f(loadBefore, 1)} before, ${f(loadavg()[0] ?? 0, 1)} after.\n`);
console.log('| engine | ingest via POST /v1/events (events/s) | … per CPU-second of this process | bulk insert (events/s) | 90-day team metrics p50 (ms) | p95 (ms) | CPU of this process p50 (ms) | events in period | bare SQL count (ms) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.engine} | ${f(r.ingest)} | ${f(r.ingestPerCpuSecond)} | ${f(r.load)} | ${f(r.p50, 1)} | ${f(r.p95, 1)} | ${f(r.cpu, 1)} | ${f(r.rows)} | ${f(r.sqlOnly, 1)} (query ×${f(r.p50 / r.sqlOnly, 1)}) |`);
}
const [embedded, postgres] = results;
if (embedded && postgres) {
  console.log(`\nPostgreSQL / embedded: ingest ×${f(postgres.ingest / embedded.ingest, 2)}, query time ×${f(postgres.p50 / embedded.p50, 2)}.`);
}
for (const r of results) {
  const ok = r.ingest >= 10_000 && r.p95 <= 200;
  console.log(`${r.engine}: ${ok ? 'meets' : 'MISSES'} the aims (≥ 10,000 events/s, ≤ 200 ms).`);
}
