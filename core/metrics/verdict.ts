import type { Ratio } from './compute';
import { CSAT_DROP_POINTS, type MetricId } from './definitions';

/**
 * What a lead may conclude from a metric: a verdict against its healthy band,
 * a trend against the previous period, and "not enough data" whenever the
 * cases behind a number are too few to say anything. Never a verdict without
 * data: a missing previous period is not "healthy".
 */

/** A range on 0–1; an absent end is open. */
export interface Band {
  min?: number;
  max?: number;
  /** A value equal to `max` already lies beyond the band: the article's "20–40% of escalations could be avoided" starts at 20%. */
  exclusiveMax?: boolean;
}

export interface MetricRule {
  id: MetricId;
  /** Which way a change is an improvement. */
  better: 'lower' | 'higher';
  /** The healthy band. Post-handoff CSAT has none: its verdict is the change against the previous period. */
  healthy: Band;
  /** Beyond these the metric is a warning; between the healthy band and these, worth watching. */
  warning: Band;
  /** A drop of this many points (0–100) against the previous period is a warning (post-handoff CSAT). */
  dropPoints?: number;
  /** Below this many cases a period gets no verdict and no trend. */
  minCases: number;
  /** What one case is, for "not enough data: 12 handoffs, need 30". */
  caseNoun: { one: string; other: string };
  /** Where the band comes from: the policy, or the support-levels model's defaults. */
  source: 'policy' | 'model';
}

/**
 * Fewer cases than this and a rate says more about chance than about the
 * model: at 30, a 20% rate is known to about ±14 points (95%).
 */
export const MIN_CASES = 30;

/** A cell of the leaks table (one stage × issue type) needs this many cases to be ranked. */
export const MIN_CELL_CASES = 10;

/** A change smaller than this (in points, 0–100) is "steady". */
export const STEADY_POINTS = 1;

const noun = (one: string, other = `${one}s`) => ({ one, other });

/** The support-levels model's bands (the spec article's metrics table), the defaults when the policy sets none. */
export const DEFAULT_RULES: Record<MetricId, MetricRule> = {
  'misrouting-rate': { id: 'misrouting-rate', better: 'lower', healthy: { max: 0.3 }, warning: { max: 0.3 }, minCases: MIN_CASES, caseNoun: noun('routed ticket'), source: 'model' },
  'override-rate': { id: 'override-rate', better: 'lower', healthy: { max: 0.2 }, warning: { max: 0.2 }, minCases: MIN_CASES, caseNoun: noun('routing suggestion'), source: 'model' },
  // 10–15% is healthy, above 20% a warning; in between (or below 10%: is Tier 1 holding tickets?) worth watching.
  'escalation-rate': { id: 'escalation-rate', better: 'lower', healthy: { min: 0.1, max: 0.15 }, warning: { max: 0.2 }, minCases: MIN_CASES, caseNoun: noun('handled ticket'), source: 'model' },
  // "20–40% of escalations could be avoided": 20% itself is a warning.
  'unnecessary-escalation-rate': { id: 'unnecessary-escalation-rate', better: 'lower', healthy: { max: 0.2, exclusiveMax: true }, warning: { max: 0.2, exclusiveMax: true }, minCases: MIN_CASES, caseNoun: noun('escalation'), source: 'model' },
  'reopen-48h-rate': { id: 'reopen-48h-rate', better: 'lower', healthy: { max: 0.1 }, warning: { max: 0.1 }, minCases: MIN_CASES, caseNoun: noun('handled ticket'), source: 'model' },
  'repeat-explanation-rate': { id: 'repeat-explanation-rate', better: 'lower', healthy: { max: 0.1 }, warning: { max: 0.1 }, minCases: MIN_CASES, caseNoun: noun('transferred ticket'), source: 'model' },
  'post-handoff-csat': { id: 'post-handoff-csat', better: 'higher', healthy: {}, warning: {}, dropPoints: CSAT_DROP_POINTS, minCases: MIN_CASES, caseNoun: noun('post-handoff rating'), source: 'model' },
  'handoff-completeness': { id: 'handoff-completeness', better: 'higher', healthy: { min: 0.8 }, warning: { min: 0.8 }, minCases: MIN_CASES, caseNoun: noun('handoff'), source: 'model' },
};

/** Bands and minimums a policy may set for some metrics (its `metricBands`); the rest keep the model's defaults. */
export type RuleOverrides = Partial<Record<MetricId, Partial<Pick<MetricRule, 'healthy' | 'warning' | 'minCases' | 'dropPoints'>> | undefined>>;

/**
 * The rule for every metric: the policy's where it sets one, else the model's.
 *
 * @example metricRules({ 'escalation-rate': { healthy: { min: 0.05, max: 0.12 } } })['escalation-rate'].source // 'policy'
 */
export function metricRules(overrides: RuleOverrides = {}): Record<MetricId, MetricRule> {
  const rules = { ...DEFAULT_RULES };
  for (const [id, o] of Object.entries(overrides) as [MetricId, RuleOverrides[MetricId]][]) {
    const base = rules[id];
    if (!o || !base) continue;
    // A metric with one line (healthy up to it, a warning beyond) keeps one line when the policy moves it.
    const oneLine = JSON.stringify(base.warning) === JSON.stringify(base.healthy);
    const warning = o.warning ?? (oneLine && o.healthy ? o.healthy : base.warning);
    rules[id] = { ...base, ...o, warning, source: 'policy' };
  }
  return rules;
}

export type Verdict =
  | { kind: 'not-enough-data'; /** Which period is too thin. */ period: 'current' | 'previous'; cases: number; need: number }
  | { kind: 'healthy' }
  /** Outside the healthy band but short of the warning line (escalations at 17%, or below 10%). */
  | { kind: 'watch'; side: 'above' | 'below' }
  | { kind: 'warning'; side: 'above' | 'below' };

/**
 * The verdict on one period. Post-handoff CSAT is judged by its change, so it
 * needs enough ratings in the previous period too.
 *
 * @example verdictOf(DEFAULT_RULES['escalation-rate'], { numerator: 9, denominator: 50, value: 0.18 }) // { kind: 'watch', side: 'above' }
 * @example verdictOf(DEFAULT_RULES['handoff-completeness'], { numerator: 10, denominator: 12, value: 0.83 }) // { kind: 'not-enough-data', period: 'current', cases: 12, need: 30 }
 */
export function verdictOf(rule: MetricRule, current: Ratio, previous?: Ratio | null): Verdict {
  if (current.denominator < rule.minCases) return { kind: 'not-enough-data', period: 'current', cases: current.denominator, need: rule.minCases };
  if (rule.dropPoints !== undefined) {
    if (!previous || previous.denominator < rule.minCases) return { kind: 'not-enough-data', period: 'previous', cases: previous?.denominator ?? 0, need: rule.minCases };
    return changePoints(current, previous) <= -rule.dropPoints ? { kind: 'warning', side: 'below' } : { kind: 'healthy' };
  }
  return levelOf(rule, current.value);
}

/** Whether `v` lies above the band's upper end. */
const above = (band: Band, v: number) => band.max !== undefined && (v > band.max || (band.exclusiveMax === true && v === band.max));

/**
 * Where a value lies against a rule's bands, whatever the number of cases: the one reading of the bands, which
 * verdictOf gives once there are enough cases and the metrics report states beside every value.
 *
 * @example levelOf(DEFAULT_RULES['unnecessary-escalation-rate'], 0.2) // { kind: 'warning', side: 'above' }
 */
export function levelOf(rule: MetricRule, v: number): Exclude<Verdict, { kind: 'not-enough-data' }> {
  if (above(rule.warning, v)) return { kind: 'warning', side: 'above' };
  if (rule.warning.min !== undefined && v < rule.warning.min) return { kind: 'warning', side: 'below' };
  if (above(rule.healthy, v)) return { kind: 'watch', side: 'above' };
  if (rule.healthy.min !== undefined && v < rule.healthy.min) return { kind: 'watch', side: 'below' };
  return { kind: 'healthy' };
}

/** A share as a percentage with at most one decimal: 0.153 → "15.3%". */
const plainPercent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * A rule's healthy band in words, from its numbers, whether the model's or a policy's: the only wording of a band,
 * which the dashboard shows (with the lead's locale's `percent`) and the report and the endpoint state.
 *
 * @example bandText(DEFAULT_RULES['escalation-rate']) // '10–15%'
 * @example bandText(DEFAULT_RULES['unnecessary-escalation-rate']) // 'below 20%'
 * @example bandText(DEFAULT_RULES['post-handoff-csat']) // 'no drop of 3 points or more against the previous period'
 */
export function bandText(rule: MetricRule, percent: (value: number) => string = plainPercent): string {
  const { min, max, exclusiveMax } = rule.healthy;
  if (min !== undefined && max !== undefined) {
    // "10–15%" (en), "10–15 %" (de): the percent sign once, where the locale puts it.
    const [low, high] = [percent(min), percent(max)];
    const suffix = /\D*$/.exec(high)?.[0] ?? '';
    return suffix && low.endsWith(suffix) ? `${low.slice(0, low.length - suffix.length)}–${high}` : `${low}–${high}`;
  }
  if (max !== undefined) return `${exclusiveMax ? 'below' : 'at most'} ${percent(max)}`;
  if (min !== undefined) return `at least ${percent(min)}`;
  return `no drop of ${rule.dropPoints ?? 0} points or more against the previous period`;
}

export type Trend =
  | { kind: 'unknown'; period: 'current' | 'previous'; cases: number; need: number }
  | { kind: 'better' | 'worse' | 'steady'; /** Current minus previous, in points (0–100), one decimal. */ changePoints: number };

/** Points (0–100) from `previous` to `current`, one decimal. */
function changePoints(current: Ratio, previous: Ratio): number {
  return Math.round((current.value - previous.value) * 1000) / 10;
}

/** How far a value lies outside the healthy band (0 inside). */
function distanceFromBand(rule: MetricRule, v: number): number {
  if (rule.healthy.min !== undefined && v < rule.healthy.min) return rule.healthy.min - v;
  if (rule.healthy.max !== undefined && v > rule.healthy.max) return v - rule.healthy.max;
  return 0;
}

/**
 * The trend from the previous period to this one, or why there is none.
 * A metric with a two-sided band (escalations) improves by moving towards it.
 *
 * @example trendOf(DEFAULT_RULES['post-handoff-csat'], { numerator: 13, denominator: 40, value: 0.325 }, { numerator: 20, denominator: 40, value: 0.5 }) // { kind: 'worse', changePoints: -17.5 }
 */
export function trendOf(rule: MetricRule, current: Ratio, previous: Ratio | null | undefined): Trend {
  if (current.denominator < rule.minCases) return { kind: 'unknown', period: 'current', cases: current.denominator, need: rule.minCases };
  if (!previous || previous.denominator < rule.minCases) return { kind: 'unknown', period: 'previous', cases: previous?.denominator ?? 0, need: rule.minCases };
  const change = changePoints(current, previous);
  if (Math.abs(change) < STEADY_POINTS) return { kind: 'steady', changePoints: change };
  if (rule.healthy.min !== undefined && rule.healthy.max !== undefined) {
    const now = distanceFromBand(rule, current.value);
    const before = distanceFromBand(rule, previous.value);
    if (now === before) return { kind: 'steady', changePoints: change };
    return { kind: now < before ? 'better' : 'worse', changePoints: change };
  }
  const improved = rule.better === 'lower' ? change < 0 : change > 0;
  return { kind: improved ? 'better' : 'worse', changePoints: change };
}

/**
 * Cases beyond what the healthy band allows: 40 routed tickets with 20
 * misrouted, against at most 30%, are 8 tickets too many. For post-handoff
 * CSAT (no level band) the reference is a satisfaction share, e.g. the whole
 * team's. Never negative.
 *
 * @example excessCases(DEFAULT_RULES['misrouting-rate'], { numerator: 20, denominator: 40, value: 0.5 }) // 8
 */
export function excessCases(rule: MetricRule, r: Ratio, reference?: number): number {
  const limit = rule.better === 'lower' ? rule.healthy.max : (rule.healthy.min ?? reference);
  if (limit === undefined) return 0;
  const excess = rule.better === 'lower' ? r.numerator - limit * r.denominator : limit * r.denominator - r.numerator;
  return Math.max(0, Math.round(excess * 10) / 10);
}
