/**
 * A handoff draft lives in the worker's IndexedDB: it outlasts the tab that
 * typed it and a restart of the whole browser (same profile).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callWorker, type LaunchedBrowser, launchBrowser } from './harness';

const profile = mkdtempSync(join(tmpdir(), 'tierline-profile-kept-'));
let browser: LaunchedBrowser | undefined;

afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('handoff drafts', () => {
  it('survive the tab closing and the browser restarting', async () => {
    const key = { helpdesk: 'zendesk', ticketId: '4711' } as const;
    const values = { problem: 'Invoice charged twice for March', done: 'Checked the invoice and the card statement' };

    browser = await launchBrowser({ userDataDir: profile });
    const tab = await browser.context.newPage();
    await tab.goto(browser.extensionUrl('options.html'));
    await callWorker(tab, 'saveDraft', { key, values });
    await tab.close();

    const other = await browser.context.newPage();
    await other.goto(browser.extensionUrl('options.html'));
    expect(await callWorker(other, 'getDraft', { key })).toEqual(values);
    await browser.close();

    browser = await launchBrowser({ userDataDir: profile });
    const afterRestart = await browser.context.newPage();
    await afterRestart.goto(browser.extensionUrl('options.html'));
    expect(await callWorker(afterRestart, 'getDraft', { key })).toEqual(values);
  });
});
