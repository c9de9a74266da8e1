import { parseArgs } from 'node:util';
import { ADAPTERS } from '../../adapters/index';
import { parseHtmlPage } from '../../adapters/node/parse-html';
import type { ApiResponses, HelpdeskAdapter, TicketRead } from '../../adapters/types';
import { defaultPolicy } from '../../core/policy/default-policy';
import type { CliCommand, CliIo } from '../io';
import { loadPolicy } from '../load-policy';

/**
 * `tierline read`: turns a saved helpdesk page or saved API responses into the
 * normalized ticket with the extension's own adapter code, so an admin can see
 * what Tierline reads from a page and what it cannot (printed to stderr).
 */

const API_FILES = ['comments', 'audits', 'fields', 'sla', 'group', 'company'] as const;

/** Where a saved page is said to live when `--url` is not given: no ticket path, so the id comes from the page. */
const DEFAULT_URLS: Record<HelpdeskAdapter['id'], string> = {
  zendesk: 'https://example.zendesk.com/agent/',
  freshdesk: 'https://example.freshdesk.com/a/',
  jira: 'https://example.atlassian.net/jira/',
};

const command: CliCommand = {
  summary: 'Read a saved helpdesk page or API response into the normalized ticket, listing what could not be read',
  usage:
    'tierline read --helpdesk zendesk|freshdesk|jira (--api ticket.json [--comments f.json] [--audits f.json] [--fields f.json] [--sla f.json] [--group f.json] [--company f.json] | --html page.html [--url URL]) [--policy p.json]',
  async run(argv, io) {
    let values: Record<string, string | undefined>;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: Object.fromEntries(['helpdesk', 'api', 'html', 'url', 'policy', ...API_FILES].map((o) => [o, { type: 'string' as const }])),
        strict: true,
      }));
    } catch (error) {
      return usageError(io, error instanceof Error ? error.message : String(error));
    }
    const adapter = ADAPTERS.find((a) => a.id === values.helpdesk);
    if (!adapter) return usageError(io, `--helpdesk must be one of ${ADAPTERS.map((a) => a.id).join(', ')}`);
    if (Boolean(values.api) === Boolean(values.html)) return usageError(io, 'give either --api or --html');
    let url: URL;
    try {
      url = new URL(values.url ?? DEFAULT_URLS[adapter.id]);
    } catch {
      return usageError(io, `--url ${values.url} is not a URL`);
    }
    const policy = values.policy ? await loadPolicy(values.policy, io) : defaultPolicy;
    if (!policy) return 1;

    let read: TicketRead;
    if (values.html) {
      const html = await readText(io, values.html);
      if (html === undefined) return 1;
      read = adapter.readTicketFromDom(parseHtmlPage(html, url.href), url, policy);
    } else {
      const responses: ApiResponses = { ticket: undefined };
      const files: [keyof ApiResponses, string | undefined][] = [['ticket', values.api], ...API_FILES.map((k): [keyof ApiResponses, string | undefined] => [k, values[k]])];
      for (const [role, path] of files) {
        if (!path) continue;
        const json = await readJson(io, path);
        if (json === undefined) return 1;
        responses[role] = json.value;
      }
      read = adapter.ticketFromApiResponses(responses, { ref: adapter.getTicketRef(url) ?? values.api ?? '', policy, origin: values.url ? url.origin : undefined });
    }
    io.stdout(`${JSON.stringify(read.ticket, null, 2)}\n`);
    io.stderr(read.unreadable.length ? `tierline read: could not read ${read.unreadable.join(', ')}\n` : 'tierline read: every field was read\n');
    return 0;
  },
};

async function readText(io: CliIo, path: string): Promise<string | undefined> {
  try {
    return await io.readFile(path);
  } catch (error) {
    io.stderr(`tierline read: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

async function readJson(io: CliIo, path: string): Promise<{ value: unknown } | undefined> {
  const text = await readText(io, path);
  if (text === undefined) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    io.stderr(`tierline read: ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`tierline read: ${message}\nUsage: ${command.usage}\n`);
  return 2;
}

export default command;
