// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelStatus } from '../../extension/ai/schema';
import { type TriageBackend, TriageModelPanel } from './triage-model-panel';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

/** A backend that accepts files with 2+ labels, the way the worker's zod check would refuse the rest. */
function fakeBackend() {
  let status: ModelStatus = { origin: 'demo', version: '2026-01-01T00:00:00.000Z', labels: 15 };
  const backend: TriageBackend = {
    status: async () => status,
    importModel: async (file) => {
      const labels = (file as { labels?: unknown[] }).labels ?? [];
      if (labels.length < 2) {
        status = { ...status, error: 'Imported triage model not used: not a triage model: labels: Too small' };
        throw new Error(status.error);
      }
      status = { origin: 'imported', version: '2026-03-09T09:00:00.000Z', labels: labels.length };
      return status;
    },
    exportCorrections: async () => ({ count: 1, jsonl: '{"text":"Cannot log in","label":"access"}\n' }),
  };
  return backend;
}

async function choose(json: string) {
  const input = root.querySelector<HTMLInputElement>('[data-testid="tl-model-import"]');
  if (!input) throw new Error('no file input');
  const file = new File([json], 'model.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('the triage model section of the options page', () => {
  it('says the demo model is in use, then the imported one after a valid import', async () => {
    await act(async () => render(<TriageModelPanel backend={fakeBackend()} download={() => undefined} />, root));
    await settle();
    expect(root.querySelector('[data-testid="tl-model-status"]')?.textContent).toContain('demo model');
    await choose(JSON.stringify({ labels: ['billing', 'access', 'bug'] }));
    expect(root.querySelector('[data-testid="tl-model-status"]')?.textContent).toContain('imported on this browser · 3 labels · version 2026-03-09T09:00:00.000Z');
  });

  it('keeps the old model and shows why when the file is refused', async () => {
    await act(async () => render(<TriageModelPanel backend={fakeBackend()} download={() => undefined} />, root));
    await settle();
    await choose(JSON.stringify({ labels: ['only'] }));
    expect(root.querySelector('[data-testid="tl-model-status"]')?.textContent).toContain('demo model');
    expect(root.querySelector('[data-testid="tl-model-error"]')?.textContent).toContain('not a triage model');
  });

  it('downloads the corrections as JSONL', async () => {
    const downloads: [string, string][] = [];
    await act(async () => render(<TriageModelPanel backend={fakeBackend()} download={(name, text) => downloads.push([name, text])} />, root));
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="tl-export-corrections"]')?.click());
    await settle();
    expect(downloads).toEqual([['tierline-corrections.jsonl', '{"text":"Cannot log in","label":"access"}\n']]);
  });

  it('asks for the AI endpoint host only on a click, and says where summaries may go', async () => {
    const asked: string[][] = [];
    const backend = { ...fakeBackend(), requestHosts: async (origins: string[]) => {
        asked.push(origins);
        return true;
      }, };
    await act(async () => render(<TriageModelPanel backend={backend} download={() => undefined} aiEndpoint="https://llm.example.com/v1" />, root));
    await settle();
    expect(asked).toEqual([]);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-testid="tl-ai-permission"]')?.click());
    await settle();
    expect(asked).toEqual([['https://llm.example.com/*']]);
    expect(root.textContent).toContain('Summaries may be sent to https://llm.example.com (redacted).');
  });
});
