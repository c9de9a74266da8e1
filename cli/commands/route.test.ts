import { beforeAll, describe, expect, it } from 'vitest';
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

  describe('with --model', () => {
    /** A model trained on the shipped sample, with `tierline train` itself. */
    let model = '';
    beforeAll(async () => {
      const t = memoryIo({}, { disk: true, now: NOW });
      expect(await main(['train', '--data', 'tests/fixtures/triage/tickets.csv', '--out', 'model.json'], t.io)).toBe(0);
      model = t.files['model.json'] ?? '';
    }, 60_000);

    const datePicker = { id: 'B-1', subject: 'The date picker shows February 30 as a valid date.' };

    it('lets a confident suggestion set the issue type: a date-picker bug goes to a Senior Specialist instead of the entry tier', async () => {
      const plain = fakeIo({ 't.json': JSON.stringify(datePicker) });
      expect(await main(['route', '--now', NOW, 't.json'], plain.io)).toBe(0);
      expect(plain.decisions()[0]).toMatchObject({ tier: 'T1', role: 'front-line-agent' });
      expect(plain.decisions()[0]?.issueType).toBeUndefined();

      const t = fakeIo({ 'm.json': model, 't.json': JSON.stringify(datePicker) });
      expect(await main(['route', '--model', 'm.json', '--now', NOW, 't.json'], t.io)).toBe(0);
      const [d] = t.decisions();
      expect(d).toMatchObject({ tier: 'T2', role: 'senior-specialist', issueType: 'bug' });
      expect(d?.reasons[0]).toMatchObject({ about: 'issue-type', rule: 'ai.labels.bug', saw: { label: 'bug', autoRouteAt: 0.9 } });
    });

    it('leaves the gates to the policy: an enterprise customer (a sensitive case) is never routed by the model', async () => {
      const t = fakeIo({ 'm.json': model, 't.json': JSON.stringify({ ...datePicker, requester: { customerTier: 'enterprise' } }) });
      expect(await main(['route', '--model', 'm.json', '--now', NOW, 't.json'], t.io)).toBe(0);
      const [d] = t.decisions();
      expect(d).toMatchObject({ tier: 'T1', role: 'front-line-agent' });
      expect(d?.issueType).toBeUndefined();
    });

    it('stops with exit code 1 before routing when the file is not a triage model', async () => {
      const t = fakeIo({ 'm.json': '{"schemaVersion":1}' });
      expect(await main(['route', '--model', 'm.json', '--now', NOW, 'examples/tickets/faq.json'], t.io)).toBe(1);
      expect(t.err()).toContain('the model m.json cannot be used: not a triage model');
      expect(t.out()).toBe('');
      const missing = fakeIo();
      expect(await main(['route', '--model', 'nowhere.json', 'examples/tickets/faq.json'], missing.io)).toBe(1);
      expect(missing.err()).toContain('the model nowhere.json cannot be read');
    });

    it('explains a decision the model made, with the label and confidence it saw', async () => {
      const t = fakeIo({ 'm.json': model, 't.json': JSON.stringify(datePicker) });
      expect(await main(['route', '--model', 'm.json', '--explain', '--now', NOW, 't.json'], t.io)).toBe(0);
      const lines = t.out().split('\n');
      expect(lines[0]).toBe('B-1: Tier 2 · Senior Specialist · Normal · no bypass');
      expect(lines[1]).toBe('- [issue-type] Issue type "Reproducible bug" from the triage model (above the auto-route gate, not a sensitive case).');
      expect(lines[2]).toBe('    label: "bug"');
      expect(lines[3]).toMatch(/^ {4}confidence: (1|0\.9\d*)$/);
      expect(lines).toContain('    autoRouteAt: 0.9');
    });
  });

  describe('with --explain', () => {
    const furious = {
      id: 'ZD-7',
      subject: 'Export broken, this is unacceptable',
      description: 'Exports fail for all our users. This is completely unacceptable, our business is stopped.',
      requester: { customerTier: 'enterprise' },
    };

    it('prints a headline, each reason with what it saw, and the fired triggers, instead of JSON', async () => {
      const t = fakeIo({ 't.json': JSON.stringify(furious) });
      expect(await main(['route', '--explain', '--now', NOW, 't.json'], t.io)).toBe(0);
      const text = t.out();
      expect(text.startsWith('ZD-7: Tier 3 · Engineering / Product · Normal · no bypass\n')).toBe(true);
      expect(text).toContain(
        [
          '- [trigger] Systemic trigger: Many users or accounts are affected (100 or more, or "all our users").',
          '    customerText: "Exports fail for all our users. This is completely unacceptable, our… (“en:all our users”)"',
        ].join('\n'),
      );
      expect(text).toContain('- [role] Engineering / Product owns Tier 3.\n');
      expect(text).toContain('    requester.customerTier: "enterprise"\n');
      expect(text).toMatch(/- \[severity\] Severity Normal \(no severity rule matched\)\.\n- \[clock\]/);
      expect(text).toContain(['Triggers:', '- systemic systemic-many-users', '- functional functional-specialist-issue', '- sentiment sentiment-furious-first-contact (warn-only)', ''].join('\n'));
      expect(text).not.toContain('{"ticketId"');
    });

    it('says so when no trigger fired, and separates the decisions of a JSONL file with a blank line', async () => {
      const lines = [JSON.stringify({ id: 'a', subject: 'How do I export my data?' }), JSON.stringify({ id: 'b', subject: 'How do I add a teammate?' })].join('\n');
      const t = fakeIo({ 'b.jsonl': lines });
      expect(await main(['route', '--explain', '--now', NOW, '--tickets', 'b.jsonl'], t.io)).toBe(0);
      const blocks = t.out().trimEnd().split('\n\n');
      expect(blocks.map((b) => b.split('\n')[0])).toEqual(['a: Tier 0 · Knowledge Base / AI Agent · Normal · no bypass', 'b: Tier 0 · Knowledge Base / AI Agent · Normal · no bypass']);
      for (const b of blocks) expect(b.endsWith('Triggers: none')).toBe(true);
    });
  });
});
