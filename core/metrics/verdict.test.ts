import { describe, expect, it } from 'vitest';
import { eventSchema, type TierlineEvent } from '../events';
import { computeMetrics } from './compute';
import { METRIC_IDS } from './definitions';
import { emptyCounts, metricsFromCounts } from './report';
import { bandText, DEFAULT_RULES, excessCases, metricRules, trendOf, verdictOf } from './verdict';

const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator > 0 ? numerator / denominator : 0 });

describe('verdictOf', () => {
  it('gives no verdict on 12 handoffs when 30 are needed, whatever the rate', () => {
    expect(verdictOf(DEFAULT_RULES['handoff-completeness'], r(2, 12))).toEqual({ kind: 'not-enough-data', period: 'current', cases: 12, need: 30 });
    expect(verdictOf(DEFAULT_RULES['handoff-completeness'], r(0, 0))).toEqual({ kind: 'not-enough-data', period: 'current', cases: 0, need: 30 });
  });

  it('calls 12% escalations healthy, 17% and 8% worth watching, and 25% a warning', () => {
    const rule = DEFAULT_RULES['escalation-rate'];
    expect(verdictOf(rule, r(12, 100))).toEqual({ kind: 'healthy' });
    expect(verdictOf(rule, r(17, 100))).toEqual({ kind: 'watch', side: 'above' });
    expect(verdictOf(rule, r(8, 100))).toEqual({ kind: 'watch', side: 'below' });
    expect(verdictOf(rule, r(25, 100))).toEqual({ kind: 'warning', side: 'above' });
  });

  it('warns at over 30% misrouting and below 80% complete handoffs', () => {
    expect(verdictOf(DEFAULT_RULES['misrouting-rate'], r(30, 100))).toEqual({ kind: 'healthy' });
    expect(verdictOf(DEFAULT_RULES['misrouting-rate'], r(31, 100))).toEqual({ kind: 'warning', side: 'above' });
    expect(verdictOf(DEFAULT_RULES['handoff-completeness'], r(79, 100))).toEqual({ kind: 'warning', side: 'below' });
  });

  it('does not call post-handoff CSAT healthy when the previous period has too few ratings to compare with', () => {
    const rule = DEFAULT_RULES['post-handoff-csat'];
    expect(verdictOf(rule, r(15, 40), null)).toEqual({ kind: 'not-enough-data', period: 'previous', cases: 0, need: 30 });
    expect(verdictOf(rule, r(15, 40), r(5, 10))).toEqual({ kind: 'not-enough-data', period: 'previous', cases: 10, need: 30 });
  });

  it('warns when post-handoff CSAT falls from 50% to 33%, and not when it falls by 2 points', () => {
    const rule = DEFAULT_RULES['post-handoff-csat'];
    expect(verdictOf(rule, r(13, 40), r(20, 40))).toEqual({ kind: 'warning', side: 'below' });
    expect(verdictOf(rule, r(48, 100), r(50, 100))).toEqual({ kind: 'healthy' });
  });

  it('takes a band the policy sets over the model default', () => {
    const rules = metricRules({ 'escalation-rate': { healthy: { min: 0.05, max: 0.08 }, warning: { max: 0.1 } } });
    expect(rules['escalation-rate'].source).toBe('policy');
    expect(rules['misrouting-rate'].source).toBe('model');
    expect(verdictOf(rules['escalation-rate'], r(12, 100))).toEqual({ kind: 'warning', side: 'above' });
  });
});

describe('trendOf', () => {
  it('reads CSAT going from 50% to 32.5% as worse by 17.5 points', () => {
    expect(trendOf(DEFAULT_RULES['post-handoff-csat'], r(13, 40), r(20, 40))).toEqual({ kind: 'worse', changePoints: -17.5 });
  });

  it('reads misrouting going from 20% to 10% as better, and a change under one point as steady', () => {
    expect(trendOf(DEFAULT_RULES['misrouting-rate'], r(10, 100), r(20, 100))).toEqual({ kind: 'better', changePoints: -10 });
    expect(trendOf(DEFAULT_RULES['misrouting-rate'], r(105, 1000), r(100, 1000))).toEqual({ kind: 'steady', changePoints: 0.5 });
  });

  it('reads escalations moving from 5% up to 12% as better: towards the 10–15% band', () => {
    expect(trendOf(DEFAULT_RULES['escalation-rate'], r(12, 100), r(5, 100))).toMatchObject({ kind: 'better', changePoints: 7 });
    expect(trendOf(DEFAULT_RULES['escalation-rate'], r(45, 100), r(18, 100))).toMatchObject({ kind: 'worse' });
  });

  it('gives no trend when either period has too few cases, and says which', () => {
    expect(trendOf(DEFAULT_RULES['reopen-48h-rate'], r(1, 12), r(5, 100))).toEqual({ kind: 'unknown', period: 'current', cases: 12, need: 30 });
    expect(trendOf(DEFAULT_RULES['reopen-48h-rate'], r(5, 100), undefined)).toEqual({ kind: 'unknown', period: 'previous', cases: 0, need: 30 });
  });
});

describe('excessCases', () => {
  it('counts 8 tickets too many when 20 of 40 are misrouted against at most 30%', () => {
    expect(excessCases(DEFAULT_RULES['misrouting-rate'], r(20, 40))).toBe(8);
  });

  it('counts 6 incomplete handoffs too many when 18 of 30 are complete against at least 80%', () => {
    expect(excessCases(DEFAULT_RULES['handoff-completeness'], r(18, 30))).toBe(6);
  });

  it('holds CSAT against a reference share and is never negative', () => {
    expect(excessCases(DEFAULT_RULES['post-handoff-csat'], r(5, 20), 0.5)).toBe(5);
    expect(excessCases(DEFAULT_RULES['post-handoff-csat'], r(5, 20))).toBe(0);
    expect(excessCases(DEFAULT_RULES['misrouting-rate'], r(1, 40))).toBe(0);
  });
});

describe('computeMetrics on post-handoff CSAT without a previous period', () => {
  it('reports no verdict (info), not "healthy", and says there is nothing to compare with', () => {
    const events: TierlineEvent[] = Array.from({ length: 8 }, (_, i) =>
      eventSchema.parse({ id: `csat-${String(i).padStart(4, '0')}`, type: 'csat', ticketId: `t${i}`, at: '2026-11-10T09:00:00Z', helpdesk: 'zendesk', agent: 'ana', data: { score: i < 3 ? 5 : 2, afterHandoff: true } }),
    );
    const csat = computeMetrics(events, { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }).metrics.find((m) => m.id === 'post-handoff-csat');
    expect(csat).toMatchObject({ numerator: 3, denominator: 8, previous: null, change: null, status: 'info' });
    expect(csat?.summary).toContain('no previous period');
  });
});

describe('the report and the verdicts read the bands alike', () => {
  it('gives every rate from 0 to 100 % the same standing in the report as in the verdict, band edges included', () => {
    const mismatches: string[] = [];
    for (let k = 0; k <= 100; k++) {
      const counts = {
        ...emptyCounts(),
        handled: 100,
        routed: 100,
        misrouted: k,
        escalated: k,
        reopened: k,
        repeated: k,
        transferred: 100,
        decisions: 100,
        overrides: k,
        escalations: 100,
        unnecessary: k,
        handoffs: 100,
        handoffsComplete: k,
      };
      for (const metric of metricsFromCounts(counts, undefined, 30)) {
        if (metric.id === 'post-handoff-csat') continue;
        const verdict = verdictOf(DEFAULT_RULES[metric.id], metric).kind;
        const expected = verdict === 'watch' ? 'info' : verdict;
        if (metric.status !== expected) mismatches.push(`${metric.id} at ${k}%: report ${metric.status}, verdict ${verdict}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('calls 20 % avoidable escalations a warning, as the article’s "20–40 % could be avoided" does', () => {
    expect(verdictOf(DEFAULT_RULES['unnecessary-escalation-rate'], r(6, 30))).toEqual({ kind: 'warning', side: 'above' });
    expect(verdictOf(DEFAULT_RULES['unnecessary-escalation-rate'], r(59, 300))).toEqual({ kind: 'healthy' });
  });
});

describe('a policy’s bands', () => {
  const counts = (misrouted: number) => ({ ...emptyCounts(), routed: 100, misrouted });
  const misrouting = (rules: ReturnType<typeof metricRules>, k: number) => metricsFromCounts(counts(k), undefined, 30, rules).find((m) => m.id === 'misrouting-rate');

  it('move a one-line metric’s warning line with its healthy band, in the report and the verdict alike', () => {
    const rules = metricRules({ 'misrouting-rate': { healthy: { max: 0.5 } } });
    expect(rules['misrouting-rate']).toMatchObject({ healthy: { max: 0.5 }, warning: { max: 0.5 }, source: 'policy' });
    expect(misrouting(metricRules(), 40)).toMatchObject({ status: 'warning', band: 'at most 30%' });
    expect(misrouting(rules, 40)).toMatchObject({ status: 'healthy', band: 'at most 50%' });
    expect(misrouting(rules, 51)).toMatchObject({ status: 'warning' });
    expect(verdictOf(rules['misrouting-rate'], r(40, 100))).toEqual({ kind: 'healthy' });
  });

  it('keep the model’s warning line for a two-sided band unless the policy sets one', () => {
    const rules = metricRules({ 'escalation-rate': { healthy: { min: 0.05, max: 0.12 } } });
    expect(rules['escalation-rate']).toMatchObject({ healthy: { min: 0.05, max: 0.12 }, warning: { max: 0.2 } });
    expect(verdictOf(rules['escalation-rate'], r(15, 100))).toEqual({ kind: 'watch', side: 'above' });
  });
});

describe('bandText', () => {
  it('states each band once, as the dashboard (in the lead’s locale) and the endpoint’s report show it', () => {
    expect(bandText(DEFAULT_RULES['escalation-rate'])).toBe('10–15%');
    expect(bandText(DEFAULT_RULES['unnecessary-escalation-rate'])).toBe('below 20%');
    expect(bandText(DEFAULT_RULES['handoff-completeness'])).toBe('at least 80%');
    expect(bandText(DEFAULT_RULES['post-handoff-csat'])).toBe('no drop of 3 points or more against the previous period');
    const german = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });
    expect(bandText(DEFAULT_RULES['escalation-rate'], (v) => german.format(v))).toBe('10–15\u00a0%');
  });

  it('is the band the report states for every metric, so the two cannot drift apart', () => {
    const report = metricsFromCounts(emptyCounts(), undefined, 30);
    expect(report.map((m) => m.id).sort()).toEqual([...METRIC_IDS].sort());
    for (const m of report) expect(m.band, m.id).toBe(bandText(DEFAULT_RULES[m.id]));
  });

  it('follows a policy that moves the band: handoff completeness at 90% and a CSAT drop of 5 points', () => {
    const rules = metricRules({ 'handoff-completeness': { healthy: { min: 0.9 } }, 'post-handoff-csat': { dropPoints: 5 } });
    const report = metricsFromCounts(emptyCounts(), undefined, 30, rules);
    expect(report.find((m) => m.id === 'handoff-completeness')?.band).toBe('at least 90%');
    expect(report.find((m) => m.id === 'post-handoff-csat')?.band).toBe('no drop of 5 points or more against the previous period');
  });
});
