/**
 * Turning helpdesk content into plain text. Ticket content is hostile: we
 * only ever read text out of it (textContent, the vendors' plain-text
 * variants, the text nodes of Atlassian Document Format) and never keep markup.
 */

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);
// Present only if a page was already compromised; their text is code, not ticket content.
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Collapses runs of spaces and blank lines, keeping single line breaks between blocks. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The text an agent sees in an element: like `textContent`, but with line
 * breaks where blocks and `<br>` separate paragraphs.
 * @example readText(<div><p>a</p><p>b</p></div>) === 'a\nb'
 */
export function readText(el: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n');
  };
  walk(el);
  return tidyText(parts.join(''));
}

/** The value of a form control, or the text of any other element. */
export function readValue(el: Element): string {
  const value = (el as HTMLInputElement).value;
  if (typeof value === 'string' && /^(INPUT|TEXTAREA|SELECT)$/i.test(el.tagName)) return tidyText(value);
  return readText(el);
}

/** A minimal node of Atlassian Document Format (the body of Jira descriptions and comments). */
export interface AdfNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
}

const ADF_BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'codeBlock', 'listItem', 'rule', 'panel', 'tableRow', 'mediaSingle', 'expand']);

/**
 * Plain text of an ADF document: text nodes, mentions and emoji by their
 * text, links by their text, one line per block.
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
export function adfToText(doc: AdfNode | null | undefined): string {
  if (!doc) return '';
  const parts: string[] = [];
  const walk = (node: AdfNode): void => {
    if (node.type === 'text' && typeof node.text === 'string') {
      parts.push(node.text);
      return;
    }
    if (node.type === 'hardBreak') {
      parts.push('\n');
      return;
    }
    if (node.type === 'mention' || node.type === 'emoji' || node.type === 'status' || node.type === 'date') {
      const text = node.attrs?.text ?? node.attrs?.shortName;
      if (typeof text === 'string') parts.push(text);
      return;
    }
    if (node.type === 'inlineCard' && typeof node.attrs?.url === 'string') {
      parts.push(node.attrs.url);
      return;
    }
    const block = node.type !== undefined && ADF_BLOCKS.has(node.type);
    if (block) parts.push('\n');
    for (const child of node.content ?? []) walk(child);
    if (block) parts.push('\n');
  };
  walk(doc);
  return tidyText(parts.join(''));
}

/** One ADF paragraph per line of text: how a plain-text note is posted to Jira. */
export function textToAdf(text: string): AdfNode & { version: 1 } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return {
    type: 'doc',
    version: 1,
    content: lines.map((line) => (line === '' ? { type: 'paragraph', content: [] } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

/** Escapes text for helpdesks whose note body is HTML (Freshdesk), keeping line breaks. */
export function textToEscapedHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return escaped
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `<div>${line === '' ? '<br>' : line}</div>`)
    .join('');
}

/**
 * An ISO 8601 date-time in UTC, or `undefined` when the input is not one.
 * Accepts the vendors' variants: Jira's `+0100` offsets, epoch milliseconds.
 * @example toIsoDateTime('2026-03-02T09:15:00.000+0100') === '2026-03-02T08:15:00.000Z'
 */
export function toIsoDateTime(value: unknown): string | undefined {
  let date: Date;
  if (typeof value === 'number') date = new Date(value);
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  else return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A helpdesk's label mapped through a table, case- and space-insensitively; `undefined` for labels the table lacks. */
export function pickLabel<T extends Record<string, string>>(table: T, label: string | null | undefined): T[keyof T] | undefined {
  const key = label?.trim().toLowerCase();
  return key && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}
