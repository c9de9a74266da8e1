/** Handoff metrics over the event log, what a lead may conclude from them, where they leak, the learning loop, and backtest counting. */
export { type BacktestRow, type BacktestSummary, summarizeBacktest, type TierScore } from './backtest';
export { computeMetrics, type Metric, type MetricsGroup, type MetricsGroupBy, type MetricsOptions, type MetricsReport, type Ratio } from './compute';
export { type CsatCounts, emptyCounts, type MetricCounts, metricsFromCounts, type PeriodCounts, reportFromCounts } from './report';
export { CSAT_DROP_POINTS, DEFAULT_MIN_SAMPLE, METRIC_DEFINITIONS, type MetricDefinition, type MetricId, type MetricStatus } from './definitions';
export { indexLeaks, type LeakCell, type LeakIndex, type LeakDimension, type LeakOptions, NONE, type RankedLeak, type RankOptions, rankLeaks, type TicketRef } from './leaks';
export { type Bucket, type BucketUnit, bucketsOf, bucketUnitFor, type PeriodPair, periodPair, type Span } from './periods';
export { KB_LINKS_RECORDED, type LearningTopic, learningTopics, type TopicOptions } from './topics';
export {
  type Band,
  bandText,
  DEFAULT_RULES,
  excessCases,
  MIN_CASES,
  MIN_CELL_CASES,
  type MetricRule,
  metricRules,
  type RuleOverrides,
  STEADY_POINTS,
  type Trend,
  trendOf,
  type Verdict,
  verdictOf,
} from './verdict';
