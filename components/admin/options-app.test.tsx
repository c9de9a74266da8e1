// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import type { Policy } from '../../core/policy/schema';
import { resolveSettings } from '../../extension/settings/resolve';
import { OptionsApp } from './options-app';
import type { OptionsBackend } from './settings-view';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

/** A backend over the real settings resolution, with in-memory managed and local layers. */
function memoryBackend(managed: Record<string, unknown>) {
  const local: Record<string, unknown> = {};
  const saved: Policy[] = [];
  const backend: OptionsBackend = {
    load: async () => resolveSettings({ managed, local }),
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

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

function setValue(el: HTMLInputElement | HTMLTextAreaElement, value: string, event: 'input' | 'change') {
  el.value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
}

describe('OptionsApp', () => {
  it('shows managed settings as locked, names their source, and lists unusable managed values', async () => {
    const { backend } = memoryBackend({ syncEndpoint: 'https://sync.acme.test', lockedSettings: ['ai.provider'], ai: { provider: 'gpt-9' } });
    act(() => render(<OptionsApp backend={backend} download={() => undefined} />, root));
    await flush();
    const endpoint = root.querySelector('[data-setting="syncEndpoint"]')!;
    expect(endpoint.getAttribute('data-locked')).toBe('true');
    expect((endpoint.querySelector('input') as HTMLInputElement).disabled).toBe(true);
    expect(endpoint.textContent).toContain('Locked by your administrator');
    expect(endpoint.querySelector('[data-source]')?.getAttribute('data-source')).toBe('managed');
    const provider = root.querySelector('[data-setting="ai.provider"]')!;
    expect((provider.querySelector('select') as HTMLSelectElement).disabled).toBe(true);
    expect(root.querySelector('[data-setting="syncToken"]')?.getAttribute('data-locked')).toBe('false');
    expect(root.querySelector('[data-testid="tl-diagnostics"]')?.textContent).toContain('ai.provider');
  });

  it('lints an edit made in the raw JSON and saves the policy only once it is valid', async () => {
    const { backend, saved } = memoryBackend({});
    act(() => render(<OptionsApp backend={backend} download={() => undefined} />, root));
    await flush();
    expect(root.querySelector('[data-testid="tl-policy-source"]')?.textContent).toBe('default');
    act(() => (root.querySelector('#tab-json') as HTMLButtonElement).click());
    const json = root.querySelector('[data-testid="tl-policy-json"]') as HTMLTextAreaElement;
    const broken = { ...defaultPolicy, triggers: [{ ...defaultPolicy.triggers[0]!, route: { role: 'nobody' } }, ...defaultPolicy.triggers.slice(1)] };
    act(() => setValue(json, JSON.stringify(broken), 'input'));
    expect(root.querySelector('[data-testid="tl-lint-summary"]')?.textContent).toMatch(/^[1-9]\d* errors?/);
    expect([...root.querySelectorAll('[data-testid="tl-finding"]')].some((f) => f.textContent?.includes('$.triggers[0]'))).toBe(true);
    expect((root.querySelector('[data-testid="tl-save-policy"]') as HTMLButtonElement).disabled).toBe(true);

    const edited = { ...defaultPolicy, name: 'Acme support levels', revision: 7 };
    act(() => setValue(json, JSON.stringify(edited), 'input'));
    expect(root.querySelector('[data-testid="tl-lint-summary"]')?.textContent).toMatch(/^0 errors/);
    await act(async () => (root.querySelector('[data-testid="tl-save-policy"]') as HTMLButtonElement).click());
    await flush();
    expect(saved.at(-1)?.name).toBe('Acme support levels');
    expect(root.querySelector('[data-testid="tl-policy-source"]')?.textContent).toBe('set on this browser');
  });

  it('edits a trigger condition in the form and refuses one that is not a condition', async () => {
    const { backend } = memoryBackend({});
    act(() => render(<OptionsApp backend={backend} download={() => undefined} />, root));
    await flush();
    const condition = root.querySelector('[data-testid="tl-trigger"] textarea') as HTMLTextAreaElement;
    act(() => setValue(condition, '{"field": "priority", "op": "bigger", "value": 1}', 'input'));
    expect(root.querySelector('[data-testid="tl-trigger"] [role="alert"]')?.textContent).toContain('Not a condition');
    act(() => setValue(condition, '{"field": "priority", "op": "eq", "value": "urgent"}', 'input'));
    expect(root.querySelector('[data-testid="tl-trigger"] [role="alert"]')).toBeNull();
    act(() => (root.querySelector('#tab-json') as HTMLButtonElement).click());
    const policy = JSON.parse((root.querySelector('[data-testid="tl-policy-json"]') as HTMLTextAreaElement).value);
    expect(policy.triggers[0].when).toEqual({ field: 'priority', op: 'eq', value: 'urgent' });
  });

  it('moves between the policy views with the arrow keys, one tab stop at a time', async () => {
    const { backend } = memoryBackend({});
    act(() => render(<OptionsApp backend={backend} download={() => undefined} />, root));
    await flush();
    const form = root.querySelector('#tab-form') as HTMLButtonElement;
    expect([...root.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    form.focus();
    act(() => {
      form.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(root.querySelector('#tab-simulator')?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.id).toBe('tab-simulator');
    expect(root.querySelector('[data-testid="tl-sim-ticket"]')).not.toBeNull();
  });

  it('simulates a billing dispute over $1,000 with every reason', async () => {
    const { backend } = memoryBackend({});
    act(() => render(<OptionsApp backend={backend} download={() => undefined} now={() => new Date('2026-03-02T10:00:00Z')} />, root));
    await flush();
    act(() => (root.querySelector('#tab-simulator') as HTMLButtonElement).click());
    const select = root.querySelector('.tl-simulator select') as HTMLSelectElement;
    act(() => {
      select.value = 'billing-dispute';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const decision = root.querySelector('[data-testid="tl-sim-decision"]')!;
    expect(decision.textContent).toContain('Billing Specialist');
    expect(root.querySelectorAll('[data-testid="tl-sim-reasons"] li').length).toBeGreaterThan(1);
  });
});
