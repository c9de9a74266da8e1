import '../../components/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { jiraTab } from '../../adapters/jira/tab';
import { runOverlay } from '../../extension/overlay/run-overlay';

/** Jira pages carry the Jira adapter alone (issue 13); the worker also registers this script on custom domains an admin maps to Jira. */
export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => runOverlay(ctx, jiraTab),
});
