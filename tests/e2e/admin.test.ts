/**
 * Admins and leads, in real Chromium with the built extension: a policy file
 * written by `tierline managed-policy --format chrome-linux` is placed in
 * Chromium's managed policy folder; the overlay, the options page and the
 * worker follow it; the lead dashboard reads the team's sync endpoint.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { SOURCE_LABEL } from '../../components/admin/settings-view';
import { nodeIo } from '../../cli/io';
import { defaultPolicy } from '../../core/policy/default-policy';
import { startDemoServer, zendeskTicketId } from '../../demo/server';
import { axeViolations, postEvents, type SyncEndpoint, seedTeamEvents, startSyncEndpoint } from './admin-helpers';
import { type HelpdeskServer, type LaunchedBrowser, launchBrowser, SYSTEM_POLICY_ALLOWED, SYSTEM_POLICY_SKIP_REASON, writeManagedPolicyFile } from './harness';
import { badgeText, drawerText, openTicket } from './overlay-helpers';
import { EXTENSION_ID } from '../../wxt.config';

let sync: SyncEndpoint;
let demo: HelpdeskServer;
let browser: LaunchedBrowser;
let removePolicy: (() => void) | undefined;
const work = mkdtempSync(join(tmpdir(), 'tierline-admin-e2e-'));

/** The default policy with one threshold changed: a billing dispute needs more than $5,000 (not $1,000) to go straight to a specialist. */
function raisedBillingThreshold() {
  const triggers = defaultPolicy.triggers.map((t) =>
    t.id === 'contractual-billing-dispute' ? { ...t, description: 'A billing dispute over $5,000 goes straight to a Billing Specialist.', when: JSON.parse(JSON.stringify(t.when).replace('"value":1000', '"value":5000')) } : t,
  );
  expect(JSON.stringify(triggers)).toContain('"value":5000');
  return { ...defaultPolicy, name: 'Acme support levels', revision: 12, rolledOutAt: new Date(Date.now() - 200 * 86_400_000).toISOString(), triggers };
}

async function generateManagedPolicy(endpoint: string, token: string): Promise<string> {
  writeFileSync(join(work, 'policy.json'), JSON.stringify(raisedBillingThreshold(), null, 2));
  writeFileSync(join(work, 'token.txt'), `${token}\n`);
  const out = join(work, 'tierline.json');
  const code = await main(
    ['managed-policy', '--policy', join(work, 'policy.json'), '--endpoint', endpoint, '--token-file', join(work, 'token.txt'), '--lock', 'ai.provider', '--disable', 'handoff-checklist', '--format', 'chrome-linux', '--out', out],
    { ...nodeIo(), stderr: () => undefined },
  );
  expect(code).toBe(0);
  return out;
}

beforeAll(async () => {
  if (!SYSTEM_POLICY_ALLOWED) return;
  sync = await startSyncEndpoint();
  await postEvents(sync, await sync.token('admin'), seedTeamEvents(new Date()));
  const generated = await generateManagedPolicy(sync.url, await sync.token('lead'));
  // The file goes where an admin would put it: Chromium's managed policy folder (CI or opt-in only, removed in every outcome).
  // Plus an admin's hand edit Chrome's schema lets through (a string) but Tierline cannot use (no such helpdesk).
  const file = JSON.parse(readFileSync(generated, 'utf8'));
  file['3rdparty'].extensions[EXTENSION_ID].extraHelpdeskHosts = [{ host: 'help.acme.test', helpdesk: 'kayako' }];
  removePolicy = writeManagedPolicyFile(file);
  demo = await startDemoServer();
  browser = await launchBrowser({ server: demo });
  // Chromium loads managed policy a few seconds after start.
  await browser.managedStorage();
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    removePolicy?.();
  }
  await demo?.close();
  await sync?.close();
  rmSync(work, { recursive: true, force: true });
});

if (!SYSTEM_POLICY_ALLOWED) console.warn(`tests/e2e/admin.test.ts skipped: it ${SYSTEM_POLICY_SKIP_REASON}`);

describe.runIf(SYSTEM_POLICY_ALLOWED)('managed policy from tierline managed-policy --format chrome-linux', () => {
  it('reaches chrome.storage.managed with the policy, endpoint, token, lock and kill switch', async () => {
    const managed = await browser.managedStorage();
    expect(JSON.parse(String(managed.policyJson)).name).toBe('Acme support levels');
    expect(managed).toMatchObject({ syncEndpoint: sync.url, lockedSettings: ['ai.provider'], disabledFeatures: ['handoff-checklist'] });
    expect(String(managed.syncToken)).toMatch(/^tl_/);
  });

  it('makes the overlay follow it: the raised billing threshold and the disabled handoff checklist', async () => {
    const opened = await openTicket(browser.context, `https://acme.zendesk.com/agent/tickets/${zendeskTicketId('billing')}`);
    // $2,400 is under the managed $5,000 threshold: no contractual bypass to the specialist.
    const badge = await badgeText(opened.page, 'Tier');
    expect(badge).not.toContain('BYPASS');
    const drawer = await drawerText(opened.page);
    expect(drawer).not.toContain('goes straight to a Billing Specialist');
    expect(await opened.page.locator('[data-testid="tl-checklist"]').count()).toBe(0);
    await opened.page.close();
  });

  it('shows the managed policy in force and the managed settings as set by the administrator, read-only', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const open = async (section: string) => {
      await page.goto(browser.extensionUrl(`options.html#/${section}`));
      await page.locator('[data-testid="tl-policy-source"]').waitFor({ timeout: 15_000 });
    };
    await open('tiers');
    expect(await page.locator('[data-testid="tl-policy-in-force"]').textContent()).toBe('“Acme support levels” · revision 12');
    expect(await page.locator('[data-testid="tl-policy-source"]').textContent()).toBe(SOURCE_LABEL.managed);
    expect(await page.locator('[data-testid="tl-policy-when"]').textContent()).toMatch(/^Rolled out /);
    expect(await page.locator('[data-testid="tl-save-policy"]').isDisabled()).toBe(true);
    expect(await page.locator('.tl-locked').textContent()).toContain('Set by your administrator');

    await open('sync');
    const endpoint = page.locator('[data-setting="syncEndpoint"]');
    expect(await endpoint.getAttribute('data-locked')).toBe('true');
    expect(await endpoint.locator('input').isDisabled()).toBe(true);
    expect(await endpoint.locator('input').inputValue()).toBe(sync.url);
    // One wording for a managed value and a locked one.
    expect(await endpoint.textContent()).toContain(SOURCE_LABEL.managed);
    expect(await page.locator('body').textContent()).not.toMatch(/locked by/i);
    await open('ai');
    expect(await page.locator('[data-setting="ai.provider"] select').isDisabled()).toBe(true);
    expect(await page.locator('[data-setting="ai.provider"]').textContent()).toContain(SOURCE_LABEL.managed);
    expect(await page.locator('[data-setting="ai.model"] input').isDisabled()).toBe(false);
    await open('features');
    expect(await page.locator('input[data-feature="handoff-checklist"]').isChecked()).toBe(false);
    await open('diagnostics');
    expect(await page.locator('[data-testid="tl-diagnostics"]').textContent()).toContain('extraHelpdeskHosts');

    // The simulator runs the managed policy: the $2,400 dispute stays below the raised threshold.
    await open('simulator');
    await page.locator('[data-testid="tl-sim-sample"]').selectOption('billing-dispute');
    const decision = await page.locator('[data-testid="tl-sim-decision"]').textContent();
    expect(decision).not.toContain('goes straight to a Billing Specialist');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.runIf(SYSTEM_POLICY_ALLOWED)('the lead dashboard', () => {
  it('renders the handoff audit and the metric charts from the sync endpoint, with the recommended action', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(browser.extensionUrl('dashboard.html'));
    await page.locator('[data-testid="tl-audit-groups"] tbody tr').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="tl-data-source"]').textContent()).toContain('sync endpoint');
    // Worst first: ben and chloe never send a complete packet, ana always does.
    const groups = page.locator('[data-testid="tl-audit-groups"] tbody tr');
    expect(await groups.count()).toBe(3);
    expect(await groups.first().textContent()).toMatch(/^(ben|chloe)\d+ 0%/);
    expect(await groups.filter({ hasText: 'chloe' }).textContent()).toContain('System logs (');
    expect(await groups.last().textContent()).toMatch(/^ana\d+ 100%/);
    expect(await page.locator('[data-testid="tl-audit-summary"]').textContent()).toMatch(/\d+ handoffs, \d+% complete/);

    // Eight metrics (issue 11 added one), each with a uPlot chart, and the escalation-rate warning with its action.
    await page.locator('[data-testid="tl-metric"] canvas').nth(6).waitFor();
    expect(await page.locator('[data-testid="tl-metric"]').count()).toBe(8);
    const escalation = page.locator('[data-metric="escalation-rate"]');
    expect(await escalation.textContent()).toContain('10–15%');
    const warnings = page.locator('[data-testid="tl-metric-warning"]');
    expect(await warnings.count()).toBeGreaterThan(0);
    expect(await warnings.first().textContent()).toContain('Recommended:');

    await page.locator('[data-testid="tl-handoff-list"] tbody tr button').first().click();
    expect(await page.locator('[data-testid="tl-handoff-detail"]').textContent()).toMatch(/Handoff .* ticket W\d-\d+/);
    await page.locator('[data-testid="tl-audit-groups"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="tl-learning"]').count()).toBe(1);
    expect(await page.locator('[data-testid="tl-review"]').textContent()).toMatch(/review of the escalation matrix/);

    expect(await axeViolations(page)).toEqual([]);
    // The README's dashboard screenshot comes from tests/e2e/dashboard-leaks.test.ts (one writer).
    await page.close();
  });
});
