import type { Bucket, BucketUnit, LeakCell, LeakDimension, LearningTopic, MetricId, PeriodPair, Ratio } from '../../core/metrics';
import type { Policy } from '../../core/policy/schema';
import type { HandoffRow } from './handoff-audit';
import type { HelpdeskHost } from './ticket-links';

/** Everything the dashboard shows, loaded once per period and aggregated once. */
export interface DashboardData {
  /** Where the numbers came from: the team's sync endpoint, or this browser's store. */
  source: 'endpoint' | 'local';
  period: PeriodPair;
  /** Events in each period: none in either, and the page says what to connect instead of drawing zeros. */
  events: { current: number; previous: number };
  /** Every metric this period and the previous one. */
  metrics: Record<MetricId, MetricPair>;
  series: MetricSeries;
  leaks: Record<LeakViewId, LeakSource>;
  handoffs: HandoffRow[];
  learning: LearningData;
  policy?: Policy;
  lastReviewedAt?: string;
  /** Custom helpdesk hosts from the settings: the only helpdesk addresses Tierline knows (ticket links). */
  helpdeskHosts: HelpdeskHost[];
}

export interface MetricPair {
  current: Ratio;
  /** Null when the source could not say. */
  previous: Ratio | null;
}

/** Both periods in day or week buckets, oldest first; a metric's value is null in a bucket without cases. */
export interface MetricSeries {
  unit: BucketUnit;
  buckets: Bucket[];
  values: Partial<Record<MetricId, (Ratio | null)[]>>;
}

/** The groupings of the leaks table. */
export type LeakViewId = 'stage-issue-type' | 'agent' | 'team' | 'helpdesk';

export const LEAK_VIEWS: readonly { id: LeakViewId; dimensions: readonly LeakDimension[]; label: string }[] = [
  { id: 'stage-issue-type', dimensions: ['stage', 'issueType'], label: 'Stage × issue type' },
  { id: 'agent', dimensions: ['agent'], label: 'Agent' },
  { id: 'team', dimensions: ['team'], label: 'Team' },
  { id: 'helpdesk', dimensions: ['helpdesk'], label: 'Helpdesk' },
];

export type LeakSource =
  | {
      available: true;
      /** The dimensions the cells are keyed by (may be fewer than the view's when the source cannot tell the rest). */
      dimensions: readonly LeakDimension[];
      cells: LeakCell[];
      /** The metrics these cells carry. */
      metrics: readonly MetricId[];
      /** What this source cannot show in this view, in a sentence. */
      note?: string;
    }
  | { available: false; reason: string };

export type LearningData =
{ kind: 'topics'; topics: LearningTopic[] };

export interface DashboardBackend {
  load(period: PeriodPair, now: Date): Promise<DashboardData>;
  markReviewed(at: string): Promise<void>;
}
