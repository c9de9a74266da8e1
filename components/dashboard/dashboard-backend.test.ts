import { describe, expect, it } from 'vitest';
import { eventSchema, type TierlineEvent } from '../../core/events';
import { defaultPolicy } from '../../core/policy/default-policy';
import { createDashboardBackend } from './dashboard-backend';

const period = { from: '2026-02-02T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };

function handoff(i: number, to: 'T2' | 'T3', missing: string[]): TierlineEvent {
  return eventSchema.parse({
    id: `evt-${String(i).padStart(8, '0')}`,
    type: 'handoff',
    at: `2026-02-1${i % 10}T10:00:00Z`,
    ticketId: `t${i}`,
    helpdesk: 'zendesk',
    agent: i % 2 ? 'ana' : 'ben',
    team: 'emea',
    data: { from: 'T1', to, completeness: missing.length ? 60 : 100, missing },
  });
}

const deps = (syncEndpoint: string, events: TierlineEvent[] = []) => ({
  getSettings: async () => ({ syncEndpoint, syncToken: 'tl_token', policy: defaultPolicy }),
  readLocalEvents: async () => events,
  getLastReviewedAt: async () => undefined,
  setLastReviewedAt: async () => undefined,
});

describe('createDashboardBackend', () => {
  it('reads every page of the endpoint audit and the weekly metrics with the bearer token', async () => {
    const seen: string[] = [];
    const row = (id: string) => ({ id, at: '2026-02-10T10:00:00.000Z', ticketId: id, helpdesk: 'zendesk', agent: 'ana', team: null, from: 'T1', to: 'T2', stage: 'T1-T2', completeness: 100, complete: true, missing: [], blocked: false, packetId: null });
    const fakeFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      seen.push(`${url.pathname}?${url.searchParams.get('cursor') ?? ''} ${(init?.headers as Record<string, string> | undefined)?.Authorization}`);
      if (url.pathname === '/v1/handoffs') {
        const first = !url.searchParams.get('cursor');
        return Response.json({ handoffs: [row(first ? 'h1' : 'h2')], nextCursor: first ? 'next' : null });
      }
      const metric = { id: 'escalation-rate', label: 'Escalation rate', value: 0.12, numerator: 12, denominator: 100, status: 'healthy', summary: '', signal: '', action: '', band: '10–15%' };
      return Response.json({ from: period.from, to: period.to, events: 100, metrics: [metric], groups: [{ key: '2026-02-09', metrics: [metric] }] });
    };
    const backend = createDashboardBackend({ ...deps('https://sync.acme.test'), fetch: fakeFetch as typeof fetch });
    const data = await backend.load(period);
    expect(data.source).toBe('endpoint');
    expect(data.handoffs.map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(data.metrics.series['escalation-rate']).toEqual([0.12]);
    expect(seen).toContain('/v1/handoffs?next Bearer tl_token');
    expect(data.learning).toMatchObject({ kind: 'tickets', items: [{ tier: 'T2', suggestion: 'tier-1-playbook' }, { tier: 'T2' }] });
  });

  it('reports an endpoint error with its status and message', async () => {
    const fakeFetch = async () => Response.json({ message: 'Leads only.' }, { status: 403 });
    const backend = createDashboardBackend({ ...deps('https://sync.acme.test'), fetch: fakeFetch as typeof fetch });
    await expect(backend.load(period)).rejects.toThrow(/403: Leads only/);
  });

  it('uses the local events when no endpoint is configured', async () => {
    const events = [handoff(1, 'T2', []), handoff(2, 'T3', ['Logs']), handoff(3, 'T2', ['Logs'])];
    const data = await createDashboardBackend(deps('', events)).load(period);
    expect(data.source).toBe('local');
    expect(data.handoffs).toHaveLength(3);
    expect(data.handoffs.filter((h) => h.complete)).toHaveLength(1);
    expect(data.metrics.overall.find((m) => m.id === 'handoff-completeness')?.numerator).toBe(1);
  });
});
