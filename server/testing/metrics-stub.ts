import type { TierlineEvent } from '../../core/events';
export function computeMetrics(events: readonly TierlineEvent[], o: { from: Date; to: Date }) {
  const byType: Record<string, number> = {};
  for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return { from: o.from.toISOString(), byType, rate: { value: events.length / 3 } };
}
