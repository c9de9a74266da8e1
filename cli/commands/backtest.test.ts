import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultPolicyInput } from '../../core/policy/default-policy';
import { memoryIo } from '../testing/memory-io';
import { main } from '../main';

const fakeIo = (files: Record<string, string> = {}) => memoryIo(files, { disk: true });

const line = (ticket: Record<string, unknown>) => JSON.stringify({ helpdesk: 'zendesk', status: 'open', createdAt: '2026-11-16T09:00:00+01:00', ...ticket });

describe('tierline backtest', () => {
  it('compares the default policy with where the example history really ended', async () => {
    const history = (await readFile('examples/history.jsonl', 'utf8')).split('\n').filter(Boolean);
    const t = fakeIo();
    expect(await main(['backtest', '--history', 'examples/history.jsonl', '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report.tickets).toBe(history.length);
    expect(report.misrouted).toBe(report.misroutedTickets.length);
    expect(report.misroutingRate).toBeCloseTo(report.misrouted / history.length);
    // Every ticket is counted once in the confusion table.
    const cells = Object.values(report.confusion as Record<string, Record<string, number>>).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(history.length);
  });

  it('prints the rates and a per-tier table with precision and recall for people', async () => {
    const t = fakeIo({
      'h.jsonl': [
        line({ id: 'A', subject: 'How do I export a report?', description: 'How do I export the report?', finalTier: 'T0' }),
        line({ id: 'B', subject: 'Site is down', description: 'Service unavailable: the site is down for everyone.', priority: 'urgent', impactedUsers: 5000, finalTier: 'T4' }),
        line({ id: 'C', subject: 'How do I add a user?', description: 'How do I add a user?', finalTier: 'T1' }),
      ].join('\n'),
    });
    expect(await main(['backtest', '--history', 'h.jsonl'], t.io)).toBe(0);
    const out = t.out();
    expect(out).toContain('Backtest of the default policy on 3 tickets from h.jsonl');
    expect(out).toMatch(/Misrouting rate +33\.3% +\(1 of 3 decided tiers differ/);
    expect(out).toMatch(/\nT1 +1 +0 +0 +0 +0 +1 +0\.0%\n/);
    expect(out).toMatch(/\nprecision +50\.0% +– +– +– +100\.0%\n/);
    expect(out).toContain('C: policy T0 (knowledge-base), really T1');
  });

  it('uses the policy given with --policy', async () => {
    const policy = structuredClone(defaultPolicyInput);
    policy.issueTypes = policy.issueTypes.map((i) => (i.id === 'how-to' ? { ...i, tier: 'T1' as const } : i));
    const t = fakeIo({ 'p.json': JSON.stringify(policy), 'h.jsonl': line({ id: 'C', subject: 'How do I add a user?', description: 'How do I add a user?', finalTier: 'T1' }) });
    expect(await main(['backtest', '--policy', 'p.json', '--history', 'h.jsonl', '--json'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ policy: 'p.json', misrouted: 0 });
  });

  it('reports a line without finalTier or with a broken ticket by line number, still scores the rest, and exits 1', async () => {
    const t = fakeIo({
      'h.jsonl': [line({ id: 'A', subject: 'How do I export?', finalTier: 'T0' }), line({ id: 'B' }), '', line({ id: 'C', priority: 'asap', finalTier: 'T1' }), '{not json'].join('\n'),
    });
    expect(await main(['backtest', '--history', 'h.jsonl', '--json'], t.io)).toBe(1);
    expect(JSON.parse(t.out())).toMatchObject({ tickets: 1, skipped: 3 });
    expect(t.err()).toContain('h.jsonl line 2: $.finalTier: "finalTier" is required');
    expect(t.err()).toContain('h.jsonl line 4: not a valid ticket: $.priority');
    expect(t.err()).toContain('h.jsonl line 5: not valid JSON');
  });

  it('asks for --history', async () => {
    const t = fakeIo();
    expect(await main(['backtest'], t.io)).toBe(2);
    expect(t.err()).toContain('--history file.jsonl is required');
  });
});
