/** Shared steps of the overlay end-to-end tests: open a demo ticket and read the overlay (Playwright CSS pierces open shadow roots). */
import type { BrowserContext, Page } from 'playwright-core';
import axe from 'axe-core';
import { expect } from 'vitest';

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen on the page. */
  errors: string[];
  dialogs: string[];
}

export async function openTicket(context: BrowserContext, url: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => undefined);
  });
  await page.goto(url);
  return { page, errors, dialogs };
}

/** Waits until the badge shows `text`, and returns the badge text. */
export async function badgeText(page: Page, text: string | RegExp): Promise<string> {
  const badge = page.locator('[data-testid="tl-badge"] .tl-badge');
  await badge.filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
  return (await badge.first().textContent()) ?? '';
}

export async function drawerText(page: Page): Promise<string> {
  const drawer = page.locator('[data-testid="tl-drawer"]');
  await drawer.waitFor({ timeout: 15_000 });
  return (await drawer.textContent()) ?? '';
}

export function expectNoErrors(opened: OpenedPage): void {
  expect(opened.errors).toEqual([]);
  expect(opened.dialogs).toEqual([]);
}

/** axe-core violations inside Tierline's own shadow roots (the host page's markup is not ours to judge). */
export async function overlayAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(`(async () => {
    const result = await axe.run({ include: [['tierline-badge'], ['tierline-drawer']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => v.id + ': ' + v.help + ' @ ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', '));
  })()`);
}
