/**
 * Routing throughput: Tierline's compiled router beside json-rules-engine
 * evaluating the same conditions on the same tickets, in the same process.
 *
 * Two policies: the default policy (12 triggers + 4 severities) and a
 * generated policy of 200 trigger rules. 100,000 generated tickets.
 *
 * Three numbers per policy:
 *  - Tierline, full decision: facts, severity, every trigger, tier/role, the
 *    business-time clock and reasons (what the overlay and CLI pay);
 *  - Tierline, conditions only: the compiled conditions over prepared facts;
 *  - json-rules-engine over the same prepared facts (flattened, so it never
 *    pays for path lookups), with custom operators for the semantics it lacks
 *    (accent-insensitive contains, safe patterns, durations, any-element).
 * The ratio compares conditions with conditions; results are checked to agree.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { parseDuration } from '../core/conditions/duration';
import { compileCondition, factReader } from '../core/conditions/evaluate';
import { compilePattern } from '../core/conditions/safe-pattern';
import type { Condition, LeafCondition } from '../core/conditions/schema';
import { foldTextCached } from '../core/conditions/text';
import { defaultPolicyInput } from '../core/policy/default-policy';
import { parsePolicy } from '../core/policy/parse';
import type { Policy, PolicyInput } from '../core/policy/schema';
import { createRouter } from '../core/route/decide';
import { createFactBuilder } from '../core/route/facts';
import { type Ticket, ticketSchema } from '../core/ticket';
import { createPrng } from '../core/triage/prng';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
/** json-rules-engine is asynchronous and slow on 200 rules; it runs on a prefix of the same tickets. */
const PEER_TICKETS = Number(process.env.BENCH_PEER_TICKETS ?? 20_000);
const PEER_TICKETS_200 = Number(process.env.BENCH_PEER_TICKETS_200 ?? 2_000);
/** Our passes are repeated and the fastest kept: neighbours on a shared machine only ever add time. */
const PASSES = 3;
/** The 200-rule policy is ten times the work per pass; one pass keeps `npm run bench` within minutes. */
const PASSES_200 = 1;
const NOW = '2026-03-10T10:16:00+01:00';

// Seeded so every run routes the same tickets.
const random = createPrng(20260310);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const chance = (p: number) => random() < p;

const PHRASES = [
  'How do I export my data?', 'I am locked out and need to reset my password', 'We dispute invoice 88, we were charged twice',
  'The Salesforce sync fails with error 422', 'Steps to reproduce: open the report, click export', 'we lost all our data after the import',
  'I think we were hacked', 'Dashboard is down for all our users', 'This is the third time I write, unacceptable', 'Where can I find the API key?',
  'Engineering confirmed bug: regression in 4.2', 'The webhook configuration is not working', 'Duplicate records appeared in the CRM',
  'Is it possible to pay yearly?', 'Café déjà vu: la facture est erronée', 'Please call me back', 'Our SSO login fails for new users',
];
const TAGS = ['vip', 'billing_dispute', 'sev2', 'needs_backend', 'confirmed_bug', 'security_incident', 'data_loss', 'api_error', 'tier_1', 'tier_2', 'renewal', 'eu'];
const DAY = 86_400_000;
const nowMs = Date.parse(NOW);

function generateTicket(i: number): Ticket {
  const created = nowMs - Math.floor(random() * 20 * DAY);
  const entered = created + Math.floor(random() * (nowMs - created));
  const comments = Array.from({ length: Math.floor(random() * 4) }, () => ({ author: pick(['customer', 'agent', 'system'] as const), body: pick(PHRASES) }));
  return ticketSchema.parse({
    id: `G-${i}`,
    helpdesk: pick(['zendesk', 'freshdesk', 'jira'] as const),
    subject: pick(PHRASES),
    description: `${pick(PHRASES)}. ${pick(PHRASES)}`,
    comments,
    requester: { customerTier: pick(['free', 'standard', 'premium', 'enterprise'] as const), ...(chance(0.3) ? { contractValue: Math.floor(random() * 300_000) } : {}) },
    priority: pick(['low', 'normal', 'normal', 'high', 'urgent'] as const),
    status: pick(['new', 'open', 'open', 'pending', 'on-hold', 'solved'] as const),
    tags: TAGS.filter(() => chance(0.12)),
    fields: chance(0.5) ? { Plan: pick(['Free', 'Standard', 'Premium', 'Enterprise']), 'Issue type': pick(['Billing', 'Bug', 'Access', 'Outage']) } : {},
    ...(chance(0.4) ? { impactedUsers: Math.floor(random() * 5000) } : {}),
    ...(chance(0.3) ? { amount: { value: Math.floor(random() * 5000), currency: 'USD' } } : {}),
    ...(chance(0.5) ? { currentTier: pick(['T1', 'T1', 'T2', 'T3'] as const) } : {}),
    ...(chance(0.2) ? { reopenCount: Math.floor(random() * 3) } : {}),
    createdAt: new Date(created).toISOString(),
    tierEnteredAt: new Date(entered).toISOString(),
    updatedAt: new Date(entered).toISOString(),
  });
}

/** 200 trigger rules over the same fields, of every operator, nested up to three levels. */
function generatedPolicy(): Policy {
  const leaf = (): Condition =>
    pick<() => Condition>([
      () => ({ field: 'priority', op: 'eq', value: pick(['low', 'normal', 'high', 'urgent']) }),
      () => ({ field: 'requester.customerTier', op: 'in', value: [pick(['free', 'standard']), pick(['premium', 'enterprise'])] }),
      () => ({ field: 'tags', op: 'in', value: [pick(TAGS), pick(TAGS)] }),
      () => ({ field: 'tags', op: 'notIn', value: [pick(TAGS)] }),
      () => ({ field: 'amount.value', op: 'gt', value: Math.floor(random() * 4000) }),
      () => ({ field: 'impactedUsers', op: 'gte', value: Math.floor(random() * 3000) }),
      () => ({ field: 'requester.contractValue', op: 'lte', value: Math.floor(random() * 200_000) }),
      () => ({ field: 'text', op: 'contains', value: [pick(['locked out', 'hacked', 'invoice', 'facture erronee', 'regression']), pick(['export', 'sync', 'down', 'duplicate'])] }),
      () => ({ field: 'customerText', op: 'contains', value: pick(['unacceptable', 'third time', 'please']) }),
      () => ({ field: 'subject', op: 'matches', value: pick(['^how (do|can) i', 'error \\d{3}', '^we (dispute|lost)', 'sso|login']) }),
      () => ({ field: 'fields.Plan', op: 'eq', value: pick(['Enterprise', 'Premium']) }),
      () => ({ field: 'amount', op: 'exists', value: true }),
      () => ({ field: 'timeInQueue', op: 'longerThan', value: pick(['15m', '1h', '4h', '1d']) }),
      () => ({ field: 'age', op: 'shorterThan', value: pick(['2h', '1d', '1w']) }),
      () => ({ field: 'customerMessageCount', op: 'gte', value: 2 }),
      () => ({ field: 'currentTier', op: 'ne', value: pick(['T1', 'T2']) }),
      () => ({ field: 'status', op: 'notIn', value: ['solved', 'closed'] }),
    ])();
  const node = (depth: number): Condition => {
    if (depth === 0 || chance(0.35)) return leaf();
    const children = Array.from({ length: 2 + Math.floor(random() * 3) }, () => node(depth - 1));
    return pick<() => Condition>([() => ({ all: children }), () => ({ any: children }), () => ({ not: children[0] as Condition })])();
  };
  const triggers = Array.from({ length: 200 }, (_, i) => ({
    id: `generated-${i}`,
    kind: pick(['functional', 'severity', 'time', 'contractual', 'systemic', 'sentiment'] as const),
    description: `Generated rule ${i}.`,
    when: { all: [node(3), node(2)] } as Condition,
    route: chance(0.2) ? { role: 'billing-specialist', bypass: chance(0.3) } : { tier: pick(['T1', 'T2', 'T3', 'T4'] as const), bypass: chance(0.1) },
    action: 'Follow the generated rule.',
  }));
  const input = { ...structuredClone(defaultPolicyInput), name: 'Generated 200-rule policy', triggers } as unknown as PolicyInput;
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw new Error(`generated policy does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.policy;
}

// --- json-rules-engine translation -------------------------------------------------------------

/** A field path as a flat fact name (json-rules-engine fact ids cannot contain our dotted paths' meaning). */
const factId = (field: string) => `f:${field}`;

function toPeerCondition(c: Condition): NestedCondition {
  if ('all' in c) return { all: c.all.map(toPeerCondition) };
  if ('any' in c) return { any: c.any.map(toPeerCondition) };
  if ('not' in c) return { not: toPeerCondition(c.not) };
  return { fact: factId(c.field), operator: `tl-${c.op}`, value: peerValue(c) };
}

function peerValue(c: LeafCondition): unknown {
  if (c.op === 'longerThan' || c.op === 'shorterThan') return parseDuration(c.value);
  if (c.op === 'contains') return (Array.isArray(c.value) ? c.value : [c.value]).map(foldTextCached);
  return c.value;
}

function topLevel(c: Condition): TopLevelCondition {
  const n = toPeerCondition(c);
  return 'all' in n || 'any' in n || 'not' in n ? (n as TopLevelCondition) : { all: [n] };
}

const anyOf = (v: unknown, test: (x: unknown) => boolean) => (Array.isArray(v) ? v.some(test) : test(v));
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
const cmp = (test: (a: number, b: number) => boolean) => (f: unknown, v: unknown) => {
  const n = num(f);
  return n !== undefined && test(n, v as number);
};

function peerEngine(conditions: { id: string; when: Condition }[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const eq = (f: unknown, v: unknown) => anyOf(f, (x) => (v === null ? x === null || x === undefined : x === v));
  engine.addOperator('tl-eq', eq);
  engine.addOperator('tl-ne', (f, v) => !eq(f, v));
  engine.addOperator('tl-in', (f, v: unknown[]) => anyOf(f, (x) => v.includes(x) || (x === undefined && v.includes(null))));
  engine.addOperator('tl-notIn', (f, v: unknown[]) => !anyOf(f, (x) => v.includes(x)));
  engine.addOperator('tl-gt', cmp((a, b) => a > b));
  engine.addOperator('tl-gte', cmp((a, b) => a >= b));
  engine.addOperator('tl-lt', cmp((a, b) => a < b));
  engine.addOperator('tl-lte', cmp((a, b) => a <= b));
  engine.addOperator('tl-longerThan', cmp((a, b) => a > b));
  engine.addOperator('tl-shorterThan', cmp((a, b) => a < b));
  engine.addOperator('tl-contains', (f, phrases: string[]) => anyOf(f, (x) => typeof x === 'string' && phrases.some((p) => foldTextCached(x).includes(p))));
  engine.addOperator('tl-matches', (f, pattern: string) => {
    const check = compilePattern(pattern);
    return check.ok && anyOf(f, (x) => typeof x === 'string' && check.regex.test(x));
  });
  engine.addOperator('tl-exists', (f, want: boolean) => {
    const present = f !== undefined && f !== null && !(typeof f === 'string' && f.trim() === '') && !(Array.isArray(f) && f.length === 0);
    return present === want;
  });
  for (const { id, when } of conditions) engine.addRule({ name: id, conditions: topLevel(when), event: { type: id } });
  return engine;
}

function leaves(c: Condition, out: Set<string>): Set<string> {
  if ('all' in c) for (const x of c.all) leaves(x, out);
  else if ('any' in c) for (const x of c.any) leaves(x, out);
  else if ('not' in c) leaves(c.not, out);
  else out.add(c.field);
  return out;
}

// --- the run -----------------------------------------------------------------------------------

const us = (ms: number, n: number) => (ms * 1000) / n;
/**
 * CPU milliseconds of this process (user + system): the CI machine is shared
 * by parallel jobs, and wall time there measures the neighbours as much as us.
 */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The fastest of PASSES runs of `run`, in CPU ms; `run` returns a checksum so the work is not optimised away. */
function fastest(run: () => number, passes: number): { ms: number; checksum: number } {
  let best = Number.POSITIVE_INFINITY;
  let checksum = 0;
  for (let p = 0; p < passes; p++) {
    const start = cpuNow();
    checksum = run();
    best = Math.min(best, cpuNow() - start);
  }
  return { ms: best, checksum };
}

async function benchPolicy(label: string, policy: Policy, tickets: Ticket[], peerTickets: number, passes: number) {
  const rules = [
    ...policy.triggers.map((t) => ({ id: t.id, when: t.when })),
    ...policy.severities.flatMap((s) => (s.when ? [{ id: `severity:${s.id}`, when: s.when }] : [])),
  ];

  // Tierline, full decision.
  const route = createRouter(policy);
  for (const t of tickets.slice(0, 2000)) route(t, { now: NOW });
  const { ms: fullMs, checksum: fired } = fastest(() => {
    let n = 0;
    for (const t of tickets) n += route(t, { now: NOW }).triggers.length;
    return n;
  }, passes);

  // Prepared facts, shared by both condition-only runs.
  const facts = createFactBuilder(policy);
  const prepared = tickets.map((t) => facts(t, { now: NOW }).facts);
  const fields = [...rules.reduce((s, r) => leaves(r.when, s), new Set<string>())];
  const readers = fields.map((f) => [factId(f), factReader(f)] as const);
  const flat = prepared.slice(0, peerTickets).map((f) => Object.fromEntries(readers.map(([id, read]) => [id, read(f)])));

  // Tierline, conditions only.
  const compiled = rules.map((r) => compileCondition(r.when));
  const oursPerTicket: number[] = [];
  for (let i = 0; i < flat.length; i++) oursPerTicket.push(compiled.filter((test) => test(prepared[i] as Record<string, unknown>)).length);
  const { ms: condMs, checksum: ours } = fastest(() => {
    let n = 0;
    for (const f of prepared) for (const test of compiled) if (test(f)) n++;
    return n;
  }, passes);

  // json-rules-engine, same conditions, same (flattened) facts.
  const engine = peerEngine(rules);
  for (const f of flat.slice(0, 200)) await engine.run(f);
  const start = cpuNow();
  let agree = 0;
  for (let i = 0; i < flat.length; i++) {
    const { events } = await engine.run(flat[i]);
    if (events.length === oursPerTicket[i]) agree++;
  }
  const peerMs = cpuNow() - start;

  const full = us(fullMs, tickets.length);
  const cond = us(condMs, prepared.length);
  const peer = us(peerMs, flat.length);
  console.log(`### ${label}: ${rules.length} conditions, ${tickets.length.toLocaleString('en')} tickets (json-rules-engine: first ${flat.length.toLocaleString('en')})\n`);
  console.log('| engine | µs / ticket | tickets / s |');
  console.log('| --- | ---: | ---: |');
  console.log(`| Tierline, full decision (facts, triggers, tier, clock, reasons) | ${fmt(full)} | ${Math.round(1e6 / full).toLocaleString('en')} |`);
  console.log(`| Tierline, compiled conditions only | ${fmt(cond)} | ${Math.round(1e6 / cond).toLocaleString('en')} |`);
  console.log(`| json-rules-engine 7.3.1, same conditions | ${fmt(peer)} | ${Math.round(1e6 / peer).toLocaleString('en')} |`);
  console.log('');
  console.log(`ratio, conditions vs json-rules-engine: ${(peer / cond).toFixed(0)}× faster; full decision vs json-rules-engine conditions: ${(peer / full).toFixed(1)}× faster`);
  console.log(`results agree on ${((agree / flat.length) * 100).toFixed(2)}% of tickets; ${fired.toLocaleString('en')} triggers fired, ${ours.toLocaleString('en')} condition matches\n`);
  if (agree !== flat.length) process.exitCode = 1;
}

const tickets = Array.from({ length: TICKETS }, (_, i) => generateTicket(i));
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; CPU time of this process; Tierline the fastest of ${PASSES} passes (200 rules: ${PASSES_200})\n`);
const defaultParsed = parsePolicy(defaultPolicyInput);
if (!defaultParsed.ok) throw new Error('default policy does not parse');
await benchPolicy('Default policy', defaultParsed.policy, tickets, PEER_TICKETS, PASSES);
if (process.env.BENCH_ONLY !== 'default') await benchPolicy('Generated 200-rule policy', generatedPolicy(), tickets, PEER_TICKETS_200, PASSES_200);
