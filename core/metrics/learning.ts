import type { TierlineEvent } from '../events';

/**
 * The learning loop: every Tier 2 or Tier 3 resolution is a chance to teach
 * Tier 1. Escalations to Tier 2 / Tier 3 are grouped by what the ticket was
 * about; a group that recurs is a candidate for a Tier 1 playbook (when many
 * of its escalations proved avoidable) or a knowledge-base article.
 */

export interface LearningCandidate {
  /** The triage category or issue type of the escalated tickets, else the escalation reason. */
  topic: string;
  /** The tier that resolved them. */
  tier: 'T2' | 'T3';
  escalations: number;
  unnecessary: number;
  /** A few example tickets, sorted. */
  examples: string[];
  suggestion: 'tier-1-playbook' | 'knowledge-base-article';
}

export interface LearningOptions {
  from?: string;
  to?: string;
  /** A topic needs at least this many escalations to be worth writing up. Default 2. */
  minEscalations?: number;
}

/**
 * @example
 * learningCandidates(events)
 * // [{ topic: 'integration', tier: 'T2', escalations: 7, unnecessary: 3, examples: ['4711', …], suggestion: 'tier-1-playbook' }]
 */
export function learningCandidates(events: readonly TierlineEvent[], options: LearningOptions = {}): LearningCandidate[] {
  const from = options.from ? Date.parse(options.from) : Number.NEGATIVE_INFINITY;
  const to = options.to ? Date.parse(options.to) : Number.POSITIVE_INFINITY;
  const minEscalations = options.minEscalations ?? 2;
  // The latest decision's category per ticket; ties broken by event id so order never matters.
  const topicOf = new Map<string, { at: number; id: string; topic: string }>();
  for (const e of events) {
    if (e.type !== 'decision' || e.data.category === undefined) continue;
    const at = Date.parse(e.at);
    const seen = topicOf.get(e.ticketId);
    if (!seen || at > seen.at || (at === seen.at && e.id > seen.id)) topicOf.set(e.ticketId, { at, id: e.id, topic: e.data.category });
  }
  const groups = new Map<string, { topic: string; tier: 'T2' | 'T3'; escalations: number; unnecessary: number; tickets: Set<string> }>();
  for (const e of events) {
    if (e.type !== 'escalation' || (e.data.to !== 'T2' && e.data.to !== 'T3')) continue;
    const at = Date.parse(e.at);
    if (at < from || at >= to) continue;
    const topic = topicOf.get(e.ticketId)?.topic ?? e.data.reason?.trim().toLowerCase() ?? 'uncategorized';
    const key = `${e.data.to}\u0000${topic}`;
    let group = groups.get(key);
    if (!group) {
      group = { topic, tier: e.data.to, escalations: 0, unnecessary: 0, tickets: new Set() };
      groups.set(key, group);
    }
    group.escalations++;
    if (e.data.unnecessary === true) group.unnecessary++;
    group.tickets.add(e.ticketId);
  }
  return [...groups.values()]
    .filter((g) => g.escalations >= minEscalations)
    .map((g) => ({
      topic: g.topic,
      tier: g.tier,
      escalations: g.escalations,
      unnecessary: g.unnecessary,
      examples: [...g.tickets].sort().slice(0, 5),
      // 20% or more avoidable: Tier 1 could have solved these with a playbook.
      suggestion: g.unnecessary / g.escalations >= 0.2 ? ('tier-1-playbook' as const) : ('knowledge-base-article' as const),
    }))
    .sort((a, b) => b.escalations - a.escalations || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.tier < b.tier ? -1 : 1));
}
