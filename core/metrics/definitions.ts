/**
 * The handoff metrics, each with the warning signal and the recommended
 * action from the support-levels model. The band we call healthy is a rule's
 * numbers (`DEFAULT_RULES` in verdict.ts, or the policy's `metricBands`), and
 * its words come from those numbers (`bandText`), so a moved band is never
 * described by the old one's words.
 */

/** Every metric, in the order the dashboard lists them. */
export const METRIC_IDS = [
  'misrouting-rate',
  'override-rate',
  'escalation-rate',
  'unnecessary-escalation-rate',
  'reopen-48h-rate',
  'repeat-explanation-rate',
  'post-handoff-csat',
  'handoff-completeness',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

export type MetricStatus = 'healthy' | 'warning' | 'info' | 'insufficient-data';

export interface MetricDefinition {
  id: MetricId;
  label: string;
  /** What the numerator and denominator count. */
  definition: string;
  /** The warning signal, as the model names it. */
  signal: string;
  /** What to do when the signal shows. */
  action: string;
}

export const METRIC_DEFINITIONS: Record<MetricId, MetricDefinition> = {
  'misrouting-rate': {
    id: 'misrouting-rate',
    label: 'Misrouting rate',
    definition: 'Tickets reassigned because the first assignment was wrong, out of tickets with a routing decision or an assignment.',
    signal: 'Over 30% of tickets require reassignment',
    action: 'Improve intent classification and routing logic to avoid general queues.',
  },
  'override-rate': {
    id: 'override-rate',
    label: 'Override rate',
    definition: 'Routing suggestions agents overrode, out of decisions shown (capped at 100% when overrides of earlier decisions outnumber the period’s decisions); broken down by source and category.',
    signal: 'Frequent rewriting of AI suggestions',
    action: 'Review and fine-tune training data for the specific issue types that are overridden most.',
  },
  'escalation-rate': {
    id: 'escalation-rate',
    label: 'Escalation rate',
    definition: 'Tickets escalated to another tier, out of tickets handled (any recorded event).',
    signal: 'Escalation rate above 20% points to AI calibration or reviewer capacity problems',
    action: 'Check AI confidence calibration and Tier 1 capacity; aim for 10–15%.',
  },
  'unnecessary-escalation-rate': {
    id: 'unnecessary-escalation-rate',
    label: 'Unnecessary escalation rate',
    definition: 'Escalations later marked avoidable, out of all escalations.',
    signal: '20–40% of escalations could be avoided',
    action: 'Adjust AI confidence thresholds and expand Tier 1 knowledge base access.',
  },
  'reopen-48h-rate': {
    id: 'reopen-48h-rate',
    label: 'Reopened within 48 h',
    definition: 'Tickets reopened within 48 hours of being solved, out of tickets handled.',
    signal: 'Tickets reopened within 48 hours',
    action: 'Include verbatim transcripts and system metadata in handoff payloads.',
  },
  'repeat-explanation-rate': {
    id: 'repeat-explanation-rate',
    label: 'Repeat explanation rate',
    definition: 'Transferred tickets whose customer had to restate the problem after the transfer, out of transferred tickets.',
    signal: 'Customers re-explaining after transfer',
    action: 'Use structured handoff templates with fixed fields.',
  },
  'post-handoff-csat': {
    id: 'post-handoff-csat',
    label: 'Post-handoff CSAT',
    definition: 'Share of satisfied ratings (4 or 5 of 5) on tickets rated after a handoff; compared with the previous period of the same length.',
    signal: 'Drop in scores after escalation (3 points or more)',
    action: 'Audit handoff packages for missing context, including emotional details; tighten AI confidence parameters.',
  },
  'handoff-completeness': {
    id: 'handoff-completeness',
    label: 'Handoff completeness',
    definition: 'Handoffs sent with every required item, out of all handoffs; with the mean score and the items missing most often.',
    signal: 'Handoffs sent with missing context',
    action: 'Use structured handoff templates with fixed fields; make the most-missed items prefilled or blocking.',
  },
};

/** Fewer cases than this and a rate says more about chance than about the model. */
export const DEFAULT_MIN_SAMPLE = 5;

/** A drop of this many CSAT points (on 0–100) against the previous period is a warning. */
export const CSAT_DROP_POINTS = 3;
