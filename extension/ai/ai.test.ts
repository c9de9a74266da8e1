import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createRouter } from '../../core/route/decide';
import { ticketSchema } from '../../core/ticket';
import { buildDemoModel } from '../../scripts/demo-model';
import type { SettingsReader } from '../settings/read-settings';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { openDb } from '../store/open-db';
import { createStore, type Store } from '../store/store';
import { exportCorrections, saveCorrection } from './corrections';
import { createModelSource, MODEL_ERROR, modelSuggestionFor, URL_MODEL } from './model-source';
import { suggestFor } from './suggest';

let demoJson: string;
let n = 0;
const freshStore = (): Store => createStore(openDb({ name: `tierline-ai-${++n}` }));

beforeAll(() => {
  demoJson = buildDemoModel(process.cwd());
});

function settingsWith(values: Partial<typeof DEFAULT_SETTINGS> = {}): SettingsReader {
  const resolved = { values: { ...DEFAULT_SETTINGS, ...values }, policy: { value: defaultPolicy, source: 'default', locked: false } };
  const get = async () => resolved as unknown as Awaited<ReturnType<SettingsReader['get']>>;
  return { get, settled: get, saveLocal: async () => resolved as never, invalidate: () => undefined };
}

/** A fetch that answers from a table of URL → response factory and counts calls. */
function fakeFetch(table: Record<string, () => Response>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    const answer = table[url];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  }) as typeof fetch;
  return Object.assign(fn, { calls });
}

const DEMO_URL = 'chrome-extension://id/demo-model.json';
const MODEL_URL = 'https://models.example.com/triage.json';
const json = (body: string, headers: Record<string, string> = {}) => () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });

const ticket = (subject: string, extra: Record<string, unknown> = {}) =>
  ticketSchema.parse({ id: '4711', helpdesk: 'zendesk', subject, description: subject, createdAt: '2026-03-09T09:00:00Z', ...extra });
const NOW = new Date('2026-03-09T10:00:00Z');

describe('where the worker gets its triage model', () => {
  it('uses the built-in demo model when nothing else is configured, and says so', async () => {
    const source = createModelSource({ store: freshStore(), settings: settingsWith(), demoUrl: DEMO_URL, fetch: fakeFetch({ [DEMO_URL]: json(demoJson) }) });
    const status = await source.status();
    expect(status).toMatchObject({ origin: 'demo', version: '2026-01-01T00:00:00.000Z', labels: 15 });
  });

  it('prefers an imported model and keeps it when a later import is not a model', async () => {
    const store = freshStore();
    const source = createModelSource({ store, settings: settingsWith(), demoUrl: DEMO_URL, fetch: fakeFetch({ [DEMO_URL]: json(demoJson) }) });
    const imported = { ...JSON.parse(demoJson), trainedAt: '2026-03-01T08:00:00.000Z' };
    expect(await source.importModel(imported)).toMatchObject({ origin: 'imported', version: '2026-03-01T08:00:00.000Z' });
    await expect(source.importModel({ kind: 'tierline-triage-model', version: 1, labels: ['only-one'] })).rejects.toThrow(/not a triage model/);
    const status = await source.status();
    expect(status).toMatchObject({ origin: 'imported', version: '2026-03-01T08:00:00.000Z' });
    expect(status.error).toMatch(/Imported triage model not used/);
  });

  it('fetches the managed model URL, caches it with its version, and a restarted worker offline still uses it', async () => {
    const store = freshStore();
    const served = { ...JSON.parse(demoJson), trainedAt: '2026-03-05T12:00:00.000Z' };
    const online = fakeFetch({ [MODEL_URL]: json(JSON.stringify(served), { ETag: '"m1"' }), [DEMO_URL]: json(demoJson) });
    const first = createModelSource({ store, settings: settingsWith({ triageModelUrl: MODEL_URL }), demoUrl: DEMO_URL, fetch: online });
    expect(await first.status()).toMatchObject({ origin: 'url', version: '2026-03-05T12:00:00.000Z', url: MODEL_URL });
    expect(await store.getMeta<{ etag: string }>(URL_MODEL)).toMatchObject({ url: MODEL_URL, etag: '"m1"' });

    const offline = fakeFetch({ [DEMO_URL]: json(demoJson) });
    const restarted = createModelSource({ store, settings: settingsWith({ triageModelUrl: MODEL_URL }), demoUrl: DEMO_URL, fetch: offline });
    const status = await restarted.status();
    expect(status).toMatchObject({ origin: 'url', version: '2026-03-05T12:00:00.000Z' });
    expect(status.error).toMatch(/Failed to fetch/);
  });

  it('keeps the cached model when the URL starts serving an invalid file, and shows the error', async () => {
    const store = freshStore();
    let body = JSON.stringify({ ...JSON.parse(demoJson), trainedAt: '2026-03-05T12:00:00.000Z' });
    let t = NOW.getTime();
    const source = createModelSource({
      store,
      settings: settingsWith({ triageModelUrl: MODEL_URL }),
      fetch: fakeFetch({ [MODEL_URL]: () => json(body)() }),
      now: () => new Date(t),
      refreshMs: 60_000,
    });
    expect((await source.status()).version).toBe('2026-03-05T12:00:00.000Z');
    body = JSON.stringify({ kind: 'tierline-triage-model', version: 1, labels: ['a', 'b'], weights: 'nope' });
    t += 61_000;
    const status = await source.status();
    expect(status.version).toBe('2026-03-05T12:00:00.000Z');
    expect((await store.getMeta<{ message: string }>(MODEL_ERROR))?.message).toMatch(/not a triage model/);
  });
});

describe('the gated suggestion', () => {
  it('never auto-routes a cancellation, even when the model is sure of the label', async () => {
    const source = createModelSource({ store: freshStore(), settings: settingsWith(), demoUrl: DEMO_URL, fetch: fakeFetch({ [DEMO_URL]: json(demoJson) }) });
    const active = await source.current();
    if (!active) throw new Error('no demo model');
    const s = suggestFor(active, defaultPolicy, ticket('I was charged twice on my invoice, please refund me and cancel my subscription'), { now: NOW });
    expect(s.source).toBe('model');
    expect(s.confidence).toBeGreaterThanOrEqual(0.9);
    expect(s.gate).not.toBe('auto-route');
    expect(s.sensitive.map((x) => x.id)).toEqual(['cancellation']);
    expect(s.reason).toMatch(/Sensitive case/);
  });

  it('maps the label to its issue type and route, and gates billing with its stricter threshold', async () => {
    const source = createModelSource({ store: freshStore(), settings: settingsWith(), demoUrl: DEMO_URL, fetch: fakeFetch({ [DEMO_URL]: json(demoJson) }) });
    const active = await source.current();
    if (!active) throw new Error('no demo model');
    const s = suggestFor(active, defaultPolicy, ticket('I was charged twice on my invoice, please refund the duplicate payment'), { now: NOW });
    expect(s.label).toBe('billing');
    expect(s.route).toMatchObject({ issueType: 'billing' });
    expect(s.route.target).toMatch(/·/);
    expect(s.gate).toBe(s.confidence >= 0.95 ? 'auto-route' : s.confidence >= 0.8 ? 'confirm' : 'human');
    expect(s.alternatives.length).toBeGreaterThan(0);
  });
});

describe('the model in the routing decision', () => {
  it('gives the router the issue type when the ticket names none, and the reason says it came from the triage model', async () => {
    const settings = settingsWith();
    const models = createModelSource({ store: freshStore(), settings, demoUrl: DEMO_URL, fetch: fakeFetch({ [DEMO_URL]: json(demoJson) }) });
    const t = ticket('I was charged twice on my invoice, please refund the duplicate payment');
    const model = await modelSuggestionFor(models, settings, t);
    expect(model).toMatchObject({ label: 'billing', confidence: expect.any(Number) });
    expect(model?.confidence).toBeGreaterThanOrEqual(0.95);
    const decision = createRouter(defaultPolicy)(t, { now: NOW, ...(model ? { model } : {}) });
    expect(decision.issueType).toBe('billing');
    expect(decision.reasons.find((r) => r.about === 'issue-type')?.text).toContain('triage model');
  });

  it('leaves the issue type to the rules for a sensitive ticket, however sure the model is', async () => {
    const settings = settingsWith();
    const models = createModelSource({ store: freshStore(), settings, demoUrl: DEMO_URL, fetch: fakeFetch({ [DEMO_URL]: json(demoJson) }) });
    const t = ticket('I was charged twice on my invoice, please refund the duplicate payment and cancel my subscription');
    const model = await modelSuggestionFor(models, settings, t);
    expect(model?.confidence).toBeGreaterThanOrEqual(0.95);
    const decision = createRouter(defaultPolicy)(t, { now: NOW, ...(model ? { model } : {}) });
    expect(decision.reasons.find((r) => r.about === 'issue-type')?.text ?? '').not.toContain('triage model');
  });

  it('gives no suggestion while AI is switched off', async () => {
    const settings = settingsWith({ 'ai.enabled': false });
    const models = createModelSource({ store: freshStore(), settings, demoUrl: DEMO_URL, fetch: fakeFetch({ [DEMO_URL]: json(demoJson) }) });
    expect(await modelSuggestionFor(models, settings, ticket('Refund please'))).toBeUndefined();
  });
});

describe('corrections for tierline train', () => {
  it('exports what agents corrected as JSONL text and label lines', async () => {
    const store = freshStore();
    await saveCorrection(store, { text: 'I cannot log in since the reset', label: 'access', modelLabel: 'billing', at: '2026-03-09T10:00:00.000Z' });
    await saveCorrection(store, { text: 'Export "quotes" fail', label: 'bug', modelLabel: 'faq', at: '2026-03-09T10:05:00.000Z' });
    const { count, jsonl } = await exportCorrections(store);
    expect(count).toBe(2);
    expect(jsonl.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { text: 'I cannot log in since the reset', label: 'access' },
      { text: 'Export "quotes" fail', label: 'bug' },
    ]);
  });
});
