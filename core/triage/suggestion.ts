import { z } from 'zod';
import { tierIdSchema } from '../ticket';

/**
 * The triage model's gated suggestion for a ticket, as the worker answers it
 * and the overlay draws it. Kept in core because the per-ticket view
 * (core/view) carries it and the overlay's components draw it.
 */

/** Where the model in use came from, highest first: a managed/options URL, an options import, the built-in demo model. */
export const MODEL_ORIGINS = ['url', 'imported', 'demo'] as const;
export const modelOriginSchema = z.enum(MODEL_ORIGINS);
export type ModelOrigin = z.infer<typeof modelOriginSchema>;

/** A route a label points at through `policy.ai.labels` and the issue-type matrix. */
export const labelRouteSchema = z.object({
  label: z.string(),
  p: z.number().min(0).max(1),
  issueType: z.string().optional(),
  tier: tierIdSchema.optional(),
  role: z.string().optional(),
  /** "Tier 2 · Billing Specialist", for the agent. */
  target: z.string().optional(),
});
export type LabelRoute = z.infer<typeof labelRouteSchema>;

export const aiSuggestionSchema = z.object({
  label: z.string(),
  confidence: z.number().min(0).max(1),
  gate: z.enum(['auto-route', 'confirm', 'human']),
  /** A sentence an agent can read: why this gate. */
  reason: z.string(),
  /** Always "model": a suggestion is never presented as a policy rule. */
  source: z.literal('model'),
  route: labelRouteSchema,
  /** Other likely labels, best first: the agent's one-click corrections. */
  alternatives: z.array(labelRouteSchema),
  /** Sensitive cases of the policy this ticket matches (never automated). */
  sensitive: z.array(z.object({ id: z.string(), description: z.string() })),
  model: z.object({ origin: modelOriginSchema, version: z.string() }),
});
export type AiSuggestion = z.infer<typeof aiSuggestionSchema>;
