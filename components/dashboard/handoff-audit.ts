import { z } from 'zod';
import type { TierlineEvent } from '../../core/events';

/**
 * The handoff completeness audit: one row per handoff (the shape GET
 * /v1/handoffs answers, and what local handoff events become), aggregated
 * once per dimension so the dashboard stays fast with 10,000 handoffs.
 */

export const handoffRowSchema = z.object({
  id: z.string(),
  at: z.string(),
  ticketId: z.string(),
  helpdesk: z.string(),
  agent: z.string(),
  team: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  stage: z.string(),
  completeness: z.number(),
  complete: z.boolean(),
  missing: z.array(z.string()),
  blocked: z.boolean(),
  packetId: z.string().nullable(),
});
export type HandoffRow = z.infer<typeof handoffRowSchema>;

export const handoffPageSchema = z.object({ handoffs: z.array(handoffRowSchema), nextCursor: z.string().nullable() });

/** A local handoff event as an audit row; complete means nothing missing and a full score, as the endpoint counts it. */
export function toHandoffRow(event: Extract<TierlineEvent, { type: 'handoff' }>): HandoffRow {
  const { data } = event;
  return {
    id: event.id,
    at: event.at,
    ticketId: event.ticketId,
    helpdesk: event.helpdesk,
    agent: event.agent,
    team: event.team ?? data.team ?? null,
    from: data.from,
    to: data.to,
    stage: `${data.from}-${data.to}`,
    completeness: data.completeness,
    complete: data.missing.length === 0 && data.completeness >= 100,
    missing: data.missing,
    blocked: data.blocked,
    packetId: data.packetId ?? null,
  };
}

export type AuditDimension = 'agent' | 'team' | 'stage';

export interface AuditGroup {
  key: string;
  total: number;
  complete: number;
  /** Share of complete packets, 0–1. */
  shareComplete: number;
  averageCompleteness: number;
  /** Items most often missing, most frequent first. */
  topMissing: { item: string; count: number }[];
}

const NO_TEAM = '(no team)';

function keyOf(row: HandoffRow, dim: AuditDimension): string {
  if (dim === 'team') return row.team ?? NO_TEAM;
  return row[dim];
}

/**
 * Aggregates rows by agent, team or stage in one pass; groups with the lowest
 * share of complete packets come first, where a lead should look.
 *
 * @example
 * auditBy(rows, 'agent')[0] // { key: 'dana', total: 40, complete: 22, shareComplete: 0.55, topMissing: [{ item: 'Reproduction steps', count: 12 }, …] }
 */
export function auditBy(rows: readonly HandoffRow[], dim: AuditDimension, topN = 3): AuditGroup[] {
  const groups = new Map<string, { total: number; complete: number; sum: number; missing: Map<string, number> }>();
  for (const row of rows) {
    const key = keyOf(row, dim);
    let g = groups.get(key);
    if (!g) {
      g = { total: 0, complete: 0, sum: 0, missing: new Map() };
      groups.set(key, g);
    }
    g.total += 1;
    g.sum += row.completeness;
    if (row.complete) g.complete += 1;
    for (const item of row.missing) g.missing.set(item, (g.missing.get(item) ?? 0) + 1);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      total: g.total,
      complete: g.complete,
      shareComplete: g.complete / g.total,
      averageCompleteness: g.sum / g.total,
      topMissing: rankMissing(g.missing, topN),
    }))
    .sort((a, b) => a.shareComplete - b.shareComplete || b.total - a.total || a.key.localeCompare(b.key));
}

/** Items most often missing across every row. */
export function topMissingItems(rows: readonly HandoffRow[], topN = 5): { item: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const item of row.missing) counts.set(item, (counts.get(item) ?? 0) + 1);
  return rankMissing(counts, topN);
}

function rankMissing(counts: Map<string, number>, topN: number): { item: string; count: number }[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topN)
    .map(([item, count]) => ({ item, count }));
}
