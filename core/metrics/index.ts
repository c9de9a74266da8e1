/** Handoff metrics over the event log, the learning loop, and backtest counting. */
export { type BacktestRow, type BacktestSummary, summarizeBacktest, type TierScore } from './backtest';
export { computeMetrics, type Metric, type MetricsGroup, type MetricsGroupBy, type MetricsOptions, type MetricsReport, type Ratio } from './compute';
export { CSAT_DROP_POINTS, DEFAULT_MIN_SAMPLE, METRIC_DEFINITIONS, type MetricDefinition, type MetricId, type MetricStatus } from './definitions';
export { type LearningCandidate, type LearningOptions, learningCandidates } from './learning';
