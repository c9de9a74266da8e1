import { evaluate, type Facts } from '../conditions/evaluate';
import type { AiGates } from '../policy/schema';
import { formatConfidence } from './confidence';

/**
 * Human oversight for model suggestions. The policy's AI gates decide what
 * a suggestion may do: at or above `autoRouteAt` it may be applied without a
 * click, between `humanBelow` and `autoRouteAt` the agent confirms it, below
 * `humanBelow` a person triages. Sensitive cases (cancellations, legal
 * disputes, high-value customers: `policy.ai.sensitive`) are never
 * automated, whatever the confidence.
 */

export type Gate = 'auto-route' | 'confirm' | 'human';

export interface GateInput {
  /** The model's label. */
  label: string;
  /** Calibrated confidence of that label. */
  confidence: number;
  /** Ids of `policy.ai.sensitive` entries that match the ticket (see `matchSensitive`). */
  sensitive?: readonly string[];
}

export interface GateResult {
  gate: Gate;
  /** A sentence an agent can read. */
  reason: string;
  label: string;
  confidence: number;
  /** Where the label points, from `policy.ai.labels` (absent when the policy does not map it). */
  issueType?: string;
  role?: string;
  /** The thresholds that applied (per-category ones when the policy sets them). */
  autoRouteAt: number;
  humanBelow: number;
  sensitive: { id: string; description: string }[];
}

/** Label → issue type / role through `policy.ai.labels`. */
export function resolveLabel(ai: AiGates, label: string): { issueType?: string; role?: string } {
  const mapped = ai.labels[label];
  return { ...(mapped?.issueType ? { issueType: mapped.issueType } : {}), ...(mapped?.role ? { role: mapped.role } : {}) };
}

/** The thresholds for a label: a per-category entry (by label, then by issue type) overrides the defaults. */
export function thresholdsFor(ai: AiGates, label: string): { autoRouteAt: number; humanBelow: number } {
  const { issueType } = resolveLabel(ai, label);
  const own = ai.categories[label] ?? (issueType ? ai.categories[issueType] : undefined);
  return { autoRouteAt: own?.autoRouteAt ?? ai.autoRouteAt, humanBelow: own?.humanBelow ?? ai.humanBelow };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;


/**
 * Which gate a suggestion falls in, and why.
 *
 * @example gateSuggestion(policy.ai, { label: 'billing', confidence: 0.95 }) // → { gate: 'auto-route', ... }
 * @example gateSuggestion(policy.ai, { label: 'billing', confidence: 0.99, sensitive: ['legal-dispute'] }) // → { gate: 'confirm', ... }
 */
export function gateSuggestion(ai: AiGates, input: GateInput): GateResult {
  const { autoRouteAt, humanBelow } = thresholdsFor(ai, input.label);
  const sensitiveIds = new Set(input.sensitive ?? []);
  const sensitive = ai.sensitive.filter((s) => sensitiveIds.has(s.id)).map((s) => ({ id: s.id, description: s.description }));
  // An id the policy does not know is still a sensitive signal: fail safe, never automate.
  for (const id of sensitiveIds) if (!sensitive.some((s) => s.id === id)) sensitive.push({ id, description: id });
  const base = { label: input.label, confidence: input.confidence, ...resolveLabel(ai, input.label), autoRouteAt, humanBelow, sensitive };
  const c = input.confidence;
  const valid = Number.isFinite(c) && c >= 0 && c <= 1;
  if (!valid) return { ...base, gate: 'human', reason: 'The model gave no usable confidence, so a person triages.' };
  if (c < humanBelow) return { ...base, gate: 'human', reason: `Model confidence ${formatConfidence(c)} is below ${pct(humanBelow)}, so a person triages.` };
  if (sensitive.length > 0) {
    const what = sensitive.map((s) => s.description).join('; ');
    return { ...base, gate: 'confirm', reason: `Sensitive case (${what}): never routed automatically, the agent confirms.` };
  }
  if (c >= autoRouteAt) return { ...base, gate: 'auto-route', reason: `Model confidence ${formatConfidence(c)} is at or above ${pct(autoRouteAt)}, so the suggestion may be applied.` };
  return { ...base, gate: 'confirm', reason: `Model confidence ${formatConfidence(c)} is between ${pct(humanBelow)} and ${pct(autoRouteAt)}, so the agent confirms the suggestion.` };
}

/**
 * Ids of the policy's sensitive cases that match the ticket facts (see
 * `core/route/facts.ts`), with what each condition saw, for the reason.
 *
 * @example matchSensitive(policy.ai, facts) // → [{ id: 'legal-dispute', seen: { text: '…my lawyer…' } }]
 */
export function matchSensitive(ai: AiGates, facts: Facts): { id: string; seen: Record<string, unknown> }[] {
  return ai.sensitive.flatMap((s) => {
    const result = evaluate(s.when, facts);
    return result.match ? [{ id: s.id, seen: result.seen }] : [];
  });
}
