import { describe, expect, it } from 'vitest';
import { eventSchema, type TierlineEvent, type TierlineEventInput } from '../../core/events';
import { periodPair } from '../../core/metrics';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createDashboardBackend } from './dashboard-backend';

const NOW = new Date('2026-03-10T12:00:00Z');
/** Feb 9 – Mar 10, 2026, and Jan 10 – Feb 8 before it. */
const period = periodPair(NOW, 30);

let n = 0;
function ev(e: Omit<TierlineEventInput, 'id' | 'helpdesk' | 'agent'> & { agent?: string }): TierlineEvent {
  n += 1;
  return eventSchema.parse({ id: `evt-${String(n).padStart(8, '0')}`, helpdesk: 'zendesk', agent: 'ana', team: 'emea', ...e });
}

const deps = (syncEndpoint: string, events: TierlineEvent[] = []) => ({
  getSettings: async () => ({ syncEndpoint, syncToken: 'tl_token', policy: defaultPolicy, helpdeskHosts: [{ host: 'help.acme.test', helpdesk: 'zendesk' }] }),
  readLocalEvents: async () => events,
  getLastReviewedAt: async () => undefined,
  setLastReviewedAt: async () => undefined,
});

const metric = (id: string, numerator: number, denominator: number) => ({ id, label: id, value: denominator ? numerator / denominator : 0, numerator, denominator, status: 'healthy', summary: '', signal: '', action: '', band: '' });

/** A /v1/leaks answer: one cell per view asked for, and one topic. */
function leaksBody(url: URL) {
  const ref = { helpdesk: 'zendesk', ticketId: '41', lastAt: '2026-03-02T10:00:00.000Z' };
  const cell = (keys: string[]) => ({ keys, tickets: 30, ratios: { 'misrouting-rate': { numerator: 12, denominator: 30, value: 0.4 } }, behind: { 'misrouting-rate': [ref] } });
  return {
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
    events: 300,
    views: url.searchParams.getAll('view').map((v) => ({ dimensions: v.split(','), cells: [cell(v === 'stage,issueType' ? ['T1-T2', 'integration'] : ['ben'])] })),
    topics: [
      { issueType: 'integration', terms: ['webhook'], escalations: 3, unnecessary: 1, byTier: { T2: 3, T3: 0 }, counts: [{ key: '2026-03-09', count: 3, partial: true }], firstAt: ref.lastAt, lastAt: ref.lastAt, examples: [ref], suggestion: 'tier-1-playbook' },
    ],
  };
}

describe('createDashboardBackend with a sync endpoint', () => {
  it('asks for this period, the previous one, weeks across both, the leaks and the audit, with the bearer token', async () => {
    const seen: string[] = [];
    const row = (id: string, agent: string, complete: boolean) => ({
      id,
      at: '2026-03-02T10:00:00.000Z',
      ticketId: `t-${id}`,
      helpdesk: 'zendesk',
      agent,
      team: 'emea',
      from: 'T1',
      to: 'T2',
      stage: 'T1-T2',
      completeness: complete ? 100 : 60,
      complete,
      missing: complete ? [] : ['System logs'],
      blocked: false,
      packetId: null,
    });
    const fakeFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      seen.push(`${url.pathname} ${url.searchParams.get('from')?.slice(0, 10)}..${url.searchParams.get('to')?.slice(0, 10)} ${url.searchParams.get('groupBy') ?? ''} ${(init?.headers as Record<string, string> | undefined)?.Authorization}`);
      if (url.pathname === '/v1/leaks') return Response.json(leaksBody(url));
      if (url.pathname === '/v1/handoffs') {
        const first = !url.searchParams.get('cursor');
        return Response.json({ handoffs: first ? [row('h1', 'ana', true), row('h2', 'ben', false)] : [row('h3', 'ben', false)], nextCursor: first ? 'next' : null });
      }
      const groupBy = url.searchParams.get('groupBy');
      const from = url.searchParams.get('from')!;
      const overall = from === period.previous.from && !groupBy ? [metric('escalation-rate', 10, 100)] : [metric('escalation-rate', 45, 100)];
      const groups =
        groupBy === 'agent'
          ? [
              { key: 'ana', metrics: [metric('escalation-rate', 5, 50), metric('handoff-completeness', 1, 1)] },
              { key: 'ben', metrics: [metric('escalation-rate', 40, 50), metric('handoff-completeness', 0, 2)] },
            ]
          : groupBy === 'week'
            ? [{ key: '2026-03-09', metrics: [metric('escalation-rate', 9, 20)] }]
            : [];
      return Response.json({ from, to: url.searchParams.get('to'), events: 300, metrics: overall, groups });
    };
    const data = await createDashboardBackend({ ...deps('https://sync.acme.test'), fetch: fakeFetch as typeof fetch }).load(period, NOW);

    expect(seen).toEqual(
      expect.arrayContaining([
        '/v1/metrics 2026-02-09..2026-03-11  Bearer tl_token',
        '/v1/leaks 2026-02-09..2026-03-11  Bearer tl_token',
        '/v1/metrics 2026-01-10..2026-02-09  Bearer tl_token',
        '/v1/metrics 2026-01-10..2026-03-11 week Bearer tl_token',
        '/v1/handoffs 2026-02-09..2026-03-11  Bearer tl_token',
      ]),
    );
    expect(data.source).toBe('endpoint');
    expect(data.metrics['escalation-rate']).toEqual({ current: { numerator: 45, denominator: 100, value: 0.45 }, previous: { numerator: 10, denominator: 100, value: 0.1 } });
    // The week of Mar 9 is still running on Mar 10: partial.
    const last = data.series.buckets.length - 1;
    expect(data.series.buckets[last]).toMatchObject({ key: '2026-03-09', partial: true });
    expect(data.series.values['escalation-rate']?.[last]).toEqual({ numerator: 9, denominator: 20, value: 0.45 });
    expect(data.handoffs.map((h) => h.id)).toEqual(['h1', 'h2', 'h3']);
    expect(data.helpdeskHosts).toEqual([{ host: 'help.acme.test', helpdesk: 'zendesk' }]);
  });

  it('shows the endpoint’s leak cells for every view and its learning topics', async () => {
    let asked: string[] = [];
    const fakeFetch = async (input: string | URL | Request) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/leaks') {
        asked = url.searchParams.getAll('view');
        return Response.json(leaksBody(url));
      }
      if (url.pathname === '/v1/handoffs') return Response.json({ handoffs: [], nextCursor: null });
      return Response.json({ from: url.searchParams.get('from'), to: url.searchParams.get('to'), metrics: [], groups: [] });
    };
    const data = await createDashboardBackend({ ...deps('https://sync.acme.test'), fetch: fakeFetch as typeof fetch }).load(period, NOW);
    expect(asked).toEqual(['stage,issueType', 'agent', 'team', 'helpdesk']);
    const byStage = data.leaks['stage-issue-type'];
    expect(byStage).toMatchObject({ available: true, dimensions: ['stage', 'issueType'] });
    expect(byStage.available && byStage.metrics).toContain('misrouting-rate');
    expect(byStage.available && byStage.cells[0]).toMatchObject({ keys: ['T1-T2', 'integration'], tickets: 30, ratios: { 'misrouting-rate': { numerator: 12, denominator: 30 } } });
    expect(byStage.available && byStage.cells[0]?.behind?.['misrouting-rate']?.map((t) => t.ticketId)).toEqual(['41']);
    const byAgent = data.leaks.agent;
    expect(byAgent.available && byAgent.cells.map((c) => c.keys)).toEqual([['ben']]);
    expect(data.learning).toEqual({ kind: 'topics', topics: [expect.objectContaining({ issueType: 'integration', escalations: 3 })] });
  });

  it('refuses a leaks answer of the wrong shape instead of drawing it', async () => {
    const fakeFetch = async (input: string | URL | Request) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/leaks') return Response.json({ ...leaksBody(url), views: [{ dimensions: ['priority'], cells: [] }] });
      if (url.pathname === '/v1/handoffs') return Response.json({ handoffs: [], nextCursor: null });
      return Response.json({ from: url.searchParams.get('from'), to: url.searchParams.get('to'), metrics: [], groups: [] });
    };
    await expect(createDashboardBackend({ ...deps('https://sync.acme.test'), fetch: fakeFetch as typeof fetch }).load(period, NOW)).rejects.toThrow(/priority|Invalid/);
  });

  it('reports an endpoint error with its status and message', async () => {
    const fakeFetch = async () => Response.json({ message: 'Leads only.' }, { status: 403 });
    const backend = createDashboardBackend({ ...deps('https://sync.acme.test'), fetch: fakeFetch as typeof fetch });
    await expect(backend.load(period, NOW)).rejects.toThrow(/403: Leads only/);
  });
});

describe('createDashboardBackend without a sync endpoint', () => {
  it('computes both periods, the leaks and the learning topics from this browser’s events', async () => {
    const events: TierlineEvent[] = [];
    for (let i = 0; i < 12; i++) {
      const ticketId = `t${i}`;
      events.push(ev({ type: 'decision', at: '2026-03-02T09:00:00Z', ticketId, data: { tier: 'T1', role: 'front-line-agent', severity: 'normal', category: i % 2 ? 'integration' : 'billing' } }));
      if (i % 2) events.push(ev({ type: 'reassignment', at: '2026-03-02T10:00:00Z', ticketId, data: { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: true } }));
      if (i % 2) events.push(ev({ type: 'escalation', at: '2026-03-02T11:00:00Z', ticketId, data: { from: 'T1', to: 'T2', reason: 'Webhook signature fails' } }));
    }
    events.push(ev({ type: 'decision', at: '2026-01-20T09:00:00Z', ticketId: 'old', data: { tier: 'T1', role: 'front-line-agent', severity: 'normal' } }));
    const data = await createDashboardBackend(deps('', events)).load(period, NOW);
    expect(data.source).toBe('local');
    expect(data.events).toEqual({ current: 24, previous: 1 });
    expect(data.metrics['misrouting-rate']).toEqual({ current: { numerator: 6, denominator: 12, value: 0.5 }, previous: { numerator: 0, denominator: 1, value: 0 } });
    const leaks = data.leaks['stage-issue-type'];
    expect(leaks.available && leaks.cells.map((c) => c.keys.join(' × '))).toEqual(['T1 × billing', 'T1-T2 × integration']);
    expect(data.learning).toMatchObject({ kind: 'topics', topics: [{ issueType: 'integration', terms: ['fails', 'signature', 'webhook'], escalations: 6 }] });
  });
});
