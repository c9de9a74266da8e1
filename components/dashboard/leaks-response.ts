import { z } from 'zod';
import type { LeakCell, LeakDimension, LearningTopic, MetricId } from '../../core/metrics';

/*
 * GET /v1/leaks as the dashboard reads it: validated at the boundary, since the
 * endpoint is another program (and may be an older or newer version of it).
 */

const ratioSchema = z.object({ numerator: z.number().int().nonnegative(), denominator: z.number().int().nonnegative(), value: z.number().min(0).max(1) });
const ticketRefSchema = z.object({ helpdesk: z.string(), ticketId: z.string(), lastAt: z.string() });
const dimensionSchema = z.enum(['stage', 'issueType', 'agent', 'team', 'helpdesk']) satisfies z.ZodType<LeakDimension>;

const cellSchema = z.object({
  keys: z.array(z.string()),
  tickets: z.number().int().nonnegative(),
  // Keyed by metric id; an id this dashboard does not know is kept and ignored by the table.
  ratios: z.record(z.string(), ratioSchema),
  behind: z.record(z.string(), z.array(ticketRefSchema)).optional(),
});

const topicSchema = z.object({
  issueType: z.string(),
  terms: z.array(z.string()),
  escalations: z.number().int().nonnegative(),
  unnecessary: z.number().int().nonnegative(),
  byTier: z.object({ T2: z.number().int().nonnegative(), T3: z.number().int().nonnegative() }),
  counts: z.array(z.object({ key: z.string(), count: z.number().int().nonnegative(), partial: z.boolean() })),
  firstAt: z.string(),
  lastAt: z.string(),
  examples: z.array(ticketRefSchema),
  suggestion: z.enum(['tier-1-playbook', 'knowledge-base-article']),
}) satisfies z.ZodType<LearningTopic>;

export const leaksResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  events: z.number().int().nonnegative(),
  views: z.array(z.object({ dimensions: z.array(dimensionSchema), cells: z.array(cellSchema) })),
  topics: z.array(topicSchema),
});

export type LeaksResponse = z.infer<typeof leaksResponseSchema>;

/** A cell as core's LeakCell (its ratios and lists keyed by metric id). */
export const asLeakCell = (cell: LeaksResponse['views'][number]['cells'][number]): LeakCell => ({
  keys: cell.keys,
  tickets: cell.tickets,
  ratios: cell.ratios as Partial<Record<MetricId, z.infer<typeof ratioSchema>>>,
  ...(cell.behind ? { behind: cell.behind as LeakCell['behind'] } : {}),
});
