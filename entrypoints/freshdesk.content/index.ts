import '../../components/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { freshdeskTab } from '../../adapters/freshdesk/tab';
import { runOverlay } from '../../extension/overlay/run-overlay';

/** Freshdesk pages carry the Freshdesk adapter alone (issue 13); the worker also registers this script on custom domains an admin maps to Freshdesk. */
export default defineContentScript({
  matches: ['https://*.freshdesk.com/a/*'],
  // The overlay fetches its stylesheet itself, once for both shadow roots (extension/overlay/ui.tsx).
  cssInjectionMode: 'manual',
  // Before the page is parsed: the ticket's read and the worker's view start from the URL, and the dock is set before the first layout (issue 13).
  runAt: 'document_start',
  main: (ctx) => runOverlay(ctx, freshdeskTab),
});
