import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectAdapter } from '../../adapters/index';
import { defaultPolicy } from '../../core/policy/default-policy';
import { decide } from '../../core/route/decide';
import { FEATURES } from '../../extension/features/index';
import { startOverlay } from '../../extension/overlay/start-overlay';
import { createWorkerClient } from '../../extension/overlay/worker-messaging';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*', 'https://*.freshdesk.com/a/*', 'https://*.atlassian.net/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    const adapter = detectAdapter(new URL(location.href));
    if (!adapter) return;
    startOverlay({ ctx, adapter, worker: createWorkerClient(), features: FEATURES, defaultPolicy, decideLocally: decide });
  },
});
