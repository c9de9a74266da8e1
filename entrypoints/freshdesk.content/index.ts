import '../../components/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { freshdeskTab } from '../../adapters/freshdesk/tab';
import { runOverlay } from '../../extension/overlay/run-overlay';

/** Freshdesk pages carry the Freshdesk adapter alone (issue 13); the worker also registers this script on custom domains an admin maps to Freshdesk. */
export default defineContentScript({
  matches: ['https://*.freshdesk.com/a/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => runOverlay(ctx, freshdeskTab),
});
