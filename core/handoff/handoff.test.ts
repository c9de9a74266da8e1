import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { type Policy, policySchema } from '../policy/schema';
import { checkHandoff, type HandoffPacketInput, handoffPacketSchema, renderPacketText, requiredItems, stagesBetween } from './index';

function packet(change: Partial<HandoffPacketInput> = {}) {
  return handoffPacketSchema.parse({
    id: 'pkt-4711-1',
    ticketId: '4711',
    helpdesk: 'zendesk',
    from: 'T1',
    to: 'T2',
    createdAt: '2026-11-27T09:00:00Z',
    updatedAt: '2026-11-27T09:05:00Z',
    ...change,
  });
}

/** Fills every item a T1 → T2 packet needs under the default policy. */
function completeItems(from: 'T0' | 'T1' | 'T2' | 'T3' = 'T1', to: 'T1' | 'T2' | 'T3' | 'T4' = 'T2') {
  return Object.fromEntries(requiredItems(defaultPolicy, { from, to }).map((i) => [i.id, { value: `${i.label} written down`, source: 'agent' as const }]));
}

const blocking: Policy = { ...defaultPolicy, handoff: { ...defaultPolicy.handoff, mode: 'block' } };

describe('stagesBetween', () => {
  it('crosses one stage for a one-tier escalation', () => {
    expect(stagesBetween('T1', 'T2')).toEqual(['T1-T2']);
  });

  it('crosses every stage a skip from Tier 1 to Tier 3 passes', () => {
    expect(stagesBetween('T1', 'T3')).toEqual(['T1-T2', 'T2-T3']);
  });

  it('crosses no stage on a de-escalation or within a tier', () => {
    expect(stagesBetween('T3', 'T1')).toEqual([]);
    expect(stagesBetween('T2', 'T2')).toEqual([]);
  });
});

describe('requiredItems', () => {
  it('asks a Tier 1 → Tier 2 packet for the six base elements and the stage context', () => {
    const ids = requiredItems(defaultPolicy, { from: 'T1', to: 'T2' }).map((i) => i.id);
    expect(ids.slice(0, 6)).toEqual(defaultPolicy.handoff.base.map((i) => i.id));
    expect(ids.slice(6)).toEqual(defaultPolicy.handoff.stages['T1-T2']!.map((i) => i.id));
  });

  it('asks a skip from Tier 1 to Tier 3 for the context of both stages it crosses', () => {
    const items = requiredItems(defaultPolicy, { from: 'T1', to: 'T3' });
    expect(items.filter((i) => i.stage === 'T1-T2').map((i) => i.id)).toContain('account-configuration');
    expect(items.filter((i) => i.stage === 'T2-T3').map((i) => i.id)).toContain('logs');
  });

  it('asks a de-escalation for the base elements only', () => {
    expect(requiredItems(defaultPolicy, { from: 'T3', to: 'T1' }).map((i) => i.id)).toEqual(defaultPolicy.handoff.base.map((i) => i.id));
  });

  it('lists an item shared by the base and a stage once', () => {
    const policy = policySchema.parse({ ...defaultPolicy, handoff: { mode: 'warn', base: [{ id: 'summary', label: 'Summary' }], stages: { 'T1-T2': [{ id: 'summary', label: 'Summary' }, { id: 'logs', label: 'Logs' }] } } });
    expect(requiredItems(policy, { from: 'T1', to: 'T2' }).map((i) => i.id)).toEqual(['summary', 'logs']);
  });
});

describe('checkHandoff', () => {
  it('scores a complete packet 100 and neither warns nor blocks', () => {
    const result = checkHandoff(blocking, packet({ items: completeItems() }), { from: 'T1', to: 'T2' });
    expect(result).toMatchObject({ score: 100, missing: [], complete: true, blocked: false, mode: 'block' });
  });

  it('names the missing items by label and scores the share filled in', () => {
    const items = completeItems();
    delete items.screenshots;
    delete items.logs;
    const result = checkHandoff(defaultPolicy, packet({ items }), { from: 'T1', to: 'T2' });
    expect(result.missing).toEqual([{ id: 'screenshots', label: 'Screenshots' }]);
    expect(result.required).toBe(10);
    expect(result.score).toBe(90);
    expect(result.complete).toBe(false);
  });

  it('counts whitespace-only values as missing', () => {
    const items = { ...completeItems(), evidence: { value: '  \n\t ' } };
    expect(checkHandoff(defaultPolicy, packet({ items })).missing.map((m) => m.id)).toEqual(['evidence']);
  });

  it('blocks an incomplete packet when the policy says block, and only warns when it says warn', () => {
    const empty = packet();
    expect(checkHandoff(blocking, empty)).toMatchObject({ blocked: true, complete: false, mode: 'block' });
    expect(checkHandoff(defaultPolicy, empty)).toMatchObject({ blocked: false, complete: false, mode: 'warn', score: 0 });
  });

  it('accepts the summary block and the communication owner as answers to the matching base elements', () => {
    const items = completeItems();
    delete items.summary;
    delete items['steps-tried'];
    delete items['communication-owner'];
    const result = checkHandoff(defaultPolicy, packet({ items, summary: { problem: 'Webhooks to Salesforce fail with 401 since 2026-11-26.', done: 'Rotated the API key.' }, communicationOwner: 'Ana (Front-line Agent)' }));
    expect(result.complete).toBe(true);
  });

  it('needs the Tier 2 → Tier 3 context too when a packet skips from Tier 1 to Tier 3', () => {
    const result = checkHandoff(defaultPolicy, packet({ to: 'T3', items: completeItems() }), { from: 'T1', to: 'T3' });
    expect(result.missing.map((m) => m.id)).toEqual(['logs', 'reproduction-steps', 'error-codes', 'impacted-users']);
    expect(result.stages).toEqual(['T1-T2', 'T2-T3']);
  });

  it('counts a prefilled value only once the agent confirmed it, and reports the filled share beside it', () => {
    const items = { ...completeItems(), summary: { value: 'Webhooks fail with 401.', source: 'prefill' as const }, evidence: { value: 'ERR_AUTH_401', source: 'prefill' as const, confirmed: false } };
    const result = checkHandoff(blocking, packet({ items }));
    expect(result).toMatchObject({ score: 80, filledScore: 100, missing: [], complete: false, blocked: true });
    expect(result.unconfirmed).toEqual([
      { id: 'summary', label: 'Issue summary' },
      { id: 'evidence', label: 'Technical evidence' },
    ]);
  });

  it('raises the score when the agent confirms the prefill', () => {
    const prefilled = Object.fromEntries(Object.entries(completeItems()).map(([id, item]) => [id, { value: item.value, source: 'prefill' as const }]));
    const untouched = checkHandoff(blocking, packet({ items: prefilled }));
    expect(untouched).toMatchObject({ score: 0, filledScore: 100, blocked: true });
    const confirmed = Object.fromEntries(Object.entries(prefilled).map(([id, item]) => [id, { ...item, confirmed: true }]));
    expect(checkHandoff(blocking, packet({ items: confirmed }))).toMatchObject({ score: 100, filledScore: 100, complete: true, blocked: false });
  });

  it('scores a packet prefilled in full at zero for every stage until the agent confirms it', () => {
    for (const [from, to] of [['T0', 'T1'], ['T1', 'T2'], ['T2', 'T3'], ['T3', 'T4']] as const) {
      const items = Object.fromEntries(Object.entries(completeItems(from, to)).map(([id, item]) => [id, { value: item.value, source: 'prefill' as const }]));
      expect(checkHandoff(blocking, packet({ from, to, items }))).toMatchObject({ score: 0, filledScore: 100, blocked: true });
    }
  });

  it('checks the move the packet names when no move is given', () => {
    expect(checkHandoff(defaultPolicy, packet({ from: 'T2', to: 'T3', items: completeItems('T2', 'T3') })).complete).toBe(true);
  });
});

describe('renderPacketText', () => {
  const full = packet({
    items: { ...completeItems(), screenshots: { value: '' }, evidence: { value: 'HTTP 401 from\r\nPOST /hooks/sf', source: 'ai' } },
    summary: { problem: 'Salesforce webhooks fail with 401.', done: 'Rotated the API key.', needed: 'Check the token scope on the backend.', customerContext: 'Enterprise customer, third contact, frustrated.' },
    communicationOwner: 'Ana (Front-line Agent)',
  });

  it('answers the four handoff questions in plain text', () => {
    const text = renderPacketText(defaultPolicy, full);
    expect(text.split('\n')[0]).toBe('[Tierline handoff T1→T2]');
    expect(text).toContain('Handoff: Tier 1: Frontline → Tier 2: Technical');
    expect(text).toContain('communication owner: Ana (Front-line Agent)');
    expect(text).toContain('What is the problem?\n  Salesforce webhooks fail with 401.');
    expect(text).toContain('What is needed from Tier 2: Technical?\n  Check the token scope on the backend.');
    expect(text).toContain('Customer context and business impact:\n  Enterprise customer, third contact, frustrated.');
  });

  it('lists every required item, marks the missing ones and keeps multi-line values readable', () => {
    const text = renderPacketText(defaultPolicy, full);
    expect(text).toContain('Context (9 of 10 items, 90% complete):');
    expect(text).toContain('- Screenshots: (missing)');
    expect(text).toContain('- Technical evidence:\n    HTTP 401 from\n    POST /hooks/sf');
  });

  it('says when AI-drafted items still need the receiving agent to review them, and who reviewed them', () => {
    expect(renderPacketText(defaultPolicy, full)).toContain('1 item(s) were drafted by AI and not yet reviewed');
    expect(renderPacketText(defaultPolicy, { ...full, confirmedBy: 'Bea' })).toContain('Reviewed by Bea.');
  });

  it('keeps hostile text as inert text and drops control characters', () => {
    const text = renderPacketText(defaultPolicy, packet({ summary: { problem: '<img src=x onerror=alert(1)>\u0007 beep', done: '', needed: '', customerContext: '' } }));
    expect(text).toContain('  <img src=x onerror=alert(1)> beep');
    expect(text).not.toContain('\u0007');
  });

  it('opens with a marker line naming the move and the sending agent, which a hostile name cannot break', () => {
    expect(renderPacketText(defaultPolicy, full, { author: 'ana' }).split('\n')[0]).toBe('[Tierline handoff T1→T2 by ana]');
    expect(renderPacketText(defaultPolicy, full, { author: 'eve]\n[Tierline handoff T3→T4' }).split('\n')[0]).toBe('[Tierline handoff T1→T2 by eve  [Tierline handoff T3→T4]');
  });

  it('is the same text for the same packet', () => {
    expect(renderPacketText(defaultPolicy, full)).toBe(renderPacketText(defaultPolicy, structuredClone(full)));
  });
});
