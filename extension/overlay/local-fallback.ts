/**
 * What the tab needs only when the worker does not answer: the vendor schemas
 * and the normalizer (adapters/read-page.ts) the worker would run on the page
 * read, core's router, the view builder and the built-in policy. Bundled on its own (wxt.config.ts,
 * `chunks/local-fallback.js`) and imported by the content script on first need,
 * so the script every helpdesk page loads stays small and carries no zod (issue 13).
 */
import * as z from 'zod/mini';
import { type PageTicket, ticketFromPage } from '../../adapters/read-page';
import type { PageRead } from '../../adapters/types';
import { defaultPolicy } from '../../core/policy/default-policy';
import type { Policy } from '../../core/policy/schema';
import { decide } from '../../core/route/decide';
import { buildTicketView, type ViewInput } from '../../core/view/build-ticket-view';
import type { TicketView } from '../../core/view/ticket-view';
import { readImpactedUsers } from '../../core/view/impact';
import type { LocalDecide } from './decide-ticket';

export interface LocalFallback {
  defaultPolicy: Policy;
  decide: LocalDecide;
  /** The worker's view builder (the checklist's prefill, the head-count the text states), run in the tab. */
  buildView: (input: ViewInput) => TicketView;
  /** The worker's reading of a page, run in the tab. */
  readPage: (page: PageRead, policy: Policy) => PageTicket;
  /** A draft the tab kept in extension storage while the worker was away, or undefined when it is not one. */
  parseStoredDraft: (stored: unknown) => Record<string, string> | undefined;
}

const storedDraftSchema = z.record(z.string(), z.string());

export const fallback: LocalFallback = {
  defaultPolicy,
  decide,
  buildView: (input) => buildTicketView({ ...input, impactedUsers: input.impactedUsers ?? readImpactedUsers(input.ticket) }),
  readPage: ticketFromPage,
  parseStoredDraft: (stored) => {
    const parsed = storedDraftSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  },
};
