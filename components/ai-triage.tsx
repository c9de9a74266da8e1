import { useState } from 'preact/hooks';
import { formatConfidence } from '../core/triage/confidence';
import type { AiSuggestion, LabelRoute } from '../core/triage/suggestion';
import type { Owner, TicketView } from '../core/view/ticket-view';
import { ownerLabel } from './format';

/**
 * The triage model's gated suggestion in the drawer. Always worded and styled
 * as the model's ("Suggested by the triage model · 93%"), never as a policy
 * rule, and always said against the badge: the same owner, another owner, or
 * applied. The gate is stated once. Overriding takes two clicks: "Not right"
 * and the right category.
 */

export type AiTriageState = 'open' | 'confirmed' | { overriddenTo: string };

export interface AiTriageProps {
  suggestion: AiSuggestion;
  relation: NonNullable<TicketView['ai']>['relation'];
  /** Who owns the ticket (the badge). */
  owner: Owner;
  state: AiTriageState;
  /** Confirming a suggestion that differs from the badge moves the ticket to it (as an override). */
  onConfirm(): void;
  /** `to` is a label the agent picked, or null for "needs a human". */
  onOverride(to: LabelRoute | null): void;
}


function gateText(s: AiSuggestion, relation: AiTriageProps['relation'], owner: Owner): string {
  if (s.gate === 'human') return 'Needs a human';
  if (relation === 'applied') return 'Applied: the badge follows this suggestion';
  if (s.gate === 'auto-route') return relation === 'agrees' ? 'Same owner as the badge' : `Not applied: the rules route it to ${ownerLabel(owner)}`;
  return relation === 'agrees' ? 'Same owner as the badge; confirm to record it' : `Differs from the badge (${ownerLabel(owner)}); confirm to move it`;
}

export function AiTriage({ suggestion, relation, owner, state, onConfirm, onOverride }: AiTriageProps) {
  const [choosing, setChoosing] = useState(false);
  const s = suggestion;
  const done = typeof state === 'object' ? `Overridden: ${state.overriddenTo} (recorded)` : state === 'confirmed' ? 'Confirmed (recorded)' : undefined;
  const sensitive = s.sensitive.length > 0;
  return (
    <div class="tl-ai" data-testid="tl-ai" data-gate={s.gate} data-relation={relation}>
      <span class="tl-ai-from" data-testid="tl-ai-from">
        Suggested by the triage model · {formatConfidence(s.confidence)}
        {s.model.origin === 'demo' ? ' · demo model' : ''}
      </span>
      <span class="tl-ai-label">{s.label}</span>
      {s.route.target && <span class="tl-ai-target">→ {s.route.target}</span>}
      <span class="tl-ai-gate" data-testid="tl-ai-gate">
        {gateText(s, relation, owner)}
      </span>
      {sensitive ? (
        <>
          <span class="tl-ai-sensitive" data-testid="tl-ai-sensitive">
            Sensitive case: {s.sensitive.map((x) => x.description).join(' ')}
          </span>
          <span class="tl-ai-reason" data-testid="tl-ai-reason">
            Sensitive cases are never routed automatically; the agent confirms or corrects it.
          </span>
        </>
      ) : (
        <span class="tl-ai-reason" data-testid="tl-ai-reason">
          {s.reason}
        </span>
      )}
      {done ? (
        <span class="tl-ai-result" data-testid="tl-ai-result">
          {done}
        </span>
      ) : (
        <span class="tl-ai-actions">
          {s.gate === 'confirm' && state === 'open' && (
            <button type="button" data-testid="tl-ai-confirm" onClick={onConfirm}>
              {relation === 'differs' ? 'Confirm and move' : 'Confirm suggestion'}
            </button>
          )}
          {!choosing ? (
            <button type="button" data-testid="tl-ai-override" onClick={() => setChoosing(true)}>
              Not right…
            </button>
          ) : (
            <span class="tl-ai-choices" data-testid="tl-ai-choices">
              {s.alternatives.map((alt) => (
                <button type="button" key={alt.label} data-testid="tl-ai-choice" data-label={alt.label} onClick={() => onOverride(alt)}>
                  It is {alt.label}
                  {alt.target ? ` (${alt.target})` : ''}
                </button>
              ))}
              <button type="button" data-testid="tl-ai-choice" data-label="" onClick={() => onOverride(null)}>
                Needs a human
              </button>
            </span>
          )}
        </span>
      )}
    </div>
  );
}
