import { describe, expect, it } from 'vitest';
import { loadCorpus, report, scoreCase } from '../../tests/fixtures/routing/corpus';
import { defaultPolicy } from '../policy/default-policy';
import { createRouter } from './decide';

/**
 * The routing corpus (tests/fixtures/routing/): tickets as customers write
 * them, with the route the support-levels model gives each. The expectations
 * are never edited to make a case pass; these floors only keep the score from
 * falling. `npm run bench routing-quality` prints the full tables.
 */
const cases = loadCorpus();
const route = createRouter(defaultPolicy);
const results = cases.map((c) => scoreCase(c, route(c.ticket, { now: c.now })));
const summary = report(results);

describe('the routing corpus', () => {
  it('holds at least 300 tickets in English, German, Spanish and French', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(['en', 'de', 'es', 'fr']));
    for (const lang of ['de', 'es', 'fr']) expect(cases.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(30);
  });

  it('routes at least 95% of the tickets to the tier, role and bypass the model gives', () => {
    const failures = summary.failures.filter((f) => !f.routeOk).map((f) => `${f.case.id}: want ${f.case.expect.tier} ${f.case.expect.role}, got ${f.decision.tier} ${f.decision.role}`);
    expect(summary.overall.route / summary.overall.total, failures.join('\n')).toBeGreaterThanOrEqual(ROUTE_FLOOR);
  });

  it('fires exactly the trigger kinds the model gives on at least 93% of the tickets', () => {
    expect(summary.overall.triggers / summary.overall.total).toBeGreaterThanOrEqual(TRIGGER_FLOOR);
  });

  it('decides every ticket the same with a router of a copy of the policy, whose phrase lists it shares already compiled', () => {
    // The lists are compiled on first use and shared by content: this router finds them compiled by the first.
    const again = createRouter(structuredClone(defaultPolicy));
    for (const [i, c] of cases.entries()) expect(again(c.ticket, { now: c.now }), c.id).toEqual(results[i]?.decision);
  });

  it('routes each language at least 90% right', () => {
    for (const t of summary.byLanguage) expect(t.route / t.total, t.label).toBeGreaterThanOrEqual(LANGUAGE_FLOOR);
  });
});

const ROUTE_FLOOR = 0.95;
const TRIGGER_FLOOR = 0.93;
const LANGUAGE_FLOOR = 0.9;
