import type { TriggerKind } from '../core/policy/schema';
import type { ViewTrigger } from '../core/view/ticket-view';
import { tierLabel } from './format';

const KIND_LABEL: Record<TriggerKind, string> = {
  functional: 'Functional',
  severity: 'Severity',
  time: 'Time in queue',
  contractual: 'Contractual',
  systemic: 'Systemic',
  sentiment: 'Sentiment',
};

function destination(trigger: ViewTrigger, roleName: (id: string) => string): string {
  if (trigger.warnOnly) return '';
  const parts = [trigger.toTier && tierLabel(trigger.toTier), trigger.toRole && roleName(trigger.toRole)].filter(Boolean);
  return parts.join(' · ');
}

export interface TriggerWarningsProps {
  triggers: ViewTrigger[];
  /** Role id → display name (from the policy). */
  roleName?: (id: string) => string;
}

/**
 * Each fired trigger: its kind, what it means, where it sends the ticket and
 * what to do. A bypass is marked as one (it skips tiers; "critical" is a
 * severity). A trigger the agent's override does not follow says so.
 */
export function TriggerWarnings({ triggers, roleName = (id) => id }: TriggerWarningsProps) {
  if (triggers.length === 0) return <p class="tl-muted" data-testid="tl-no-triggers">No escalation trigger fired.</p>;
  return (
    <ul class="tl-triggers" data-testid="tl-triggers" aria-label="Escalation triggers">
      {triggers.map((trigger) => (
        <li key={trigger.id} class={`tl-trigger tl-kind-${trigger.kind}${trigger.bypass ? ' tl-bypass-trigger' : ''}`}>
          <span class="tl-trigger-kind" role={trigger.bypass ? 'alert' : undefined}>
            {trigger.bypass ? 'Bypass · ' : ''}
            {KIND_LABEL[trigger.kind]}
            {trigger.warnOnly ? ' · warning, no tier move' : ''}
          </span>
          <span class="tl-trigger-what">
            {trigger.description}
            {destination(trigger, roleName) && ` → ${destination(trigger, roleName)}`}
          </span>
          <span class="tl-trigger-do">{trigger.action}</span>
          {trigger.overruled && (
            <span class="tl-trigger-overruled" data-testid="tl-trigger-overruled">
              The override does not follow this trigger.
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
