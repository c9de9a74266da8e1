import type { FiredTrigger } from '../core/route/decision';
import type { TriggerKind } from '../core/policy/schema';
import { tierLabel } from './format';

const KIND_LABEL: Record<TriggerKind, string> = {
  functional: 'Functional',
  severity: 'Severity',
  time: 'Time in queue',
  contractual: 'Contractual',
  systemic: 'Systemic',
  sentiment: 'Sentiment',
};

function destination(trigger: FiredTrigger, roleName: (id: string) => string): string {
  if (trigger.warnOnly) return '';
  const parts = [trigger.toTier && tierLabel(trigger.toTier), trigger.toRole && roleName(trigger.toRole)].filter(Boolean);
  return parts.join(' · ');
}

export interface TriggerWarningsProps {
  triggers: FiredTrigger[];
  /** Role id → display name (from the policy). */
  roleName?: (id: string) => string;
}

/** Each fired trigger: its kind, what it means, and what to do. A bypass reads as critical. */
export function TriggerWarnings({ triggers, roleName = (id) => id }: TriggerWarningsProps) {
  if (triggers.length === 0) return <p class="tl-muted" data-testid="tl-no-triggers">No escalation trigger fired.</p>;
  return (
    <ul class="tl-triggers" data-testid="tl-triggers" aria-label="Escalation triggers">
      {triggers.map((trigger) => (
        <li key={trigger.id} class={`tl-trigger tl-kind-${trigger.kind}${trigger.bypass ? ' tl-critical' : ''}`}>
          <span class="tl-trigger-kind" role={trigger.bypass ? 'alert' : undefined}>
            {trigger.bypass ? 'Critical bypass · ' : ''}
            {KIND_LABEL[trigger.kind]}
            {trigger.warnOnly ? ' · warning, no tier move' : ''}
          </span>
          <span class="tl-trigger-what">
            {trigger.description}
            {destination(trigger, roleName) && ` → ${destination(trigger, roleName)}`}
          </span>
          <span class="tl-trigger-do">{trigger.action}</span>
        </li>
      ))}
    </ul>
  );
}
