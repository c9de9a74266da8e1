/**
 * The feature registry (after refined-github): each overlay feature is one
 * file that registers itself declaratively. The runtime starts the features
 * that apply to the page for each ticket and stops them through `signal` when
 * the agent moves on; an admin's kill switch keeps a feature from starting.
 */
import type { FeatureContext } from './context';

export const FEATURE_IDS = ['tier-badge', 'trigger-warnings', 'handoff-checklist', 'override', 'ai-suggestion', 'handoff-received'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/** A pure predicate on the page URL (with the adapter that reads it). */
export type PagePredicate = (url: URL, ctx: Pick<FeatureContext, 'adapter'>) => boolean;

export interface Feature {
  /** Equals the file name. */
  id: FeatureId;
  /** The feature runs only where every predicate holds. */
  include: PagePredicate[];
  /** Draws the feature; returns false when it does not apply to this ticket. Cleans up when `signal` aborts. */
  init(signal: AbortSignal, ctx: FeatureContext): boolean | undefined | Promise<boolean | undefined>;
  /**
   * Drawn in the task that brings the ticket's answer, before the frame that paints it; the other features draw from
   * the same answer in the task just after that frame, so the badge is not held back by the drawer (issue 13).
   */
  firstFrame?: boolean;
}

export function defineFeature(feature: Feature): Feature {
  return feature;
}

/** The page shows one ticket or issue (not a list, a view or a dashboard). */
export const isTicketPage: PagePredicate = (url, { adapter }) => adapter.getPageKind(url) !== null;

/**
 * The features drawn before a ticket's first frame and those drawn just after it, each in registry order.
 *
 * @example byFrame(FEATURES) // { first: [tierBadge], later: [handoffReceived, triggerWarnings, …] }
 */
export function byFrame(features: readonly Feature[]): { first: Feature[]; later: Feature[] } {
  return { first: features.filter((f) => f.firstFrame === true), later: features.filter((f) => f.firstFrame !== true) };
}

export interface RunResult {
  started: FeatureId[];
  skipped: FeatureId[];
  failed: { id: FeatureId; error: unknown }[];
}

/**
 * Starts every enabled feature that applies. One feature failing never stops
 * the others: a helpdesk UI change should cost one feature, not the overlay.
 */
export async function runFeatures(
  features: readonly Feature[],
  signal: AbortSignal,
  ctx: FeatureContext,
  { disabled = [] }: { disabled?: readonly string[] } = {},
): Promise<RunResult> {
  const result: RunResult = { started: [], skipped: [], failed: [] };
  await Promise.all(
    features.map(async (feature) => {
      if (disabled.includes(feature.id) || !feature.include.every((applies) => applies(ctx.url, ctx))) {
        result.skipped.push(feature.id);
        return;
      }
      try {
        const applied = await feature.init(signal, ctx);
        (applied === false ? result.skipped : result.started).push(feature.id);
      } catch (error) {
        result.failed.push({ id: feature.id, error });
      }
    }),
  );
  return result;
}
