import type { TierlineEvent } from '../../core/events';
import { learningCandidates } from '../../core/metrics';
import type { Policy } from '../../core/policy/schema';
import type { DashboardBackend, DashboardData } from './dashboard-data';
import { type HandoffRow, handoffPageSchema, learningCandidatesFromAudit, toHandoffRow } from './handoff-audit';
import { metricsResponseSchema, toWeeklySeries, weeklyMetricsFromEvents } from './metric-series';

export interface DashboardDeps {
  /** The effective sync settings and policy (from the worker's settings resolution). */
  getSettings: () => Promise<{ syncEndpoint: string; syncToken: string; policy: Policy }>;
  /** Every event in this browser's store for the period (local mode). */
  readLocalEvents: (period: { from: string; to: string }) => Promise<TierlineEvent[]>;
  getLastReviewedAt: () => Promise<string | undefined>;
  setLastReviewedAt: (at: string) => Promise<void>;
  fetch?: typeof fetch;
}

/** The audit is paged by the endpoint (at most 1,000 a page); this many pages cover the 10,000 handoffs a page must handle quickly. */
const MAX_PAGES = 20;

async function getJson(fetchImpl: typeof fetch, url: URL, token: string): Promise<unknown> {
  const res = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: unknown };
    throw new Error(`${url.pathname} answered ${res.status}${typeof body.message === 'string' ? `: ${body.message}` : ''}`);
  }
  return res.json();
}

async function readEndpointHandoffs(fetchImpl: typeof fetch, endpoint: string, token: string, period: { from: string; to: string }): Promise<HandoffRow[]> {
  const rows: HandoffRow[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = new URL('/v1/handoffs', endpoint);
    url.search = new URLSearchParams({ from: period.from, to: period.to, limit: '1000', ...(cursor ? { cursor } : {}) }).toString();
    const body = handoffPageSchema.parse(await getJson(fetchImpl, url, token));
    rows.push(...body.handoffs);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return rows;
}

/**
 * Loads the dashboard from the team's sync endpoint when one is configured
 * (GET /v1/handoffs, GET /v1/metrics?groupBy=week), otherwise from this
 * browser's event store, computing the same metrics with core.
 */
export function createDashboardBackend(deps: DashboardDeps): DashboardBackend {
  const fetchImpl = deps.fetch ?? fetch.bind(globalThis);
  return {
    async load(period): Promise<DashboardData> {
      const [settings, lastReviewedAt] = await Promise.all([deps.getSettings(), deps.getLastReviewedAt()]);
      const common = { period, policy: settings.policy, ...(lastReviewedAt ? { lastReviewedAt } : {}) };
      if (settings.syncEndpoint) {
        const metricsUrl = new URL('/v1/metrics', settings.syncEndpoint);
        metricsUrl.search = new URLSearchParams({ from: period.from, to: period.to, groupBy: 'week' }).toString();
        const [handoffs, metricsBody] = await Promise.all([
          readEndpointHandoffs(fetchImpl, settings.syncEndpoint, settings.syncToken, period),
          getJson(fetchImpl, metricsUrl, settings.syncToken).then((b) => metricsResponseSchema.parse(b)),
        ]);
        return {
          ...common,
          source: 'endpoint',
          handoffs,
          metrics: toWeeklySeries(metricsBody.metrics, metricsBody.groups),
          learning: { kind: 'tickets', items: learningCandidatesFromAudit(handoffs) },
        };
      }
      const events = await deps.readLocalEvents(period);
      const handoffs = events.flatMap((e) => (e.type === 'handoff' ? [toHandoffRow(e)] : []));
      return {
        ...common,
        source: 'local',
        handoffs,
        metrics: weeklyMetricsFromEvents(events, period),
        learning: { kind: 'topics', items: learningCandidates(events, period) },
      };
    },
    markReviewed: (at) => deps.setLastReviewedAt(at),
  };
}
