import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { FEATURES } from '../../extension/features/index';
import { resolveAdapter } from '../../extension/hosts/resolve-adapter';
import { sendToWorker } from '../../extension/messaging/protocol';
import type { LocalFallback } from '../../extension/overlay/local-fallback';
import { startOverlay } from '../../extension/overlay/start-overlay';
import { createWorkerClient } from '../../extension/overlay/worker-messaging';
import { LOCAL_FALLBACK_CHUNK } from '../../extension/overlay/local-fallback-path';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*', 'https://*.freshdesk.com/a/*', 'https://*.atlassian.net/*'],
  cssInjectionMode: 'ui',
  // The worker also registers this script on admin-listed custom domains (extension/hosts/register.ts).
  async main(ctx) {
    // On a custom domain the adapter needs the settings too: ask the worker once for both.
    let settings: ReturnType<typeof sendToWorker<'getSettings'>> | undefined;
    const getSettings = () => (settings ??= sendToWorker('getSettings'));
    const adapter = await resolveAdapter(new URL(location.href), { getSettings });
    if (!adapter) return;
    // Built beside the content script by wxt.config.ts and listed in web_accessible_resources; WXT's typed paths do not know it.
    const fallbackUrl = (browser.runtime.getURL as (path: string) => string)(`/${LOCAL_FALLBACK_CHUNK}`);
    const loadFallback = async (): Promise<LocalFallback> => ((await import(/* @vite-ignore */ fallbackUrl)) as { fallback: LocalFallback }).fallback;
    startOverlay({ ctx, adapter, worker: createWorkerClient({ getSettings }), features: FEATURES, loadFallback });
  },
});
