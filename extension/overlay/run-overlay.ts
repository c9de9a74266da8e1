import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HelpdeskTab } from '../../adapters/types';
import { FEATURES } from '../features/index';
import { type ChunkId, LAZY_CHUNKS, type LazyCode } from './chunks';
import { startOverlay } from './start-overlay';
import { createWorkerClient } from './worker-messaging';

/**
 * A lazily imported chunk, fetched once per page; one that failed to load is tried again on the next call.
 * WXT's typed paths do not know the chunks wxt.config.ts builds.
 */
function chunkLoader<T>(id: ChunkId): () => Promise<T> {
  let loading: Promise<T> | undefined;
  const url = (browser.runtime.getURL as (path: string) => string)(`/${LAZY_CHUNKS[id].file}`);
  return () =>
    (loading ??= (import(/* @vite-ignore */ url) as Promise<T>).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * What every helpdesk's content script runs (entrypoints/<helpdesk>.content):
 * the overlay for the one adapter that script carries. A helpdesk's script is
 * registered on its own domains and on the custom domains an admin maps to it
 * (extension/hosts/register.ts), so it never has to work out which helpdesk it is on.
 */
export function runOverlay(ctx: ContentScriptContext, adapter: HelpdeskTab): void {
  const lazy: LazyCode = { fallback: chunkLoader('fallback'), summary: chunkLoader('summary'), escalation: chunkLoader('escalation'), drawer: chunkLoader('drawer') };
  const worker = createWorkerClient({ parseStoredDraft: async (stored) => (await lazy.fallback()).fallback.parseStoredDraft(stored) });
  startOverlay({ ctx, adapter, worker, features: FEATURES, lazy });
}
