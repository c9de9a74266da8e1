import { useMemo, useState } from 'preact/hooks';
import { bandText, CSAT_DROP_POINTS, METRIC_DEFINITIONS, MIN_CELL_CASES, type MetricId, type MetricRule, type RankedLeak, rankLeaks, type TicketRef } from '../../core/metrics';
import { LEAK_VIEWS, type LeakSource, type LeakViewId } from './dashboard-data';
import type { Format } from './format';
import { CHARTED_METRICS } from './metrics-view';
import { type Names, verdictLabel, verdictWords } from './names';
import type { TicketLinker } from './ticket-links';

/** Rows shown before "Show all". */
const TOP = 15;

export interface LeaksViewProps {
  leaks: Record<LeakViewId, LeakSource>;
  rules: Record<MetricId, MetricRule>;
  /** The whole team's post-handoff CSAT this period: what a cell's CSAT is held against. */
  csatReference: number | undefined;
  fmt: Format;
  names: Names;
  linker: TicketLinker;
}

function TicketList({ title, tickets, linker, fmt, onClose }: { title: string; tickets: readonly TicketRef[]; linker: TicketLinker; fmt: Format; onClose: () => void }) {
  const why = linker.why(tickets.map((t) => t.helpdesk));
  return (
    <section class="tl-detail" aria-labelledby="leak-tickets-title" data-testid="tl-leak-tickets">
      <h3 id="leak-tickets-title">{title}</h3>
      {why.map((w) => (
        <p key={w} class="tl-muted" data-testid="tl-link-why">
          {w}
        </p>
      ))}
      <ul class="tl-tickets">
        {tickets.map((t) => {
          const link = linker.link(t);
          return (
            <li key={`${t.helpdesk}-${t.ticketId}`}>
              {link.href ? (
                <a href={link.href} target="_blank" rel="noreferrer" data-testid="tl-ticket-link">
                  {link.label}
                </a>
              ) : (
                <span data-testid="tl-ticket-id">{link.label}</span>
              )}{' '}
              <span class="tl-muted">· last event {fmt.dateTime(t.lastAt)}</span>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onClose}>
        Close ticket list
      </button>
    </section>
  );
}

/**
 * "Where does the model leak?": for one metric, the cells of stage × issue
 * type (or agent, team, helpdesk), the most cases beyond the healthy band
 * first, each with the metric's recommended action and the tickets behind it.
 */
export function LeaksView({ leaks, rules, csatReference, fmt, names, linker }: LeaksViewProps) {
  const [metric, setMetric] = useState<MetricId>('misrouting-rate');
  const [view, setView] = useState<LeakViewId>('stage-issue-type');
  const [showAll, setShowAll] = useState(false);
  const [opened, setOpened] = useState<{ title: string; tickets: readonly TicketRef[] } | undefined>();
  const source = leaks[view];
  const rule = rules[metric];
  const definition = METRIC_DEFINITIONS[metric];
  const ranked: RankedLeak[] = useMemo(
    () => (source.available && source.metrics.includes(metric) ? rankLeaks(source.cells, rule, csatReference === undefined ? {} : { reference: csatReference }) : []),
    [source, metric, rule, csatReference],
  );
  const visible = showAll ? ranked : ranked.slice(0, TOP);
  const cellName = (r: RankedLeak) => (source.available ? source.dimensions.map((d, i) => names.value(d, r.cell.keys[i] ?? '')).join(' · ') : '');
  const reset = () => {
    setShowAll(false);
    setOpened(undefined);
  };

  return (
    <div class="tl-leaks">
      <div class="tl-toolbar">
        <label class="tl-field">
          <span>Metric</span>
          <select
            value={metric}
            data-testid="tl-leak-metric"
            onChange={(e) => {
              setMetric((e.currentTarget as HTMLSelectElement).value as MetricId);
              reset();
            }}
          >
            {CHARTED_METRICS.map((id) => (
              <option key={id} value={id}>
                {METRIC_DEFINITIONS[id].label}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="tl-tabs tl-plain">
          <legend class="tl-sr">Break down by</legend>
          {LEAK_VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={view === v.id}
              data-leak-view={v.id}
              onClick={() => {
                setView(v.id);
                reset();
              }}
            >
              {v.label}
            </button>
          ))}
        </fieldset>
      </div>
      <p class="tl-muted" data-testid="tl-leak-band">
        Healthy: {rule.healthy.max !== undefined || rule.healthy.min !== undefined ? bandText(rule, fmt.percent) : `no cell ${rule.dropPoints ?? CSAT_DROP_POINTS} points or more below the team’s share`}. Worst first: most {rule.caseNoun.other} beyond the healthy band
        {metric === 'post-handoff-csat' && csatReference !== undefined ? ` (here, the team’s ${fmt.percent(csatReference)} satisfied)` : ''}; cells under {MIN_CELL_CASES} cases come last, without a verdict.
      </p>
      {source.available && source.note && (
        <p class="tl-muted" data-testid="tl-leak-note">
          {source.note}
        </p>
      )}
      {!source.available && <p data-testid="tl-leak-note">{source.reason}</p>}
      {source.available && !source.metrics.includes(metric) && (
        <p data-testid="tl-leak-unavailable">
          {definition.label} is not available in this view from this source. {source.note}
        </p>
      )}
      {source.available && source.metrics.includes(metric) && ranked.length === 0 && <p class="tl-muted">No {rule.caseNoun.other} in this period.</p>}
      {ranked.length > 0 && source.available && (
        <table class="tl-table" data-testid="tl-leaks">
          <caption>
            {definition.label} by {source.dimensions.map((d) => names.dimension(d).toLowerCase()).join(' × ')}, worst first
          </caption>
          <thead>
            <tr>
              <th scope="col">{source.dimensions.map((d) => names.dimension(d)).join(' × ')}</th>
              <th scope="col">Rate</th>
              <th scope="col">Cases</th>
              <th scope="col">Beyond healthy</th>
              <th scope="col">Verdict</th>
              <th scope="col">Recommended</th>
              <th scope="col">Tickets</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => {
              const name = cellName(r);
              const tickets = r.cell.behind?.[metric];
              const flagged = r.verdict.kind === 'warning' || r.verdict.kind === 'watch';
              return (
                <tr key={r.cell.keys.join('\u0000')} data-testid="tl-leak-row" data-keys={r.cell.keys.join('|')} data-verdict={r.verdict.kind}>
                  <th scope="row">{name}</th>
                  <td>{fmt.percent(r.ratio.value)}</td>
                  <td>
                    {fmt.count(r.ratio.numerator)} of {fmt.count(r.ratio.denominator)}
                  </td>
                  <td>{r.verdict.kind === 'not-enough-data' ? '—' : fmt.count(r.excess)}</td>
                  <td>
                    <span class={`tl-pill tl-verdict-pill-${r.verdict.kind}`} title={verdictWords(r.verdict, rule.caseNoun)}>
                      {r.verdict.kind === 'not-enough-data' ? `Not enough data (need ${r.verdict.need})` : verdictLabel(r.verdict)}
                    </span>
                  </td>
                  <td class="tl-action">{flagged ? definition.action : '—'}</td>
                  <td>
                    {tickets && tickets.length > 0 ? (
                      <button type="button" class="tl-link" data-testid="tl-leak-tickets-open" onClick={() => setOpened({ title: `${definition.label}: ${name}`, tickets })}>
                        {fmt.count(tickets.length)} {tickets.length === 1 ? 'ticket' : 'tickets'}
                      </button>
                    ) : tickets ? (
                      'none'
                    ) : (
                      <span class="tl-muted" title="The sync endpoint gives counts for this metric, not the tickets behind them.">
                        not listed
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {ranked.length > TOP && (
        <button type="button" onClick={() => setShowAll(!showAll)}>
          {showAll ? `Show the worst ${TOP}` : `Show all ${ranked.length}`}
        </button>
      )}
      {opened && <TicketList title={opened.title} tickets={opened.tickets} linker={linker} fmt={fmt} onClose={() => setOpened(undefined)} />}
    </div>
  );
}
