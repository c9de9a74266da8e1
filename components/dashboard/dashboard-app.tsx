import { useCallback, useEffect, useState } from 'preact/hooks';
import { AuditView } from './audit-view';
import { auditCsv, handoffsCsv, metricsCsv } from './csv';
import { type DashboardBackend, type DashboardData, lastDays } from './dashboard-data';
import { LearningLoop, ReviewReminder } from './learning-review';
import { MetricsView } from './metrics-view';

export interface DashboardAppProps {
  backend: DashboardBackend;
  download: (fileName: string, text: string, type: string) => void;
  now?: () => Date;
}

const PERIODS = [28, 90, 180] as const;

/** The lead dashboard: handoff audit, metrics over time, learning loop and review cadence. */
export function DashboardApp({ backend, download, now = () => new Date() }: DashboardAppProps) {
  const [days, setDays] = useState<number>(90);
  const [data, setData] = useState<DashboardData | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    backend.load(lastDays(now(), days)).then(
      (d) => setData({ ...d, handoffs: [...d.handoffs].sort((a, b) => b.at.localeCompare(a.at)) }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [backend, days, now]);
  useEffect(load, [load]);

  return (
    <div class="tl-page">
      <header class="tl-header">
        <h1>Tierline lead dashboard</h1>
        <nav aria-label="Sections">
          <a href="#audit-title">Handoff audit</a>
          <a href="#metrics-title">Metrics</a>
          <a href="#learning-title">Learning loop</a>
        </nav>
        <label class="tl-field">
          <span>Period</span>
          <select value={String(days)} onChange={(e) => setDays(Number((e.currentTarget as HTMLSelectElement).value))}>
            {PERIODS.map((d) => (
              <option key={d} value={String(d)}>
                last {d} days
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {error && (
          <p class="tl-error" role="alert">
            Could not load the dashboard: {error}
          </p>
        )}
        {!data && !error && <p>Loading…</p>}
        {data && (
          <>
            <p class="tl-muted" data-testid="tl-data-source">
              {data.source === 'endpoint' ? "Team data from the organisation's sync endpoint" : 'Data from this browser only (no sync endpoint configured)'}, {data.period.from.slice(0, 10)} to {data.period.to.slice(0, 10)}.
            </p>
            <ReviewReminder
              rolledOutAt={data.policy?.rolledOutAt}
              lastReviewedAt={data.lastReviewedAt}
              now={now()}
              onReviewed={() => {
                backend.markReviewed(now().toISOString()).then(load, () => undefined);
              }}
            />
            <section class="tl-section" aria-labelledby="audit-title">
              <h2 id="audit-title">Handoff completeness audit</h2>
              <button type="button" onClick={() => download('tierline-handoffs.csv', handoffsCsv(data.handoffs), 'text/csv')}>
                Export handoffs CSV
              </button>
              <AuditView rows={data.handoffs} onExport={(dimension, groups) => download(`tierline-audit-by-${dimension}.csv`, auditCsv(dimension, groups), 'text/csv')} />
            </section>
            <section class="tl-section" aria-labelledby="metrics-title">
              <h2 id="metrics-title">Metrics over time</h2>
              <button type="button" onClick={() => download('tierline-metrics.csv', metricsCsv(data.metrics), 'text/csv')}>
                Export metrics CSV
              </button>
              <MetricsView metrics={data.metrics} />
            </section>
            <section class="tl-section" aria-labelledby="learning-title">
              <h2 id="learning-title">Learning loop</h2>
              <LearningLoop learning={data.learning} />
            </section>
          </>
        )}
      </main>
    </div>
  );
}
