import { Window } from 'happy-dom';

/**
 * Parses a saved helpdesk page the way the CLI and the tests need it: a real
 * DOM (happy-dom) with scripts, stylesheets and frames disabled, so a hostile
 * fixture is read, never run. Node-only: the extension reads the live page.
 */
export function parseHtmlPage(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
