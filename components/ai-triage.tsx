import { useState } from 'preact/hooks';
import type { AiSuggestion, LabelRoute } from '../extension/ai/schema';

/**
 * The triage model's gated suggestion in the drawer. Always worded and styled
 * as the model's ("Suggested by the triage model · 93%"), never as a policy
 * rule. Auto-route shows the route as pre-selected, confirm asks for one
 * click, human says so; sensitive cases say why they are never automated.
 * Overriding takes two clicks: "Not right" and the right category (the
 * reason recorded with the override).
 */

export type AiTriageState = 'open' | 'applied' | 'confirmed' | { overriddenTo: string };

export interface AiTriageProps {
  suggestion: AiSuggestion;
  /** Where the ticket is going by the rules (for "Needs a human"). */
  state: AiTriageState;
  onConfirm(): void;
  /** `to` is a label the agent picked, or null for "needs a human". */
  onOverride(to: LabelRoute | null): void;
}

const GATE_TEXT = {
  'auto-route': 'Applied: the suggested route is pre-selected',
  confirm: 'Confirm to apply',
  human: 'Needs a human',
} as const;

const pct = (x: number) => `${Math.round(Math.min(1, Math.max(0, x)) * 100)}%`;

export function AiTriage({ suggestion, state, onConfirm, onOverride }: AiTriageProps) {
  const [choosing, setChoosing] = useState(false);
  const s = suggestion;
  const done = typeof state === 'object' ? `Overridden: ${state.overriddenTo} (recorded)` : state === 'confirmed' ? 'Confirmed (recorded)' : undefined;
  return (
    <div class="tl-ai" data-testid="tl-ai" data-gate={s.gate}>
      <span class="tl-ai-from" data-testid="tl-ai-from">
        Suggested by the triage model · {pct(s.confidence)}
        {s.model.origin === 'demo' ? ' · demo model' : ''}
      </span>
      <span class="tl-ai-label">{s.label}</span>
      {s.route.target && <span class="tl-ai-target">→ {s.route.target}</span>}
      <span class="tl-ai-gate" data-testid="tl-ai-gate">
        {GATE_TEXT[s.gate]}
      </span>
      <span class="tl-ai-reason" data-testid="tl-ai-reason">
        {s.reason}
      </span>
      {s.sensitive.length > 0 && (
        <span class="tl-ai-sensitive" data-testid="tl-ai-sensitive">
          Sensitive, never automated: {s.sensitive.map((x) => x.description).join(' ')}
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
              Confirm suggestion
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
