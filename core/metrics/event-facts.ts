import type { TierlineEvent } from '../events';
import { timeOf } from './time-of';

/**
 * What one event adds to the metrics, as bits: the one definition that
 * computeMetrics (./compute.ts) counts, the leaks table reads bad outcomes
 * from (./leaks.ts), and the sync endpoint stores with each event
 * (`events.facts` and `events.score`, server migration 4) so GET /v1/metrics
 * counts integers instead of reading JSON. First the flags its ticket gets,
 * then what it counts, then where the names it counts by are (read from
 * `data` only for the events that have them).
 */
export const FACT = {
  // The ticket's flags; the ticket rates OR them per ticket.
  handled: 1,
  routed: 2,
  misrouted: 4,
  escalated: 8,
  reopened: 16,
  repeated: 32,
  transferred: 64,
  // What the event counts.
  decision: 128,
  override: 256,
  escalation: 512,
  unnecessary: 1024,
  handoff: 2048,
  complete: 4096,
  csat: 8192,
  satisfied: 16384,
  // Source of a decision or an override (any other, or none, is read from data), a category, missing items.
  rules: 32768,
  model: 65536,
  category: 131072,
  missing: 262144,
} as const;

/** The ticket flags among the bits, OR-ed per ticket for the ticket rates. */
export const TICKET_FLAGS = FACT.handled | FACT.routed | FACT.misrouted | FACT.escalated | FACT.reopened | FACT.repeated | FACT.transferred;

/** A reopen within this long of the solve counts as a reopen within 48 hours. */
const REOPEN_WINDOW = 48 * 3_600_000;

function sourceFacts(data: { source?: string; category?: string }): number {
  return (data.source === 'rules' ? FACT.rules : data.source === 'model' ? FACT.model : 0) | (data.category !== undefined ? FACT.category : 0);
}

/**
 * The facts of an event. The endpoint stores them on ingest, where the event is already parsed; its migration 4
 * holds the same rules in SQL (tierline_event_facts) for rows stored before, which server/metrics.*.test.ts hold
 * equal to these.
 *
 * @example eventFacts(escalation) // FACT.handled | FACT.escalated | FACT.transferred | FACT.escalation
 */
export function eventFacts(e: TierlineEvent): number {
  switch (e.type) {
    case 'decision':
      return FACT.handled | FACT.routed | FACT.decision | sourceFacts(e.data);
    case 'override':
      return FACT.handled | FACT.override | sourceFacts(e.data);
    case 'reassignment':
      return FACT.handled | FACT.routed | (e.data.misroute ? FACT.misrouted : 0);
    case 'escalation':
      return FACT.handled | FACT.escalated | FACT.transferred | FACT.escalation | (e.data.unnecessary === true ? FACT.unnecessary : 0);
    case 'handoff':
      return (
        FACT.handled |
        FACT.transferred |
        FACT.handoff |
        (e.data.completeness >= 100 && e.data.missing.length === 0 ? FACT.complete : 0) |
        (e.data.missing.length > 0 ? FACT.missing : 0)
      );
    case 'reopen': {
      const gap = timeOf(e.at) - timeOf(e.data.solvedAt);
      return FACT.handled | (gap >= 0 && gap <= REOPEN_WINDOW ? FACT.reopened : 0);
    }
    case 'csat':
      return FACT.handled | (e.data.afterHandoff ? FACT.csat | (e.data.score >= 4 ? FACT.satisfied : 0) : 0);
    case 'repeat-explanation':
      return FACT.handled | (e.data.afterHandoff ? FACT.repeated : 0);
    case 'summary-confirmation':
      return 0;
  }
}

/** A handoff's completeness or a rating's score in thousandths, as core/metrics sums them; null for other events. */
export function eventScore(e: TierlineEvent): number | null {
  if (e.type === 'handoff') return Math.round(e.data.completeness * 1000);
  if (e.type === 'csat') return Math.round(e.data.score * 1000);
  return null;
}
