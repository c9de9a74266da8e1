// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageRead } from '../../adapters/types';
import { defaultPolicy } from '../../core/policy/default-policy';
import { decide } from '../../core/route/decide';
import { type Ticket, ticketSchema } from '../../core/ticket';
import { buildTicketView } from '../../core/view/build-ticket-view';
import type { FeatureContext } from '../features/context';
import { defineFeature, type Feature, type FeatureId } from '../features/registry';
import { fakeFeatureContext } from '../features/testing/fake-feature-context';
import type { ViewOutcome } from './decide-ticket';
import { MEASURE_DATA_TO_PAINT, runTicketSession, type TicketSession } from './ticket-session';

const NOW = new Date('2026-03-02T14:00:00Z');
const ticket = (over: Partial<Ticket> = {}): Ticket =>
  ticketSchema.parse({ id: '1002', helpdesk: 'zendesk', subject: 'Refund please', currentTier: 'T1', comments: [{ author: 'customer', public: true, body: 'We were charged twice, please refund.' }], ...over });

function answer(t: Ticket, extra: Partial<ViewOutcome & { ok: true }> = {}): ViewOutcome & { ok: true } {
  const view = buildTicketView({ policy: defaultPolicy, policySource: 'default', ticket: t, decision: decide(defaultPolicy, t, { now: NOW }) });
  return { ok: true, view, ticket: t, unreadable: [], decidedBy: 'worker', ...extra };
}

const apiRead = (note: string): PageRead => ({ helpdesk: 'zendesk', ref: '1002', origin: 'https://acme.zendesk.com', via: 'api', responses: { ticket: { note } } }) as unknown as PageRead;

/** A feature that counts its starts and keeps each run's signal and view. */
function recorder(id: FeatureId, firstFrame = false) {
  const runs: Array<{ signal: AbortSignal; ctx: FeatureContext }> = [];
  const feature: Feature = defineFeature({
    id,
    include: [],
    firstFrame,
    init(signal, ctx) {
      runs.push({ signal, ctx });
      return true;
    },
  });
  return { feature, runs };
}

const paint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 0), 0)));
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

function session(over: Partial<TicketSession> & { viewOf: TicketSession['viewOf'] }) {
  const { ctx } = fakeFeatureContext(ticket(), { agent: 'ana', now: NOW });
  const slots = new Map<string, HTMLElement>();
  const slot = (id: string) => slots.get(id) ?? (slots.set(id, document.createElement('div')).get(id) as HTMLElement);
  const controller = new AbortController();
  const badge = recorder('tier-badge', true);
  const warnings = recorder('trigger-warnings');
  let settled = 0;
  const s: TicketSession = {
    signal: controller.signal,
    mounts: { badge: () => slot('badge'), panel: (id) => slot(id), whenOpen: async () => undefined, slot, badgeInDrawer: () => false },
    features: [badge.feature, warnings.feature],
    base: { wxt: ctx.wxt, adapter: ctx.adapter, url: ctx.url, document, fetch: ctx.fetch, now: () => NOW, lazy: ctx.lazy, worker: ctx.worker, policy: defaultPolicy, agent: 'ana', disabledFeatures: [] },
    first: answer(ticket()),
    page: apiRead('first'),
    complete: Promise.resolve(apiRead('first')),
    signedInAgent: async () => 'Ana Silva',
    pending: { settle: () => void settled++ },
    ...over,
  };
  return { s, controller, badge, warnings, slot, settledCount: () => settled };
}

describe('one ticket on screen (runTicketSession)', () => {
  it('draws the badge with the first answer, and the drawer sections only after that frame is painted', async () => {
    const { s, badge, warnings, settledCount } = session({ viewOf: async () => answer(ticket()) });
    await runTicketSession(s);
    expect(badge.runs).toHaveLength(1);
    expect(settledCount()).toBe(1);
    expect(warnings.runs).toHaveLength(0);
    await paint();
    expect(warnings.runs).toHaveLength(1);
    expect(warnings.runs[0]?.ctx.view).toBe(badge.runs[0]?.ctx.view);
    expect(performance.getEntriesByName(MEASURE_DATA_TO_PAINT, 'measure').length).toBeGreaterThan(0);
  });

  it('costs no render when the secondary resources change nothing the features draw', async () => {
    const asked: string[] = [];
    const { s, badge, warnings } = session({
      complete: Promise.resolve(apiRead('with audits')),
      viewOf: async (page, _override, settled) => {
        asked.push(`${(page as unknown as { responses: { ticket: { note: string } } }).responses.ticket.note}${settled ? ' (settled)' : ''}`);
        return answer(ticket());
      },
    });
    await runTicketSession(s);
    await paint();
    await settle();
    expect(asked).toEqual(['with audits (settled)']);
    expect(badge.runs).toHaveLength(1);
    expect(warnings.runs).toHaveLength(1);
    expect(badge.runs[0]?.signal.aborted).toBe(false);
  });

  it('restarts every feature under a fresh signal when the fill-in changes the view, and the new view reads the new ticket', async () => {
    const moved = ticket({ currentTier: 'T2', tags: ['tier_2'] });
    const { s, badge, warnings } = session({ complete: Promise.resolve(apiRead('with audits')), viewOf: async () => answer(moved) });
    await runTicketSession(s);
    await paint();
    await settle();
    expect(badge.runs).toHaveLength(2);
    expect(warnings.runs).toHaveLength(2);
    expect(badge.runs[0]?.signal.aborted).toBe(true);
    expect(badge.runs[1]?.signal.aborted).toBe(false);
    expect(badge.runs[1]?.ctx.view.decision.tier).toBe(answer(moved).view.decision.tier);
    expect(badge.runs[0]?.ctx.ticket.currentTier).toBe('T2');
  });

  it("keeps the worker's view when a settled ask is answered only by this tab", async () => {
    const { s, badge } = session({ complete: Promise.resolve(apiRead('with audits')), viewOf: async () => answer(ticket({ currentTier: 'T3' }), { decidedBy: 'local' }) });
    await runTicketSession(s);
    await paint();
    await settle();
    expect(badge.runs).toHaveLength(1);
    expect(badge.runs[0]?.ctx.decidedBy).toBe('worker');
  });

  it('names what could not be read only once the secondary resources are in', async () => {
    let complete!: (page: PageRead) => void;
    const { s, slot } = session({
      first: answer(ticket(), { unreadable: ['requester.customerTier'] }),
      complete: new Promise<PageRead>((resolve) => {
        complete = resolve;
      }),
      viewOf: async () => answer(ticket(), { unreadable: ['requester.customerTier'] }),
    });
    await runTicketSession(s);
    await paint();
    expect(slot('notice').textContent).toBe('');
    complete(apiRead('first'));
    await settle();
    expect(slot('notice').textContent).toMatch(/customer tier/i);
  });

  it('draws nothing more once the agent moved on: a late answer is dropped and the notice cleared', async () => {
    let late!: (outcome: ViewOutcome) => void;
    const { s, controller, badge, warnings, slot } = session({
      first: answer(ticket(), { pending: true }),
      viewOf: () =>
        new Promise<ViewOutcome>((resolve) => {
          late = resolve;
        }),
    });
    await runTicketSession(s);
    await paint();
    controller.abort();
    late(answer(ticket({ currentTier: 'T4' })));
    await settle();
    expect(badge.runs).toHaveLength(1);
    expect(warnings.runs).toHaveLength(1);
    expect(badge.runs[0]?.signal.aborted).toBe(true);
    expect(slot('notice').textContent).toBe('');
  });

  it('records an override with the worker and redraws from its new view', async () => {
    const overridden: unknown[] = [];
    const { s, badge } = session({ viewOf: async (_page, localOverride) => answer(ticket(), localOverride ? { view: { ...answer(ticket()).view, owner: { ...answer(ticket()).view.owner, role: localOverride.to.role } } } : {}) });
    s.base.worker = { ...s.base.worker, recordOverride: async (_key, override) => void overridden.push(override) };
    await runTicketSession(s);
    await paint();
    await settle();
    await badge.runs[0]?.ctx.setOwner({ tier: 'T1', role: 'billing-specialist', reason: 'a disputed charge' });
    expect(overridden).toEqual([{ from: { tier: badge.runs[0]?.ctx.view.owner.tier, role: badge.runs[0]?.ctx.view.owner.role }, to: { tier: 'T1', role: 'billing-specialist' }, reason: 'a disputed charge', source: 'rules' }]);
    expect(badge.runs.at(-1)?.ctx.view.owner.role).toBe('billing-specialist');
  });
});
