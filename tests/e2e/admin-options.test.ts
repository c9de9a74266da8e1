/**
 * The options page and the dashboard without managed policy, in real Chromium:
 * the policy in force from each source in turn (built-in, saved here, the
 * team's endpoint); a policy edit is linted, saved through the worker and
 * read back; the dashboard falls back to this browser's own event log, 10,000
 * handoffs of it. (The managed source is in admin.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_LABEL } from '../../components/admin/settings-view';
import { eventSchema } from '../../core/events';
import { defaultPolicy } from '../../core/policy/default-policy';
import { axeViolations, screenshotPath, startSyncEndpoint } from './admin-helpers';
import { callWorker, type LaunchedBrowser, launchBrowser } from './harness';

let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the options page at a section ("sync" → options.html#/sync), once the worker has answered. */
async function openOptions(section = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(browser.extensionUrl(`options.html${section ? `#/${section}` : ''}`));
  await page.locator('[data-testid="tl-policy-source"]').waitFor({ timeout: 15_000 });
  return page;
}

const inForce = async (page: Page) => ({
  policy: await page.locator('[data-testid="tl-policy-in-force"]').textContent(),
  source: await page.locator('[data-testid="tl-policy-source"]').textContent(),
});

/** Pastes text into a field in one input event (typing 40 KB of JSON key by key would take the test's whole budget). */
async function paste(field: Locator, text: string): Promise<void> {
  await field.evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const lintSummary = (page: Page) => page.locator('[data-testid="tl-lint-summary"]').textContent();

describe('the options page', () => {
  it('lints an edit to the policy, saves it through the worker and reads it back after a reload', async () => {
    const page = await openOptions();
    expect(await inForce(page)).toEqual({ policy: `“${defaultPolicy.name}” · revision ${defaultPolicy.revision}`, source: SOURCE_LABEL.default });
    expect(await lintSummary(page)).toMatch(/^0 errors/);

    // A form edit: a tier boundary of two sentences breaks the one-sentence rule (a warning, with its fix).
    const boundary = page.locator('#tiers').getByLabel('Boundary (one sentence)').first();
    await boundary.fill('Self-service answers FAQs. It also handles setup basics.');
    await boundary.press('Tab');
    await page.locator('#tiers [data-testid="tl-finding"]', { hasText: '$.tiers[0].boundary' }).waitFor();
    expect(await lintSummary(page)).toMatch(/^0 errors, [1-9]\d* warnings?/);

    // A raw JSON edit: a trigger routed to a role nobody holds is an error, shown with its path and fix.
    await page.locator('.tl-sidenav a', { hasText: 'Policy JSON' }).click();
    const json = page.locator('[data-testid="tl-policy-json"]');
    const policy = JSON.parse(await json.inputValue());
    policy.triggers[0].route = { role: 'night-shift-wizard' };
    await paste(json, JSON.stringify(policy, null, 2));
    expect(await lintSummary(page)).toMatch(/^[1-9]\d* errors?/);
    const finding = page.locator('[data-testid="tl-finding"]', { hasText: '$.triggers[0]' }).first();
    expect(await finding.textContent()).toContain('Fix:');
    expect(await page.locator('[data-testid="tl-save-policy"]').isDisabled()).toBe(true);

    // Fixed and renamed: it saves, and a fresh page reads it back from the worker.
    policy.triggers[0].route = { role: policy.roles[1].id };
    policy.name = 'Acme edited in the options page';
    policy.revision = 3;
    await paste(json, JSON.stringify(policy, null, 2));
    expect(await lintSummary(page)).toMatch(/^0 errors/);
    await page.locator('[data-testid="tl-save-policy"]').click();
    await page.locator('[role="status"]', { hasText: 'Saved' }).waitFor();
    // The policy in force on top follows at once, and after a reload (still on the JSON section: the URL names it).
    await page.locator('[data-testid="tl-policy-source"]', { hasText: SOURCE_LABEL.local }).waitFor();
    await page.reload();
    await page.locator('[data-testid="tl-policy-source"]').waitFor();
    expect(await inForce(page)).toEqual({ policy: '“Acme edited in the options page” · revision 3', source: SOURCE_LABEL.local });
    const saved = JSON.parse(await page.locator('[data-testid="tl-policy-json"]').inputValue());
    expect(saved.name).toBe('Acme edited in the options page');
    expect(saved.triggers[0].route.role).toBe(policy.roles[1].id);
    await page.close();
  });

  it("shows the team's policy, its revision and when it was synced once the endpoint is set, above the one saved here", async () => {
    const endpoint = await startSyncEndpoint();
    try {
      const admin = await endpoint.token('admin');
      const publish = async (policy: object) => {
        const res = await fetch(`${endpoint.url}/v1/policy`, { method: 'PUT', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(policy) });
        expect(res.ok).toBe(true);
      };
      // Two publications: the endpoint numbers revisions itself, so the page must show the second.
      await publish({ ...defaultPolicy, name: 'Acme team policy' });
      await publish({ ...defaultPolicy, name: 'Acme team policy', rolledOutAt: '2026-02-02T08:00:00Z' });

      const page = await openOptions('sync');
      for (const [label, value] of [
        ['Sync endpoint', endpoint.url],
        ['Sync token', await endpoint.token('lead')],
      ] as const) {
        await page.getByLabel(label, { exact: true }).fill(value);
        await page.getByLabel(label, { exact: true }).press('Tab');
      }
      await page.locator('[data-setting="syncToken"] [data-source="local"]').waitFor();
      await callWorker(page, 'syncNow');
      await page.reload();
      await page.locator('[data-testid="tl-policy-source"]', { hasText: SOURCE_LABEL.org }).waitFor({ timeout: 15_000 });
      expect(await inForce(page)).toEqual({ policy: '“Acme team policy” · revision 2', source: SOURCE_LABEL.org });
      expect(await page.locator('[data-testid="tl-policy-when"]').textContent()).toMatch(/^Rolled out .*2026 · last synced /);

      // The dashboard below runs without an endpoint: clear it again (the team's policy stays, as it would offline).
      for (const label of ['Sync endpoint', 'Sync token']) {
        await page.getByLabel(label, { exact: true }).fill('');
        await page.getByLabel(label, { exact: true }).press('Tab');
      }
      await expect.poll(async () => (await callWorker(page, 'getSettings')).values.syncEndpoint).toBe('');
      await page.close();
    } finally {
      await endpoint.close();
    }
  });

  it('saves a sync setting through the worker and shows it as saved in this browser', async () => {
    const page = await openOptions('sync');
    const token = page.locator('[data-setting="syncToken"]');
    await token.locator('input').fill('tl_local_token');
    await token.locator('input').press('Tab');
    await page.locator('[data-setting="syncToken"] [data-source="local"]').waitFor();
    await page.reload();
    expect(await page.locator('[data-setting="syncToken"] input').inputValue()).toBe('tl_local_token');
    expect(await page.locator('[data-setting="syncToken"]').getAttribute('data-locked')).toBe('false');
    await page.close();
  });

  it('has no axe-core violations in any section and is operable from the keyboard', async () => {
    const page = await openOptions();
    // The README shows the page as an admin first sees it: the team's policy in force on top, the navigation, the tiers.
    await page.screenshot({ path: screenshotPath('options.png') });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    // The side navigation from the keyboard: Enter on "Escalation triggers" shows that section, marked as current.
    await page.locator('.tl-sidenav a', { hasText: 'Escalation triggers' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#triggers-title').waitFor();
    expect(await page.locator('.tl-sidenav [aria-current="page"]').textContent()).toBe('Escalation triggers');
    await page.locator('[data-testid="tl-trigger"] summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
    for (const section of ['Tiers', 'Issue types', 'Simulator', 'Sync', 'Overlay features', 'Events set aside']) {
      await page.locator('.tl-sidenav a', { hasText: section }).click();
      await page.locator('.tl-options-main h2', { hasText: section }).first().waitFor();
      expect(await axeViolations(page), section).toEqual([]);
    }
    await page.close();
  });
});

/**
 * 10,000 handoffs by 25 agents in 5 teams over the last 80 days, with the
 * missing items varying by agent. Plain data, so the page can build it too.
 */
function manyHandoffs(now: number, count: number, uuid: () => string) {
  const items = ['Reproduction steps', 'System logs', 'Customer tier / SLA', 'Screenshots', 'Error codes'];
  return Array.from({ length: count }, (_, i) => {
    const missing = items.filter((_, k) => (i % 25) % (k + 2) === 0 && i % 3 !== 0);
    return {
      id: uuid(),
      type: 'handoff' as const,
      at: new Date(now - (i % 80) * 86_400_000 - (i % 600) * 60_000).toISOString(),
      ticketId: `L-${i}`,
      helpdesk: 'freshdesk' as const,
      agent: `agent-${i % 25}`,
      team: `team-${i % 5}`,
      data: { from: i % 4 === 0 ? 'T2' : 'T1', to: i % 4 === 0 ? 'T3' : 'T2', completeness: 100 - missing.length * 15, missing },
    };
  });
}

describe('the dashboard without a sync endpoint', () => {
  it('audits 10,000 handoffs from this browser, a page of rows at a time', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    // The worker created the database when it started; queue the events the way it does (the outbox).
    await page.goto(browser.extensionUrl('dashboard.html'));
    // The events are what the worker records: the same generator passes the event schema here.
    for (const event of manyHandoffs(Date.now(), 100, randomUUID)) eventSchema.parse(event);
    // Built inside the page: sending 10,000 events over DevTools would cost more than the test itself.
    const stored = await page.evaluate(async ([source, now]) => {
      const generate = new Function(`return (${source})`)() as typeof manyHandoffs;
      const list = generate(now, 10_000, () => crypto.randomUUID());
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('tierline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      if (!db.objectStoreNames.contains('outbox')) return -1;
      const tx = db.transaction('outbox', 'readwrite');
      list.forEach((event, i) => {
        tx.objectStore('outbox').put({ id: event.id, event, queuedAt: now + i / 1e6 });
      });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const count = await new Promise<number>((resolve) => {
        const req = db.transaction('outbox').objectStore('outbox').count();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return count;
    }, [manyHandoffs.toString(), Date.now()] as const);
    expect(stored).toBeGreaterThanOrEqual(10_000);

    await page.reload();
    const summary = page.locator('[data-testid="tl-audit-summary"]');
    await summary.waitFor({ timeout: 15_000 });
    // The handoffs span 80 days; the lead's default period is the last 30 (issue 11).
    await page.locator('[data-testid="tl-period"]').selectOption('90');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/^10000 handoffs/);
    expect(await page.locator('[data-testid="tl-data-source"]').textContent()).toContain('this browser');
    expect(await summary.textContent()).toMatch(/^10000 handoffs/);
    expect(await page.locator('[data-testid="tl-audit-groups"] tbody tr').count()).toBe(25);
    expect(await page.locator('[data-testid="tl-handoff-list"] tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'By stage' }).click();
    expect(await page.locator('[data-testid="tl-audit-groups"] tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'Next page' }).click();
    expect(await page.locator('.tl-pager').textContent()).toContain('Page 2 of 200');
    await page.close();
  });
});
