// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import type { Policy } from '../../core/policy/schema';
import { resolveSettings, type SettingLayers } from '../../extension/settings/resolve';
import { policyLabel } from '../format';
import { OptionsApp, type PageWindow } from './options-app';
import { SECTIONS } from './options-sections';
import { type OptionsBackend, SOURCE_LABEL, type SettingsSnapshot } from './settings-view';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

/** A backend over the real settings resolution, with in-memory managed, organisation and local layers. */
function memoryBackend(managed: Record<string, unknown>, org?: SettingLayers['org']) {
  const local: Record<string, unknown> = {};
  const saved: Policy[] = [];
  const backend: OptionsBackend = {
    load: async () => resolveSettings({ managed, local, ...(org ? { org } : {}) }),
    syncStatus: async () => ({ lastSuccessAt: '2026-03-02T09:30:00Z' }),
    saveSetting: async (key, value) => {
      local[key] = value;
    },
    savePolicy: async (policy) => {
      saved.push(policy);
      local.policy = policy;
    },
    testConnection: async () => ({ ok: true, message: 'Connected.' }),
    requestHosts: async () => true,
  };
  return { backend, local, saved };
}

/** The page's window: the hash names the section shown; pushState moves it without a jump. */
function fakeWindow(hash = ''): PageWindow {
  const location = { hash } as Location;
  return {
    location,
    history: {
      pushState: (_s: unknown, _t: string, url?: string | URL | null) => {
        location.hash = String(url ?? '');
      },
    } as unknown as History,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    scrollTo: () => undefined,
  } as PageWindow;
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

function setValue(el: HTMLInputElement | HTMLTextAreaElement, value: string, event: 'input' | 'change') {
  el.value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
}

const text = (selector: string) => root.querySelector(selector)?.textContent ?? '';

/** Follows the side navigation's link to a section, as a click. */
function open(id: string) {
  act(() => {
    (root.querySelector(`.tl-sidenav a[href="#/${id}"]`) as HTMLAnchorElement).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
  });
}

async function renderApp(backend: OptionsBackend, props: { now?: () => Date; hash?: string; setAside?: preact.ComponentChildren } = {}) {
  act(() => render(<OptionsApp backend={backend} download={() => undefined} win={fakeWindow(props.hash)} {...props} />, root));
  await flush();
}

describe('OptionsApp', () => {
  it('draws the page, its navigation and the section before the worker answers, then fills the values in', async () => {
    let answer: (snapshot: SettingsSnapshot) => void = () => undefined;
    const backend = { ...memoryBackend({}).backend, load: () => new Promise<SettingsSnapshot>((resolve) => (answer = resolve)) };
    await renderApp(backend);
    expect([...root.querySelectorAll('.tl-sidenav a')].map((a) => a.textContent)).toEqual(SECTIONS.filter((s) => s.id !== 'triage' && s.id !== 'set-aside').map((s) => s.title));
    expect(text('#tiers-title')).toBe('Tiers');
    expect(text('.tl-in-force')).toContain('reading it from the extension');
    expect(root.querySelector('[data-testid="tl-policy-source"]')).toBeNull();
    await act(async () => answer(resolveSettings({})));
    expect(text('[data-testid="tl-policy-in-force"]')).toBe(`“${defaultPolicy.name}” · revision ${defaultPolicy.revision}`);
    expect(root.querySelectorAll('#tiers fieldset').length).toBe(defaultPolicy.tiers.length);
  });

  it('names the policy in force, its revision and its source in the words the overlay uses, from each source', async () => {
    const acme = { ...defaultPolicy, name: 'Acme support levels', revision: 12, rolledOutAt: '2026-02-01T09:00:00Z' };
    const cases = [
      [memoryBackend({}).backend, 'default', defaultPolicy],
      [memoryBackend({}, { policy: { ...acme, revision: 11 } }).backend, 'org', { ...acme, revision: 11 }],
      [memoryBackend({ policyJson: JSON.stringify(acme) }).backend, 'managed', acme],
    ] as const;
    for (const [backend, source, policy] of cases) {
      await renderApp(backend);
      expect(text('[data-testid="tl-policy-in-force"]')).toBe(`“${policy.name}” · revision ${policy.revision}`);
      expect(text('[data-testid="tl-policy-source"]')).toBe(SOURCE_LABEL[source]);
      expect(policyLabel({ name: policy.name, revision: policy.revision, source })).toContain(SOURCE_LABEL[source]);
      render(null, root);
    }
    await renderApp(memoryBackend({}, { policy: acme }).backend);
    expect(text('[data-testid="tl-policy-when"]')).toMatch(/^Rolled out .*2026 · last synced .*2026/);
    expect(text('[data-testid="tl-policy-when"]')).toContain('from your team’s endpoint');
  });

  it('says "set by your administrator" for managed and for locked values alike, read-only, and lists unusable managed values', async () => {
    const { backend } = memoryBackend({ syncEndpoint: 'https://sync.acme.test', lockedSettings: ['ai.provider'], ai: { provider: 'gpt-9' } });
    await renderApp(backend, { hash: '#sync' });
    const endpoint = root.querySelector('[data-setting="syncEndpoint"]')!;
    expect(endpoint.getAttribute('data-locked')).toBe('true');
    expect((endpoint.querySelector('input') as HTMLInputElement).disabled).toBe(true);
    expect(endpoint.textContent).toContain('set by your administrator');
    expect(endpoint.querySelector('[data-source]')?.getAttribute('data-source')).toBe('managed');
    expect(root.querySelector('[data-setting="syncToken"]')?.getAttribute('data-locked')).toBe('false');
    expect(root.textContent).not.toMatch(/locked by/i);
    open('ai');
    const provider = root.querySelector('[data-setting="ai.provider"]')!;
    expect((provider.querySelector('select') as HTMLSelectElement).disabled).toBe(true);
    // Locked by lockedSettings while its value is the default: the same words as a managed value.
    expect(provider.textContent).toContain('set by your administrator');
    open('diagnostics');
    expect(text('[data-testid="tl-diagnostics"]')).toContain('ai.provider');
  });

  it('shows roles, features, kinds and tiers by name: ids only in the JSON view', async () => {
    await renderApp(memoryBackend({}).backend);
    const owner = root.querySelector('#tiers select[aria-describedby], #tiers fieldset') as HTMLElement;
    expect(owner.textContent).toContain('Knowledge Base / AI Agent');
    for (const id of ['tiers', 'roles', 'triggers', 'calendars', 'handoff', 'features']) {
      open(id);
      const shown = [...root.querySelectorAll('.tl-options-main legend, .tl-options-main label > span, .tl-options-main summary, .tl-options-main option, .tl-options-main button')].map((el) => el.textContent).join('\n');
      for (const ownId of ['knowledge-base', 'front-line-agent', 'tier-badge', 'handoff-checklist', 'business-hours', 'contractual-billing-dispute', 'T1-T2']) expect(shown, `${id} shows "${ownId}"`).not.toContain(ownId);
    }
    open('features');
    expect(text('#features')).toContain('Tier badge');
    open('json');
    expect((root.querySelector('[data-testid="tl-policy-json"]') as HTMLTextAreaElement).value).toContain('"ownerRole": "knowledge-base"');
  });

  it('edits a tier boundary in a field that wraps, and counts the finding beside the section in the navigation', async () => {
    await renderApp(memoryBackend({}).backend);
    const boundary = root.querySelector('#tiers textarea.tl-sentence') as HTMLTextAreaElement;
    expect(boundary.value).toBe(defaultPolicy.tiers[0]!.boundary);
    act(() => setValue(boundary, 'Self-service answers FAQs. It also handles setup basics.', 'change'));
    expect(text('#tiers [data-testid="tl-finding"]')).toContain('$.tiers[0].boundary');
    expect(text('.tl-sidenav a[href="#/tiers"] .tl-count')).toContain('1');
    expect(text('[data-testid="tl-lint-summary"]')).toBe('0 errors, 1 warning');
    expect(text('.tl-policy-toolbar')).toContain('Unsaved changes');
  });

  it('lints an edit made in the raw JSON and saves the policy only once it is valid', async () => {
    const { backend, saved } = memoryBackend({});
    await renderApp(backend, { hash: '#/json' });
    expect(text('[data-testid="tl-policy-source"]')).toBe(SOURCE_LABEL.default);
    const json = root.querySelector('[data-testid="tl-policy-json"]') as HTMLTextAreaElement;
    const broken = { ...defaultPolicy, triggers: [{ ...defaultPolicy.triggers[0]!, route: { role: 'nobody' } }, ...defaultPolicy.triggers.slice(1)] };
    act(() => setValue(json, JSON.stringify(broken), 'input'));
    expect(text('[data-testid="tl-lint-summary"]')).toMatch(/^[1-9]\d* errors?/);
    expect([...root.querySelectorAll('[data-testid="tl-finding"]')].some((f) => f.textContent?.includes('$.triggers[0]'))).toBe(true);
    expect(root.querySelector('.tl-sidenav a[href="#/triggers"] .tl-count-error')).not.toBeNull();
    expect((root.querySelector('[data-testid="tl-save-policy"]') as HTMLButtonElement).disabled).toBe(true);

    // A file from `tierline policy init` carries its $schema: the page takes it too.
    const edited = { $schema: './tierline-policy.schema.json', ...defaultPolicy, name: 'Acme support levels', revision: 7 };
    act(() => setValue(json, JSON.stringify(edited), 'input'));
    expect(text('[data-testid="tl-lint-summary"]')).toMatch(/^0 errors/);
    await act(async () => (root.querySelector('[data-testid="tl-save-policy"]') as HTMLButtonElement).click());
    await flush();
    expect(saved.at(-1)?.name).toBe('Acme support levels');
    expect(saved.at(-1)).not.toHaveProperty('$schema');
    expect(text('[data-testid="tl-policy-source"]')).toBe(SOURCE_LABEL.local);
    expect(text('[data-testid="tl-policy-in-force"]')).toBe('“Acme support levels” · revision 7');
  });

  it('keeps the draft while moving between sections and saving a setting', async () => {
    await renderApp(memoryBackend({}).backend, { hash: '#/json' });
    const draft = JSON.stringify({ ...defaultPolicy, name: 'Draft name' });
    act(() => setValue(root.querySelector('[data-testid="tl-policy-json"]') as HTMLTextAreaElement, draft, 'input'));
    open('sync');
    act(() => setValue(root.querySelector('[data-setting="team"] input') as HTMLInputElement, 'emea', 'change'));
    await flush();
    open('json');
    expect(JSON.parse((root.querySelector('[data-testid="tl-policy-json"]') as HTMLTextAreaElement).value).name).toBe('Draft name');
  });

  it('edits a trigger condition in the form and refuses one that is not a condition', async () => {
    await renderApp(memoryBackend({}).backend, { hash: '#triggers' });
    const condition = root.querySelector('[data-testid="tl-trigger"] textarea.tl-code') as HTMLTextAreaElement;
    act(() => setValue(condition, '{"field": "priority", "op": "bigger", "value": 1}', 'input'));
    expect(text('[data-testid="tl-trigger"] [role="alert"]')).toContain('Not a condition');
    act(() => setValue(condition, '{"field": "priority", "op": "eq", "value": "urgent"}', 'input'));
    expect(root.querySelector('[data-testid="tl-trigger"] [role="alert"]')).toBeNull();
    open('json');
    const policy = JSON.parse((root.querySelector('[data-testid="tl-policy-json"]') as HTMLTextAreaElement).value);
    expect(policy.triggers[0].when).toEqual({ field: 'priority', op: 'eq', value: 'urgent' });
  });

  it('shows the section the navigation points to, marked as the current page, and the events set aside among them', async () => {
    await renderApp(memoryBackend({}).backend, { setAside: <section id="set-aside">Events set aside: 0</section> });
    expect(root.querySelector('.tl-sidenav [aria-current="page"]')?.getAttribute('href')).toBe('#/tiers');
    open('set-aside');
    expect(root.querySelector('.tl-sidenav [aria-current="page"]')?.getAttribute('href')).toBe('#/set-aside');
    expect(text('#set-aside')).toBe('Events set aside: 0');
    expect(root.querySelector('#tiers')).toBeNull();
  });

  it('simulates a billing dispute over $1,000 with every reason', async () => {
    await renderApp(memoryBackend({}).backend, { hash: '#/simulator', now: () => new Date('2026-03-02T10:00:00Z') });
    const select = root.querySelector('[data-testid="tl-sim-sample"]') as HTMLSelectElement;
    act(() => {
      select.value = 'billing-dispute';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(text('[data-testid="tl-sim-decision"]')).toContain('Billing Specialist');
    expect(root.querySelectorAll('[data-testid="tl-sim-reasons"] li').length).toBeGreaterThan(1);
  });

  it('simulates on a Saturday night at Monday 11:00 in the calendar, where the enterprise ticket has waited 16 business minutes', async () => {
    await renderApp(memoryBackend({}).backend, { hash: '#/simulator', now: () => new Date('2026-03-07T22:00:00Z') });
    expect(text('[data-testid="tl-sim-when"]')).toContain('(Europe/Berlin): inside “Business hours');
    expect((root.querySelector('[data-testid="tl-sim-time"]') as HTMLInputElement).value).toBe('2026-03-09T11:00');
    const select = root.querySelector('[data-testid="tl-sim-sample"]') as HTMLSelectElement;
    act(() => {
      select.value = 'enterprise-waiting';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(text('[data-testid="tl-sim-decision"]')).toContain('An enterprise ticket unresolved for more than 15 business minutes at Tier 1 moves to Tier 2.');
    // The admin may still simulate the night: the clock stops, the trigger does not fire, the sample follows the time.
    act(() => setValue(root.querySelector('[data-testid="tl-sim-time"]') as HTMLInputElement, '2026-03-07T23:00', 'change'));
    expect(text('[data-testid="tl-sim-when"]')).toContain('outside “Business hours');
    expect(JSON.parse((root.querySelector('[data-testid="tl-sim-ticket"]') as HTMLTextAreaElement).value).createdAt).toBe('2026-03-07T21:44:00.000Z');
    expect(text('[data-testid="tl-sim-decision"]')).not.toContain('more than 15 business minutes');
  });
});
