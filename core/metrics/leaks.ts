import type { TierlineEvent } from '../events';
import { computeMetrics, type Ratio } from './compute';
import { eventFacts, FACT } from './event-facts';
import { timeOf } from './time-of';
import { METRIC_DEFINITIONS, type MetricId } from './definitions';
import { excessCases, MIN_CELL_CASES, type MetricRule, type Verdict, verdictOf } from './verdict';

/**
 * "Where does the model leak?": every metric per cell of stage × issue type
 * (or agent, team, helpdesk), the worst cells first, with the tickets behind
 * each cell's bad outcomes.
 *
 * Each ticket belongs to one cell, so a cell's metrics are `computeMetrics`
 * over its tickets' events — the same definitions as the headline numbers:
 * - stage: the ticket's first move between tiers (a handoff, an escalation, or
 *   a reassignment naming both tiers), e.g. "T1-T2"; a ticket that never moved
 *   stays at the tier it was routed to, e.g. "T1";
 * - issue type: the category of its latest routing decision;
 * - agent and team: whoever first handled it (its earliest event);
 * - helpdesk: where it lives.
 */

export type LeakDimension = 'stage' | 'issueType' | 'agent' | 'team' | 'helpdesk';

/** The value a ticket without one falls under. */
export const NONE = '(none)';

export interface TicketRef {
  helpdesk: string;
  ticketId: string;
  /** Its latest event in the period (ISO 8601). */
  lastAt: string;
}

export interface LeakCell {
  /** One value per dimension, in the order asked for. */
  keys: string[];
  /** Tickets in the cell. */
  tickets: number;
  ratios: Partial<Record<MetricId, Ratio>>;
  /**
   * The tickets behind each metric's bad outcomes (misrouted, escalated,
   * reopened, rated unsatisfied, handed off incomplete…), newest first, at
   * most `maxTickets`. Absent when the source cannot list them.
   */
  behind?: Partial<Record<MetricId, TicketRef[]>>;
}

export interface LeakOptions {
  from: string;
  to: string;
  /** Tickets listed per cell and metric. Default 200. */
  maxTickets?: number;
}

const METRIC_IDS = Object.keys(METRIC_DEFINITIONS) as MetricId[];

/** Events sorted by time, then id, so attribution never depends on the order they arrived in. */
const byTime = (a: TierlineEvent, b: TierlineEvent) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function isSorted(list: readonly TierlineEvent[]): boolean {
  for (let i = 1; i < list.length; i++) if (byTime(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

function stageOf(events: readonly TierlineEvent[]): string {
  let routedTo: string | undefined;
  for (const e of events) {
    if (e.type === 'handoff' || e.type === 'escalation') return `${e.data.from}-${e.data.to}`;
    if (e.type === 'reassignment' && e.data.from.tier && e.data.to.tier && e.data.from.tier !== e.data.to.tier) return `${e.data.from.tier}-${e.data.to.tier}`;
    if (e.type === 'decision' && routedTo === undefined) routedTo = e.data.tier;
  }
  return routedTo ?? NONE;
}

function issueTypeOf(events: readonly TierlineEvent[]): string {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'decision' && e.data.category !== undefined) return e.data.category;
  }
  return NONE;
}

function keyOf(dimension: LeakDimension, events: readonly TierlineEvent[]): string {
  const first = events[0]!;
  switch (dimension) {
    case 'stage':
      return stageOf(events);
    case 'issueType':
      return issueTypeOf(events);
    case 'agent':
      return first.agent;
    case 'team':
      return first.team ?? NONE;
    case 'helpdesk':
      return first.helpdesk;
  }
}

/**
 * The metrics a ticket counts against, by the definitions of compute.ts: the
 * numerators of the rates, the unsatisfied ratings and the incomplete handoffs.
 */
function badOutcomes(events: readonly TierlineEvent[], from: number, to: number): Set<MetricId> {
  const bad = new Set<MetricId>();
  for (const e of events) {
    const at = timeOf(e.at);
    if (at < from || at >= to) continue;
    const f = eventFacts(e);
    for (const [metric, isBad] of BAD_OUTCOMES) if (isBad(f)) bad.add(metric);
  }
  return bad;
}

/** Which of an event's facts (./event-facts.ts) is a bad outcome of which metric. */
const BAD_OUTCOMES: readonly (readonly [MetricId, (facts: number) => boolean])[] = [
  ['misrouting-rate', (f) => (f & FACT.misrouted) !== 0],
  ['override-rate', (f) => (f & FACT.override) !== 0],
  ['escalation-rate', (f) => (f & FACT.escalation) !== 0],
  ['unnecessary-escalation-rate', (f) => (f & FACT.unnecessary) !== 0],
  ['reopen-48h-rate', (f) => (f & FACT.reopened) !== 0],
  ['repeat-explanation-rate', (f) => (f & FACT.repeated) !== 0],
  ['post-handoff-csat', (f) => (f & FACT.csat) !== 0 && (f & FACT.satisfied) === 0],
  ['handoff-completeness', (f) => (f & FACT.handoff) !== 0 && (f & FACT.complete) === 0],
];

export interface LeakIndex {
  /** The cells of one grouping, computed on first use and kept. */
  cells(dimensions: readonly LeakDimension[]): LeakCell[];
}

/**
 * Every metric per cell of any grouping, over the events of one period (events before it still say which stage and
 * issue type a ticket has); pure and independent of event order. Reads the events into tickets once (their order,
 * attribution and bad outcomes); any grouping then costs one `computeMetrics` pass per cell over that cell's
 * tickets' events, made when first asked for, so a page pays only for the groupings a lead opens.
 *
 * @example
 * indexLeaks(events, { from, to }).cells(['stage', 'issueType'])
 * // [{ keys: ['T1-T2', 'integration'], tickets: 40, ratios: { 'misrouting-rate': { numerator: 24, denominator: 40, value: 0.6 }, … }, behind: { 'misrouting-rate': [{ helpdesk: 'zendesk', ticketId: '4711', … }, …] } }, …]
 */
export function indexLeaks(events: readonly TierlineEvent[], options: LeakOptions): LeakIndex {
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const maxTickets = options.maxTickets ?? 200;
  // Helpdesk → ticket id → events: no key strings to build and hash per event.
  const byTicket = new Map<string, Map<string, TierlineEvent[]>>();
  for (const e of events) {
    if (timeOf(e.at) >= to) continue;
    let ofHelpdesk = byTicket.get(e.helpdesk);
    if (!ofHelpdesk) {
      ofHelpdesk = new Map();
      byTicket.set(e.helpdesk, ofHelpdesk);
    }
    const list = ofHelpdesk.get(e.ticketId);
    if (list) list.push(e);
    else ofHelpdesk.set(e.ticketId, [e]);
  }

  // Per ticket, once: its events in order, its reference and its bad outcomes.
  const tickets: { events: TierlineEvent[]; ref: TicketRef; bad: Set<MetricId> }[] = [];
  for (const list of [...byTicket.values()].flatMap((m) => [...m.values()])) {
    if (!isSorted(list)) list.sort(byTime);
    const last = list[list.length - 1]!;
    // A ticket with nothing in the period is no case of it.
    if (timeOf(last.at) < from) continue;
    tickets.push({ events: list, ref: { helpdesk: last.helpdesk, ticketId: last.ticketId, lastAt: last.at }, bad: badOutcomes(list, from, to) });
  }
  tickets.sort((a, b) => (a.ref.lastAt > b.ref.lastAt ? -1 : a.ref.lastAt < b.ref.lastAt ? 1 : a.ref.ticketId < b.ref.ticketId ? -1 : a.ref.ticketId > b.ref.ticketId ? 1 : 0));
  const computed = new Map<string, LeakCell[]>();
  const compute = (dimensions: readonly LeakDimension[]): LeakCell[] => {
    const cells = new Map<string, { keys: string[]; tickets: number; events: TierlineEvent[]; behind: Partial<Record<MetricId, TicketRef[]>> }>();
    // Newest tickets first, so each list of tickets behind a cell is too.
    for (const t of tickets) {
      const keys = dimensions.map((d) => keyOf(d, t.events));
      const cellKey = keys.join('\u0000');
      let cell = cells.get(cellKey);
      if (!cell) {
        // Every metric lists its tickets, none included: a cell with no bad outcome has an empty list, not an unknown one.
        cell = { keys, tickets: 0, events: [], behind: Object.fromEntries(METRIC_IDS.map((id) => [id, []])) };
        cells.set(cellKey, cell);
      }
      cell.tickets++;
      for (const e of t.events) cell.events.push(e);
      for (const id of t.bad) {
        const refs = cell.behind[id]!;
        if (refs.length < maxTickets) refs.push(t.ref);
      }
    }
    // Each cell's metrics are the core's own over its tickets' events: the headline definitions, per cell.
    return [...cells.values()]
      .map((cell) => {
        const ratios: Partial<Record<MetricId, Ratio>> = {};
        for (const m of computeMetrics(cell.events, { from: options.from, to: options.to, minSample: 1 }).metrics) ratios[m.id] = { numerator: m.numerator, denominator: m.denominator, value: m.value };
        return { keys: cell.keys, tickets: cell.tickets, ratios, behind: cell.behind };
      })
      .sort((a, b) => compareKeys(a.keys, b.keys));
  };
  return {
    cells(dimensions) {
      const key = dimensions.join('×');
      let cells = computed.get(key);
      if (!cells) {
        cells = compute(dimensions);
        computed.set(key, cells);
      }
      return cells;
    },
  };
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

export interface RankedLeak {
  cell: LeakCell;
  ratio: Ratio;
  verdict: Verdict;
  /** Cases beyond what the healthy band allows (see `excessCases`). */
  excess: number;
}

export interface RankOptions {
  /** Cells with fewer cases are listed last, as not enough data. Default MIN_CELL_CASES. */
  minCases?: number;
  /** For a metric without a level band (post-handoff CSAT): the share a cell is held against, e.g. the whole team's. */
  reference?: number;
}

/**
 * The cells of one metric, worst first: cells with enough cases before thin
 * ones; among them the most cases beyond the healthy band, then the worst
 * rate, then the most cases; ties by key. Cells without a case of the metric
 * are left out.
 *
 * @example rankLeaks(cells, DEFAULT_RULES['misrouting-rate'])[0].cell.keys // ['T1-T2', 'integration']
 */
export function rankLeaks(cells: readonly LeakCell[], rule: MetricRule, options: RankOptions = {}): RankedLeak[] {
  const minCases = options.minCases ?? MIN_CELL_CASES;
  const cellRule = { ...rule, minCases, dropPoints: undefined };
  const worse = (a: number, b: number) => (rule.better === 'lower' ? b - a : a - b);
  const ranked: (RankedLeak & { enough: boolean })[] = [];
  for (const cell of cells) {
    const ratio = cell.ratios[rule.id];
    if (!ratio || ratio.denominator === 0) continue;
    const enough = ratio.denominator >= minCases;
    let verdict: Verdict = verdictOf(cellRule, ratio);
    // CSAT has no level band: a cell below the reference by the drop that warns over time is a warning.
    if (enough && rule.dropPoints !== undefined && options.reference !== undefined && (ratio.value - options.reference) * 100 <= -rule.dropPoints) {
      verdict = { kind: 'warning', side: 'below' };
    }
    ranked.push({ cell, ratio, verdict, excess: excessCases(rule, ratio, options.reference), enough });
  }
  ranked.sort(
    (a, b) =>
      Number(b.enough) - Number(a.enough) ||
      b.excess - a.excess ||
      worse(a.ratio.value, b.ratio.value) ||
      b.ratio.denominator - a.ratio.denominator ||
      compareKeys(a.cell.keys, b.cell.keys),
  );
  return ranked.map(({ enough: _, ...r }) => r);
}
