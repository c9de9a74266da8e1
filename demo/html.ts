/** Escapes text for HTML: the demo pages play helpdesks that escape what customers write. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A full demo page; `body` is already-escaped markup. */
export function page({ title, body, style, script = '', head = '' }: { title: string; body: string; style: string; script?: string; head?: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${style}</style>${head}</head>
<body>${body}
<script>${script}</script>
</body></html>`;
}

/**
 * Client-side navigation like the real helpdesks: links marked `data-spa`
 * fetch the next page, swap `#app` and push the URL, with no reload. DOMParser
 * never runs scripts, and the server already escaped the ticket text.
 */
export const SPA_SCRIPT = `
document.addEventListener('click', async (event) => {
  const link = event.target.closest && event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  const html = await (await fetch(link.href)).text();
  const next = new DOMParser().parseFromString(html, 'text/html');
  const app = next.getElementById('app');
  if (!app) return;
  history.pushState({}, '', link.href);
  document.title = next.title;
  document.getElementById('app').replaceWith(document.adoptNode(app));
});
window.addEventListener('popstate', () => location.reload());
`;
