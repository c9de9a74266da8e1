import '../../components/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { jiraTab } from '../../adapters/jira/tab';
import { runOverlay } from '../../extension/overlay/run-overlay';

/** Jira pages carry the Jira adapter alone (issue 13); the worker also registers this script on custom domains an admin maps to Jira. */
export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  // The overlay fetches its stylesheet itself, once for both shadow roots (extension/overlay/ui.tsx).
  cssInjectionMode: 'manual',
  // Before the page is parsed: the ticket's read and the worker's view start from the URL, and the dock is set before the first layout (issue 13).
  runAt: 'document_start',
  main: (ctx) => runOverlay(ctx, jiraTab),
});
