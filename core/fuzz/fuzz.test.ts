import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { decide } from '../route/decide';
import { decisionSchema } from '../route/decision';
import { ticketSchema } from '../ticket';
import { HOSTILE_KEYS } from './arbitraries';
import { FUZZ_TARGETS, runTarget } from './targets';

/**
 * A short run of `npm run fuzz` (the same targets and properties, 300 inputs each instead of 100,000). Speed is
 * asserted loosely here, where other test files share the two cores: `npm run fuzz` measures the 5 ms line.
 */
describe('fuzz targets (short run)', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s: no input breaks its claims', (_, target) => {
    const report = runTarget(target, { runs: 300, clock: () => performance.now() });
    expect(report.failures).toEqual([]);
    // Catches a clock or pattern that hangs again (a ticket from year 0000 took 25 s); the 5 ms line is `npm run fuzz`'s.
    if (target.slowMs !== undefined) expect(report.p99Ms).toBeLessThan(250);
  }, 120_000);
});

describe('decide on prototype keys', () => {
  it.each(HOSTILE_KEYS)('decides a ticket whose tag, group, custom field and value are all "%s"', (key) => {
    const ticket = ticketSchema.parse({ id: 'P-1', helpdesk: 'zendesk', subject: key, tags: [key], group: key, fields: { [key]: key, 'Issue type': key, Plan: key }, requester: { organization: key } });
    const decision = decide(defaultPolicy, ticket, { now: '2026-03-10T10:16:00+01:00', model: { label: key, confidence: 1 } });
    expect(decisionSchema.safeParse(decision).success).toBe(true);
    expect(decision.tier).toMatch(/^T[0-4]$/);
  });
});
