import { type HandoffSummary, type SummaryInput, summarizeExtractive } from './extractive';
import { type Identifier, inventedIdentifiers } from './identifiers';

/**
 * Summary providers: Chrome's built-in AI and an OpenAI-compatible endpoint
 * live on the browser side (they need `window` or `fetch`); the extractive
 * one is here and always works. Whatever the provider, a summary that names
 * an identifier absent from the ticket is dropped for the extractive one.
 */
export interface SummaryProvider {
  id: string;
  summarize: (input: SummaryInput) => Promise<HandoffSummary>;
}

export const extractiveProvider: SummaryProvider = {
  id: 'extractive',
  summarize: async (input) => summarizeExtractive(input),
};

/** Every text of the ticket, the source identifiers are checked against. */
export function sourceText(input: SummaryInput): string {
  return [input.subject ?? '', input.description ?? '', ...(input.comments ?? []).map((c) => c.body)].join('\n');
}

/** Identifiers the summary names that the ticket never mentions. */
export function inventedIn(summary: HandoffSummary, input: SummaryInput): Identifier[] {
  return inventedIdentifiers([summary.problem, ...summary.done].join('\n'), sourceText(input));
}

export interface SummaryOutcome {
  summary: HandoffSummary;
  /** Providers tried before the one that answered, and why each was dropped. */
  dropped: { provider: string; reason: string }[];
}

/**
 * Tries the providers in order and returns the first trustworthy summary,
 * ending with the extractive one.
 *
 * @example await summarizeWithFallback([chromeAi, openAi], input) // → { summary: {...}, dropped: [{ provider: 'openai-compatible', reason: 'invented INC-99' }] }
 */
export async function summarizeWithFallback(providers: readonly SummaryProvider[], input: SummaryInput): Promise<SummaryOutcome> {
  const dropped: SummaryOutcome['dropped'] = [];
  for (const provider of providers) {
    if (provider.id === extractiveProvider.id) break;
    try {
      const summary = await provider.summarize(input);
      const invented = inventedIn(summary, input);
      if (invented.length === 0 && summary.problem.trim()) return { summary, dropped };
      dropped.push({ provider: provider.id, reason: invented.length ? `invented ${invented.map((i) => i.text).join(', ')}` : 'empty problem' });
    } catch (error) {
      dropped.push({ provider: provider.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { summary: summarizeExtractive(input), dropped };
}
