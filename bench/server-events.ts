/**
 * The sync endpoint benchmark's events (bench/server.bench.ts, scripts/ingest-versus.ts): 10 teams
 * of 10 agents over 365 days from 2025-03-01, generated in arrival order from a seed.
 */
import type { TierlineEvent } from '../core/events';
import { createPrng } from '../core/triage/prng';

export const TEAMS = 10;
export const AGENTS_PER_TEAM = 10;
export const DAYS = 365;
export const START = Date.UTC(2025, 2, 1);
/** The endpoint's clock in the benchmark: the day after the last event. */
export const BENCH_NOW = new Date(START + DAYS * 86_400_000);

/** A deterministic stream of realistic events in time order: every ticket gets a decision, some escalate, hand off, get reassigned, reopen or rated. */
export function* generateBenchEvents(count: number, seed: number, idPrefix: string): Generator<TierlineEvent> {
  // mulberry32 (seeded): small, fast and well spread, so teams and days get their fair share.
  const rand = createPrng(seed);
  const tiers = ['T1', 'T2', 'T3'] as const;
  for (let i = 0; i < count; i++) {
    const team = Math.floor(rand() * TEAMS);
    const agent = `agent-${team}-${Math.floor(rand() * AGENTS_PER_TEAM)}`;
    // Events arrive roughly as they happen, so they are stored in time order, give or take a few minutes.
    const at = new Date(START + Math.floor((i / count) * DAYS * 86_400_000 + rand() * 600_000)).toISOString();
    const base = { id: `${idPrefix}-${i.toString(36).padStart(8, '0')}`, at, ticketId: String(Math.floor(i / 4)), helpdesk: 'zendesk' as const, agent, team: `team-${team}` };
    const r = rand();
    if (r < 0.4) {
      yield { ...base, type: 'decision', data: { tier: tiers[Math.floor(rand() * 3)] ?? 'T1', role: 'frontline-agent', severity: 'normal', bypass: false, triggers: [], source: 'rules' } };
    } else if (r < 0.55) {
      yield { ...base, type: 'escalation', data: { from: 'T1', to: 'T2', triggers: ['time-in-queue'], unnecessary: rand() < 0.2 } };
    } else if (r < 0.7) {
      const missing = rand() < 0.3 ? ['logs'] : [];
      yield { ...base, type: 'handoff', data: { from: 'T1', to: 'T2', completeness: missing.length ? 80 : 100, missing, blocked: false } };
    } else if (r < 0.8) {
      yield { ...base, type: 'reassignment', data: { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: rand() < 0.5 } };
    } else if (r < 0.87) {
      yield { ...base, type: 'override', data: { from: { tier: 'T1', role: 'frontline-agent' }, to: { tier: 'T2', role: 'support-engineer' }, reason: 'needs logs', source: 'rules' } };
    } else if (r < 0.93) {
      yield { ...base, type: 'reopen', data: { solvedAt: new Date(Date.parse(at) - 86_400_000).toISOString() } };
    } else {
      yield { ...base, type: 'csat', data: { score: 1 + Math.floor(rand() * 5), afterHandoff: rand() < 0.5 } };
    }
  }
}
