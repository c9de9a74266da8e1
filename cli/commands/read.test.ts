import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../adapters/conformance';
import { freshdeskFixtures } from '../../adapters/freshdesk/fixtures';
import { jiraFixtures } from '../../adapters/jira/fixtures';
import { zendeskFixtures } from '../../adapters/zendesk/fixtures';
import { defaultPolicyInput } from '../../core/policy/default-policy';
import { memoryIo } from '../testing/memory-io';
import { main } from '../main';

const fakeIo = (files: Record<string, string> = {}) => memoryIo(files, { disk: true, now: '2026-03-02T10:00:00Z' });

describe('tierline read', () => {
  it('prints the Zendesk ticket read from its saved API responses, the way the extension reads it', async () => {
    const t = fakeIo();
    const z = (f: string) => fixturePath(zendeskFixtures, f);
    const code = await main(
      ['read', '--helpdesk', 'zendesk', '--api', z('api-v2/tickets-1002.json'), '--comments', z('api-v2/tickets-1002-comments.json'), '--audits', z('api-v2/tickets-1002-audits.json'), '--fields', z('api-v2/ticket-fields.json'), '--url', 'https://acme.zendesk.com/agent/tickets/1002'],
      t.io,
    );
    expect(code).toBe(0);
    const ticket = JSON.parse(t.out());
    expect(ticket).toMatchObject({ id: '1002', url: 'https://acme.zendesk.com/agent/tickets/1002', currentTier: 'T2', tierEnteredAt: '2026-03-02T10:20:00.000Z', impactedUsers: 340, reopenCount: 1 });
    expect(ticket.comments).toHaveLength(3);
    expect(t.err()).toBe('tierline read: every field was read\n');
  });

  it('lists on stderr what a saved Zendesk page without its sidebar could not give', async () => {
    const t = fakeIo();
    expect(await main(['read', '--helpdesk', 'zendesk', '--html', fixturePath(zendeskFixtures, 'agent-workspace/ticket.1004-missing-elements.html')], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ id: '1004', subject: 'Cannot log in after password reset' });
    expect(t.err()).toBe('tierline read: could not read requester, group, tags, fields, priority, status, comments\n');
  });

  it('reads a saved Jira side-panel page, taking the issue key from --url', async () => {
    const t = fakeIo();
    const url = 'https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1?selectedIssue=SUP-101';
    expect(await main(['read', '--helpdesk', 'jira', '--html', fixturePath(jiraFixtures, 'issue-view/selected-issue.SUP-101.html'), '--url', url], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ id: 'SUP-101', currentTier: 'T2', requester: { name: 'Bruce Wayne', customerTier: 'enterprise' } });
    expect(t.err()).toContain('request type, sla');
  });

  it('reads a Jira request with its SLA file', async () => {
    const t = fakeIo();
    const j = (f: string) => fixturePath(jiraFixtures, f);
    expect(await main(['read', '--helpdesk', 'jira', '--api', j('rest-api-3/issue-SUP-102.json'), '--sla', j('rest-api-3/sla-SUP-102.json')], t.io)).toBe(0);
    expect(JSON.parse(t.out()).fields['SLA Time to resolution breached']).toBe(true);
  });

  it('maps groups with the policy given by --policy', async () => {
    const policy = { ...defaultPolicyInput, helpdesks: { ...defaultPolicyInput.helpdesks, freshdesk: { ...defaultPolicyInput.helpdesks.freshdesk, groups: { 'Tier 1 - Frontline': 'T2' } } } };
    const t = fakeIo({ 'p.json': JSON.stringify(policy), 'g.json': JSON.stringify({ id: 3101, name: 'Tier 1 - Frontline' }) });
    expect(await main(['read', '--helpdesk', 'freshdesk', '--api', fixturePath(freshdeskFixtures, 'api-v2/tickets-2001.json'), '--group', 'g.json', '--policy', 'p.json'], t.io)).toBe(0);
    expect(JSON.parse(t.out()).currentTier).toBe('T2');
    expect(t.err()).toContain('could not read comments');
  });

  it('refuses a missing source, an unknown helpdesk and a file that is not JSON', async () => {
    const a = fakeIo();
    expect(await main(['read', '--helpdesk', 'zendesk'], a.io)).toBe(2);
    expect(a.err()).toContain('give either --api or --html');
    const b = fakeIo();
    expect(await main(['read', '--helpdesk', 'servicenow', '--html', 'x.html'], b.io)).toBe(2);
    expect(b.err()).toContain('--helpdesk must be one of zendesk, freshdesk, jira');
    const c = fakeIo({ 'bad.json': '{ nope' });
    expect(await main(['read', '--helpdesk', 'zendesk', '--api', 'bad.json'], c.io)).toBe(1);
    expect(c.err()).toContain('bad.json is not valid JSON');
  });

  it('says plainly when the file is not a ticket of that helpdesk', async () => {
    const t = fakeIo({ 'other.json': JSON.stringify({ key: 'SUP-1', fields: {} }) });
    expect(await main(['read', '--helpdesk', 'zendesk', '--api', 'other.json'], t.io)).toBe(1);
    expect(t.err()).toMatch(/^tierline read: the Zendesk ticket .* has an unexpected shape/);
  });
});
