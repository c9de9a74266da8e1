import { type LeakDimension, type MetricId, METRIC_DEFINITIONS, NONE, type Trend, type Verdict } from '../../core/metrics';
import type { Policy } from '../../core/policy/schema';
import type { Format } from './format';

/**
 * Words for what the data holds as keys: tiers, stages, issue types and
 * helpdesks by the names the policy gives them, verdicts and trends as
 * sentences. Ids appear only where the policy has no name for them.
 */
export interface Names {
  tier(id: string): string;
  /** "T1-T2" → "Tier 1 → Tier 2"; a ticket that never moved, "T1" → "Stayed at Tier 1". */
  stage(key: string): string;
  issueType(id: string): string;
  helpdesk(id: string): string;
  team(key: string): string;
  agent(key: string): string;
  dimension(d: LeakDimension): string;
  /** A cell's value on a dimension. */
  value(d: LeakDimension, key: string): string;
  metric(id: MetricId): string;
}

export const HELPDESK_NAMES: Record<string, string> = { zendesk: 'Zendesk', freshdesk: 'Freshdesk', jira: 'Jira Service Management' };

const DIMENSIONS: Record<LeakDimension, string> = { stage: 'Stage', issueType: 'Issue type', agent: 'Agent', team: 'Team', helpdesk: 'Helpdesk' };

/** "Tier 1: Frontline" → "Tier 1 (Frontline)"; a tier the policy does not list, "T5" → "Tier 5". */
function tierName(policy: Policy | undefined, id: string): string {
  const tier = policy?.tiers.find((t) => t.id === id);
  const number = /^T(\d)$/.exec(id)?.[1];
  if (!tier) return number ? `Tier ${number}` : id;
  const named = /^Tier \d+\s*[:–-]\s*(.+)$/.exec(tier.name);
  return named && number ? `Tier ${number} (${named[1]})` : tier.name;
}

const shortTier = (id: string) => {
  const number = /^T(\d)$/.exec(id)?.[1];
  return number ? `Tier ${number}` : id;
};

export function createNames(policy: Policy | undefined): Names {
  const names: Names = {
    tier: (id) => tierName(policy, id),
    stage: (key) => {
      if (key === NONE) return 'No routing recorded';
      const [from, to] = key.split('-');
      return to === undefined ? `Stayed at ${shortTier(key)}` : `${shortTier(from!)} → ${shortTier(to)}`;
    },
    issueType: (id) => (id === NONE ? 'No issue type' : (policy?.issueTypes.find((t) => t.id === id)?.name ?? id)),
    helpdesk: (id) => HELPDESK_NAMES[id] ?? id,
    team: (key) => (key === NONE || key === '(no team)' ? 'No team' : key),
    agent: (key) => key,
    dimension: (d) => DIMENSIONS[d],
    value: (d, key) => {
      switch (d) {
        case 'stage':
          return names.stage(key);
        case 'issueType':
          return names.issueType(key);
        case 'helpdesk':
          return names.helpdesk(key);
        case 'team':
          return names.team(key);
        case 'agent':
          return names.agent(key);
      }
    },
    metric: (id) => METRIC_DEFINITIONS[id].label,
  };
  return names;
}

/** "Not enough data: 12 handoffs, need 30" and the like. */
export function verdictWords(v: Verdict, noun: { one: string; other: string }): string {
  switch (v.kind) {
    case 'not-enough-data':
      return `Not enough data${v.period === 'previous' ? ' in the previous period' : ''}: ${v.cases} ${v.cases === 1 ? noun.one : noun.other}, need ${v.need}`;
    case 'healthy':
      return 'Healthy';
    case 'watch':
      return v.side === 'above' ? 'Above the healthy band' : 'Below the healthy band';
    case 'warning':
      return 'Warning';
  }
}

/** Short label for a verdict pill. */
export function verdictLabel(v: Verdict): string {
  return v.kind === 'not-enough-data' ? 'Not enough data' : verdictWords(v, { one: '', other: '' });
}

/** "Worse by 17.5 points than Feb 25 – Mar 3" / "No trend: the previous period has 4 ratings, need 30". */
export function trendWords(t: Trend, noun: { one: string; other: string }, fmt: Format): string {
  if (t.kind === 'unknown') {
    const cases = `${t.cases} ${t.cases === 1 ? noun.one : noun.other}`;
    return t.period === 'previous' ? `No trend: the previous period has ${cases}, need ${t.need}` : `No trend: ${cases} this period, need ${t.need}`;
  }
  if (t.kind === 'steady') return `Steady (${fmt.points(t.changePoints)})`;
  return `${t.kind === 'better' ? 'Better' : 'Worse'}: ${fmt.points(t.changePoints)}`;
}

export const SUGGESTION_WORDS: Record<string, string> = {
  'tier-1-playbook': 'Tier 1 playbook',
  'knowledge-base-article': 'Knowledge-base article',
  'kb-article': 'Knowledge-base article',
};
