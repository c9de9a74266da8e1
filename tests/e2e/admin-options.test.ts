/**
 * The options page and the dashboard without managed policy, in real Chromium:
 * a policy edit is linted, saved through the worker and read back; the
 * dashboard falls back to this browser's own event log, 10,000 handoffs of it.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSchema } from '../../core/events';
import { axeViolations, screenshotPath } from './admin-helpers';
import { type LaunchedBrowser, launchBrowser } from './harness';

let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(browser.extensionUrl('options.html'));
  await page.locator('[data-testid="tl-policy-source"]').waitFor({ timeout: 15_000 });
  return page;
}

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
    expect(await page.locator('[data-testid="tl-policy-source"]').textContent()).toBe('default');
    expect(await lintSummary(page)).toMatch(/^0 errors/);

    // A form edit: a tier boundary of two sentences breaks the one-sentence rule (a warning, with its fix).
    const boundary = page.locator('#tiers').getByLabel('Boundary (one sentence)').first();
    await boundary.fill('Self-service answers FAQs. It also handles setup basics.');
    await boundary.press('Tab');
    await page.locator('#tiers [data-testid="tl-finding"]', { hasText: '$.tiers[0].boundary' }).waitFor();
    expect(await lintSummary(page)).toMatch(/^0 errors, [1-9]\d* warnings?/);

    // A raw JSON edit: a trigger routed to a role nobody holds is an error, shown with its path and fix.
    await page.locator('#tab-json').click();
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
    await paste(json, JSON.stringify(policy, null, 2));
    expect(await lintSummary(page)).toMatch(/^0 errors/);
    await page.locator('[data-testid="tl-save-policy"]').click();
    await page.locator('[role="status"]', { hasText: 'Saved' }).waitFor();
    await page.reload();
    await page.locator('[data-testid="tl-policy-source"]').waitFor();
    expect(await page.locator('[data-testid="tl-policy-source"]').textContent()).toBe('set on this browser');
    await page.locator('#tab-json').click();
    const saved = JSON.parse(await page.locator('[data-testid="tl-policy-json"]').inputValue());
    expect(saved.name).toBe('Acme edited in the options page');
    expect(saved.triggers[0].route.role).toBe(policy.roles[1].id);
    await page.close();
  });

  it('saves a sync setting through the worker and shows it as set on this browser', async () => {
    const page = await openOptions();
    const token = page.locator('[data-setting="syncToken"]');
    await token.locator('input').fill('tl_local_token');
    await token.locator('input').press('Tab');
    await page.locator('[data-setting="syncToken"] [data-source="local"]').waitFor();
    await page.reload();
    expect(await page.locator('[data-setting="syncToken"] input').inputValue()).toBe('tl_local_token');
    expect(await page.locator('[data-setting="syncToken"]').getAttribute('data-locked')).toBe('false');
    await page.close();
  });

  it('has no axe-core violations and is operable from the keyboard', async () => {
    const page = await openOptions();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('options.png') });
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
