import { checkPattern } from '../conditions/safe-pattern';
import type { Condition } from '../conditions/schema';
import { TIER_IDS, type TierId } from '../ticket';
import { conditionImplies, type Dnf, leavesWithPaths, mentionsPhraseProblem, neverTrue, toDnf } from './lint-conditions';
import { vagueTriggerReason } from './lint-vague';
import { jsonPath, parsePolicy } from './parse';
import type { Policy, StageId } from './schema';

/**
 * The policy linter: what the schema accepts but the support-levels model
 * warns against. Errors make a policy wrong (a route to a role nobody holds, a
 * trigger that can never fire); warnings make it weak (a boundary that needs
 * two sentences, a stage with no handoff context).
 */

export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  severity: FindingSeverity;
  /** Stable identifier, e.g. "undefined-role". */
  code: string;
  /** JSON path of the offending value, e.g. "$.tiers[2].boundary". */
  path: string;
  message: string;
  fix: string;
}

type Path = (string | number)[];

/** The model keeps at most four people-staffed tiers; more layers lose context. */
const MAX_HUMAN_TIERS = 4;

/**
 * Lints a parsed policy. Findings come in policy order, errors and warnings mixed.
 *
 * @example
 * lintPolicy(defaultPolicy).filter((f) => f.severity === 'error') // []
 */
export function lintPolicy(policy: Policy): Finding[] {
  const out: Finding[] = [];
  const add = (severity: FindingSeverity, code: string, path: Path, message: string, fix: string) => out.push({ severity, code, path: jsonPath(path), message, fix });
  lintDuplicates(policy, add);
  lintTiers(policy, add);
  lintReferences(policy, add);
  lintCalendars(policy, add);
  lintTriggers(policy, add);
  lintPhrases(policy, add);
  lintHandoff(policy, add);
  lintAiGates(policy, add);
  return out;
}

/**
 * Lints policy JSON text: malformed JSON and schema errors become error
 * findings (with line and column for JSON), a valid policy is linted.
 */
export function lintPolicyText(input: string): Finding[] {
  // Editors on Windows save JSON with a byte-order mark, which JSON.parse refuses.
  const text = input.replace(/^\uFEFF/, '');
  const syntax = locateJsonError(text);
  if (syntax) {
    return [{ severity: 'error', code: 'invalid-json', path: '$', message: `not valid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.message}`, fix: 'check for a missing comma, quote or bracket at that position' }];
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) return parsed.errors.map((e) => ({ severity: 'error', code: 'invalid-policy', path: e.path, message: e.message, fix: e.fix }));
  return lintPolicy(parsed.policy);
}

type Add = (severity: FindingSeverity, code: string, path: Path, message: string, fix: string) => void;

function lintDuplicates(policy: Policy, add: Add): void {
  const lists: [string, { id: string }[], Path][] = [
    ['tier', policy.tiers, ['tiers']],
    ['role', policy.roles, ['roles']],
    ['issue type', policy.issueTypes, ['issueTypes']],
    ['severity', policy.severities, ['severities']],
    ['calendar', policy.calendars, ['calendars']],
    ['trigger', policy.triggers, ['triggers']],
    ['sensitive case', policy.ai.sensitive, ['ai', 'sensitive']],
  ];
  for (const [what, list, base] of lists) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else add('error', 'duplicate-id', [...base, i, 'id'], `The ${what} id "${item.id}" is used twice (first at ${jsonPath([...base, first])}).`, `Give this ${what} its own id or merge the two.`);
    });
  }
  // A packet holds items by id: one id twice in the same packet would share one answer.
  const itemsSeen = new Map<string, Path>();
  for (const [i, item] of policy.handoff.base.entries()) checkItem(item.id, ['handoff', 'base', i]);
  for (const [stage, items] of Object.entries(policy.handoff.stages)) {
    for (const [i, item] of (items ?? []).entries()) checkItem(item.id, ['handoff', 'stages', stage, i], stage);
  }
  function checkItem(id: string, path: Path, stage?: string) {
    const first = itemsSeen.get(stage ? `${stage}:${id}` : id) ?? itemsSeen.get(id);
    if (first) add('error', 'duplicate-id', [...path, 'id'], `The handoff item id "${id}" is used twice (first at ${jsonPath(first)}).`, 'Rename one item or remove the duplicate.');
    else itemsSeen.set(stage ? `${stage}:${id}` : id, path);
  }
}

function lintTiers(policy: Policy, add: Add): void {
  policy.tiers.forEach((tier, i) => {
    const sentences = countSentences(tier.boundary);
    if (sentences > 1) {
      add('warning', 'boundary-not-one-sentence', ['tiers', i, 'boundary'], `The boundary of ${tier.id} takes ${sentences} sentences; if a boundary cannot be said in one sentence the two levels should probably be merged (the one-sentence rule).`, `Say in one sentence what ${tier.id} owns that the tier below does not, or merge ${tier.id} with its neighbour.`);
    }
  });
  const human = policy.tiers.filter((t) => t.human);
  if (human.length > MAX_HUMAN_TIERS) {
    add('warning', 'too-many-human-tiers', ['tiers'], `${human.length} tiers are staffed by people (${human.map((t) => t.id).join(', ')}); more than ${MAX_HUMAN_TIERS} adds handoffs that lose context.`, 'Keep at most four human tiers: merge the tiers whose boundary is hardest to state, or mark the self-service tier with "human": false.');
  }
}

/** Sentences in a short text, ignoring abbreviations such as "e.g." and decimal points. */
export function countSentences(text: string): number {
  const cleaned = text
    .trim()
    .replace(/\b(e\.g|i\.e|etc|vs|approx|incl|no|dept|min|max|cf)\./gi, '$1')
    .replace(/(\d)\.(\d)/g, '$1$2');
  const parts = cleaned.split(/(?<=[.!?])\s+|\n+/).filter((p) => /\p{L}/u.test(p));
  return Math.max(1, parts.length);
}

function lintReferences(policy: Policy, add: Add): void {
  const tiers = new Set<string>(policy.tiers.map((t) => t.id));
  const roles = new Set(policy.roles.map((r) => r.id));
  const severities = new Set(policy.severities.map((s) => s.id));
  const issueTypes = new Set(policy.issueTypes.map((t) => t.id));
  const list = (set: Set<string>) => [...set].map((v) => `"${v}"`).join(', ');
  const tier = (id: string, path: Path, what: string) => {
    if (!tiers.has(id)) add('error', 'undefined-tier', path, `${what} refers to tier ${id}, which this policy does not define.`, `Define ${id} in $.tiers or use one of ${list(tiers)}.`);
  };
  const role = (id: string | undefined, path: Path, what: string) => {
    if (id !== undefined && !roles.has(id)) add('error', 'undefined-role', path, `${what} refers to the role "${id}", which is not defined.`, `Add a role with id "${id}" to $.roles, or use one of ${list(roles)}.`);
  };
  const severity = (id: string | undefined, path: Path, what: string) => {
    if (id !== undefined && !severities.has(id)) add('error', 'undefined-severity', path, `${what} refers to the severity "${id}", which is not defined.`, `Add a severity with id "${id}" to $.severities, or use one of ${list(severities)}.`);
  };
  const issueType = (id: string | undefined, path: Path, what: string) => {
    if (id !== undefined && !issueTypes.has(id)) add('error', 'undefined-issue-type', path, `${what} refers to the issue type "${id}", which is not defined.`, `Add an issue type with id "${id}" to $.issueTypes, or use one of ${list(issueTypes)}.`);
  };

  for (const [i, t] of policy.tiers.entries()) role(t.ownerRole, ['tiers', i, 'ownerRole'], `Tier ${t.id}'s owner`);
  for (const [i, r] of policy.roles.entries()) tier(r.tier, ['roles', i, 'tier'], `The role "${r.id}"`);
  policy.issueTypes.forEach((t, i) => {
    tier(t.tier, ['issueTypes', i, 'tier'], `The issue type "${t.id}"`);
    role(t.role, ['issueTypes', i, 'role'], `The issue type "${t.id}"`);
  });
  tier(policy.entryTier, ['entryTier'], 'The entry tier');
  severity(policy.defaultSeverity, ['defaultSeverity'], 'The default severity');
  const calendars = new Set(policy.calendars.map((c) => c.id));
  policy.severities.forEach((s, i) => {
    if (!calendars.has(s.calendar)) add('error', 'undefined-calendar', ['severities', i, 'calendar'], `The severity "${s.id}" runs on the calendar "${s.calendar}", which is not defined.`, `Add a calendar with id "${s.calendar}" to $.calendars, or use one of ${list(calendars)}.`);
  });
  policy.triggers.forEach((t, i) => {
    if (t.route.tier !== undefined) tier(t.route.tier, ['triggers', i, 'route', 'tier'], `The trigger "${t.id}" routes to a tier that`);
    role(t.route.role, ['triggers', i, 'route', 'role'], `The trigger "${t.id}"`);
    severity(t.severity, ['triggers', i, 'severity'], `The trigger "${t.id}"`);
  });
  for (const [label, target] of Object.entries(policy.ai.labels)) {
    issueType(target.issueType, ['ai', 'labels', label, 'issueType'], `The triage label "${label}"`);
    role(target.role, ['ai', 'labels', label, 'role'], `The triage label "${label}"`);
  }
  for (const [helpdesk, mapping] of Object.entries(policy.helpdesks)) {
    if (!mapping) continue;
    for (const [group, id] of Object.entries(mapping.groups)) tier(id, ['helpdesks', helpdesk, 'groups', group], `The ${helpdesk} group "${group}"`);
    for (const [tag, id] of Object.entries(mapping.tags)) tier(id, ['helpdesks', helpdesk, 'tags', tag], `The ${helpdesk} tag "${tag}"`);
    for (const [tag, id] of Object.entries(mapping.issueTypeTags)) issueType(id, ['helpdesks', helpdesk, 'issueTypeTags', tag], `The ${helpdesk} tag "${tag}"`);
    for (const [field, values] of Object.entries(mapping.issueTypeFields)) {
      for (const [value, id] of Object.entries(values)) issueType(id, ['helpdesks', helpdesk, 'issueTypeFields', field, value], `The ${helpdesk} field "${field}" = "${value}"`);
    }
    for (const id of Object.keys(mapping.writeBack)) tier(id, ['helpdesks', helpdesk, 'writeBack', id], `The ${helpdesk} write-back`);
  }
  // A role works at one tier: sending a ticket "to T4" but to a Tier 1 role leaves the badge and the owner disagreeing.
  const roleTier = new Map(policy.roles.map((r) => [r.id, r.tier]));
  const mismatch = (tierId: string, roleId: string | undefined, path: Path, what: string) => {
    const actual = roleId === undefined ? undefined : roleTier.get(roleId);
    if (actual !== undefined && actual !== tierId) {
      add('warning', 'role-tier-mismatch', path, `${what} puts the role "${roleId}" (a ${actual} role) at ${tierId}.`, `Use a ${tierId} role, or move "${roleId}" to ${tierId} in $.roles.`);
    }
  };
  for (const [i, t] of policy.tiers.entries()) mismatch(t.id, t.ownerRole, ['tiers', i, 'ownerRole'], `Tier ${t.id}'s owner`);
  for (const [i, t] of policy.issueTypes.entries()) mismatch(t.tier, t.role, ['issueTypes', i, 'role'], `The issue type "${t.id}"`);
  for (const [i, t] of policy.triggers.entries()) if (t.route.tier !== undefined) mismatch(t.route.tier, t.route.role, ['triggers', i, 'route'], `The trigger "${t.id}"`);

  // Conditions that compare a tier, severity or issue type with a value the policy never defines can never be true as meant.
  const known: Record<string, [Set<string>, string, string]> = {
    currentTier: [tiers, 'undefined-tier', 'tier'],
    tier: [tiers, 'undefined-tier', 'tier'],
    severity: [severities, 'undefined-severity', 'severity'],
    issueType: [issueTypes, 'undefined-issue-type', 'issue type'],
  };
  for (const [condition, base] of conditionsOf(policy)) {
    for (const { leaf, path } of leavesWithPaths(condition)) {
      const entry = known[leaf.field];
      if (!entry || !['eq', 'ne', 'in', 'notIn'].includes(leaf.op)) continue;
      const [set, code, what] = entry;
      for (const value of Array.isArray(leaf.value) ? leaf.value : [leaf.value]) {
        if (typeof value === 'string' && !set.has(value)) {
          add('error', code, [...base, ...path, 'value'], `The condition compares ${leaf.field} with "${value}", which is not a defined ${what}.`, `Use one of ${list(set)}.`);
        }
      }
    }
  }
}

function conditionsOf(policy: Policy): [Condition, Path][] {
  const out: [Condition, Path][] = [];
  for (const [i, s] of policy.severities.entries()) if (s.when) out.push([s.when, ['severities', i, 'when']]);
  for (const [i, t] of policy.triggers.entries()) out.push([t.when, ['triggers', i, 'when']]);
  for (const [i, s] of policy.ai.sensitive.entries()) out.push([s.when, ['ai', 'sensitive', i, 'when']]);
  return out;
}

function lintCalendars(policy: Policy, add: Add): void {
  policy.calendars.forEach((calendar, i) => {
    if (!isTimeZone(calendar.timeZone)) {
      add('error', 'invalid-time-zone', ['calendars', i, 'timeZone'], `"${calendar.timeZone}" is not an IANA time zone, so business hours cannot be computed.`, 'Use a zone name such as "Europe/Berlin", "America/New_York" or "UTC" (never a fixed offset: it ignores daylight saving).');
    }
    if (calendar.alwaysOpen) return;
    let open = 0;
    for (const [day, ranges] of Object.entries(calendar.hours)) {
      ranges.forEach((range, j) => {
        if (minutesOf(range.end) <= minutesOf(range.start)) {
          add('error', 'empty-hours', ['calendars', i, 'hours', day, j], `Business hours on ${day} end (${range.end}) at or before they start (${range.start}).`, 'Make the end later than the start; split hours that cross midnight into two days (e.g. 22:00–24:00 and 00:00–06:00).');
        } else open++;
      });
    }
    if (open === 0) add('error', 'calendar-never-open', ['calendars', i, 'hours'], `The calendar "${calendar.id}" has no business hours, so its clocks never run.`, 'Add weekly hours such as {"mon": [{"start": "09:00", "end": "17:00"}]} or set "alwaysOpen": true.');
    calendar.holidays.forEach((date, j) => {
      const d = new Date(`${date}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) add('error', 'invalid-holiday', ['calendars', i, 'holidays', j], `"${date}" is not a calendar date.`, 'Write a real date as YYYY-MM-DD, e.g. "2026-12-25".');
    });
  });
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function lintTriggers(policy: Policy, add: Add): void {
  const dnfs: (Dnf | null)[] = policy.triggers.map((t) => toDnf(t.when));
  const dead = new Set<number>();
  policy.triggers.forEach((trigger, i) => {
    for (const { leaf, path } of leavesWithPaths(trigger.when)) {
      if (leaf.op !== 'matches') continue;
      const check = checkPattern(leaf.value);
      if (!check.ok) add('error', 'unsafe-pattern', ['triggers', i, 'when', ...path, 'value'], `The pattern of trigger "${trigger.id}" is refused, so this test never matches: ${check.message}.`, check.fix);
    }
    const dnf = dnfs[i];
    const never = dnf ? neverTrue(dnf) : null;
    if (never) {
      dead.add(i);
      add('error', 'trigger-never-fires', ['triggers', i, 'when'], `The trigger "${trigger.id}" can never fire: ${never}.`, 'Fix the contradicting tests (did you mean "any" instead of "all", or "in" with a list?) or remove the trigger.');
    }
    const vague = vagueTriggerReason(trigger.description, trigger.when);
    if (vague) {
      add('error', 'vague-trigger', ['triggers', i, 'when'], `The trigger "${trigger.id}" is not measurable: ${vague}. Triggers like "escalate if unsure" turn Tier 1 into a pass-through.`, 'Base the trigger on a measurable fact: issue type, severity, customer tier, time in queue, impacted users, an amount, an error code or repeat contacts.');
    }
  });
  // Severities are tried in order and sensitive cases guard automation: one that can never match is a silent hole.
  for (const [i, severity] of policy.severities.entries()) {
    const dnf = severity.when ? toDnf(severity.when) : null;
    const never = dnf ? neverTrue(dnf) : null;
    if (never) add('error', 'severity-never-applies', ['severities', i, 'when'], `The severity "${severity.id}" can never apply: ${never}.`, 'Fix the contradicting tests or remove the condition.');
  }
  for (const [i, sensitive] of policy.ai.sensitive.entries()) {
    const dnf = toDnf(sensitive.when);
    const never = dnf ? neverTrue(dnf) : null;
    if (never) add('error', 'sensitive-case-never-applies', ['ai', 'sensitive', i, 'when'], `The sensitive case "${sensitive.id}" can never apply, so those tickets would be automated: ${never}.`, 'Fix the contradicting tests so the case is recognised.');
  }
  policy.triggers.forEach((later, j) => {
    const specific = dnfs[j];
    if (!specific || dead.has(j)) return;
    for (let i = 0; i < j; i++) {
      const earlier = policy.triggers[i]!;
      const general = dnfs[i];
      if (earlier.kind !== later.kind || !general || dead.has(i)) continue;
      if (conditionImplies(specific, general)) {
        add('warning', 'trigger-shadowed', ['triggers', j, 'when'], `The ${later.kind} trigger "${later.id}" only fires when the earlier ${earlier.kind} trigger "${earlier.id}" (${jsonPath(['triggers', i])}) fires too, so it is shadowed.`, `Move "${later.id}" above "${earlier.id}", make "${earlier.id}" narrower, or merge the two.`);
        return;
      }
    }
  });
}

/** `mentions` phrases that never match, rarely match, or match nearly every ticket. Any field may be searched. */
function lintPhrases(policy: Policy, add: Add): void {
  for (const [condition, base] of conditionsOf(policy)) {
    for (const { leaf, path } of leavesWithPaths(condition)) {
      if (leaf.op !== 'mentions') continue;
      const phrases = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      phrases.forEach((phrase, k) => {
        const problem = mentionsPhraseProblem(phrase);
        if (problem) add('error', problem.code, [...base, ...path, 'value', ...(Array.isArray(leaf.value) ? [k] : [])], problem.message, problem.fix);
      });
    }
  }
}

const stageOf = (from: TierId, to: TierId) => `${from}-${to}` as StageId;

function lintHandoff(policy: Policy, add: Add): void {
  const present = TIER_IDS.filter((id) => policy.tiers.some((t) => t.id === id));
  for (let k = 0; k + 1 < present.length; k++) {
    const from = present[k]!;
    const to = present[k + 1]!;
    // Only neighbours in the model form a stage; a policy that leaves a tier out skips it.
    if (TIER_IDS.indexOf(to) !== TIER_IDS.indexOf(from) + 1) continue;
    const stage = stageOf(from, to);
    const items = policy.handoff.stages[stage];
    if (!items || items.length === 0) {
      add('warning', 'stage-without-requirements', ['handoff', 'stages', stage], `The handoff from ${from} to ${to} asks for nothing beyond the base elements, so stage-specific context (e.g. logs and reproduction steps for Tier 2 → Tier 3) will not travel.`, `List the context ${to} needs from ${from} in $.handoff.stages["${stage}"].`);
    }
  }
  for (const stage of Object.keys(policy.handoff.stages)) {
    const [from, to] = stage.split('-');
    if (!present.includes(from as TierId) || !present.includes(to as TierId)) {
      add('warning', 'unused-stage', ['handoff', 'stages', stage], `The handoff stage ${stage} joins a tier this policy does not define.`, 'Remove the stage, or define both tiers.');
    }
  }
}

function lintAiGates(policy: Policy, add: Add): void {
  const { autoRouteAt, humanBelow } = policy.ai;
  if (humanBelow > autoRouteAt) {
    add('error', 'ai-gates-inverted', ['ai', 'humanBelow'], `humanBelow (${humanBelow}) is above autoRouteAt (${autoRouteAt}): a suggestion could be applied automatically and sent to a human at once.`, 'Keep humanBelow at or below autoRouteAt, e.g. humanBelow 0.70 and autoRouteAt 0.90.');
  }
  for (const [category, gates] of Object.entries(policy.ai.categories)) {
    const auto = gates.autoRouteAt ?? autoRouteAt;
    const human = gates.humanBelow ?? humanBelow;
    if (human > auto) {
      add('error', 'ai-gates-inverted', ['ai', 'categories', category], `For "${category}", humanBelow (${human}) is above autoRouteAt (${auto}).`, 'Keep humanBelow at or below autoRouteAt for this category.');
    }
  }
}

/**
 * Where JSON text first goes wrong, as line and column (1-based), or null when
 * it parses. JSON.parse on Node 20 does not always say where.
 */
export function locateJsonError(text: string): { line: number; column: number; message: string } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = scanJson(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { line, column, message };
  }
}

/** A small JSON scanner: the offset of the first character JSON.parse would reject. */
function scanJson(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return Math.min(i, text.length);
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0;
  }
}
