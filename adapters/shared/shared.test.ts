// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import type { HelpdeskMapping } from '../../core/policy/schema';
import { parseHtmlPage } from '../node/parse-html';
import { withSecondary } from './http';
import { normalizeTicket } from './normalize';
import { parseNumber, resolveAmount, resolveCustomerTier, resolveIssueType, resolveTier } from './policy-mapping';
import { adfToText, readText, textToEscapedHtml, toIsoDateTime } from './text';

const empty: HelpdeskMapping = { groups: {}, tags: {}, issueTypeTags: {}, issueTypeFields: {}, customerTierFields: {}, writeBack: {}, roleWriteBack: {} };

describe('plain text', () => {
  it('reads block elements as lines and drops script contents', () => {
    const doc = parseHtmlPage('<div id="x"><p>Hello <b>there</b></p><ul><li>one</li><li>two<br>three</li></ul><script>alert(1)</script></div>', 'https://a.example/');
    expect(readText(doc.getElementById('x') as Element)).toBe('Hello there\n\none\n\ntwo\nthree');
  });

  it('walks ADF text, mentions, hard breaks and links', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { text: '@Mia' } }, { type: 'text', text: ' see' }, { type: 'hardBreak' }, { type: 'inlineCard', attrs: { url: 'https://x.example' } }] }] };
    expect(adfToText(doc)).toBe('@Mia see\nhttps://x.example');
  });

  it('escapes every markup character for HTML note bodies', () => {
    expect(textToEscapedHtml(`<img src=x onerror="a('b')"> & co\n\nend`)).toBe('<div>&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co</div><div><br></div><div>end</div>');
  });

  it('reads Jira +0100 offsets and refuses what is not a date-time', () => {
    expect(toIsoDateTime('2026-03-04T09:00:00.000+0100')).toBe('2026-03-04T08:00:00.000Z');
    expect(toIsoDateTime('2026-03-04T09:00:00Z')).toBe('2026-03-04T09:00:00.000Z');
    expect(toIsoDateTime('yesterday')).toBeUndefined();
    expect(toIsoDateTime('2026-13-45T99:00:00Z')).toBeUndefined();
  });
});

describe('policy mapping conventions', () => {
  it('names an issue type from a mapped field, but leaves a generic default ("Question", "Get IT help") to the router', () => {
    const freshdesk = defaultPolicy.helpdesks.freshdesk as HelpdeskMapping;
    const jira = defaultPolicy.helpdesks.jira as HelpdeskMapping;
    expect(resolveIssueType(freshdesk, { Type: 'Refund' }, [])).toBe('billing');
    expect(resolveIssueType(freshdesk, { Type: 'Question' }, [])).toBeUndefined();
    expect(resolveIssueType(freshdesk, { type: 'question' }, [])).toBeUndefined();
    expect(resolveIssueType(jira, { 'Request type': 'Get IT help' }, [])).toBeUndefined();
    expect(resolveIssueType(jira, { 'Request type': 'Report a bug' }, [])).toBe('bug');
  });

  it('reads tiers from group names and tags when the policy maps neither', () => {
    expect(resolveTier(empty, 'Tier 3 – Engineering', [])?.tier).toBe('T3');
    expect(resolveTier(empty, 'L2 support', [])?.tier).toBe('T2');
    expect(resolveTier(empty, 'Billing', ['tier-1', 'tier_4', 'vip'])).toEqual({ tier: 'T4', source: { kind: 'tag', value: 'tier_4' } });
    expect(resolveTier(empty, 'Billing', ['frontier_2'])).toBeUndefined();
  });

  it('lets the policy mapping win over the conventions', () => {
    expect(resolveTier({ ...empty, groups: { 'Tier 3 – Engineering': 'T2' } }, 'tier 3 – engineering', [])?.tier).toBe('T2');
  });

  it('reads numbers written the European and the US way', () => {
    expect(parseNumber('1,250.00')).toBe(1250);
    expect(parseNumber('1.250,50')).toBe(1250.5);
    expect(parseNumber('€ 1 480,50')).toBe(1480.5);
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('n/a')).toBeUndefined();
  });

  it('finds the currency from a symbol, a code or a Currency field', () => {
    expect(resolveAmount({ 'Disputed amount': '$1,250' })).toEqual({ value: 1250, currency: 'USD' });
    expect(resolveAmount({ 'Refund amount': '980 GBP' })).toEqual({ value: 980, currency: 'GBP' });
    expect(resolveAmount({ cf_disputed_amount: '1480.50', cf_currency: 'eur' })).toEqual({ value: 1480.5, currency: 'EUR' });
    expect(resolveAmount({ Subject: '$5' })).toBeUndefined();
  });

  it('reads the customer tier from a Plan-like field', () => {
    expect(resolveCustomerTier(empty, { 'Support plan': 'Enterprise Plus' })).toBe('enterprise');
    expect(resolveCustomerTier(empty, { account_tier: 'Premium' })).toBe('premium');
    expect(resolveCustomerTier(empty, { Notes: 'enterprise' })).toBeUndefined();
  });
});

describe('normalizeTicket', () => {
  it('drops a field that fails the schema and lists it instead of losing the ticket', () => {
    const { ticket, unreadable } = normalizeTicket(
      { id: '9', subject: 'x', createdAt: 'not a date', comments: [{ author: 'customer', body: 'ok' }, { author: 'robot' as 'agent', body: 'bad' }] },
      { helpdesk: 'zendesk', policy: defaultPolicy, unreadable: [] },
    );
    expect(ticket.comments).toEqual([{ author: 'customer', public: true, body: 'ok' }]);
    expect(ticket.createdAt).toBeUndefined();
    expect(unreadable.sort()).toEqual(['comments[1]', 'createdAt', 'tierEnteredAt'].sort());
  });
});

describe('withSecondary', () => {
  it('hands over the ticket data as soon as it is in, with the secondary resources in so far, and resolves once the rest answered', async () => {
    let answerAudits: (body: unknown) => void = () => undefined;
    const audits = new Promise<unknown>((resolve) => {
      answerAudits = resolve;
    });
    const early: unknown[] = [];
    const all = withSecondary(Promise.resolve({ ticket: { id: 1 }, comments: [] }), { fields: Promise.resolve({ ticket_fields: [] }), audits }, (r) => early.push(r));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(early).toEqual([{ ticket: { id: 1 }, comments: [], fields: { ticket_fields: [] } }]);
    answerAudits({ audits: [] });
    expect(await all).toEqual({ ticket: { id: 1 }, comments: [], fields: { ticket_fields: [] }, audits: { audits: [] } });
    expect(early).toHaveLength(1);
  });

  it('does not call early when every secondary resource came with the ticket data', async () => {
    const early: unknown[] = [];
    const sla = Promise.resolve({ values: [] });
    // The issue answers after its SLAs did.
    const issue = sla.then(() => ({ ticket: { key: 'SUP-1' } }));
    expect(await withSecondary(issue, { sla }, (r) => early.push(r))).toEqual({ ticket: { key: 'SUP-1' }, sla: { values: [] } });
    expect(early).toEqual([]);
  });

  it('reads a secondary resource that fails as absent, keeping the ticket data', async () => {
    const early: unknown[] = [];
    const fields = Promise.reject(new Error('fields 500'));
    const ticket = fields.catch(() => ({ ticket: { id: 1 } }));
    expect(await withSecondary(ticket, { fields }, (r) => early.push(r))).toEqual({ ticket: { id: 1 } });
    expect(early).toEqual([]);
  });

  it('rejects with the error of the ticket itself, whatever the secondary resources answer', async () => {
    await expect(withSecondary(Promise.reject(new Error('ticket 404')), { audits: Promise.resolve({}) })).rejects.toThrow('ticket 404');
  });
});
