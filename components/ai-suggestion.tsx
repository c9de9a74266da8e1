export interface AiSuggestionProps {
  /** The model's label, e.g. "billing". */
  label: string;
  /** 0–1, calibrated by the triage model. */
  confidence: number;
  /** What the suggestion would change, e.g. "Tier 1 · Billing Specialist". */
  target?: string;
}

/** A model suggestion, shown as one: never styled or worded as a policy rule. */
export function AiSuggestion({ label, confidence, target }: AiSuggestionProps) {
  const percent = Math.round(Math.min(1, Math.max(0, confidence)) * 100);
  return (
    <div class="tl-ai" data-testid="tl-ai">
      <span class="tl-ai-from">Suggestion from the model</span>
      <span class="tl-ai-label">{label}</span>
      {target && <span class="tl-ai-target">{target}</span>}
      <span class="tl-ai-confidence">{percent}% confidence</span>
    </div>
  );
}
