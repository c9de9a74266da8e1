import { z } from 'zod';
import { modelOriginSchema } from '../../core/triage/suggestion';

/**
 * What the worker answers about the triage model, as zod schemas: the answers
 * cross from the worker to a content script, so the overlay parses them like
 * any other input.
 */

export {
  type AiSuggestion,
  aiSuggestionSchema,
  type LabelRoute,
  labelRouteSchema,
  MODEL_ORIGINS,
  type ModelOrigin,
  modelOriginSchema,
} from '../../core/triage/suggestion';

/** The model in use and the last problem loading one (the diagnostics show both). */
export const modelStatusSchema = z.object({
  origin: modelOriginSchema.optional(),
  /** The model's `trainedAt`: its version. */
  version: z.string().optional(),
  labels: z.number().int().nonnegative().optional(),
  url: z.string().optional(),
  /** The last model that was refused, and why; the previous model stays in use. */
  error: z.string().optional(),
});
export type ModelStatus = z.infer<typeof modelStatusSchema>;
