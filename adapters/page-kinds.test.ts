import { describe, expect, it } from 'vitest';
import { freshdeskPageExamples } from './freshdesk/page-kind';
import { ADAPTERS, detectAdapter } from './index';
import { jiraPageExamples } from './jira/page-kind';
import type { HelpdeskAdapter, PageKind } from './types';
import { zendeskPageExamples } from './zendesk/page-kind';

const EXAMPLES: Record<HelpdeskAdapter['id'], Partial<Record<PageKind, string[]>> & { none: string[] }> = {
  zendesk: zendeskPageExamples,
  freshdesk: freshdeskPageExamples,
  jira: jiraPageExamples,
};
const KINDS: PageKind[] = ['ticket', 'issue', 'queue-issue', 'selected-issue'];

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s page kinds', (id, adapter) => {
  const examples = EXAMPLES[id];

  it.each(KINDS.flatMap((kind) => (examples[kind] ?? []).map((url) => [kind, url] as const)))('gives %s for %s, and a ticket reference', (kind, url) => {
    expect(adapter.getPageKind(new URL(url))).toBe(kind);
    expect(adapter.getTicketRef(new URL(url))).toMatch(/^(\d+|[A-Z][A-Z0-9_]+-\d+)$/);
  });

  it.each(examples.none)('does not take %s for a ticket page', (url) => {
    expect(adapter.getPageKind(new URL(url))).toBeNull();
    expect(adapter.getTicketRef(new URL(url))).toBeNull();
  });

  it("claims none of the other vendors' example URLs", () => {
    for (const [otherId, other] of Object.entries(EXAMPLES)) {
      if (otherId === id) continue;
      for (const url of Object.values(other).flat()) expect(adapter.getPageKind(new URL(url)), `${id} on ${url}`).toBeNull();
    }
  });
});

describe('detectAdapter', () => {
  it("picks each vendor's adapter for its hosted example URLs and no other", () => {
    for (const [id, examples] of Object.entries(EXAMPLES))
      for (const url of Object.values(examples).flat()) if (/\.(zendesk\.com|freshdesk\.com|atlassian\.net)$/.test(new URL(url).hostname)) expect(detectAdapter(new URL(url))?.id, url).toBe(id);
  });

  it('maps an admin-added custom domain onto its helpdesk', () => {
    const extraHosts = [{ host: 'support.acme.example', helpdesk: 'zendesk' as const }, { host: 'Help.Acme.Example', helpdesk: 'freshdesk' as const }];
    expect(detectAdapter(new URL('https://support.acme.example/agent/tickets/5'), { extraHosts })?.id).toBe('zendesk');
    expect(detectAdapter(new URL('https://help.acme.example/a/tickets/9'), { extraHosts })?.id).toBe('freshdesk');
    expect(detectAdapter(new URL('https://support.acme.example/agent/tickets/5'))).toBeNull();
  });

  it('ignores look-alike hosts and plain http', () => {
    expect(detectAdapter(new URL('https://zendesk.com.evil.example/agent/tickets/1'))).toBeNull();
    expect(detectAdapter(new URL('https://evilzendesk.com/agent/tickets/1'))).toBeNull();
    expect(detectAdapter(new URL('http://acme.zendesk.com/agent/tickets/1'))).toBeNull();
    expect(detectAdapter(new URL('https://acme.atlassian.net.evil.example/browse/SUP-1'))).toBeNull();
  });
});
