import type { TierlineEventInput } from '../../core/events';
import type { PolicyInput } from '../../core/policy/schema';

/**
 * A small but complete policy: two tiers, one severity, one calendar. It models
 * what an admin would publish first, nothing more — the endpoint stores what it is given.
 */
export const smallPolicy: PolicyInput = {
  schemaVersion: 1,
  name: 'Acme support levels',
  tiers: [
    { id: 'T1', name: 'Frontline', boundary: 'Tier 1 resolves known issues, billing and access questions.', ownerRole: 'frontline-agent' },
    { id: 'T2', name: 'Technical', boundary: 'Tier 2 resolves configuration, integrations and reproducible bugs.', ownerRole: 'support-engineer' },
  ],
  roles: [
    { id: 'frontline-agent', name: 'Frontline Agent', tier: 'T1' },
    { id: 'support-engineer', name: 'Support Engineer', tier: 'T2' },
  ],
  severities: [{ id: 'normal', name: 'Normal', response: '4h', escalation: '1d', calendar: 'office' }],
  defaultSeverity: 'normal',
  calendars: [{ id: 'office', timeZone: 'Europe/Berlin', hours: { mon: [{ start: '09:00', end: '17:00' }] } }],
  handoff: {
    base: [{ id: 'summary', label: 'Summary' }],
    stages: { 'T1-T2': [{ id: 'steps-taken', label: 'Steps taken' }] },
  },
};

let counter = 0;
/** A fresh event id: UUID-shaped like the extension's, unique within a test run. */
export function eventId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

type Base = { id?: string; at: string; agent?: string; team?: string; ticketId?: string };

const base = (b: Base) => ({
  id: b.id ?? eventId(),
  at: b.at,
  ticketId: b.ticketId ?? '4711',
  helpdesk: 'zendesk' as const,
  agent: b.agent ?? 'alice',
  ...(b.team ? { team: b.team } : {}),
});

export function handoffEvent(
  b: Base & { from?: 'T0' | 'T1' | 'T2' | 'T3'; to?: 'T1' | 'T2' | 'T3' | 'T4'; completeness?: number; missing?: string[] },
): TierlineEventInput {
  return {
    ...base(b),
    type: 'handoff',
    data: { from: b.from ?? 'T1', to: b.to ?? 'T2', completeness: b.completeness ?? 100, missing: b.missing ?? [] },
  };
}

export function decisionEvent(b: Base & { tier?: 'T0' | 'T1' | 'T2' | 'T3' | 'T4' }): TierlineEventInput {
  return { ...base(b), type: 'decision', data: { tier: b.tier ?? 'T1', role: 'frontline-agent', severity: 'normal' } };
}

export function escalationEvent(b: Base & { unnecessary?: boolean }): TierlineEventInput {
  return {
    ...base(b),
    type: 'escalation',
    data: { from: 'T1', to: 'T2', ...(b.unnecessary === undefined ? {} : { unnecessary: b.unnecessary }) },
  };
}

export function reassignmentEvent(b: Base): TierlineEventInput {
  return { ...base(b), type: 'reassignment', data: { from: { tier: 'T1' }, to: { tier: 'T2' }, misroute: true } };
}

export function csatEvent(b: Base & { score: number; afterHandoff?: boolean }): TierlineEventInput {
  return { ...base(b), type: 'csat', data: { score: b.score, afterHandoff: b.afterHandoff ?? false } };
}
