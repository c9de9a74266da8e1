import type { HelpdeskId } from '../core/ticket';
import type { HelpdeskAdapter } from './types';
import { freshdesk } from './freshdesk/adapter';
import { jira } from './jira/adapter';
import { zendesk } from './zendesk/adapter';

/** Every helpdesk Tierline reads, in the order hosts are tried. */
export const ADAPTERS: readonly HelpdeskAdapter[] = [zendesk, freshdesk, jira];

/** A custom domain an admin maps onto a helpdesk (e.g. `support.acme.com` → zendesk). */
export interface ExtraHost {
  host: string;
  helpdesk: HelpdeskId;
}

/** The host part of a match pattern as a regular expression: `https://*.zendesk.com/*` → any subdomain of zendesk.com. */
function hostPattern(pattern: string): RegExp {
  const host = /^[a-z*]+:\/\/([^/]+)/i.exec(pattern)?.[1] ?? pattern;
  const escaped = host.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/^\*\\\./, '(?:[^.]+\\.)+').replace(/\*/g, '[^.]+')}$`, 'i');
}

/** Whether an adapter's match patterns cover a URL's host. */
export function matchesHost(adapter: HelpdeskAdapter, url: URL): boolean {
  return url.protocol === 'https:' && adapter.hosts.some((p) => hostPattern(p).test(url.hostname));
}

/**
 * The adapter for a URL: by the vendor's hosted domains, or by an admin's
 * custom domain. Says nothing about the page kind (`adapter.getPageKind`).
 * @example detectAdapter(new URL('https://acme.zendesk.com/agent/tickets/1'))?.id === 'zendesk'
 * @example detectAdapter(new URL('https://help.acme.com/a/tickets/1'), { extraHosts: [{ host: 'help.acme.com', helpdesk: 'freshdesk' }] })?.id === 'freshdesk'
 */
export function detectAdapter(url: URL, { extraHosts = [] }: { extraHosts?: readonly ExtraHost[] } = {}): HelpdeskAdapter | null {
  const custom = extraHosts.find((h) => h.host.trim().toLowerCase() === url.hostname.toLowerCase());
  if (custom) return ADAPTERS.find((a) => a.id === custom.helpdesk) ?? null;
  return ADAPTERS.find((a) => matchesHost(a, url)) ?? null;
}
