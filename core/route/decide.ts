import { businessMinutesBetween, type Instant } from '../clock/business-time';
import { formatMinutes, parseDuration } from '../conditions/duration';
import { compileNode } from '../conditions/evaluate';
import type { Calendar, Policy, Severity, Trigger } from '../policy/schema';
import { TIER_IDS, type Ticket, type TierId } from '../ticket';
import type { Decision, FiredTrigger, Reason } from './decision';
import { type ClockFacts, createFactBuilder, dueAt, type ModelSuggestion, type TicketFindings } from './facts';

export type { ModelSuggestion } from './facts';

export interface DecideOptions {
  /** The moment of the decision (ISO 8601 with offset, a Date or epoch ms). The core never reads the clock. */
  now: Instant;
  /** A triage suggestion; it sets the issue type only when the policy's AI gates allow it. */
  model?: ModelSuggestion;
}

export type Router = (ticket: Ticket, options: DecideOptions) => Decision;

interface Candidate {
  trigger: Trigger;
  index: number;
  tier: TierId;
  role: string;
  /** The route names a role (sideways): it keeps that role and its tier. */
  sideways: boolean;
  bypass: boolean;
  /** A warning only: it does not move the ticket. */
  stay?: boolean;
}

/**
 * Compiles a policy's conditions once and returns a pure routing function.
 * Tier and role come from, in order: the triggers that fired (a bypass wins,
 * then the highest tier; a sideways route to a role keeps its role; a trigger
 * never moves a ticket below its issue type's tier), the issue-type matrix,
 * the ticket's current tier, the policy's entry tier. Severity comes from the
 * severities' conditions, raised by a trigger that sets a more severe one.
 *
 * @example
 * const route = createRouter(defaultPolicy);
 * route(ticket, { now: '2026-03-10T10:16:00+01:00' }).tier // 'T2'
 */
export function createRouter(policy: Policy): Router {
  const findingsOf = createFactBuilder(policy);
  const triggers = policy.triggers.map((trigger, index) => ({ trigger, index, node: compileNode(trigger.when) }));
  const tiers = new Map(policy.tiers.map((t) => [t.id, t]));
  const roles = new Map(policy.roles.map((r) => [r.id, r]));
  const issueTypes = new Map(policy.issueTypes.map((t, i) => [t.id, { type: t, index: i }]));
  const severityIndex = new Map(policy.severities.map((s, i) => [s.id, i]));
  const escalationMinutes = new Map(policy.severities.map((s) => [s.id, parseDuration(s.escalation) ?? 0]));

  const ownerOf = (tier: TierId): string => tiers.get(tier)?.ownerRole ?? `tier-${tier.toLowerCase()}`;
  const roleName = (role: string): string => roles.get(role)?.name ?? role;

  function candidateOf(trigger: Trigger, index: number): Candidate {
    const { route } = trigger;
    if (route.stay) return { trigger, index, tier: policy.entryTier, role: '', sideways: false, bypass: false, stay: true };
    const roleTier = route.role ? roles.get(route.role)?.tier : undefined;
    const tier = route.tier ?? roleTier ?? policy.entryTier;
    return { trigger, index, tier, role: route.role ?? ownerOf(tier), sideways: route.role !== undefined, bypass: route.bypass };
  }

  return (ticket, options) => {
    const findings = findingsOf(ticket, options);
    const { facts } = findings;
    const reasons: Reason[] = [];

    const fired: Candidate[] = [];
    const warnings: Candidate[] = [];
    for (const { trigger, index, node } of triggers) {
      if (!node.test(facts)) continue;
      const saw: Record<string, unknown> = {};
      node.explain(facts, saw);
      // A warning-only trigger shows and is counted, but takes no part in choosing the route.
      if (trigger.route.stay) warnings.push(candidateOf(trigger, index));
      else fired.push(candidateOf(trigger, index));
      // An incident names the issue type ("a breach is a security incident") over a guess, for the triggers after it.
      if (trigger.issueType && findings.issueType?.strength !== 'strong' && issueTypes.has(trigger.issueType) && findings.issueType?.id !== trigger.issueType) {
        findings.issueType = { id: trigger.issueType, source: 'trigger', strength: 'guess', rule: `triggers[${index}].issueType`, saw: { trigger: trigger.id } };
        (facts as Record<string, unknown>).issueType = trigger.issueType;
      }
      reasons.push({ about: 'trigger', rule: `triggers[${index}] ${trigger.id}`, text: `${KIND_LABEL[trigger.kind]} trigger: ${trigger.description}`, saw });
    }

    if (findings.issueType) {
      const known = issueTypes.get(findings.issueType.id);
      const rival = findings.issueType.rival;
      const agreed = (findings.issueType.agreed ?? []).map((a) => `, with ${ISSUE_TYPE_SOURCES[a]}`).join('');
      const close = rival ? ` It was close: "${issueTypes.get(rival.id)?.type.name ?? rival.id}" scored ${rival.score} against ${rival.score1}.` : '';
      reasons.unshift({
        about: 'issue-type',
        rule: findings.issueType.rule,
        text: `Issue type ${known ? `"${known.type.name}"` : `"${findings.issueType.id}" (not in the policy)`} from ${ISSUE_TYPE_SOURCES[findings.issueType.source]}${agreed}.${close}`,
        saw: findings.issueType.saw,
      });
    }

    // Tier and role.
    const baseline = baselineOf(findings);
    const chosen = chooseTrigger(fired);
    let tier = baseline.tier;
    let role = baseline.role;
    let bypass = false;
    if (chosen && (chosen.sideways || chosen.bypass || rank(chosen.tier) >= rank(baseline.tier))) {
      // A bypass to a lower tier than the matrix already gives keeps the higher tier and its owner.
      const keepsBaseline = !chosen.sideways && rank(chosen.tier) < rank(baseline.tier);
      tier = keepsBaseline ? baseline.tier : chosen.tier;
      role = keepsBaseline ? baseline.role : chosen.role;
      bypass = chosen.bypass;
      const rule = `triggers[${chosen.index}] ${chosen.trigger.id}`;
      reasons.push({ about: 'tier', rule, text: `${tierLabel(tier)}: ${describeChoice(chosen, fired.length)}`, saw: { from: findings.currentTier.tier } });
      reasons.push({ about: 'role', rule, text: `${roleName(role)} ${chosen.sideways ? 'takes it sideways, by role' : `owns ${tierLabel(tier)}`}.`, saw: {} });
    } else {
      if (chosen) {
        const rule = `triggers[${chosen.index}] ${chosen.trigger.id}`;
        reasons.push({ about: 'tier', rule, text: `The trigger routes to ${tierLabel(chosen.tier)}, but the ticket already belongs at ${tierLabel(baseline.tier)}; a trigger never moves a ticket down.`, saw: {} });
      }
      reasons.push({ about: 'tier', rule: baseline.rule, text: `${tierLabel(tier)}: ${baseline.text}`, saw: baseline.saw });
      reasons.push({ about: 'role', rule: baseline.roleRule, text: `${roleName(role)} owns ${tierLabel(tier)}.`, saw: {} });
    }

    // Severity: the severities' choice, raised by a trigger that sets a more severe one.
    let severity = findings.severity.severity;
    reasons.push({ about: 'severity', rule: findings.severity.rule, text: `Severity ${severity.name}${findings.severity.rule === 'defaultSeverity' ? ' (no severity rule matched)' : ''}.`, saw: findings.severity.saw });
    for (const c of fired) {
      const id = c.trigger.severity;
      if (id === undefined || id === severity.id) continue;
      const candidate = policy.severities[severityIndex.get(id) ?? -1];
      if (candidate && (severityIndex.get(id) ?? 0) < (severityIndex.get(severity.id) ?? 0)) {
        severity = candidate;
        reasons.push({ about: 'severity', rule: `triggers[${c.index}] ${c.trigger.id}`, text: `Severity raised to ${candidate.name} by the ${c.trigger.id} trigger.`, saw: {} });
      }
    }

    const clock = clockOf(findings, severity, escalationMinutes.get(severity.id) ?? 0, options.now);
    reasons.push(clock.reason);

    return {
      ticketId: ticket.id,
      tier,
      role,
      roleName: roleName(role),
      severity: severity.id,
      severityName: severity.name,
      ...(findings.issueType ? { issueType: findings.issueType.id } : {}),
      bypass,
      triggers: [...fired, ...warnings].sort((a, b) => a.index - b.index).map(toFired),
      clock: clock.value,
      reasons,
      policyRevision: policy.revision,
    };
  };

  function baselineOf(findings: TicketFindings) {
    const type = findings.issueType ? issueTypes.get(findings.issueType.id) : undefined;
    const current = findings.currentTier;
    // A guess from the words (or a generic default, or the model) never moves a ticket below where an agent holds it.
    if (type && findings.issueType?.strength === 'guess' && current.held && rank(type.type.tier) < rank(current.tier)) {
      return {
        tier: current.tier,
        role: ownerOf(current.tier),
        rule: current.rule,
        roleRule: `tiers.${current.tier}.ownerRole`,
        text: `the ticket is already held at ${tierLabel(current.tier)}; "${type.type.name}" (${tierLabel(type.type.tier)}) is a guess from its words, and a guess never moves a ticket down.`,
        saw: { currentTier: current.tier, issueType: type.type.id },
      };
    }
    if (type) {
      const role = type.type.role ?? ownerOf(type.type.tier);
      return {
        tier: type.type.tier,
        role,
        rule: `issueTypes[${type.index}] ${type.type.id}`,
        roleRule: type.type.role ? `issueTypes[${type.index}].role` : `tiers.${type.type.tier}.ownerRole`,
        text: `the issue-type matrix places "${type.type.name}" here.`,
        saw: { issueType: type.type.id },
      };
    }
    return {
      tier: current.tier,
      role: ownerOf(current.tier),
      rule: current.rule,
      roleRule: `tiers.${current.tier}.ownerRole`,
      text: current.known ? 'no issue type or trigger decides, so the ticket stays at its current tier.' : 'no issue type or trigger decides, so the ticket starts at the entry tier.',
      saw: current.known ? { currentTier: current.tier } : {},
    };
  }

  function clockOf(findings: TicketFindings, severity: Severity, escalation: number, now: Instant) {
    // A trigger may have changed the severity, and with it the calendar the clock runs on.
    const clock: ClockFacts = severity.id === findings.severity.severity.id ? findings.clock : recomputeClock(findings, severity, now);
    const remaining = escalation - clock.timeInQueue;
    const due = dueAt(clock, escalation);
    const value = {
      timeInQueueMinutes: round(clock.timeInQueue),
      ...(due ? { dueAt: due } : {}),
      remainingMinutes: round(remaining),
      breached: remaining <= 0,
      paused: clock.paused,
      calendar: clock.calendar.id,
    };
    const state = clock.paused ? 'paused' : remaining <= 0 ? `breached by ${formatMinutes(-remaining)}` : `${formatMinutes(remaining)} left`;
    const reason: Reason = {
      about: 'clock',
      rule: `severities[${severityIndex.get(severity.id) ?? 0}].escalation`,
      text: `${clock.capped ? 'Over ' : ''}${formatMinutes(clock.timeInQueue)} of ${formatMinutes(escalation)} in queue on the ${clock.calendar.name ?? clock.calendar.id} calendar: ${state}.`,
      saw: { tierEnteredAt: findings.facts.tierEnteredAt, createdAt: findings.facts.createdAt, status: findings.facts.status },
    };
    return { value, reason };
  }

  function recomputeClock(findings: TicketFindings, severity: Severity, now: Instant): ClockFacts {
    const calendar = policy.calendars.find((c) => c.id === severity.calendar) ?? findings.clock.calendar;
    if (calendar === findings.clock.calendar) return findings.clock;
    return { ...findings.clock, calendar, timeInQueue: businessMinutes(calendar, findings.clock, now) };
  }
}

/** Routes one ticket under a policy: tier, role, severity, fired triggers, queue clock and reasons. */
export function decide(policy: Policy, ticket: Ticket, options: DecideOptions): Decision {
  return routerFor(policy)(ticket, options);
}

/** `decide` compiles a policy once per policy object. */
const routers = new WeakMap<Policy, Router>();
function routerFor(policy: Policy): Router {
  let router = routers.get(policy);
  if (!router) {
    router = createRouter(policy);
    routers.set(policy, router);
  }
  return router;
}

function businessMinutes(calendar: Calendar, clock: ClockFacts, now: Instant): number {
  return businessMinutesBetween(calendar, clock.start, now, { pauses: clock.pauses });
}

/** Bypass first, then the highest tier, then policy order. */
function chooseTrigger(fired: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of fired) {
    if (!best || (c.bypass && !best.bypass) || (c.bypass === best.bypass && rank(c.tier) > rank(best.tier))) best = c;
  }
  return best;
}

function describeChoice(chosen: Candidate, firedCount: number): string {
  const why = chosen.bypass ? 'bypass trigger' : chosen.sideways ? 'sideways trigger' : 'escalation trigger';
  const others = firedCount > 1 ? ` (chosen over ${firedCount - 1} other fired trigger${firedCount > 2 ? 's' : ''}: bypass first, then the highest tier)` : '';
  return `${why} "${chosen.trigger.id}"${others}.`;
}

function toFired(c: Candidate): FiredTrigger {
  return {
    id: c.trigger.id,
    kind: c.trigger.kind,
    description: c.trigger.description,
    action: c.trigger.action,
    ...(c.stay ? { warnOnly: true } : { toTier: c.tier }),
    ...(c.trigger.route.role ? { toRole: c.trigger.route.role } : {}),
    bypass: c.bypass,
  };
}

const rank = (tier: TierId): number => TIER_IDS.indexOf(tier);
const tierLabel = (tier: TierId): string => `Tier ${tier.slice(1)}`;
const round = (minutes: number): number => Math.round(minutes * 10) / 10;

const KIND_LABEL: Record<Trigger['kind'], string> = {
  functional: 'Functional',
  severity: 'Severity',
  time: 'Time-in-queue',
  contractual: 'Contractual',
  systemic: 'Systemic',
  sentiment: 'Sentiment',
};

const ISSUE_TYPE_SOURCES = {
  ticket: 'the ticket’s issue type field',
  'helpdesk-field': 'a mapped helpdesk field',
  'helpdesk-tag': 'a mapped helpdesk tag',
  model: 'the triage model (above the auto-route gate, not a sensitive case)',
  keywords: 'the customer’s words, weighed by where they stand',
  'generic-field': 'the helpdesk’s generic default type, with nothing in the text against it',
  trigger: 'the incident the trigger found',
} as const;
