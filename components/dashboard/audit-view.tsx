import { useMemo, useState } from 'preact/hooks';
import type { Format } from './format';
import { type AuditDimension, auditBy, type HandoffRow, topMissingItems } from './handoff-audit';
import type { Names } from './names';
import type { TicketLinker } from './ticket-links';

const PAGE = 50;
const pct = (v: number) => `${Math.round(v * 100)}%`;

export interface Ui {
  fmt: Format;
  names: Names;
  linker: TicketLinker;
}

function HandoffDetail({ row, ui, onClose }: { row: HandoffRow; ui: Ui; onClose: () => void }) {
  const { fmt, names, linker } = ui;
  const link = linker.link(row);
  return (
    <section class="tl-detail" aria-labelledby="handoff-detail-title" data-testid="tl-handoff-detail">
      <h3 id="handoff-detail-title">
        Handoff of {link.label} · {names.stage(row.stage)}
      </h3>
      <p>
        {link.href ? (
          <a href={link.href} target="_blank" rel="noreferrer" data-testid="tl-ticket-link">
            Open {link.label} in {names.helpdesk(row.helpdesk)}
          </a>
        ) : (
          <span class="tl-muted" data-testid="tl-link-why">
            {linker.why([row.helpdesk]).join(' ')}
          </span>
        )}
      </p>
      <dl>
        <dt>When</dt>
        <dd>{fmt.dateTime(row.at)}</dd>
        <dt>Agent / team</dt>
        <dd>
          {row.agent} / {names.team(row.team ?? '(no team)')}
        </dd>
        <dt>Stage</dt>
        <dd>
          {names.tier(row.from)} → {names.tier(row.to)}
        </dd>
        <dt>Completeness</dt>
        <dd>
          {row.completeness}% {row.complete ? '(complete)' : row.blocked ? '(blocked by policy)' : '(sent incomplete)'}
        </dd>
        <dt>Missing</dt>
        <dd>{row.missing.length ? row.missing.join(', ') : 'nothing'}</dd>
        <dt>Handoff id</dt>
        <dd>
          <code>{row.id}</code>
        </dd>
      </dl>
      <button type="button" onClick={onClose}>
        Close detail
      </button>
    </section>
  );
}

/**
 * The handoff completeness audit: groups by agent, team or stage (aggregated
 * once per dimension), then the handoffs themselves one page at a time so
 * 10,000 rows never reach the DOM together.
 */
export function AuditView({ rows, ui, onExport }: { rows: readonly HandoffRow[]; ui: Ui; onExport: (dimension: AuditDimension, groups: ReturnType<typeof auditBy>) => void }) {
  const { fmt, names } = ui;
  const [dimension, setDimension] = useState<AuditDimension>('agent');
  const [filter, setFilter] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<HandoffRow | undefined>();
  const groupName = (key: string) => (dimension === 'stage' ? names.stage(key) : dimension === 'team' ? names.team(key) : key);
  const groups = useMemo(() => auditBy(rows, dimension), [rows, dimension]);
  const overallMissing = useMemo(() => topMissingItems(rows, 5), [rows]);
  const complete = useMemo(() => rows.reduce((n, r) => n + (r.complete ? 1 : 0), 0), [rows]);
  const filtered = useMemo(
    () => (filter === undefined ? rows : rows.filter((r) => (dimension === 'team' ? (r.team ?? '(no team)') : r[dimension]) === filter)),
    [rows, filter, dimension],
  );
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const visible = filtered.slice(page * PAGE, page * PAGE + PAGE);

  return (
    <div class="tl-audit">
      <p data-testid="tl-audit-summary">
        {rows.length} handoffs, {rows.length ? pct(complete / rows.length) : '0%'} complete.
        {overallMissing.length > 0 && <> Most often missing: {overallMissing.map((m) => `${m.item} (${m.count})`).join(', ')}.</>}
      </p>
      <fieldset class="tl-tabs tl-plain">
        <legend class="tl-sr">Group the audit by</legend>
        {(['agent', 'team', 'stage'] as const).map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={dimension === d}
            onClick={() => {
              setDimension(d);
              setFilter(undefined);
              setPage(0);
            }}
          >
            By {names.dimension(d).toLowerCase()}
          </button>
        ))}
        <button type="button" onClick={() => onExport(dimension, groups)}>
          Export audit CSV
        </button>
      </fieldset>
      <table class="tl-table" data-testid="tl-audit-groups">
        <caption>Handoff completeness by {dimension}; choose a row to list its handoffs</caption>
        <thead>
          <tr>
            <th scope="col">{names.dimension(dimension)}</th>
            <th scope="col">Handoffs</th>
            <th scope="col">Complete</th>
            <th scope="col">Mean score</th>
            <th scope="col">Most often missing</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} class={filter === g.key ? 'tl-selected' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  class="tl-link"
                  aria-pressed={filter === g.key}
                  onClick={() => {
                    setFilter(filter === g.key ? undefined : g.key);
                    setPage(0);
                  }}
                >
                  {groupName(g.key)}
                </button>
              </th>
              <td>{g.total}</td>
              <td>
                <meter min={0} max={1} low={0.6} high={0.8} optimum={1} value={g.shareComplete} aria-label={`${g.key}: ${pct(g.shareComplete)} complete`} /> {pct(g.shareComplete)}
              </td>
              <td>{Math.round(g.averageCompleteness)}</td>
              <td>{g.topMissing.map((m) => `${m.item} (${m.count})`).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>
        Handoffs{filter !== undefined && ` of ${groupName(filter)}`} ({filtered.length})
      </h3>
      <table class="tl-table" data-testid="tl-handoff-list">
        <caption class="tl-sr">Handoffs, newest first; open one for its detail</caption>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">When</th>
            <th scope="col">Agent</th>
            <th scope="col">Stage</th>
            <th scope="col">Score</th>
            <th scope="col">Missing</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <button type="button" class="tl-link" onClick={() => setSelected(r)} aria-label={`${ui.linker.link(r).label}: open the handoff`}>
                  {r.ticketId}
                </button>
              </th>
              <td>{fmt.dateTime(r.at)}</td>
              <td>{r.agent}</td>
              <td>{names.stage(r.stage)}</td>
              <td>{r.completeness}</td>
              <td>{r.missing.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="tl-pager" aria-label="Handoff pages">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <span>
          Page {page + 1} of {pages}
        </span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          Next page
        </button>
      </nav>
      {selected && <HandoffDetail row={selected} ui={ui} onClose={() => setSelected(undefined)} />}
    </div>
  );
}
