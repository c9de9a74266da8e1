import { bandText, METRIC_DEFINITIONS, type MetricId, type MetricRule, trendOf, verdictOf } from '../../core/metrics';
import type { DashboardData } from './dashboard-data';
import type { Format } from './format';
import { MetricChart } from './metric-chart';
import { trendWords, verdictLabel, verdictWords } from './names';

/** The metrics the model asks leads to watch, in the order a lead reads them. */
export const CHARTED_METRICS: readonly MetricId[] = [
  'escalation-rate',
  'misrouting-rate',
  'override-rate',
  'unnecessary-escalation-rate',
  'reopen-48h-rate',
  'post-handoff-csat',
  'repeat-explanation-rate',
  'handoff-completeness',
];

const bucketWord = (unit: 'day' | 'week', n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;

function MetricCard({ id, data, rule, fmt }: { id: MetricId; data: DashboardData; rule: MetricRule; fmt: Format }) {
  const d = METRIC_DEFINITIONS[id];
  const { current, previous } = data.metrics[id];
  const verdict = verdictOf(rule, current, previous);
  const trend = trendOf(rule, current, previous);
  const { buckets, unit } = data.series;
  const values = data.series.values[id] ?? [];
  const partial = buckets.filter((b) => b.partial);
  const cases = (n: number) => `${fmt.count(n)} ${n === 1 ? rule.caseNoun.one : rule.caseNoun.other}`;
  const thin = verdict.kind === 'not-enough-data';
  return (
    <article class={`tl-metric tl-verdict-${verdict.kind}`} data-testid="tl-metric" data-metric={id} data-verdict={verdict.kind} aria-labelledby={`metric-${id}`}>
      <header>
        <h3 id={`metric-${id}`}>{d.label}</h3>
        <span class={`tl-metric-value${thin ? ' tl-thin' : ''}`} data-testid="tl-metric-value">
          {current.denominator > 0 ? fmt.percent(current.value) : '—'}
        </span>
        <span class={`tl-pill tl-verdict-pill-${verdict.kind}`} data-testid="tl-verdict">
          {verdictLabel(verdict)}
        </span>
      </header>
      <dl class="tl-compare">
        <dt>This period</dt>
        <dd data-testid="tl-current">
          {current.denominator > 0 ? `${fmt.percent(current.value)} of ${cases(current.denominator)}` : `no ${rule.caseNoun.other}`}
        </dd>
        <dt>Previous</dt>
        <dd data-testid="tl-previous">{previous === null ? 'not known' : previous.denominator > 0 ? `${fmt.percent(previous.value)} of ${cases(previous.denominator)}` : `no ${rule.caseNoun.other}`}</dd>
        <dt>Trend</dt>
        <dd data-testid="tl-trend" class={`tl-trend-${trend.kind}`}>
          {trendWords(trend, rule.caseNoun, fmt)}
        </dd>
        <dt>Healthy</dt>
        <dd data-testid="tl-band">
          {bandText(rule, fmt.percent)} <span class="tl-muted">({rule.source === 'policy' ? 'your policy' : 'support-levels model; the policy sets none'})</span>
        </dd>
      </dl>
      {thin && (
        <p class="tl-thin-note" data-testid="tl-not-enough">
          {verdictWords(verdict, rule.caseNoun)}. No verdict until then.
        </p>
      )}
      {(verdict.kind === 'warning' || verdict.kind === 'watch') && (
        <p class={verdict.kind === 'warning' ? 'tl-warning' : 'tl-watch'} data-testid={verdict.kind === 'warning' ? 'tl-metric-warning' : 'tl-metric-watch'}>
          <strong>{d.signal}.</strong> Recommended: {d.action}
        </p>
      )}
      <figure
        role="img"
        aria-label={`${d.label} per ${unit} over the previous period and this one, ${bucketWord(unit, buckets.length)}; the shaded band is healthy (${bandText(rule, fmt.percent)})${
          partial.length ? `; dashed with hollow points: partial ${unit}s (${partial.map((b) => `${fmt.day(b.start)}, ${Math.round(b.coverage * 100)}% covered`).join('; ')})` : ''
        }.`}
      >
        <MetricChart id={id} label={d.label} rule={rule} period={data.period} buckets={buckets} values={values} axisDay={fmt.shortDay} />
      </figure>
    </article>
  );
}

/** Every metric: this period beside the previous one, the trend, the healthy band, and a chart by day or week. */
export function MetricsView({ data, rules, fmt }: { data: DashboardData; rules: Record<MetricId, MetricRule>; fmt: Format }) {
  const unit = data.series.unit;
  return (
    <>
      <p class="tl-muted tl-legend">
        <span class="tl-key tl-key-whole" aria-hidden="true" /> whole {unit} <span class="tl-key tl-key-partial" aria-hidden="true" /> partial {unit} (cut by the period’s edge, or still running){' '}
        <span class="tl-key tl-key-band" aria-hidden="true" /> healthy band. A verdict needs {rules['escalation-rate'].minCases} cases in the period.
      </p>
      <div class="tl-metrics">
        {CHARTED_METRICS.map((id) => (
          <MetricCard key={id} id={id} data={data} rule={rules[id]} fmt={fmt} />
        ))}
      </div>
    </>
  );
}
