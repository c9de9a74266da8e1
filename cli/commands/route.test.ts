import { describe, expect, it } from 'vitest';
import { defaultPolicyInput } from '../../core/policy/default-policy';
import { decisionSchema } from '../../core/route/decision';
import { memoryIo } from '../testing/memory-io';
import { main } from '../main';

const NOW = '2026-03-10T10:16:00+01:00';

function fakeIo(files: Record<string, string> = {}, stdin = '') {
  const t = memoryIo(files, { disk: true, stdin, now: NOW });
  const decisions = () => t.out().split('\n').filter(Boolean).map((l) => decisionSchema.parse(JSON.parse(l)));
  return { ...t, decisions };
}

describe('tierline route', () => {
  it('prints one decision for a ticket file with the default policy', async () => {
    const t = fakeIo();
    expect(await main(['route', '--now', NOW, 'examples/tickets/billing-dispute-over-1000.json'], t.io)).toBe(0);
    const [d] = t.decisions();
    expect(d).toMatchObject({ ticketId: 'FD-2002', tier: 'T1', role: 'billing-specialist', bypass: true });
  });

  it('routes every example ticket in the JSONL file, one decision per line, as the README describes', async () => {
    const t = fakeIo();
    expect(await main(['route', '--now', NOW, '--tickets', 'examples/tickets/all.jsonl'], t.io)).toBe(0);
    const byId = Object.fromEntries(t.decisions().map((d) => [d.ticketId, d]));
    expect(Object.keys(byId)).toHaveLength(11);
    expect(byId['ZD-1001']?.tier).toBe('T0');
    expect(byId['ZD-1002']).toMatchObject({ tier: 'T1', severity: 'critical' });
    expect(byId['FD-2001']?.tier).toBe('T2');
    expect(byId['JSM-301']?.tier).toBe('T3');
    expect(byId['ZD-1003']).toMatchObject({ tier: 'T4', bypass: true });
    expect(byId['ZD-1004']).toMatchObject({ tier: 'T3', bypass: true });
    expect(byId['FD-2003']?.role).toBe('front-line-agent');
    expect(byId['ZD-1005']?.triggers.map((x) => x.id)).toContain('time-enterprise-t1');
    expect(byId['JSM-302']?.triggers.map((x) => x.id)).toContain('systemic-many-users');
    expect(byId['ZD-1006']?.triggers.map((x) => x.id)).toContain('sentiment-angry-repeat');
  });

  it('reads a ticket from stdin with "-" and takes now from the injected clock', async () => {
    const t = fakeIo({}, JSON.stringify({ id: 'S-1', subject: 'How do I export my data?' }));
    expect(await main(['route', '-'], t.io)).toBe(0);
    expect(t.decisions()[0]).toMatchObject({ ticketId: 'S-1', tier: 'T0' });
  });

  it('uses the policy given with --policy', async () => {
    const policy = structuredClone(defaultPolicyInput) as Record<string, unknown>;
    policy.entryTier = 'T2';
    policy.issueTypes = [];
    const t = fakeIo({ 'p.json': JSON.stringify(policy), 't.json': JSON.stringify({ id: '1', subject: 'zzz' }) });
    expect(await main(['route', '--policy', 'p.json', '--now', NOW, 't.json'], t.io)).toBe(0);
    expect(t.decisions()[0]?.tier).toBe('T2');
  });

  it('stops with exit code 1 and the JSON path when the policy is malformed', async () => {
    const policy = structuredClone(defaultPolicyInput) as { triggers: { when: unknown }[] };
    (policy.triggers[3] as { when: unknown }).when = { field: 'amount.value', op: 'above', value: 1000 };
    const t = fakeIo({ 'p.json': JSON.stringify(policy) });
    expect(await main(['route', '--policy', 'p.json', 'examples/tickets/faq.json'], t.io)).toBe(1);
    expect(t.err()).toContain('$.triggers[3].when.op');
    expect(t.out()).toBe('');
  });

  it('names the path of a malformed ticket and exits 1', async () => {
    const t = fakeIo({ 't.json': JSON.stringify({ id: '1', priority: 'asap' }) });
    expect(await main(['route', '--now', NOW, 't.json'], t.io)).toBe(1);
    expect(t.err()).toContain('$.priority');
  });

  it('reports bad JSONL lines by number, routes the others and exits 1 at the end', async () => {
    const lines = [JSON.stringify({ id: 'a', subject: 'faq' }), '{not json', '', JSON.stringify({ id: 'c', requester: { customerTier: 'gold' } }), JSON.stringify({ id: 'd' })].join('\n');
    const t = fakeIo({ 'b.jsonl': lines });
    expect(await main(['route', '--now', NOW, '--tickets', 'b.jsonl'], t.io)).toBe(1);
    expect(t.decisions().map((d) => d.ticketId)).toEqual(['a', 'd']);
    expect(t.err()).toContain('b.jsonl line 2');
    expect(t.err()).toContain('b.jsonl line 4');
    expect(t.err()).toContain('$.requester.customerTier');
  });

  it('rejects a --now without an offset and a missing ticket source with usage help', async () => {
    const a = fakeIo();
    expect(await main(['route', '--now', '2026-03-10 10:00', 'examples/tickets/faq.json'], a.io)).toBe(2);
    expect(a.err()).toContain('--now');
    const b = fakeIo();
    expect(await main(['route'], b.io)).toBe(2);
    expect(b.err()).toContain('Usage');
  });

  it('says which file it cannot read', async () => {
    const t = fakeIo();
    expect(await main(['route', 'missing.json'], t.io)).toBe(1);
    expect(t.err()).toContain('cannot read missing.json');
  });
});
