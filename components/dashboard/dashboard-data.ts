import type { LearningCandidate as EventLearningCandidate } from '../../core/metrics';
import type { Policy } from '../../core/policy/schema';
import type { AuditLearningCandidate, HandoffRow } from './handoff-audit';
import type { WeeklyMetrics } from './metric-series';

/** Everything the dashboard shows, loaded once per period and aggregated once. */
export interface DashboardData {
  /** Where the numbers came from: the team's sync endpoint, or this browser's store. */
  source: 'endpoint' | 'local';
  period: { from: string; to: string };
  handoffs: HandoffRow[];
  metrics: WeeklyMetrics;
  /** From events (local store): topics; from the endpoint's audit: tickets resolved at Tier 2 / 3. */
  learning: { kind: 'topics'; items: EventLearningCandidate[] } | { kind: 'tickets'; items: AuditLearningCandidate[] };
  policy?: Policy;
  lastReviewedAt?: string;
}

export interface DashboardBackend {
  load(period: { from: string; to: string }): Promise<DashboardData>;
  markReviewed(at: string): Promise<void>;
}

export const DAY_MS = 86_400_000;

/** The last `days` whole UTC days up to and including today's. */
export function lastDays(now: Date, days: number): { from: string; to: string } {
  const end = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  return { from: new Date(end - days * DAY_MS).toISOString(), to: new Date(end).toISOString() };
}
