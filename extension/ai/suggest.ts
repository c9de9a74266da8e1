import type { Policy } from '../../core/policy/schema';
import { createFactBuilder } from '../../core/route/facts';
import type { Ticket } from '../../core/ticket';
import { gateSuggestion, matchSensitive, resolveLabel } from '../../core/triage/gates';
import { predict } from '../../core/triage/predict';
import { triageText } from '../../core/triage/ticket-text';
import type { SettingsReader } from '../settings/read-settings';
import type { ActiveModel, ModelSource } from './model-source';
import type { AiSuggestion, LabelRoute } from './schema';

/**
 * The triage model's suggestion for a ticket, gated by the policy: the label
 * and its calibrated confidence, where the label routes (`policy.ai.labels`
 * and the issue-type matrix), the gate (auto-route / confirm / human) and the
 * sensitive cases that keep it from ever being automated.
 */

/** Where a label points: its issue type's tier, and the mapped role, else the issue type's role, else the tier's owner. */
export function routeOfLabel(policy: Policy, label: string, p: number): LabelRoute {
  const mapped = resolveLabel(policy.ai, label);
  const issueTypeId = mapped.issueType ?? (policy.issueTypes.some((t) => t.id === label) ? label : undefined);
  const issueType = policy.issueTypes.find((t) => t.id === issueTypeId);
  const tier = issueType ? policy.tiers.find((t) => t.id === issueType.tier) : undefined;
  const roleId = mapped.role ?? issueType?.role ?? tier?.ownerRole;
  const role = policy.roles.find((r) => r.id === roleId);
  // The overlay's words for an owner (components/format.ts ownerLabel): "Tier 1 · Billing Specialist".
  const target = [tier && `Tier ${tier.id.slice(1)}`, role?.name].filter(Boolean).join(' · ');
  return {
    label,
    p,
    ...(issueTypeId ? { issueType: issueTypeId } : {}),
    ...(tier ? { tier: tier.id } : {}),
    ...(roleId ? { role: roleId } : {}),
    ...(target ? { target } : {}),
  };
}

const factBuilders = new WeakMap<Policy, ReturnType<typeof createFactBuilder>>();

/**
 * @example suggestFor(active, policy, ticket, { now }) // → { label: 'billing', confidence: 0.93, gate: 'confirm', reason: '…', source: 'model', … }
 */
export function suggestFor(active: ActiveModel, policy: Policy, ticket: Ticket, options: { now: Date; alternatives?: number }): AiSuggestion {
  const prediction = predict(active.model, triageText(ticket), { top: 1 + (options.alternatives ?? 3) });
  let build = factBuilders.get(policy);
  if (!build) {
    build = createFactBuilder(policy);
    factBuilders.set(policy, build);
  }
  const { facts } = build(ticket, { now: options.now });
  const sensitive = matchSensitive(policy.ai, facts).map((s) => s.id);
  const gated = gateSuggestion(policy.ai, { label: prediction.label, confidence: prediction.confidence, sensitive });
  return {
    label: prediction.label,
    confidence: prediction.confidence,
    gate: gated.gate,
    reason: gated.reason,
    source: 'model',
    route: routeOfLabel(policy, prediction.label, prediction.confidence),
    alternatives: prediction.top.slice(1).map((t) => routeOfLabel(policy, t.label, t.p)),
    sensitive: gated.sensitive,
    model: { origin: active.origin, version: active.version },
  };
}

/**
 * The suggestion for a ticket with the model and policy in force; null when AI is off or no model is in use.
 * With `ifLoaded`, undefined when the model is not loaded yet: a cold worker answers a view without loading it
 * (fetching and decoding a model file takes 100 ms or more), and the suggestion follows.
 */
export function createSuggest({ models, settings, now = () => new Date() }: { models: ModelSource; settings: SettingsReader; now?: () => Date }) {
  return async (ticket: Ticket, { ifLoaded = false }: { ifLoaded?: boolean } = {}): Promise<AiSuggestion | null | undefined> => {
    const { values, policy } = await settings.get();
    if (!values['ai.enabled']) return null;
    if (ifLoaded && !models.loaded()) return undefined;
    const active = await models.current();
    return active ? suggestFor(active, policy.value, ticket, { now: now() }) : null;
  };
}
