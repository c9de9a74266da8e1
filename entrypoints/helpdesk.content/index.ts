import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*', 'https://*.freshdesk.com/a/*', 'https://*.atlassian.net/*'],
  main() {},
});
