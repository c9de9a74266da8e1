import { parseArgs } from 'node:util';
import { type BacktestRow, type BacktestSummary, summarizeBacktest } from '../../core/metrics/backtest';
import type { Policy } from '../../core/policy/schema';
import { createRouter } from '../../core/route/decide';
import type { Decision } from '../../core/route/decision';
import type { TierId } from '../../core/ticket';
import { decidedAt, type HistoryTicket, nowProblem, percent as pct, readHistory, readHistoryText } from '../history';
import type { CliIo } from '../io';
import { loadPolicy } from '../load-policy';
import { diffPolicies, type ItemChange, type ListSection, type PolicyChanges } from '../policy-changes';

export const DIFF_USAGE = 'tierline policy diff old.json new.json [--history file.jsonl] [--now ISO] [--json]';

/** Where one policy sends one ticket. */
interface Route {
  tier: TierId;
  role: string;
  roleName: string;
  bypass: boolean;
  triggers: string[];
}

/** A past ticket the two policies route differently (tier, role or bypass). */
export interface RoutedDifferently {
  ticketId: string;
  before: Route;
  after: Route;
  /** Triggers that fire under the new policy only, and under the old one only: usually the why. */
  triggersAdded: string[];
  triggersRemoved: string[];
}

export interface HistoryComparison {
  history: string;
  tickets: number;
  skipped: number;
  routedDifferently: RoutedDifferently[];
  /** Tickets that route the same but fire other triggers (warnings the agent sees). */
  otherTriggersOnly: number;
  /** The backtest of both policies on the tickets whose line says where they really ended. */
  backtest?: { tickets: number; before: BacktestSummary; after: BacktestSummary };
}

/**
 * `tierline policy diff old.json new.json [--history file.jsonl] [--now ISO] [--json]`:
 * what changes between two policies (tiers, roles, issue types, severities,
 * calendars and triggers added, removed, changed or reordered; every other
 * setting by path) and, given a history (the `tierline backtest` format,
 * `finalTier` optional), which past tickets each routes differently. Lines
 * with `finalTier` are also backtested under both policies. Exit 0 when it
 * could compare, 1 when a policy or a history line is unusable.
 */
export async function runDiff(argv: string[], io: CliIo): Promise<number> {
  let args: { values: { history?: string; now?: string; json?: boolean }; positionals: string[] };
  try {
    args = parseArgs({ args: argv, options: { history: { type: 'string' }, now: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = args;
  if (positionals.length !== 2) return usageError(io, 'give the old and the new policy file');
  const badNow = nowProblem(values.now);
  if (badNow) return usageError(io, badNow);
  const [oldFile, newFile] = positionals as [string, string];
  const before = await loadPolicy(oldFile, io);
  const after = await loadPolicy(newFile, io);
  if (!before || !after) return 1;
  const changes = diffPolicies(before, after);

  let history: HistoryComparison | undefined;
  if (values.history !== undefined) {
    const text = await readHistoryText(io, values.history, 'tierline policy diff');
    if (text === undefined) return 1;
    const { entries, skipped } = readHistory(text, values.history, { needsOutcome: false, report: (m) => io.stderr(`tierline policy diff: ${m}\n`) });
    history = compareOnHistory(before, after, entries, { history: values.history, skipped, now: values.now, fallback: io.now() });
  }

  if (values.json) io.stdout(`${JSON.stringify({ old: oldFile, new: newFile, ...changes, ...(history ? { routing: history } : {}) }, null, 2)}\n`);
  else io.stdout(formatDiff(oldFile, newFile, changes, history));
  return (history?.skipped ?? 0) > 0 ? 1 : 0;
}

function routeOf(decision: Decision): Route {
  return { tier: decision.tier, role: decision.role, roleName: decision.roleName, bypass: decision.bypass, triggers: decision.triggers.map((t) => t.id) };
}

/** Routes every ticket under both policies, at the time backtest would decide it. */
export function compareOnHistory(
  before: Policy,
  after: Policy,
  entries: readonly HistoryTicket[],
  options: { history: string; skipped: number; now?: string; fallback: Date },
): HistoryComparison {
  const routeBefore = createRouter(before);
  const routeAfter = createRouter(after);
  const routedDifferently: RoutedDifferently[] = [];
  const rows: { before: BacktestRow[]; after: BacktestRow[] } = { before: [], after: [] };
  let otherTriggersOnly = 0;
  for (const { ticket, finalTier, finalRole } of entries) {
    const now = decidedAt(ticket, options.now, options.fallback);
    const was = routeOf(routeBefore(ticket, { now }));
    const is = routeOf(routeAfter(ticket, { now }));
    const triggersAdded = is.triggers.filter((t) => !was.triggers.includes(t));
    const triggersRemoved = was.triggers.filter((t) => !is.triggers.includes(t));
    if (was.tier !== is.tier || was.role !== is.role || was.bypass !== is.bypass) routedDifferently.push({ ticketId: ticket.id, before: was, after: is, triggersAdded, triggersRemoved });
    else if (triggersAdded.length + triggersRemoved.length > 0) otherTriggersOnly++;
    if (finalTier) {
      const row = { ticketId: ticket.id, actual: finalTier, actualRole: finalRole, entry: ticket.currentTier ?? before.entryTier };
      rows.before.push({ ...row, decided: was.tier, decidedRole: was.role });
      rows.after.push({ ...row, entry: ticket.currentTier ?? after.entryTier, decided: is.tier, decidedRole: is.role });
    }
  }
  return {
    history: options.history,
    tickets: entries.length,
    skipped: options.skipped,
    routedDifferently,
    otherTriggersOnly,
    ...(rows.before.length > 0 ? { backtest: { tickets: rows.before.length, before: summarizeBacktest(rows.before), after: summarizeBacktest(rows.after) } } : {}),
  };
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`tierline policy diff: ${message}\nUsage: ${DIFF_USAGE}\n`);
  return 2;
}

const SECTION_TITLE: Record<ListSection | 'settings', string> = {
  tiers: 'Tiers',
  roles: 'Roles',
  issueTypes: 'Issue types',
  severities: 'Severities',
  calendars: 'Calendars',
  triggers: 'Triggers',
  settings: 'Other settings',
};

/** A value as it reads in the policy file, cut short when long. */
function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

function formatChange(change: ItemChange): string[] {
  const head = change.label === change.id ? change.id : `${change.id} (${change.label})`;
  if (change.kind === 'moved') return [`  ↕ ${head}: moved from position ${change.from} to ${change.to}`];
  if (change.kind !== 'changed') return [`  ${change.kind === 'added' ? '+' : '-'} ${head}`];
  return [`  ~ ${head}`, ...change.changes.map((c) => `      ${c.path || '(value)'}: ${show(c.before)} → ${show(c.after)}`)];
}

const routeText = (r: Route) => `${r.tier} ${r.roleName}${r.bypass ? ' (bypass)' : ''}`;

/** The report a person reads: what changed, section by section, then what routes differently. */
export function formatDiff(oldFile: string, newFile: string, diff: PolicyChanges, history?: HistoryComparison): string {
  const lines = [`Policy diff: ${oldFile} (“${diff.before.name}”, revision ${diff.before.revision}) → ${newFile} (“${diff.after.name}”, revision ${diff.after.revision})`];
  if (diff.after.revision <= diff.before.revision && diff.changes.length > 0) lines.push(`Note: the revision did not go up; agents' browsers keep a policy they already hold at revision ${diff.before.revision}.`);
  const sections = [...new Set(diff.changes.map((c) => c.section))];
  if (sections.length === 0) lines.push('', 'No change in how the two policies route.');
  for (const section of sections) {
    lines.push('', SECTION_TITLE[section]);
    for (const change of diff.changes.filter((c) => c.section === section)) lines.push(...formatChange(change));
  }
  const unchanged = (Object.keys(SECTION_TITLE) as (keyof typeof SECTION_TITLE)[]).filter((s) => !sections.includes(s)).map((s) => SECTION_TITLE[s].toLowerCase());
  if (sections.length > 0 && unchanged.length > 0) lines.push('', `Unchanged: ${unchanged.join(', ')}.`);

  if (history) {
    const n = history.routedDifferently.length;
    lines.push('', `On ${history.tickets} tickets from ${history.history}: ${n === 0 ? 'none routes' : `${n} ${n === 1 ? 'routes' : 'route'}`} differently${history.otherTriggersOnly ? `; ${history.otherTriggersOnly} more ${history.otherTriggersOnly === 1 ? 'fires' : 'fire'} other triggers but ${history.otherTriggersOnly === 1 ? 'routes' : 'route'} the same` : ''}.`);
    for (const t of history.routedDifferently.slice(0, 50)) {
      const why = [...t.triggersAdded.map((id) => `+${id}`), ...t.triggersRemoved.map((id) => `-${id}`)].join(' ');
      lines.push(`  ${t.ticketId}: ${routeText(t.before)} → ${routeText(t.after)}${why ? `  (triggers ${why})` : ''}`);
    }
    if (n > 50) lines.push(`  … and ${n - 50} more (use --json for all)`);
    if (history.backtest) {
      const { before, after, tickets } = history.backtest;
      lines.push('', `Backtest on the ${tickets} tickets with a finalTier (old → new):`);
      lines.push(`  Misrouting rate  ${pct(before.misroutingRate)} → ${pct(after.misroutingRate)}  (${before.misrouted} → ${after.misrouted} tickets)`);
      if (before.roleChecked > 0) lines.push(`  Role mismatches  ${pct(before.roleMismatchRate)} → ${pct(after.roleMismatchRate)}`);
      lines.push(`  Escalation rate  ${pct(before.escalationRate)} → ${pct(after.escalationRate)}  (${pct(before.actualEscalationRate)} really escalated)`);
    }
  }
  return `${lines.join('\n')}\n`;
}
