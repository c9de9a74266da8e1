import { z } from 'zod';
import type { TierlineEvent } from '../../core/events';
import type { Bucket, LeakCell, TicketRef } from '../../core/metrics';
import type { ResolvedAtTier } from './dashboard-data';

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

export interface AuditLearningCandidate {
  ticketId: string;
  helpdesk: string;
  /** The tier that resolved it: the last handoff's destination. */
  tier: 'T2' | 'T3';
  at: string;
  agent: string;
  team: string | null;
  /** A Tier 2 fix can become a Tier 1 playbook step; a Tier 3 fix needs a knowledge-base article first. */
  suggestion: 'tier-1-playbook' | 'kb-article';
}

/**
 * The learning loop: tickets whose last handoff went to Tier 2 or Tier 3 and
 * went no further were resolved there — each is a chance to teach Tier 1.
 */
export function learningCandidatesFromAudit(rows: readonly HandoffRow[]): AuditLearningCandidate[] {
  const last = new Map<string, HandoffRow>();
  for (const row of rows) {
    const seen = last.get(row.ticketId);
    if (!seen || row.at > seen.at) last.set(row.ticketId, row);
  }
  const out: AuditLearningCandidate[] = [];
  for (const row of last.values()) {
    if (row.to !== 'T2' && row.to !== 'T3') continue;
    out.push({ ticketId: row.ticketId, helpdesk: row.helpdesk, tier: row.to, at: row.at, agent: row.agent, team: row.team, suggestion: row.to === 'T2' ? 'tier-1-playbook' : 'kb-article' });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Handoff completeness per cell of the audit rows (what the endpoint lists),
 * with the incomplete handoffs' tickets behind each cell: the one metric the
 * endpoint can break down by stage and helpdesk and trace to tickets.
 *
 * @example completenessCells(rows, (r) => [r.stage])[0] // { keys: ['T1-T2'], tickets: 40, ratios: { 'handoff-completeness': { numerator: 22, denominator: 40, value: 0.55 } }, behind: { … } }
 */
export function completenessCells(rows: readonly HandoffRow[], keysOf: (row: HandoffRow) => string[]): LeakCell[] {
  const cells = new Map<string, { keys: string[]; total: number; complete: number; tickets: Set<string>; behind: TicketRef[] }>();
  for (const row of rows) {
    const keys = keysOf(row);
    const id = keys.join('\u0000');
    let cell = cells.get(id);
    if (!cell) {
      cell = { keys, total: 0, complete: 0, tickets: new Set(), behind: [] };
      cells.set(id, cell);
    }
    cell.total++;
    cell.tickets.add(`${row.helpdesk}\u0000${row.ticketId}`);
    if (row.complete) cell.complete++;
    else cell.behind.push({ helpdesk: row.helpdesk, ticketId: row.ticketId, lastAt: row.at });
  }
  return [...cells.values()].map((c) => ({
    keys: c.keys,
    tickets: c.tickets.size,
    ratios: { 'handoff-completeness': { numerator: c.complete, denominator: c.total, value: c.complete / c.total } },
    behind: { 'handoff-completeness': c.behind.sort((a, b) => (a.lastAt > b.lastAt ? -1 : a.lastAt < b.lastAt ? 1 : 0)).slice(0, 200) },
  }));
}

/**
 * The learning loop from the audit alone: tickets whose last handoff went to
 * Tier 2 or Tier 3, per resolving tier, counted per bucket.
 */
export function resolvedAtTier(rows: readonly HandoffRow[], buckets: readonly Bucket[]): ResolvedAtTier[] {
  const candidates = learningCandidatesFromAudit(rows);
  return (['T2', 'T3'] as const).flatMap((tier) => {
    const mine = candidates.filter((c) => c.tier === tier);
    if (mine.length === 0) return [];
    const counts = buckets.map((b) => ({ key: b.key, count: 0, partial: b.partial }));
    for (const c of mine) {
      const i = buckets.findIndex((b) => c.at >= b.start && c.at < b.end);
      if (i >= 0) counts[i]!.count++;
    }
    return [
      {
        tier,
        tickets: mine.length,
        counts,
        examples: mine.slice(0, 5).map((c) => ({ helpdesk: c.helpdesk, ticketId: c.ticketId, lastAt: c.at })),
        suggestion: tier === 'T2' ? ('tier-1-playbook' as const) : ('knowledge-base-article' as const),
      },
    ];
  });
}
