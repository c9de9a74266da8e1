import { KB_LINKS_RECORDED, type TicketRef } from '../../core/metrics';
import { getReviewCadence } from '../../core/policy/review-cadence';
import type { LearningData } from './dashboard-data';
import type { Format } from './format';
import { type Names, SUGGESTION_WORDS } from './names';
import type { TicketLinker } from './ticket-links';

interface Counted {
  key: string;
  count: number;
  partial: boolean;
}

/** Counts per day or week as small bars, the partial ones hatched; the numbers are the accessible text. */
function CountBars({ counts, unit, fmt }: { counts: readonly Counted[]; unit: 'day' | 'week'; fmt: Format }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const text = counts.map((c) => `${fmt.day(`${c.key}T00:00:00Z`)}: ${c.count}${c.partial ? ' (partial)' : ''}`).join('; ');
  return (
    <span class="tl-bars" role="img" aria-label={`Per ${unit}: ${text}`} title={text}>
      {counts.map((c) => (
        <span key={c.key} class={`tl-bar${c.partial ? ' tl-bar-partial' : ''}`} style={{ height: `${Math.max(2, Math.round((c.count / max) * 22))}px` }} />
      ))}
    </span>
  );
}

function Tickets({ refs, linker }: { refs: readonly TicketRef[]; linker: TicketLinker }) {
  return (
    <>
      {refs.map((t, i) => {
        const link = linker.link(t);
        return (
          <span key={`${t.helpdesk}-${t.ticketId}`}>
            {i > 0 && ', '}
            {link.href ? (
              <a href={link.href} target="_blank" rel="noreferrer">
                {t.ticketId}
              </a>
            ) : (
              <span title={link.label}>{t.ticketId}</span>
            )}
          </span>
        );
      })}
    </>
  );
}

const KB_NOTE = 'Whether a knowledge-base article was linked since cannot be shown: Tierline does not record knowledge-base links on tickets yet.';

/** The learning loop: recurring Tier 2 and Tier 3 escalations that can teach Tier 1. */
export function LearningLoop({ learning, unit, fmt, names, linker }: { learning: LearningData; unit: 'day' | 'week'; fmt: Format; names: Names; linker: TicketLinker }) {
  if (learning.topics.length === 0) return <p class="tl-muted">No Tier 2 or Tier 3 escalation recurred in this period.</p>;
  return (
    <>
      <table class="tl-table" data-testid="tl-learning">
        <caption>Recurring Tier 2 / Tier 3 escalations, grouped by issue type and the words agents wrote, most frequent first</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Escalations</th>
            <th scope="col">Per {unit}</th>
            <th scope="col">Avoidable</th>
            <th scope="col">Went to</th>
            <th scope="col">Last seen</th>
            <th scope="col">Candidate for</th>
            <th scope="col">Latest tickets</th>
          </tr>
        </thead>
        <tbody>
          {learning.topics.map((t) => (
            <tr key={`${t.issueType}-${t.terms.join('-')}`} data-testid="tl-topic">
              <th scope="row">
                {names.issueType(t.issueType)}
                {t.terms.length > 0 && <span class="tl-muted"> · {t.terms.join(', ')}</span>}
              </th>
              <td>{fmt.count(t.escalations)}</td>
              <td>
                <CountBars counts={t.counts} unit={unit} fmt={fmt} />
              </td>
              <td>{fmt.count(t.unnecessary)}</td>
              <td>{[t.byTier.T2 ? `Tier 2 (${t.byTier.T2})` : '', t.byTier.T3 ? `Tier 3 (${t.byTier.T3})` : ''].filter(Boolean).join(', ')}</td>
              <td>{fmt.day(t.lastAt)}</td>
              <td>{SUGGESTION_WORDS[t.suggestion]}</td>
              <td>
                <Tickets refs={t.examples} linker={linker} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!KB_LINKS_RECORDED && (
        <p class="tl-muted" data-testid="tl-kb-note">
          {KB_NOTE}
        </p>
      )}
    </>
  );
}

/** Monthly reviews of the escalation matrix for the first 90 days after rollout, then quarterly. */
export function ReviewReminder(props: { rolledOutAt: string | undefined; lastReviewedAt: string | undefined; now: Date; fmt: Format; onReviewed: () => void }) {
  const result = getReviewCadence(props.rolledOutAt, { now: props.now, lastReviewedAt: props.lastReviewedAt });
  if (!result.ok) {
    return (
      <p class="tl-muted" data-testid="tl-review">
        {props.rolledOutAt
          ? `The policy’s rollout date (“${props.rolledOutAt}”) is not a date, so reviews of the escalation matrix cannot be planned.`
          : 'Reminders to review the escalation matrix start once the policy records when it was rolled out.'}{' '}
        An admin sets the rollout date in the policy (the <code>rolledOutAt</code> field of its JSON, in the options page).
      </p>
    );
  }
  const { cadence } = result;
  const when = props.fmt.day(cadence.nextReviewAt);
  return (
    <div class={cadence.due ? 'tl-warning' : 'tl-ok'} data-testid="tl-review" role={cadence.due ? 'alert' : undefined}>
      <p>
        {cadence.due
          ? `The ${cadence.phase} review of the escalation matrix is due (since ${when}).`
          : `Next ${cadence.phase} review of the escalation matrix: ${when} (in ${cadence.daysUntil} days).`}{' '}
        Reviews are monthly for the first 90 days after rollout, then quarterly.
      </p>
      {cadence.due && (
        <button type="button" onClick={props.onReviewed}>
          Mark reviewed today
        </button>
      )}
    </div>
  );
}
