import type { TierlineEvent } from '../events';
import { detectLanguage } from '../text/language';
import { stemWord } from '../text/stem';
import { tokenize } from '../text/tokenize';
import { timeOf } from './time-of';
import { NONE, type TicketRef } from './leaks';
import { type BucketUnit, bucketsOf } from './periods';

/**
 * The learning loop as recurring topics: escalations to Tier 2 or Tier 3
 * grouped by the ticket's issue type and, within it, by the most distinctive
 * word of the reasons agents wrote ("webhook", "invoice"), read with
 * core/text (tokenize, language, stems). Each topic is a candidate for a
 * Tier 1 playbook (many of its escalations proved avoidable) or a
 * knowledge-base article, with its count per day or week, so a lead sees
 * whether it still recurs.
 */

/**
 * Tierline records no event when a knowledge-base article is linked to a
 * ticket or a topic, so "was an article written since?" cannot be answered
 * from the event log; the dashboard says so instead of guessing.
 */
export const KB_LINKS_RECORDED = false;

export interface LearningTopic {
  /** The issue type of the escalated tickets (their latest decision's category), or "(none)". */
  issueType: string;
  /** The most distinctive words of the topic's escalation reasons, most telling first (may be empty). */
  terms: string[];
  escalations: number;
  /** Escalations marked avoidable afterwards. */
  unnecessary: number;
  /** Escalations by the tier they went to. */
  byTier: { T2: number; T3: number };
  /** Escalations per bucket of the period, oldest first; `partial` as in `bucketsOf`. */
  counts: { key: string; count: number; partial: boolean }[];
  firstAt: string;
  lastAt: string;
  /** The newest tickets of the topic, at most five. */
  examples: TicketRef[];
  suggestion: 'tier-1-playbook' | 'knowledge-base-article';
}

export interface TopicOptions {
  from: string;
  to: string;
  /** Buckets end here (today is partial). Default `to`. */
  now?: Date;
  unit?: BucketUnit;
  /** A topic needs this many escalations. Default 2. */
  minEscalations?: number;
}

/**
 * Function words that say nothing about a topic, in the languages Tierline
 * stems; over-represented words are found by counting, these only keep the
 * very common ones out of small samples.
 */
const FUNCTION_WORDS = new Set(
  (
    'the and for with from are was were has have had not but this that these those into about after before when what which who ' +
    'can cannot could would should will our your their they them there here than then also again via per ' +
    'der die das und mit von fur ist sind nicht auf aus bei ein eine einen dem den des ' +
    'los las del con para por una que pero como esta este ' +
    'les des une avec pour par dans sur est sont pas que qui mais ' +
    'uma com para por nao que ' +
    'gli della con per che non ' +
    'het een met voor van niet dat die'
  ).split(' '),
);

interface Doc {
  ticket: TicketRef;
  at: string;
  to: 'T2' | 'T3';
  unnecessary: boolean;
  /** Stem → the folded words it came from. */
  stems: Map<string, string[]>;
}

function stemsOf(text: string, skip: ReadonlySet<string>): Map<string, string[]> {
  const tokens = tokenize(text);
  const language = detectLanguage(tokens);
  const out = new Map<string, string[]>();
  for (const t of tokens) {
    const word = t.folded;
    if (word.length < 3 || /^\d+$/.test(word) || FUNCTION_WORDS.has(word)) continue;
    const stem = stemWord(language, word);
    if (skip.has(stem)) continue;
    const words = out.get(stem);
    if (words) words.push(word);
    else out.set(stem, [word]);
  }
  return out;
}

const byTimeThenId = (a: { at: string; id: string }, b: { at: string; id: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Recurring escalation topics in a period, the most frequent first.
 *
 * @example
 * learningTopics(events, { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })
 * // [{ issueType: 'integration', terms: ['webhook', 'signature'], escalations: 9, unnecessary: 4, suggestion: 'tier-1-playbook', counts: [{ key: '2026-02-02', count: 2, … }, …], … }, …]
 */
export function learningTopics(events: readonly TierlineEvent[], options: TopicOptions): LearningTopic[] {
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const minEscalations = options.minEscalations ?? 2;
  const issueTypeOf = new Map<string, { at: string; id: string; category: string }>();
  const reasonsOf = new Map<string, string[]>();
  const escalations: Extract<TierlineEvent, { type: 'escalation' }>[] = [];
  for (const e of events) {
    if (e.type !== 'decision' && e.type !== 'override' && e.type !== 'escalation') continue;
    const at = timeOf(e.at);
    if (at >= to) continue;
    const ticket = `${e.helpdesk}\u0000${e.ticketId}`;
    if (e.type === 'decision' && e.data.category !== undefined) {
      const seen = issueTypeOf.get(ticket);
      if (!seen || byTimeThenId(seen, e) < 0) issueTypeOf.set(ticket, { at: e.at, id: e.id, category: e.data.category });
    } else if (e.type === 'override' && at >= from) {
      // Why an agent overrode the route says what the ticket was about, as an escalation reason does.
      const reasons = reasonsOf.get(ticket);
      if (reasons) reasons.push(e.data.reason);
      else reasonsOf.set(ticket, [e.data.reason]);
    } else if (e.type === 'escalation' && at >= from && (e.data.to === 'T2' || e.data.to === 'T3')) {
      escalations.push(e);
    }
  }

  // One document per escalation: its reason and the ticket's override reasons, grouped by issue type.
  // Agents repeat themselves ("Needs API logs"): each distinct text is read once.
  const read = new Map<string, Map<string, string[]>>();
  const groups = new Map<string, Doc[]>();
  const docFrequency = new Map<string, number>();
  let docCount = 0;
  for (const e of escalations.sort(byTimeThenId)) {
    const ticket = `${e.helpdesk}\u0000${e.ticketId}`;
    const issueType = issueTypeOf.get(ticket)?.category ?? NONE;
    const overrides = reasonsOf.get(ticket);
    const text = overrides ? [e.data.reason ?? '', ...overrides].join('. ') : (e.data.reason ?? '');
    const cacheKey = `${issueType}\u0000${text}`;
    let stems = read.get(cacheKey);
    if (!stems) {
      // The issue type's own words ("integration") name the group already.
      stems = stemsOf(text, new Set(issueType.split('-').map((w) => stemWord('en', w))));
      read.set(cacheKey, stems);
    }
    const doc: Doc = { ticket: { helpdesk: e.helpdesk, ticketId: e.ticketId, lastAt: e.at }, at: e.at, to: e.data.to as 'T2' | 'T3', unnecessary: e.data.unnecessary === true, stems };
    docCount++;
    for (const stem of doc.stems.keys()) docFrequency.set(stem, (docFrequency.get(stem) ?? 0) + 1);
    const list = groups.get(issueType);
    if (list) list.push(doc);
    else groups.set(issueType, [doc]);
  }
  // Rare across all escalations weighs more: "webhook" tells more than "error".
  const idf = (stem: string) => Math.log((1 + docCount) / (1 + (docFrequency.get(stem) ?? 0))) + 1;

  const topics: LearningTopic[] = [];
  const buckets = bucketsOf({ from: options.from, to: options.to }, options.unit ?? 'week', options.now ?? new Date(to));
  for (const [issueType, docs] of groups) {
    // Greedy: the word most worth naming among the escalations left takes those that mention it, while it recurs.
    let left = docs;
    const clusters: { lead: string | undefined; docs: Doc[] }[] = [];
    for (;;) {
      const lead = bestStem(left, idf, minEscalations);
      if (lead === undefined) break;
      clusters.push({ lead, docs: left.filter((d) => d.stems.has(lead)) });
      left = left.filter((d) => !d.stems.has(lead));
    }
    if (left.length) clusters.push({ lead: undefined, docs: left });
    for (const cluster of clusters) {
      if (cluster.docs.length < minEscalations) continue;
      topics.push(topicOf(issueType, cluster.lead, cluster.docs, idf, buckets, minEscalations));
    }
  }
  return topics.sort(
    (a, b) => b.escalations - a.escalations || (a.issueType < b.issueType ? -1 : a.issueType > b.issueType ? 1 : a.terms.join(' ') < b.terms.join(' ') ? -1 : 1),
  );
}

/** The stem with the highest (documents × idf) among `docs`, in at least `min` of them; ties alphabetical. */
function bestStem(docs: readonly Doc[], idf: (stem: string) => number, min: number, exclude: ReadonlySet<string> = new Set()): string | undefined {
  const df = new Map<string, number>();
  for (const d of docs) for (const stem of d.stems.keys()) if (!exclude.has(stem)) df.set(stem, (df.get(stem) ?? 0) + 1);
  let best: string | undefined;
  let bestScore = 0;
  for (const [stem, n] of df) {
    if (n < min) continue;
    const score = n * idf(stem);
    if (score > bestScore || (score === bestScore && best !== undefined && stem < best)) {
      best = stem;
      bestScore = score;
    }
  }
  return best;
}

/** The word a stem was written as most often ("webhooks" and "webhook" → "webhook" when that is commoner). */
function surfaceOf(stem: string, docs: readonly Doc[]): string {
  const counts = new Map<string, number>();
  for (const d of docs) for (const w of d.stems.get(stem) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? stem;
}

function topicOf(
  issueType: string,
  lead: string | undefined,
  docs: readonly Doc[],
  idf: (stem: string) => number,
  buckets: ReturnType<typeof bucketsOf>,
  min: number,
): LearningTopic {
  const stems: string[] = lead === undefined ? [] : [lead];
  while (stems.length < 3) {
    const next = bestStem(docs, idf, min, new Set(stems));
    if (next === undefined) break;
    stems.push(next);
  }
  const unnecessary = docs.filter((d) => d.unnecessary).length;
  const counts = buckets.map((b) => ({ key: b.key, count: 0, partial: b.partial }));
  for (const d of docs) {
    const i = buckets.findIndex((b) => d.at >= b.start && d.at < b.end);
    if (i >= 0) counts[i]!.count++;
  }
  const newest = [...docs].reverse();
  const examples: TicketRef[] = [];
  const seen = new Set<string>();
  for (const d of newest) {
    const key = `${d.ticket.helpdesk}\u0000${d.ticket.ticketId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    examples.push(d.ticket);
    if (examples.length === 5) break;
  }
  return {
    issueType,
    terms: stems.map((s) => surfaceOf(s, docs)),
    escalations: docs.length,
    unnecessary,
    byTier: { T2: docs.filter((d) => d.to === 'T2').length, T3: docs.filter((d) => d.to === 'T3').length },
    counts,
    firstAt: docs[0]!.at,
    lastAt: docs[docs.length - 1]!.at,
    examples,
    // 20% or more avoidable (the model's unnecessary-escalation signal): Tier 1 could have solved these with a playbook.
    suggestion: unnecessary / docs.length >= 0.2 ? 'tier-1-playbook' : 'knowledge-base-article',
  };
}
