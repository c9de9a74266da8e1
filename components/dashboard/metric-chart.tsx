import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { Bucket, MetricRule, PeriodPair, Ratio } from '../../core/metrics';
import { chartLines } from './metric-series';

export interface MetricChartProps {
  id: string;
  label: string;
  rule: MetricRule;
  period: PeriodPair;
  buckets: readonly Bucket[];
  values: readonly (Ratio | null)[];
  /** Axis labels in the page's one date style: "Mar 4". */
  axisDay: (ms: number) => string;
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** The y axis: from 0 to a little above the data and the band, in steps of 5 points, at most 100. */
function yMax(rule: MetricRule, max: number | null | undefined): number {
  const band = Math.max(rule.healthy.max ?? 0, rule.healthy.min ?? 0, rule.warning.max ?? 0) * 100;
  return Math.min(100, Math.max(10, Math.ceil((Math.max(max ?? 0, band * 1.25) + 1) / 5) * 5));
}

/**
 * One metric across the previous period and this one, a point per day or
 * week: whole buckets as a solid line, partial ones (cut by the period's edge,
 * or still running) dashed with hollow points; the healthy band shaded; the
 * previous period greyed behind.
 */
export function MetricChart({ id, label, rule, period, buckets, values, axisDay }: MetricChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const fg = cssVar('--tl-fg', '#1f2328');
    const muted = cssVar('--tl-muted', '#57606a');
    const grid = cssVar('--tl-grid', 'rgba(128,128,128,0.25)');
    const line = cssVar('--tl-accent', '#0969da');
    const bg = cssVar('--tl-bg', '#ffffff');
    const xs = buckets.map((b) => Date.parse(b.start) / 1000);
    const { whole, partial } = chartLines(values, buckets);
    // Hollow points on the partial buckets alone: the dashed line also runs through their whole neighbours.
    const partialPoints = buckets.flatMap((b, i) => (b.partial && partial[i] !== null ? [i] : []));
    const currentFrom = Date.parse(period.current.from) / 1000;
    const background = (u: uPlot) => {
      const { ctx, bbox } = u;
      ctx.save();
      // The previous period, greyed.
      const split = Math.min(bbox.left + bbox.width, Math.max(bbox.left, u.valToPos(currentFrom, 'x', true)));
      ctx.fillStyle = 'rgba(128, 128, 128, 0.10)';
      ctx.fillRect(bbox.left, bbox.top, split - bbox.left, bbox.height);
      ctx.fillStyle = muted;
      ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
      ctx.textBaseline = 'top';
      ctx.fillText('previous', bbox.left + 4 * devicePixelRatio, bbox.top + 4 * devicePixelRatio);
      ctx.fillText('this period', split + 4 * devicePixelRatio, bbox.top + 4 * devicePixelRatio);
      // The healthy band.
      const low = rule.healthy.min ?? (rule.healthy.max !== undefined ? 0 : undefined);
      const high = rule.healthy.max ?? (rule.healthy.min !== undefined ? 1 : undefined);
      if (low !== undefined && high !== undefined) {
        const top = u.valToPos(Math.min(high * 100, u.scales.y?.max ?? 100), 'y', true);
        const bottom = u.valToPos(low * 100, 'y', true);
        ctx.fillStyle = 'rgba(46, 160, 67, 0.18)';
        ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
      }
      ctx.restore();
    };
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth || 520),
        height: 160,
        legend: { show: false },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: {
          x: { time: true, range: (_u, min, max) => [Math.min(min ?? currentFrom, Date.parse(period.previous.from) / 1000), max ?? currentFrom] },
          y: { range: (_u, _min, max) => [0, yMax(rule, max)] },
        },
        axes: [
          { stroke: fg, grid: { stroke: grid }, ticks: { stroke: grid }, values: (_u, splits) => splits.map((s) => axisDay(s * 1000)) },
          { stroke: fg, grid: { stroke: grid }, ticks: { stroke: grid }, values: (_u, splits) => splits.map((s) => `${s}%`), size: 48 },
        ],
        series: [
          {},
          { label, stroke: line, width: 2, spanGaps: false, points: { show: true, size: 6, fill: line } },
          { label: `${label} (partial)`, stroke: line, width: 1.5, dash: [5, 4], spanGaps: false, points: { show: true, size: 7, fill: bg, stroke: line, filter: partialPoints } },
        ],
        hooks: { drawClear: [background] },
      },
      [xs, whole, partial],
      el,
    );
    return () => plot.destroy();
  }, [label, rule, period, buckets, values, axisDay]);
  return <div ref={host} class="tl-chart" data-testid={`tl-chart-${id}`} />;
}
