import { useState } from 'preact/hooks';
import type { Reason } from '../core/route/decision';
import type { TicketView } from '../core/view/ticket-view';
import { bypassText, formatBreach, formatBusinessTime, ownerLabel, policyLabel, severityLabel, tierLabel } from './format';

export interface TierBadgeProps {
  view: TicketView;
  /** Where the view came from: the background worker, or core run in the tab because the worker did not answer. */
  decidedBy: 'worker' | 'local';
}

const ABOUT: Record<Reason['about'], string> = {
  tier: 'Tier',
  role: 'Role',
  severity: 'Severity',
  trigger: 'Trigger',
  clock: 'Clock',
  'issue-type': 'Issue type',
};

/**
 * The badge's place while the worker decides (issue 13): the badge's own box, so the header does not move when the
 * answer fills it in, drawn before the answer so its first render is a small diff on code that already ran. It names
 * no owner: everything the agent reads about the ticket comes from the one answer.
 */
export function TierBadgePending() {
  return (
    <div class="tl-badge-wrap tl-pending" data-testid="tl-badge-pending" aria-busy="true">
      <span class="tl-badge">
        <span class="tl-sev">Tierline…</span>
      </span>
    </div>
  );
}

/**
 * The badge by the ticket header: who owns the ticket (tier and role), how
 * soon (severity and the clock). It wraps rather than cut a word at narrow
 * widths. Click or Enter toggles the "why" list, which floats below the badge
 * so the host page never moves.
 */
export function TierBadge({ view, decidedBy }: TierBadgeProps) {
  const [open, setOpen] = useState(false);
  const { owner, decision } = view;
  const overridden = owner.by === 'override';
  const bypass = decision.bypass && !overridden;
  const listId = `tl-why-${view.ticketId}`;
  const clock = `${formatBusinessTime(decision.clock.timeInQueueMinutes, view.businessDayMinutes)} in queue · ${formatBreach(decision.clock, view.businessDayMinutes)}`;
  return (
    <div class={`tl-badge-wrap${bypass ? ' tl-bypass' : ''}${overridden ? ' tl-overridden' : ''}`} data-testid="tl-badge" data-owner={`${owner.tier}:${owner.role}`}>
      <button type="button" class="tl-badge" aria-expanded={open} aria-controls={listId} title={`${ownerLabel(owner)} · ${severityLabel(decision.severityName)} · ${clock}`} onClick={() => setOpen(!open)}>
        {bypass && <span class="tl-bypass-flag">BYPASS</span>}
        {overridden && <span class="tl-override-flag">OVERRIDDEN</span>}
        <strong class="tl-tier">{tierLabel(owner.tier)}</strong>
        <span class="tl-role">{owner.roleName}</span>
        <span class="tl-sev">{severityLabel(decision.severityName)}</span>
        <span class="tl-clock">{clock}</span>
      </button>
      {open && (
        <section class="tl-why" id={listId} aria-label="Why this owner">
          {view.override && (
            <p class="tl-why-override">
              Overridden by an agent ({view.override.reason}); the policy says {ownerLabel(view.policyOwner)}.
            </p>
          )}
          {bypass && <p class="tl-why-bypass">{bypassText(view.current, owner)}</p>}
          <ul>
            {decision.reasons.map((reason) => (
              <li key={`${reason.about}-${reason.rule}`}>
                <span class="tl-why-about">{ABOUT[reason.about]}</span> {reason.text}
              </li>
            ))}
          </ul>
          <p class="tl-source" data-testid="tl-policy">
            {policyLabel(view.policy)}. {decidedBy === 'worker' ? 'Decided by the Tierline worker.' : 'Decided in this tab (the worker did not answer).'}
          </p>
        </section>
      )}
    </div>
  );
}
