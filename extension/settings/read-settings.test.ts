import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/open-db';
import { createStore } from '../store/store';
import { createSettingsReader, MANAGED_COPY, type StorageAreas } from './read-settings';

let n = 0;
const freshStore = () => createStore(openDb({ name: `tierline-settings-${++n}` }));

/** Storage whose managed area answers when the test says so, as Chromium's first managed read after a start does (seconds later). */
function lateManaged() {
  let answer: (managed: Record<string, unknown>) => void = () => undefined;
  const managed = new Promise<Record<string, unknown>>((resolve) => {
    answer = resolve;
  });
  const storage: StorageAreas = { managed: { get: () => managed }, local: { get: async () => ({}), set: async () => undefined } };
  return { storage, answer };
}

describe('createSettingsReader', () => {
  it('goes on with the copy of the last managed settings while the browser has not answered, and settles on its answer', async () => {
    const store = freshStore();
    await store.setMeta(MANAGED_COPY, { disabledFeatures: ['override'] });
    const { storage, answer } = lateManaged();
    const settings = createSettingsReader({ storage, store });
    const early = await settings.get();
    expect(early.provisional).toBe(true);
    expect(early.values.disabledFeatures).toEqual(['override']);
    const settling = settings.settled();
    answer({ disabledFeatures: ['tier-badge'] });
    const settled = await settling;
    expect(settled.provisional).toBeUndefined();
    expect(settled.values.disabledFeatures).toEqual(['tier-badge']);
    expect((await settings.get()).values.disabledFeatures).toEqual(['tier-badge']);
    // The browser's answer is the copy the next worker starts from.
    expect(await store.getMeta(MANAGED_COPY)).toEqual({ disabledFeatures: ['tier-badge'] });
  });

  it('reads nothing managed, provisionally, on a browser that has never answered', async () => {
    const { storage } = lateManaged();
    const resolved = await createSettingsReader({ storage, store: freshStore() }).get();
    expect(resolved).toMatchObject({ provisional: true, policy: { source: 'default' } });
    expect(resolved.values.disabledFeatures).toEqual([]);
  });

  it('lets the copy stand when the browser leaves the managed read unanswered, and takes the answer when it comes', async () => {
    const store = freshStore();
    await store.setMeta(MANAGED_COPY, { disabledFeatures: ['override'] });
    const { storage, answer } = lateManaged();
    // No patience at all: whether the first read finds the copy provisional depends on which of the store and the
    // timer answers first (the first test covers a provisional read); what settles is the copy, as managed.
    const settings = createSettingsReader({ storage, store, managedPatienceMs: 0 });
    const settled = await settings.settled();
    expect(settled.provisional).toBeUndefined();
    expect(settled.values.disabledFeatures).toEqual(['override']);
    answer({});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await settings.get()).values.disabledFeatures).toEqual([]);
  });

  it('takes the managed settings themselves when the browser answers first', async () => {
    const storage: StorageAreas = { managed: { get: async () => ({ disabledFeatures: ['ai-suggestion'] }) }, local: { get: async () => ({}), set: async () => undefined } };
    const store = freshStore();
    await store.setMeta(MANAGED_COPY, { disabledFeatures: ['override'] });
    const resolved = await createSettingsReader({ storage, store }).get();
    expect(resolved.provisional).toBeUndefined();
    expect(resolved.values.disabledFeatures).toEqual(['ai-suggestion']);
  });

  it('does not write the copy again when the browser answers what it already holds', async () => {
    const store = freshStore();
    await store.setMeta(MANAGED_COPY, { disabledFeatures: ['override'], ai: { enabled: false } });
    const writes: string[] = [];
    const counting = {
      ...store,
      setMeta(name: string, value: unknown) {
        writes.push(name);
        return store.setMeta(name, value);
      },
    };
    // The same settings, keys in another order (the browser does not promise one).
    const storage: StorageAreas = { managed: { get: async () => ({ ai: { enabled: false }, disabledFeatures: ['override'] }) }, local: { get: async () => ({}), set: async () => undefined } };
    await createSettingsReader({ storage, store: counting }).settled();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writes).toEqual([]);
  });

  it('writes the copy when the browser answers something else', async () => {
    const store = freshStore();
    await store.setMeta(MANAGED_COPY, { disabledFeatures: ['override'] });
    const storage: StorageAreas = { managed: { get: async () => ({ disabledFeatures: [] }) }, local: { get: async () => ({}), set: async () => undefined } };
    await createSettingsReader({ storage, store }).settled();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await store.getMeta(MANAGED_COPY)).toEqual({ disabledFeatures: [] });
  });
});
