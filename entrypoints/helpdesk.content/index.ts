import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { defaultPolicy } from '../../core/policy/default-policy';
import { decide } from '../../core/route/decide';
import { FEATURES } from '../../extension/features/index';
import { resolveAdapter } from '../../extension/hosts/resolve-adapter';
import { sendToWorker } from '../../extension/messaging/protocol';
import { startOverlay } from '../../extension/overlay/start-overlay';
import { createWorkerClient } from '../../extension/overlay/worker-messaging';

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
    startOverlay({ ctx, adapter, worker: createWorkerClient({ getSettings }), features: FEATURES, defaultPolicy, decideLocally: decide });
  },
});
