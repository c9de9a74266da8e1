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
 *    (accent-insensitive contains, safe patterns, durations, any-element, and
 *    `mentions`: the same core/text phrase matching on the same analysed
 *    ticket text).
 * The ratio compares conditions with conditions; results are checked to agree.
 *
 * Both engines are timed on tickets whose text is analysed and whose phrase
 * results are cached per document (each engine its own), as the worker sees
 * them when it re-decides open tickets each minute: Tierline's passes after
 * its first, json-rules-engine after a warm-up pass that also checks the
 * results agree. Every number is taken twice; the spread between the two is
 * printed beside it: a difference smaller than the spread is noise.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { parseDuration } from '../core/conditions/duration';
import { compileCondition, documentsOf, type Facts, factReader } from '../core/conditions/evaluate';
import { compilePattern } from '../core/conditions/safe-pattern';
import type { Condition, LeafCondition } from '../core/conditions/schema';
import { foldTextCached } from '../core/conditions/text';
import { defaultPolicyInput } from '../core/policy/default-policy';
import { parsePolicy } from '../core/policy/parse';
import type { Policy, PolicyInput } from '../core/policy/schema';
import { createRouter } from '../core/route/decide';
import { createFactBuilder } from '../core/route/facts';
import { analyzeText, type TextDocument } from '../core/text/document';
import { compilePhraseSet, findAny, type PhraseSet } from '../core/text/phrase';
import type { TicketText } from '../core/text/ticket-text';
import { type Ticket, ticketSchema } from '../core/ticket';
import { createPrng } from '../core/triage/prng';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
/** The 200-rule policy is ten times the work per ticket; a prefix of the same tickets keeps `npm run bench` within minutes. */
const TICKETS_200 = Number(process.env.BENCH_TICKETS_200 ?? 20_000);
/** json-rules-engine is asynchronous and slow on 200 rules; it runs on a prefix of the same tickets. */
const PEER_TICKETS = Number(process.env.BENCH_PEER_TICKETS ?? 20_000);
const PEER_TICKETS_200 = Number(process.env.BENCH_PEER_TICKETS_200 ?? 1_000);
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
      () => ({ field: pick(['customerText', 'text', 'lastCustomerMessage']), op: 'mentions', value: [pick(['locked out', 'charged … twice', 'hack*', 'lost … data']), pick(['export', 'sync*', '=down', 'duplicate record'])] }),
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
/** `mentions` reads the analysed documents behind a text field, not its string: another fact. */
const documentsFactId = (field: string) => `d:${field}`;

function toPeerCondition(c: Condition): NestedCondition {
  if ('all' in c) return { all: c.all.map(toPeerCondition) };
  if ('any' in c) return { any: c.any.map(toPeerCondition) };
  if ('not' in c) return { not: toPeerCondition(c.not) };
  return { fact: c.op === 'mentions' ? documentsFactId(c.field) : factId(c.field), operator: `tl-${c.op}`, value: peerValue(c) };
}

function peerValue(c: LeafCondition): unknown {
  if (c.op === 'longerThan' || c.op === 'shorterThan') return parseDuration(c.value);
  if (c.op === 'contains') return (Array.isArray(c.value) ? c.value : [c.value]).map(foldTextCached);
  // Compiled once per condition, as Tierline compiles its own; json-rules-engine copies condition values deeply, so the
  // compiled set (with its per-document results) travels as its number in a table.
  if (c.op === 'mentions') return peerPhraseSets.push(compilePhraseSet(Array.isArray(c.value) ? c.value : [c.value])) - 1;
  return c.value;
}
const peerPhraseSets: PhraseSet[] = [];


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
  // The same phrase matching as Tierline's `mentions` (words, stems, gaps, negation), each document's result cached in the set.
  engine.addOperator('tl-mentions', (docs: readonly TextDocument[], set: number) => docs.some((doc) => findAny(doc, peerPhraseSets[set] as PhraseSet) !== undefined));
  engine.addOperator('tl-exists', (f, want: boolean) => {
    const present = f !== undefined && f !== null && !(typeof f === 'string' && f.trim() === '') && !(Array.isArray(f) && f.length === 0);
    return present === want;
  });
  for (const { id, when } of conditions) engine.addRule({ name: id, conditions: topLevel(when), event: { type: id } });
  return engine;
}

/** The fact ids the conditions read, each with how to read it from prepared facts. */
function leaves(c: Condition, out: Map<string, (facts: Facts) => unknown>): Map<string, (facts: Facts) => unknown> {
  if ('all' in c) for (const x of c.all) leaves(x, out);
  else if ('any' in c) for (const x of c.any) leaves(x, out);
  else if ('not' in c) leaves(c.not, out);
  else if (c.op === 'mentions') out.set(documentsFactId(c.field), (facts) => documentsOf(c.field, facts));
  else out.set(factId(c.field), factReader(c.field));
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

/**
 * `run` once untimed (texts analysed, phrase results cached, code compiled),
 * then timed twice in CPU ms: the faster counts (neighbours on a shared machine
 * only ever add time) and the spread of the two shows the noise. `run` returns
 * a checksum so the work is not optimised away.
 */
async function timedTwice(run: () => number | Promise<number>): Promise<{ ms: [number, number]; checksum: number }> {
  let checksum = await run();
  const ms: [number, number] = [0, 0];
  for (const k of [0, 1] as const) {
    const start = cpuNow();
    checksum = await run();
    ms[k] = cpuNow() - start;
  }
  return { ms, checksum };
}

/** How far apart two measurements of the same thing are, as a share of the smaller. */
const spread = ([a, b]: readonly [number, number]) => `${((Math.abs(a - b) / Math.min(a, b)) * 100).toFixed(0)}%`;

async function benchPolicy(label: string, policy: Policy, tickets: Ticket[], peerTickets: number) {
  const rules = [
    ...policy.triggers.map((t) => ({ id: t.id, when: t.when })),
    ...policy.severities.flatMap((s) => (s.when ? [{ id: `severity:${s.id}`, when: s.when }] : [])),
  ];

  // Tierline, full decision, on tickets it has decided before (the worker's minute-by-minute case).
  const route = createRouter(policy);
  const { ms: fullMs, checksum: fired } = await timedTwice(() => {
    let n = 0;
    for (const t of tickets) n += route(t, { now: NOW }).triggers.length;
    return n;
  });

  // Prepared facts, shared by both condition-only runs.
  const facts = createFactBuilder(policy);
  const prepared = tickets.map((t) => facts(t, { now: NOW }).facts);
  const readers = [...rules.reduce((m, r) => leaves(r.when, m), new Map<string, (facts: Facts) => unknown>())];
  const flat = prepared.slice(0, peerTickets).map((f) => Object.fromEntries(readers.map(([id, read]) => [id, read(f)])));

  // Tierline, conditions only.
  const compiled = rules.map((r) => compileCondition(r.when));
  const oursPerTicket = flat.map((_, i) => compiled.filter((test) => test(prepared[i] as Facts)).length);
  const { ms: condMs, checksum: ours } = await timedTwice(() => {
    let n = 0;
    for (const f of prepared) for (const test of compiled) if (test(f)) n++;
    return n;
  });

  // json-rules-engine, same conditions, same (flattened) facts; every pass checks it matches as many rules as Tierline.
  const engine = peerEngine(rules);
  let disagree = 0;
  const { ms: peerMs } = await timedTwice(async () => {
    let n = 0;
    for (let i = 0; i < flat.length; i++) {
      const { events } = await engine.run(flat[i]);
      if (events.length !== oursPerTicket[i]) disagree++;
      n += events.length;
    }
    return n;
  });

  const perTicket = (ms: [number, number], n: number): [number, number] => [us(ms[0], n), us(ms[1], n)];
  const full = perTicket(fullMs, tickets.length);
  const cond = perTicket(condMs, prepared.length);
  const peer = perTicket(peerMs, flat.length);
  const best = (x: [number, number]) => Math.min(...x);
  const row = (name: string, x: [number, number]) =>
    `| ${name} | ${fmt(best(x))} | ${Math.round(1e6 / best(x)).toLocaleString('en')} | ${fmt(x[0])} / ${fmt(x[1])} | ${spread(x)} |`;
  const ratio = (a: [number, number], b: [number, number]): [number, number] => [a[0] / b[0], a[1] / b[1]];
  const condRatio = ratio(peer, cond);
  const fullRatio = ratio(peer, full);
  console.log(`### ${label}: ${rules.length} conditions, ${tickets.length.toLocaleString('en')} tickets (json-rules-engine: first ${flat.length.toLocaleString('en')})\n`);
  console.log('| engine | µs / ticket | tickets / s | run 1 / run 2 (µs) | spread of the runs |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(row('Tierline, full decision (facts, triggers, tier, clock, reasons)', full));
  console.log(row('Tierline, compiled conditions only', cond));
  console.log(row('json-rules-engine 7.3.1, same conditions', peer));
  console.log('');
  console.log(
    `ratio, conditions vs json-rules-engine: ${(best(peer) / best(cond)).toFixed(0)}× faster (runs ${condRatio.map((r) => r.toFixed(0)).join(' / ')}, spread ${spread(condRatio)}); ` +
      `full decision vs json-rules-engine conditions: ${(best(peer) / best(full)).toFixed(1)}× faster (runs ${fullRatio.map((r) => r.toFixed(1)).join(' / ')}, spread ${spread(fullRatio)})`,
  );
  const checks = 3 * flat.length;
  console.log(`results agree on ${(((checks - disagree) / checks) * 100).toFixed(2)}% of tickets (every pass); ${fired.toLocaleString('en')} triggers fired, ${ours.toLocaleString('en')} condition matches\n`);
  if (disagree > 0) process.exitCode = 1;
}

const tickets = Array.from({ length: TICKETS }, (_, i) => generateTicket(i));
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; CPU time of this process; each engine one untimed pass, then two timed ones (the faster counts)\n`);
const defaultParsed = parsePolicy(defaultPolicyInput);
if (!defaultParsed.ok) throw new Error('default policy does not parse');
await benchPolicy('Default policy', defaultParsed.policy, tickets, PEER_TICKETS);
if (process.env.BENCH_ONLY !== 'default') await benchPolicy('Generated 200-rule policy', generatedPolicy(), tickets.slice(0, TICKETS_200), PEER_TICKETS_200);
