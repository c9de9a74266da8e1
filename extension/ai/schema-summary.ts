import { z } from 'zod';

/** What a content script sends to the worker to summarise (the ticket's conversation only). */
export const summaryInputSchema = z
  .object({
    subject: z.string().max(2_000).optional(),
    description: z.string().max(100_000).optional(),
    comments: z.array(z.object({ author: z.enum(['customer', 'agent', 'system']), body: z.string().max(100_000), public: z.boolean().default(true) })).max(500).optional(),
  })
  .strict();

export const summaryOutcomeSchema = z.object({
  summary: z.object({ problem: z.string(), done: z.array(z.string()), provider: z.string() }),
  dropped: z.array(z.object({ provider: z.string(), reason: z.string() })),
});
export type SummaryOutcomeAnswer = z.infer<typeof summaryOutcomeSchema>;
