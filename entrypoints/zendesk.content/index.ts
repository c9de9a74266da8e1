import '../../components/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { zendeskTab } from '../../adapters/zendesk/tab';
import { runOverlay } from '../../extension/overlay/run-overlay';

/** Zendesk pages carry the Zendesk adapter alone (issue 13); the worker also registers this script on custom domains an admin maps to Zendesk. */
export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => runOverlay(ctx, zendeskTab),
});
