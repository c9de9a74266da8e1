import { useState } from 'preact/hooks';
import type { Decision } from '../core/route/decision';
import { formatBreach, formatMinutes, tierLabel } from './format';

export interface TierBadgeProps {
  decision: Decision;
  /** Where the decision came from: the background worker, or core run in the tab because the worker did not answer. */
  source: 'worker' | 'local';
  /** Set when an agent overrode the decision; the badge then shows the agent's choice. */
  override?: { tier: Decision['tier']; roleName: string };
}

/**
 * The fixed-size badge by the ticket header. Click or Enter toggles the "why"
 * list, which floats below the badge so the host page never moves.
 */
export function TierBadge({ decision, source, override }: TierBadgeProps) {
  const [open, setOpen] = useState(false);
  const tier = override?.tier ?? decision.tier;
  const roleName = override?.roleName ?? decision.roleName;
  const listId = `tl-why-${decision.ticketId}`;
  return (
    <div class={`tl-badge-wrap${decision.bypass ? ' tl-bypass' : ''}`} data-testid="tl-badge">
      <button
        type="button"
        class="tl-badge"
        aria-expanded={open}
        aria-controls={listId}
        title={`${tierLabel(tier)} · ${roleName}`}
        onClick={() => setOpen(!open)}
      >
        {decision.bypass && <span class="tl-bypass-flag">BYPASS</span>}
        <strong class="tl-tier">{tierLabel(tier)}</strong>
        <span class="tl-role">{roleName}</span>
        <span class="tl-sev">{decision.severityName}</span>
        <span class="tl-clock">
          {formatMinutes(decision.clock.timeInQueueMinutes)} in queue · {formatBreach(decision.clock)}
        </span>
      </button>
      {open && (
        <section class="tl-why" id={listId} aria-label="Why this tier">
          {override && (
            <p class="tl-why-override">
              Overridden by an agent; the policy said {tierLabel(decision.tier)} · {decision.roleName}.
            </p>
          )}
          {decision.bypass && <p class="tl-why-bypass">Bypass: skips Tier 1–2 and goes straight to {decision.roleName}.</p>}
          <ul>
            {decision.reasons.map((reason) => (
              <li key={`${reason.about}-${reason.rule}`}>
                <span class="tl-why-about">{reason.about}</span> {reason.text}
              </li>
            ))}
          </ul>
          <p class="tl-source">{source === 'worker' ? 'Decided by the Tierline worker.' : 'Decided in this tab (the worker did not answer).'}</p>
        </section>
      )}
    </div>
  );
}
