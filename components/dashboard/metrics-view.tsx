import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { ESCALATION_BAND, type MetricView, type WeeklyMetrics } from './metric-series';

/** The metrics the model asks leads to watch, in the order a lead reads them. */
export const CHARTED_METRICS = [
  'escalation-rate',
  'misrouting-rate',
  'override-rate',
  'unnecessary-escalation-rate',
  'reopen-48h-rate',
  'post-handoff-csat',
  'repeat-explanation-rate',
] as const;

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** One uPlot line chart of a metric's weekly values (in %), with the escalation band drawn behind its line. */
function Chart({ id, label, weeks, values }: { id: string; label: string; weeks: string[]; values: (number | null)[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const fg = cssVar('--tl-fg', '#1f2328');
    const grid = cssVar('--tl-grid', 'rgba(128,128,128,0.25)');
    const line = cssVar('--tl-accent', '#0969da');
    const xs = weeks.map((w) => Date.parse(`${w}T00:00:00Z`) / 1000);
    const ys = values.map((v) => (v === null ? null : v * 100));
    const band =
      id === 'escalation-rate'
        ? (u: uPlot) => {
            const top = u.valToPos(ESCALATION_BAND.high * 100, 'y', true);
            const bottom = u.valToPos(ESCALATION_BAND.low * 100, 'y', true);
            u.ctx.save();
            u.ctx.fillStyle = 'rgba(46, 160, 67, 0.22)';
            u.ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
            u.ctx.restore();
          }
        : undefined;
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth || 520),
        height: 170,
        legend: { show: false },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(id === 'escalation-rate' ? 25 : 10, Math.ceil((max ?? 0) / 5) * 5)] } },
        axes: [
          { stroke: fg, grid: { stroke: grid }, ticks: { stroke: grid } },
          { stroke: fg, grid: { stroke: grid }, ticks: { stroke: grid }, values: (_u, splits) => splits.map((s) => `${s}%`), size: 48 },
        ],
        series: [{}, { label, stroke: line, width: 2, spanGaps: true, points: { show: true, size: 5 } }],
        hooks: band ? { drawClear: [band] } : {},
      },
      [xs, ys],
      el,
    );
    return () => plot.destroy();
  }, [id, label, weeks, values]);
  return <div ref={host} class="tl-chart" data-testid={`tl-chart-${id}`} />;
}

function MetricCard({ metric, weeks, values }: { metric: MetricView; weeks: string[]; values: (number | null)[] }) {
  const described = values.filter((v) => v !== null).length;
  return (
    <article class={`tl-metric tl-status-${metric.status}`} data-testid="tl-metric" data-metric={metric.id} aria-labelledby={`metric-${metric.id}`}>
      <header>
        <h3 id={`metric-${metric.id}`}>{metric.label}</h3>
        <span class="tl-metric-value">{metric.denominator > 0 ? pct(metric.value) : '—'}</span>
        <span class={`tl-pill tl-status-pill-${metric.status}`}>{metric.status.replace('-', ' ')}</span>
      </header>
      <p class="tl-muted">
        {metric.summary} Healthy: {metric.band}.
      </p>
      {metric.status === 'warning' && (
        <p class="tl-warning" data-testid="tl-metric-warning">
          <strong>{metric.signal}.</strong> Recommended: {metric.action}
        </p>
      )}
      <figure role="img" aria-label={`${metric.label} per week over ${weeks.length} weeks, ${described} with data${metric.id === 'escalation-rate' ? '; the shaded band is the healthy 10–15%' : ''}.`}>
        <Chart id={metric.id} label={metric.label} weeks={weeks} values={values} />
      </figure>
    </article>
  );
}

export function MetricsView({ metrics }: { metrics: WeeklyMetrics }) {
  const byId = new Map(metrics.overall.map((m) => [m.id, m]));
  return (
    <div class="tl-metrics">
      {CHARTED_METRICS.map((id) => {
        const metric = byId.get(id);
        if (!metric) return null;
        return <MetricCard key={id} metric={metric} weeks={metrics.weeks} values={metrics.series[id] ?? []} />;
      })}
    </div>
  );
}
