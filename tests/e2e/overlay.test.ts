/**
 * The overlay in real Chromium with the built extension, on the demo
 * helpdesks: badge, warnings and checklist on each; SPA moves between
 * tickets; write-back requests and their failure; hostile ticket text; a page
 * the adapter cannot read. One browser for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoutes, freshdeskTicketId, jiraIssueKey, startDemoServer, ZENDESK_BROKEN_ID, ZENDESK_CSRF_TOKEN, zendeskTicketId } from '../../demo/server';
import { type HelpdeskServer, type LaunchedBrowser, launchBrowser, type RouteHandler } from './harness';
import { badgeText, drawerText, expectNoErrors, openTicket, overlayAxeViolations } from './overlay-helpers';

let server: HelpdeskServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const zendesk = (key: Parameters<typeof zendeskTicketId>[0]) => `https://acme.zendesk.com/agent/tickets/${zendeskTicketId(key)}`;

describe('the overlay on each helpdesk', () => {
  const pages = [
    ['Zendesk', zendesk('billing')],
    ['Freshdesk', `https://acme.freshdesk.com/a/tickets/${freshdeskTicketId('billing')}`],
    ['Jira Service Management', `https://acme.atlassian.net/browse/${jiraIssueKey('billing')}`],
  ] as const;

  for (const [helpdesk, url] of pages) {
    it(`shows the tier badge, the billing-dispute warning and the handoff checklist on ${helpdesk}`, async () => {
      const opened = await openTicket(browser.context, url);
      const badge = await badgeText(opened.page, 'Billing Specialist');
      expect(badge).toContain('Tier 1');
      expect(badge).toMatch(/in queue/);
      const drawer = await drawerText(opened.page);
      expect(drawer).toContain('A billing dispute over $1,000 goes straight to a Billing Specialist.');
      expect(drawer).toContain('Contractual');
      await opened.page.locator('[data-testid="tl-checklist"]').waitFor();
      expect(await opened.page.locator('[data-testid="tl-score"]').textContent()).toMatch(/^\d+%$/);
      expectNoErrors(opened);
      await opened.page.close();
    });
  }
});

describe('moving between tickets', () => {
  it('follows the active tab of the Zendesk workspace', async () => {
    const opened = await openTicket(browser.context, zendesk('billing'));
    await badgeText(opened.page, 'Billing Specialist');
    await opened.page.locator(`[data-test-id="header-tab"][data-entity-id="${zendeskTicketId('breach')}"]`).click();
    const badge = await badgeText(opened.page, 'Tier 4');
    expect(badge).toContain('BYPASS');
    expect(opened.page.url()).toBe(zendesk('breach'));
    expect(await drawerText(opened.page)).toContain(`Tierline · ${zendeskTicketId('breach')}`);
    expect(await opened.page.locator('tierline-badge').count()).toBe(1);
    expectNoErrors(opened);
    await opened.page.close();
  });

  it('puts the badge back when Zendesk re-renders the ticket header', async () => {
    const opened = await openTicket(browser.context, zendesk('billing'));
    await badgeText(opened.page, 'Billing Specialist');
    await opened.page.evaluate(() => {
      const header = document.querySelector('.ticket-panes-grid-layout[data-is-active="true"] .pane-header');
      const fresh = document.createElement('div');
      fresh.className = 'pane-header';
      const subject = document.createElement('input');
      subject.setAttribute('data-test-id', 'omni-header-subject');
      subject.value = 'Charged twice for the annual plan';
      fresh.append(subject);
      header?.replaceWith(fresh);
    });
    await badgeText(opened.page, 'Billing Specialist');
    expect(await opened.page.evaluate(() => document.querySelector('.pane-header [data-tierline-mount] tierline-badge') !== null)).toBe(true);
    expectNoErrors(opened);
    await opened.page.close();
  });

  it('follows client-side navigation in Freshdesk', async () => {
    const opened = await openTicket(browser.context, `https://acme.freshdesk.com/a/tickets/${freshdeskTicketId('billing')}`);
    await badgeText(opened.page, 'Billing Specialist');
    await opened.page.locator(`a[href="/a/tickets/${freshdeskTicketId('breach')}"]`).click();
    await badgeText(opened.page, 'Tier 4');
    expect(await drawerText(opened.page)).toContain('A security breach is reported');
    expectNoErrors(opened);
    await opened.page.close();
  });
});

describe('escalating with the handoff checklist', () => {
  it('writes the packet back as an internal note with the CSRF token, then records success', async () => {
    const opened = await openTicket(browser.context, zendesk('enterprise'));
    const { page } = opened;
    await page.locator('[data-testid="tl-checklist"]').waitFor({ timeout: 15_000 });
    await page.locator('#tl-item-communication-owner').fill('Alex Agent keeps Initech updated');
    const before = server.requests.length;
    await page.locator('[data-testid="tl-escalate"]').click();
    await page.getByRole('button', { name: 'Escalate now' }).click();
    await expect.poll(() => page.locator('[data-testid="tl-escalate-result"]').textContent()).toContain('Escalated');
    const writes = server.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes).toHaveLength(1);
    const [write] = writes;
    expect(write?.method).toBe('PUT');
    expect(write?.path).toBe(`/api/v2/tickets/${zendeskTicketId('enterprise')}.json`);
    expect(write?.headers['x-csrf-token']).toBe(ZENDESK_CSRF_TOKEN);
    const body = JSON.parse(write?.body ?? '{}') as { ticket: { comment: { body: string; public: boolean }; additional_tags: string[]; group_id?: number } };
    expect(body.ticket.comment.public).toBe(false);
    expect(body.ticket.comment.body).toContain('Alex Agent keeps Initech updated');
    expect(body.ticket.comment.body).toContain('SSO_LOOP_302');
    // The decided tier and role: the tier's tag and the Senior Specialist's role tag (issue 10: Escalate does what the badge says).
    expect(body.ticket.additional_tags).toEqual(['tier_2', 'role_senior_specialist']);
    // The policy names the group "Tier 2"; the demo account's groups give its id.
    expect(body.ticket.group_id).toBe(360002);
    expectNoErrors(opened);
    await page.close();
  });

  it('writes an internal comment and the tier label to Jira with the XSRF opt-out header', async () => {
    const key = jiraIssueKey('enterprise');
    const opened = await openTicket(browser.context, `https://acme.atlassian.net/browse/${key}`);
    const { page } = opened;
    await page.locator('[data-testid="tl-checklist"]').waitFor({ timeout: 15_000 });
    const before = server.requests.length;
    await page.locator('[data-testid="tl-escalate"]').click();
    await page.getByRole('button', { name: 'Escalate now' }).click();
    await expect.poll(() => page.locator('[data-testid="tl-escalate-result"]').textContent()).toContain('Escalated');
    const writes = server.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`POST /rest/api/3/issue/${key}/comment`, `PUT /rest/api/3/issue/${key}`]);
    expect(writes.every((w) => w.headers['x-atlassian-token'] === 'no-check')).toBe(true);
    const comment = JSON.parse(writes[0]?.body ?? '{}') as { properties: { key: string; value: { internal: boolean } }[] };
    expect(comment.properties).toEqual([{ key: 'sd.public.comment', value: { internal: true } }]);
    expect(JSON.stringify(comment)).toContain('SSO_LOOP_302');
    expect(JSON.parse(writes[1]?.body ?? '{}')).toEqual({ update: { labels: [{ add: 'tier_2' }, { add: 'role_senior_specialist' }] } });
    expectNoErrors(opened);
    await page.close();
  });

  it('shows a plain failure when the helpdesk answers 500, and keeps the draft across a reload', async () => {
    const id = zendeskTicketId('faq');
    const key = `acme.zendesk.com /api/v2/tickets/${id}.json`;
    const original = demoRoutes()[key] as RouteHandler;
    server.route(key, (req) => (req.method === 'PUT' ? { status: 500, body: { error: 'InternalError' } } : original(req)));
    const opened = await openTicket(browser.context, zendesk('faq'));
    const { page } = opened;
    await page.locator('[data-testid="tl-checklist"]').waitFor({ timeout: 15_000 });
    await page.locator('#tl-item-escalation-reason').fill('Customer needs the PDF export fixed before the audit');
    await page.locator('[data-testid="tl-escalate"]').click();
    await page.getByRole('button', { name: 'Escalate now' }).click();
    await expect.poll(() => page.locator('[data-testid="tl-escalate-result"]').textContent()).toMatch(/^Escalation failed: the helpdesk answered 500/);
    expect(await page.locator('#tl-item-escalation-reason').inputValue()).toBe('Customer needs the PDF export fixed before the audit');
    await page.reload();
    await expect.poll(() => page.locator('#tl-item-escalation-reason').inputValue(), { timeout: 15_000 }).toBe('Customer needs the PDF export fixed before the audit');
    server.route(key, original);
    // The 500 is the helpdesk's answer, logged by Chromium as a failed resource load; nothing else may fail.
    expect(opened.errors.filter((e) => !e.includes('status of 500'))).toEqual([]);
    await page.close();
  });
});

describe('receiving a handoff', () => {
  it('shows the Tier 1 handoff note to the Tier 2 agent and records their confirmation through the worker', async () => {
    const opened = await openTicket(browser.context, zendesk('handoff'));
    const { page } = opened;
    const received = page.locator('[data-testid="tl-handoff-received"]');
    await received.waitFor({ timeout: 15_000 });
    expect(await received.textContent()).toContain('Handoff received from Tier 1');
    expect(await received.textContent()).toContain('ERR_AUTH_401');
    await page.getByRole('button', { name: 'Summary is accurate' }).click();
    // The status appears only once the worker accepted the summary-confirmation event.
    await expect.poll(() => received.locator('[role="status"]').textContent()).toContain('confirmed as accurate');
    expectNoErrors(opened);
    await page.close();
  });
});

describe('accessibility', () => {
  it('opens the reasons from the keyboard and has no axe-core violations in the overlay', async () => {
    const opened = await openTicket(browser.context, zendesk('breach'));
    const { page } = opened;
    await badgeText(page, 'Tier 4');
    const badge = page.locator('[data-testid="tl-badge"] .tl-badge');
    await badge.focus();
    await page.keyboard.press('Enter');
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.tl-why').textContent()).toContain('Bypass');
    await page.locator('[data-testid="tl-checklist"]').waitFor();
    expect(await overlayAxeViolations(page)).toEqual([]);
    expectNoErrors(opened);
    await page.close();
  });
});

describe('hostile ticket content', () => {
  it('executes nothing from the subject or comments and shows the text literally', async () => {
    const opened = await openTicket(browser.context, zendesk('hostile'));
    const { page } = opened;
    await badgeText(page, 'Tier');
    // The policy keeps this invoice question with the front line (no handoff); an override to Tier 2 opens the checklist the text goes into.
    await page.getByRole('button', { name: 'Override owner' }).click();
    await page.locator('[data-testid="tl-override-owner"]').selectOption('senior-specialist');
    await page.getByPlaceholder('Why the policy is wrong here').fill('<b>test</b> reason');
    await page.getByRole('button', { name: 'Save override' }).click();
    await page.locator('[data-testid="tl-checklist"]').waitFor();
    expect(await page.locator('#tl-item-summary').inputValue()).toBe('<img src=x onerror="window.__pwned=1;alert(1)"> Invoice question <script>window.__pwned=1</script>');
    expect(await page.locator('[data-testid="tl-override-status"]').textContent()).toContain('<b>test</b> reason');
    const injected = await page.evaluate(() =>
      ['tierline-badge', 'tierline-drawer'].map((name) => document.querySelector(name)?.shadowRoot?.querySelectorAll('img, script:not([src]), svg, iframe, a[href^="javascript"]').length ?? -1),
    );
    expect(injected).toEqual([0, 0]);
    await page.locator('[data-testid="tl-badge"] .tl-badge').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expectNoErrors(opened);
    await page.close();
  });
});

describe('a page the adapter cannot read', () => {
  it('shows a visible notice instead of failing silently', async () => {
    const opened = await openTicket(browser.context, `https://acme.zendesk.com/agent/tickets/${ZENDESK_BROKEN_ID}`);
    const notice = opened.page.locator('[data-testid="tl-unreadable"]');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/could not read/i);
    expect(opened.errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    await opened.page.close();
  });
});
