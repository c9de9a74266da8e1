import { describe, expect, it } from 'vitest';
import { defaultPolicyInput } from '../../core/policy/default-policy';
import { memoryIo } from '../testing/memory-io';
import { main } from '../main';

type PolicyFile = typeof defaultPolicyInput;

/** The default policy as a file an admin edited. */
function edited(change: (p: PolicyFile) => void): string {
  const policy = structuredClone(defaultPolicyInput);
  change(policy);
  return JSON.stringify(policy, null, 2);
}

/** The billing-dispute trigger needs more than $5,000 instead of $1,000. */
const raisedThreshold = (p: PolicyFile) => {
  p.name = 'Acme support levels';
  p.revision = 2;
  p.triggers = p.triggers.map((t) => (t.id === 'contractual-billing-dispute' ? JSON.parse(JSON.stringify(t).replace('"value":1000', '"value":5000')) : t));
};

const ticket = (fields: Record<string, unknown>) =>
  JSON.stringify({ helpdesk: 'zendesk', status: 'open', priority: 'normal', createdAt: '2026-11-16T09:00:00+01:00', updatedAt: '2026-11-16T09:30:00+01:00', ...fields });

describe('tierline policy init', () => {
  it('writes the default policy with its $schema beside a JSON Schema, and tierline lint passes it', async () => {
    const t = memoryIo();
    expect(await main(['policy', 'init'], t.io)).toBe(0);
    const policy = JSON.parse(t.files['tierline-policy.json']!);
    expect(Object.keys(policy)[0]).toBe('$schema');
    expect(policy.$schema).toBe('./tierline-policy.schema.json');
    expect(policy.name).toBe(defaultPolicyInput.name);
    expect(t.out()).toContain('Wrote tierline-policy.json');

    const schema = JSON.parse(t.files['tierline-policy.schema.json']!);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    // Every key the policy file holds is one the schema allows, $schema included.
    for (const key of Object.keys(policy)) expect(Object.keys(schema.properties)).toContain(key);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'tiers', 'roles']));

    const lint = memoryIo({ 'tierline-policy.json': t.files['tierline-policy.json']! });
    expect(await main(['lint', 'tierline-policy.json'], lint.io)).toBe(0);
    expect(lint.out()).toBe('tierline-policy.json: no problems found.\n');
  });

  it('puts the schema in the policy file folder, refuses to replace a policy without --force, and prints to stdout with -', async () => {
    const t = memoryIo({ 'policies/acme.json': '{}' });
    expect(await main(['policy', 'init', 'policies/acme.json'], t.io)).toBe(1);
    expect(t.err()).toContain('policies/acme.json already exists');
    expect(t.files['policies/acme.json']).toBe('{}');
    expect(await main(['policy', 'init', 'policies/acme.json', '--force'], t.io)).toBe(0);
    expect(JSON.parse(t.files['policies/acme.json']!).$schema).toBe('./tierline-policy.schema.json');
    expect(t.files['policies/tierline-policy.schema.json']).toBeDefined();

    const out = memoryIo();
    expect(await main(['policy', 'init', '-'], out.io)).toBe(0);
    expect(JSON.parse(out.out()).revision).toBe(defaultPolicyInput.revision);
    expect(Object.keys(out.files)).toEqual([]);
  });

  it('lets every command that reads a policy take one with a $schema', async () => {
    const withHint = `\uFEFF${JSON.stringify({ $schema: './tierline-policy.schema.json', ...defaultPolicyInput })}`;
    const t = memoryIo({ 'p.json': withHint, 't.json': ticket({ id: 'A', subject: 'How do I export a report?' }) });
    expect(await main(['route', '--policy', 'p.json', 't.json'], t.io)).toBe(0);
    expect(JSON.parse(t.out()).ticketId).toBe('A');
  });
});

describe('tierline policy diff', () => {
  it('says which triggers, roles and tiers were added, removed or changed, down to the value', async () => {
    const t = memoryIo({
      'old.json': JSON.stringify(defaultPolicyInput),
      'new.json': edited((p) => {
        raisedThreshold(p);
        p.roles.push({ id: 'night-shift', name: 'Night shift', tier: 'T1', description: 'Covers 22:00–06:00.' });
        p.triggers = p.triggers.filter((tr) => tr.id !== 'sentiment-angry-repeat');
        p.tiers[2]!.boundary = 'Senior specialists take configuration and integration cases.';
      }),
    });
    expect(await main(['policy', 'diff', 'old.json', 'new.json'], t.io)).toBe(0);
    const out = t.out();
    expect(out).toContain('old.json (“Tierline default support levels”, revision 1) → new.json (“Acme support levels”, revision 2)');
    expect(out).toContain('Tiers\n  ~ T2 (Tier 2: Technical)\n      boundary: "Senior specialists take configuration, integration');
    expect(out).toContain('Roles\n  + night-shift (Night shift)');
    expect(out).toMatch(/Triggers\n {2}- sentiment-angry-repeat \(/);
    expect(out).toContain('  ~ contractual-billing-dispute (A billing dispute over $1,000 goes straight to a Billing Specialist.)\n      when.all[1].value: 1000 → 5000');
    expect(out).toContain('Unchanged: issue types, severities, calendars, other settings.');
  });

  it('reports reordered triggers, changed settings and a revision that did not go up', async () => {
    const t = memoryIo({
      'old.json': JSON.stringify(defaultPolicyInput),
      'new.json': edited((p) => {
        // The billing dispute (4th) is now tried before the severity triggers.
        p.triggers = [p.triggers[3]!, ...p.triggers.slice(0, 3), ...p.triggers.slice(4)];
        Object.assign(p, { entryTier: 'T0' });
      }),
    });
    expect(await main(['policy', 'diff', 'old.json', 'new.json', '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report.changes).toContainEqual({ section: 'settings', kind: 'changed', id: 'entryTier', label: 'entryTier', changes: [{ path: 'entryTier', before: 'T1', after: 'T0' }] });
    // One trigger moved ahead of another: one move, not a list of every trigger.
    const moved = report.changes.filter((c: { kind: string }) => c.kind === 'moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ section: 'triggers', id: 'contractual-billing-dispute', from: 4, to: 1 });

    const text = memoryIo({ 'old.json': JSON.stringify(defaultPolicyInput), 'new.json': t.files['new.json']! });
    await main(['policy', 'diff', 'old.json', 'new.json'], text.io);
    expect(text.out()).toContain('Note: the revision did not go up');
    expect(text.out()).toMatch(/\n {2}↕ contractual-billing-dispute \(.*\): moved from position 4 to 1\n/);
  });

  it('says there is no change when only defaults were written out', async () => {
    const t = memoryIo({ 'old.json': JSON.stringify(defaultPolicyInput), 'new.json': edited((p) => Object.assign(p, { pausedStatuses: ['pending', 'on-hold'] })) });
    expect(await main(['policy', 'diff', 'old.json', 'new.json'], t.io)).toBe(0);
    expect(t.out()).toContain('No change in how the two policies route.');
  });

  it('lists the past tickets that route differently, with the triggers behind it, and backtests both policies', async () => {
    const history = [
      ticket({ id: 'D-2400', subject: 'Invoice charged twice', description: 'We dispute invoice INV-117: our card was charged twice.', amount: { value: 2400, currency: 'USD' }, finalTier: 'T1', finalRole: 'front-line-agent' }),
      ticket({ id: 'D-9600', subject: 'Invoice charged twice', description: 'We dispute invoice INV-118: our card was charged twice.', amount: { value: 9600, currency: 'USD' }, finalTier: 'T1', finalRole: 'billing-specialist' }),
      ticket({ id: 'FAQ', subject: 'How do I export a report?', description: 'How do I export the monthly report?' }),
    ].join('\n');
    const t = memoryIo({ 'old.json': JSON.stringify(defaultPolicyInput), 'new.json': edited(raisedThreshold), 'h.jsonl': history });
    expect(await main(['policy', 'diff', 'old.json', 'new.json', '--history', 'h.jsonl'], t.io)).toBe(0);
    const out = t.out();
    expect(out).toContain('On 3 tickets from h.jsonl: 1 routes differently.');
    expect(out).toContain('  D-2400: T1 Billing Specialist (bypass) → T1 Front-line Agent  (triggers -contractual-billing-dispute)');
    expect(out).not.toContain('D-9600:');
    expect(out).toContain('Backtest on the 2 tickets with a finalTier (old → new):');
    expect(out).toContain('Role mismatches  50.0% → 0.0%');

    const json = memoryIo({ ...t.files });
    await main(['policy', 'diff', 'old.json', 'new.json', '--history', 'h.jsonl', '--json'], json.io);
    const report = JSON.parse(json.out());
    expect(report.routing).toMatchObject({ tickets: 3, skipped: 0, routedDifferently: [{ ticketId: 'D-2400', before: { role: 'billing-specialist' }, after: { role: 'front-line-agent' } }] });
  });

  it('reports an unusable history line by number and exits 1; usage mistakes exit 2', async () => {
    const t = memoryIo({ 'old.json': JSON.stringify(defaultPolicyInput), 'new.json': JSON.stringify(defaultPolicyInput), 'h.jsonl': `${ticket({ id: 'A', subject: 'Hi' })}\n{oops` });
    expect(await main(['policy', 'diff', 'old.json', 'new.json', '--history', 'h.jsonl'], t.io)).toBe(1);
    expect(t.err()).toContain('h.jsonl line 2: not valid JSON');
    expect(t.out()).toContain('On 1 tickets from h.jsonl: none routes differently.');

    const usage = memoryIo();
    expect(await main(['policy', 'diff', 'old.json'], usage.io)).toBe(2);
    expect(usage.err()).toContain('give the old and the new policy file');
    expect(await main(['policy'], usage.io)).toBe(2);
    expect(await main(['policy', 'merge'], usage.io)).toBe(2);
    expect(usage.err()).toContain('unknown subcommand "merge": init or diff');
  });
});
