import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { metricRules, periodPair } from '../../core/metrics';
import { AuditView } from './audit-view';
import { auditCsv, handoffsCsv, metricsCsv } from './csv';
import type { DashboardBackend, DashboardData } from './dashboard-data';
import { createFormat } from './format';
import { LeaksView } from './leaks-view';
import { LearningLoop, ReviewReminder } from './learning-review';
import { MetricsView } from './metrics-view';
import { createNames } from './names';
import { createTicketLinker } from './ticket-links';

export interface DashboardAppProps {
  backend: DashboardBackend;
  download: (fileName: string, text: string, type: string) => void;
  now?: () => Date;
  /** Where the settings are (the options page); the empty state links there. */
  optionsUrl: string;
  /** The browser's locale by default. */
  locale?: string;
}

export const PERIODS = [7, 30, 90] as const;

/** What to connect when there is nothing to show, instead of tables of zeros. */
function EmptyState({ data, optionsUrl, span }: { data: DashboardData; optionsUrl: string; span: string }) {
  return (
    <section class="tl-section tl-empty" aria-labelledby="empty-title" data-testid="tl-empty">
      <h2 id="empty-title">No handoff data yet</h2>
      {data.source === 'local' ? (
        <>
          <p>
            This browser has recorded no routing decisions, escalations or handoffs from {span}, and no sync endpoint is set, so there is nothing to measure. To see your team’s numbers,
            connect the team’s sync endpoint with a lead token.
          </p>
          <p>
            <a href={optionsUrl}>Open the Tierline settings</a> and fill in <strong>Sync endpoint</strong> and <strong>Token</strong> (an admin creates a lead token with{' '}
            <code>tierline token create --org ORG --role lead</code>).
          </p>
        </>
      ) : (
        <>
          <p>The team’s sync endpoint has no events from {span}. Agents’ browsers send them once their Tierline settings name the endpoint and an agent token.</p>
          <p>
            <a href={optionsUrl}>Open the Tierline settings</a> to check the endpoint and token on this browser.
          </p>
        </>
      )}
    </section>
  );
}

/** The lead dashboard: headline metrics against the previous period, where the model leaks, the learning loop and the handoff audit. */
export function DashboardApp({ backend, download, now = () => new Date(), optionsUrl, locale }: DashboardAppProps) {
  const [days, setDays] = useState<number>(30);
  const [data, setData] = useState<DashboardData | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    const at = now();
    backend.load(periodPair(at, days), at).then(
      (d) => setData({ ...d, handoffs: [...d.handoffs].sort((a, b) => b.at.localeCompare(a.at)) }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [backend, days, now]);
  useEffect(load, [load]);

  const fmt = useMemo(() => createFormat(locale), [locale]);
  const names = useMemo(() => createNames(data?.policy), [data?.policy]);
  const linker = useMemo(() => createTicketLinker(data?.helpdeskHosts ?? []), [data?.helpdeskHosts]);
  // The policy's bands where it sets them (metricBands), the support-levels model's elsewhere.
  const rules = useMemo(() => metricRules(data?.policy?.metricBands), [data?.policy]);
  const ui = { fmt, names, linker };
  const empty = data !== undefined && data.events.current === 0 && data.events.previous === 0;
  const csat = data?.metrics['post-handoff-csat'].current;

  return (
    <div class="tl-page">
      <header class="tl-header">
        <h1>Tierline lead dashboard</h1>
        <nav aria-label="Sections">
          <a href="#metrics-title">Metrics</a>
          <a href="#leaks-title">Where it leaks</a>
          <a href="#learning-title">Learning loop</a>
          <a href="#audit-title">Handoff audit</a>
        </nav>
        <label class="tl-field">
          <span>Period</span>
          <select value={String(days)} data-testid="tl-period" onChange={(e) => setDays(Number((e.currentTarget as HTMLSelectElement).value))}>
            {PERIODS.map((d) => (
              <option key={d} value={String(d)}>
                Last {d} days
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
              {data.source === 'endpoint' ? 'Team data from the organisation’s sync endpoint' : 'Data from this browser only (no sync endpoint configured)'}. This period:{' '}
              <strong>{fmt.span(data.period.current)}</strong>; previous: {fmt.span(data.period.previous)}. Days run midnight to midnight UTC.
            </p>
            {empty ? (
              <EmptyState data={data} optionsUrl={optionsUrl} span={fmt.span({ from: data.period.previous.from, to: data.period.current.to })} />
            ) : (
              <>
                <ReviewReminder
                  rolledOutAt={data.policy?.rolledOutAt}
                  lastReviewedAt={data.lastReviewedAt}
                  now={now()}
                  fmt={fmt}
                  onReviewed={() => {
                    backend.markReviewed(now().toISOString()).then(load, () => undefined);
                  }}
                />
                <section class="tl-section" aria-labelledby="metrics-title">
                  <h2 id="metrics-title">Metrics: this period against the previous one</h2>
                  <button type="button" onClick={() => download('tierline-metrics.csv', metricsCsv(data, rules), 'text/csv')}>
                    Export metrics CSV
                  </button>
                  <MetricsView data={data} rules={rules} fmt={fmt} />
                </section>
                <section class="tl-section" aria-labelledby="leaks-title">
                  <h2 id="leaks-title">Where does the model leak?</h2>
                  <LeaksView leaks={data.leaks} rules={rules} csatReference={csat && csat.denominator > 0 ? csat.value : undefined} fmt={fmt} names={names} linker={linker} />
                </section>
                <section class="tl-section" aria-labelledby="learning-title">
                  <h2 id="learning-title">Learning loop</h2>
                  <LearningLoop learning={data.learning} unit={data.series.unit} fmt={fmt} names={names} linker={linker} />
                </section>
                <section class="tl-section" aria-labelledby="audit-title">
                  <h2 id="audit-title">Handoff completeness audit</h2>
                  <button type="button" onClick={() => download('tierline-handoffs.csv', handoffsCsv(data.handoffs), 'text/csv')}>
                    Export handoffs CSV
                  </button>
                  <AuditView rows={data.handoffs} ui={ui} onExport={(dimension, groups) => download(`tierline-audit-by-${dimension}.csv`, auditCsv(dimension, groups), 'text/csv')} />
                </section>
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}
