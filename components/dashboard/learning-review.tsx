import { getReviewCadence } from '../../core/policy/review-cadence';
import type { DashboardData } from './dashboard-data';

const SUGGESTION: Record<string, string> = {
  'tier-1-playbook': 'Tier 1 playbook',
  'knowledge-base-article': 'Knowledge-base article',
  'kb-article': 'Knowledge-base article',
};

/** The learning loop: Tier 2 and Tier 3 resolutions that can teach Tier 1. */
export function LearningLoop({ learning }: { learning: DashboardData['learning'] }) {
  if (learning.items.length === 0) return <p class="tl-muted">No Tier 2 or Tier 3 resolutions in this period yet.</p>;
  if (learning.kind === 'topics') {
    return (
      <table class="tl-table" data-testid="tl-learning">
        <caption>Recurring Tier 2 / Tier 3 topics worth writing up for Tier 1</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Resolved at</th>
            <th scope="col">Escalations</th>
            <th scope="col">Avoidable</th>
            <th scope="col">Candidate for</th>
            <th scope="col">Example tickets</th>
          </tr>
        </thead>
        <tbody>
          {learning.items.map((c) => (
            <tr key={`${c.tier}-${c.topic}`}>
              <th scope="row">{c.topic}</th>
              <td>Tier {c.tier.slice(1)}</td>
              <td>{c.escalations}</td>
              <td>{c.unnecessary}</td>
              <td>{SUGGESTION[c.suggestion]}</td>
              <td>{c.examples.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table class="tl-table" data-testid="tl-learning">
      <caption>Tickets resolved at Tier 2 / Tier 3, newest first (the first 50)</caption>
      <thead>
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Resolved at</th>
          <th scope="col">Agent</th>
          <th scope="col">Candidate for</th>
        </tr>
      </thead>
      <tbody>
        {learning.items.slice(0, 50).map((c) => (
          <tr key={c.ticketId}>
            <th scope="row">{c.ticketId}</th>
            <td>Tier {c.tier.slice(1)}</td>
            <td>{c.agent}</td>
            <td>{SUGGESTION[c.suggestion]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Monthly reviews of the escalation matrix for the first 90 days after rollout, then quarterly. */
export function ReviewReminder(props: { rolledOutAt: string | undefined; lastReviewedAt: string | undefined; now: Date; onReviewed: () => void }) {
  const result = getReviewCadence(props.rolledOutAt, { now: props.now, lastReviewedAt: props.lastReviewedAt });
  if (!result.ok) {
    return (
      <p class="tl-muted" data-testid="tl-review">
        {result.message} Set <code>rolledOutAt</code> in the policy to get review reminders.
      </p>
    );
  }
  const { cadence } = result;
  const when = cadence.nextReviewAt.slice(0, 10);
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
