import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ticketFromPage } from '../../../adapters/read-page';
import type { FetchLike } from '../../../adapters/types';
import { zendesk } from '../../../adapters/zendesk/adapter';
import type { EventDraft } from '../../messaging/protocol';
import { defaultPolicy } from '../../../core/policy/default-policy';
import { decide } from '../../../core/route/decide';
import type { Ticket } from '../../../core/ticket';
import { buildTicketView } from '../../../core/view/build-ticket-view';
import * as summary from '../../ai/summarize-ticket';
import * as escalation from '../../overlay/escalate';
import * as drawer from '../drawer-chunk/index';
import type { WorkerClient } from '../../overlay/worker-client';
import type { FeatureContext } from '../context';

/**
 * A feature's context on a Zendesk ticket page under the default policy, for
 * feature tests: the worker answers in memory and keeps the events and drafts
 * the feature sent, and the feature draws into one detached panel.
 */
export function fakeFeatureContext(
  ticket: Ticket,
  { agent, now, draft, fetch = async () => new Response('{}') }: { agent: string; now: Date; draft?: Record<string, string>; fetch?: FetchLike },
) {
  const events: EventDraft[] = [];
  const saved: Record<string, string>[] = [];
  const view = buildTicketView({ policy: defaultPolicy, policySource: 'default', ticket, decision: decide(defaultPolicy, ticket, { now }) });
  const worker: WorkerClient = {
    getSettings: async () => ({ disabledFeatures: [], agent }),
    view: async () => ({ ok: true, view, ticket, unreadable: ticket.unreadable, draft: draft ?? null }),
    getDraft: async () => draft,
    saveDraft: async (_key, values) => void saved.push(values),
    recordEvent: async (event) => void events.push(event),
    recordOverride: async () => undefined,
    clearOverride: async () => undefined,
    // What the worker reads for the tab (issue 13): the tab's raw reads, with the adapters' own schemas.
    readTicket: async (page) => ticketFromPage(page, defaultPolicy),
    readCurrentUser: async (_helpdesk, body) => zendesk.currentUserFromResponse(body),
    readGroups: async (_helpdesk, body) => zendesk.groupsFromResponse(body),
  };
  const panel = document.createElement('div');
  document.body.replaceChildren(panel);
  const controller = new AbortController();
  const ctx: FeatureContext = {
    wxt: { signal: controller.signal } as ContentScriptContext,
    adapter: zendesk,
    url: new URL(`https://acme.zendesk.com/agent/tickets/${ticket.id}`),
    document,
    fetch,
    worker,
    ui: { badge: () => null, panel: () => panel, whenOpen: async () => undefined },
    policy: defaultPolicy,
    ticket,
    view,
    decidedBy: 'worker',
    ...(draft ? { draft } : {}),
    agent,
    agentName: async () => agent,
    setOwner: async () => undefined,
    undoOverride: async () => undefined,
    now: () => now,
    // The modules themselves: in the tab they are lazily imported chunks.
    lazy: { summary: async () => summary, escalation: async () => escalation, drawer: async () => drawer },
  };
  return { ctx, controller, panel, events, saved };
}
