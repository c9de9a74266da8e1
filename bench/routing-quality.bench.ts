/**
 * Routing quality: every case of the routing corpus (tests/fixtures/routing/)
 * routed with the default policy, scored against the route the support-levels
 * model gives it. Prints the score tables, every case that misses with what
 * was expected and what was decided, and the time per decision.
 *
 * A report, not a gate: it exits 0 whatever the score. The floors that keep
 * the score from falling are in core/route/corpus.test.ts.
 */
import { defaultPolicy } from '../core/policy/default-policy';
import { createRouter } from '../core/route/decide';
import type { Decision } from '../core/route/decision';
import { type CaseResult, type CorpusCase, formatReport, loadCorpus, report, scoreCase } from '../tests/fixtures/routing/corpus';

const cases = loadCorpus();
const route = createRouter(defaultPolicy);

// One pass, timed as it comes: the text analysis caches are cold, as for a ticket the overlay sees for the first time.
const decisions: Decision[] = [];
const times: number[] = [];
for (const c of cases) {
  const started = performance.now();
  decisions.push(route(c.ticket, { now: c.now }));
  times.push(performance.now() - started);
}
const ms = times.reduce((a, b) => a + b, 0);
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

const results = cases.map((c, i) => scoreCase(c, decisions[i] as Decision));
const summary = report(results);

const kinds = (list: readonly string[]) => (list.length ? [...list].sort().join(', ') : 'none');
const expected = (c: CorpusCase) => `${c.expect.tier} ${c.expect.role}${c.expect.bypass ? ' bypass' : ''}; ${kinds(c.expect.triggers)}`;
const decided = (r: CaseResult) => `${r.decision.tier} ${r.decision.role}${r.decision.bypass ? ' bypass' : ''}; ${kinds(r.firedKinds)}`;
/** Which half of the case missed: the route (tier, role, bypass), the trigger kinds, or both. */
const missed = (r: CaseResult) => [r.routeOk ? '' : 'route', r.triggersOk ? '' : 'triggers'].filter(Boolean).join(' + ');

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${cases.length} corpus cases, the default policy (revision ${defaultPolicy.revision})\n`);
console.log(formatReport(summary));
console.log(`\n### Failing cases (${summary.failures.length})\n`);
if (summary.failures.length === 0) console.log('None.');
else {
  console.log('| case | missed | expected (tier role bypass; trigger kinds) | decided | issue type |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of summary.failures) console.log(`| ${r.case.id} | ${missed(r)} | ${expected(r.case)} | ${decided(r)} | ${r.decision.issueType ?? '—'} |`);
}
console.log(`\nTime: ${ms.toFixed(0)} ms for ${cases.length} decisions, ${(ms / cases.length).toFixed(2)} ms per decision (wall clock, one pass with cold caches)`);
// The first decision also loads the stemmers and builds the phrase indexes; the median is a ticket's usual cost.
console.log(`First decision ${(times[0] ?? 0).toFixed(1)} ms; median ${median.toFixed(2)} ms`);
