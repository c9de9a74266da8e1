import type { TierlineEvent } from '../../core/events';
import {
  type Bucket,
  bucketsOf,
  bucketUnitFor,
  indexLeaks,
  computeMetrics,
  metricRules,
  learningTopics,
  METRIC_DEFINITIONS,
  type MetricId,
  type PeriodPair,
} from '../../core/metrics';
import type { Policy } from '../../core/policy/schema';
import { type DashboardBackend, type DashboardData, LEAK_VIEWS, type LeakSource, type LeakViewId } from './dashboard-data';
import { type HandoffRow, handoffPageSchema, toHandoffRow } from './handoff-audit';
import { asLeakCell, leaksResponseSchema } from './leaks-response';
import { metricPairs, metricsResponseSchema, seriesFromGroups } from './metric-series';
import type { HelpdeskHost } from './ticket-links';

export interface DashboardDeps {
  /** The effective sync settings, policy and custom helpdesk hosts (from the worker's settings resolution). */
  getSettings: () => Promise<{ syncEndpoint: string; syncToken: string; policy: Policy; helpdeskHosts?: HelpdeskHost[] }>;
  /** Every event in this browser's store for the period (local mode). */
  readLocalEvents: (period: { from: string; to: string }) => Promise<TierlineEvent[]>;
  getLastReviewedAt: () => Promise<string | undefined>;
  setLastReviewedAt: (at: string) => Promise<void>;
  fetch?: typeof fetch;
}

/** The audit is paged by the endpoint (at most 1,000 a page); this many pages cover the 10,000 handoffs a page must handle quickly. */
const MAX_PAGES = 20;

const ALL_METRICS = Object.keys(METRIC_DEFINITIONS) as MetricId[];

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
 * (GET /v1/metrics for this period, the previous one, and per day or week
 * across both; GET /v1/leaks for every leak view and the learning topics;
 * GET /v1/handoffs, all pages),
 * otherwise from this browser's event store, computing the same metrics with core.
 */
export function createDashboardBackend(deps: DashboardDeps): DashboardBackend {
  const fetchImpl = deps.fetch ?? fetch.bind(globalThis);
  return {
    async load(period: PeriodPair, now: Date): Promise<DashboardData> {
      const [settings, lastReviewedAt] = await Promise.all([deps.getSettings(), deps.getLastReviewedAt()]);
      const unit = bucketUnitFor(period.days);
      const both = { from: period.previous.from, to: period.current.to };
      const buckets: Bucket[] = bucketsOf(both, unit, now);
      const common = { period, policy: settings.policy, helpdeskHosts: settings.helpdeskHosts ?? [], ...(lastReviewedAt ? { lastReviewedAt } : {}) };

      if (settings.syncEndpoint) {
        const metrics = (span: { from: string; to: string }, groupBy?: string) => {
          const url = new URL('/v1/metrics', settings.syncEndpoint);
          url.search = new URLSearchParams({ ...span, ...(groupBy ? { groupBy } : {}) }).toString();
          return getJson(fetchImpl, url, settings.syncToken).then((b) => metricsResponseSchema.parse(b));
        };
        const leaksUrl = new URL('/v1/leaks', settings.syncEndpoint);
        leaksUrl.search = new URLSearchParams([...Object.entries(period.current), ['unit', unit], ...LEAK_VIEWS.map((v) => ['view', v.dimensions.join(',')])]).toString();
        const [current, previous, series, handoffs, found] = await Promise.all([
          metrics(period.current),
          metrics(period.previous),
          metrics(both, unit),
          readEndpointHandoffs(fetchImpl, settings.syncEndpoint, settings.syncToken, period.current),
          getJson(fetchImpl, leaksUrl, settings.syncToken).then((b) => leaksResponseSchema.parse(b)),
        ]);
        const leaks = {} as Record<LeakViewId, LeakSource>;
        LEAK_VIEWS.forEach((view, i) => {
          leaks[view.id] = { available: true, dimensions: view.dimensions, metrics: ALL_METRICS, cells: (found.views[i]?.cells ?? []).map(asLeakCell) };
        });
        return {
          ...common,
          source: 'endpoint',
          events: { current: eventsOf(current), previous: eventsOf(previous) },
          metrics: metricPairs(current.metrics, previous.metrics),
          series: seriesFromGroups(series.groups, buckets, unit),
          leaks,
          handoffs,
          learning: { kind: 'topics', topics: found.topics },
        };
      }

      const events = await deps.readLocalEvents(both);
      const inSpan = (span: { from: string; to: string }) => events.filter((e) => e.at >= span.from && e.at < span.to).length;
      // The statuses read the policy's bands, as the endpoint's and the page's verdicts do.
      const rules = metricRules(settings.policy.metricBands);
      const current = computeMetrics(events, { ...period.current, rules });
      const previous = computeMetrics(events, { ...period.previous, rules });
      const grouped = computeMetrics(events, { ...both, groupBy: unit, rules });
      // Each grouping is computed when the lead first opens it: the page pays for stage × issue type alone up front.
      const index = indexLeaks(events, period.current);
      const leaks = {} as Record<LeakViewId, LeakSource>;
      for (const view of LEAK_VIEWS) {
        leaks[view.id] = {
          available: true,
          dimensions: view.dimensions,
          metrics: ALL_METRICS,
          get cells() {
            return index.cells(view.dimensions);
          },
        };
      }
      return {
        ...common,
        source: 'local',
        events: { current: inSpan(period.current), previous: inSpan(period.previous) },
        metrics: metricPairs(current.metrics, previous.metrics),
        series: seriesFromGroups(grouped.groups, buckets, unit),
        leaks,
        handoffs: events.flatMap((e) => (e.type === 'handoff' && e.at >= period.current.from ? [toHandoffRow(e)] : [])),
        learning: { kind: 'topics', topics: learningTopics(events, { ...period.current, now, unit }) },
      };
    },
    markReviewed: (at) => deps.setLastReviewedAt(at),
  };
}

/** The `events` count of an endpoint report (absent from older endpoints: then unknown, taken as some). */
function eventsOf(report: { events?: number | undefined }): number {
  return report.events ?? 1;
}
