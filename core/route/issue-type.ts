import { type CompiledPhrase, compilePhrase, findIndexed, indexPhrases, type PhraseMatch } from '../text/phrase';
import type { TextDocument } from '../text/document';
import type { Speaker, TicketText } from '../text/ticket-text';
import type { IssueType, Policy } from '../policy/schema';

/**
 * The issue type from the words, weighed: a phrase in the subject counts
 * three times, in the customer's first message twice, in a later message or
 * an agent's internal note once (1.5 for a note: agents name things well);
 * agents' public replies (macros) not at all. Longer phrases weigh more.
 * Other evidence (a helpdesk's generic default type, the triage model) adds
 * to the same scores in core/route/facts.ts.
 */
export interface IssueTypeScore {
  type: IssueType;
  index: number;
  score: number;
  /** The phrases behind the score, strongest first, with where they were. */
  hits: { phrase: string; excerpt: string; speaker: Speaker; weight: number }[];
}

const WEIGHT: Record<Speaker, number> = { subject: 3, 'reply-subject': 0.5, 'first-message': 2, customer: 1, 'agent-note': 1.5, 'agent-reply': 0 };

export function createIssueTypeScorer(policy: Policy): (text: TicketText) => IssueTypeScore[] {
  const owners = new Map<object, { type: IssueType; index: number }>();
  const phrases = policy.issueTypes.flatMap((type, index) =>
    type.keywords.map((k) => {
      const p = compilePhrase(k);
      owners.set(p, { type, index });
      return p;
    }),
  );
  const phraseIndex = indexPhrases(phrases);
  const byRaw = new Map<string, CompiledPhrase[]>();
  for (const p of phrases) byRaw.set(p.raw, [...(byRaw.get(p.raw) ?? []), p]);
  const cache = new WeakMap<TicketText, IssueTypeScore[]>();
  // Each text is matched once, whatever the tickets it is part of: a new comment matches only the new comment.
  const matchesByDoc = new WeakMap<TextDocument, PhraseMatch[]>();
  const matchesIn = (doc: TextDocument): PhraseMatch[] => {
    let matches = matchesByDoc.get(doc);
    if (!matches) {
      // Topic words count in a negated clause: "I can't log in" is about logging in.
      matches = findIndexed(doc, phraseIndex, { ignoreNegation: true });
      matchesByDoc.set(doc, matches);
    }
    return matches;
  };

  return (text) => {
    const hit = cache.get(text);
    if (hit) return hit;
    // Every phrase found, by issue type; one word of the ticket counts once per issue type ("crash", "crashes" and
    // "crashed" all find "crashes"), through the phrase that weighs most.
    const found: { p: CompiledPhrase; owner: { type: IssueType; index: number }; match: PhraseMatch; part: number; speaker: Speaker; score: number }[] = [];
    text.parts.forEach((part, partIndex) => {
      const weight = WEIGHT[part.speaker];
      if (weight === 0) return;
      for (const match of matchesIn(part.doc)) {
        for (const p of byRaw.get(match.phrase) ?? []) {
          const owner = owners.get(p);
          if (!owner) continue;
          const score = weight * p.weight * (owner.type.weight ?? 1) * (1 + 0.25 * Math.min(p.terms.length - 1, 3));
          found.push({ p, owner, match, part: partIndex, speaker: part.speaker, score });
        }
      }
    });
    found.sort((a, b) => b.score - a.score || a.owner.index - b.owner.index);
    const taken = new Map<number, Set<string>>();
    const counted = new Set<CompiledPhrase>();
    const scores = new Map<number, IssueTypeScore>();
    for (const f of found) {
      if (counted.has(f.p)) continue;
      const words = taken.get(f.owner.index) ?? new Set<string>();
      let overlaps = false;
      for (let i = f.match.first; i <= f.match.last; i++) if (words.has(`${f.part}:${i}`)) overlaps = true;
      if (overlaps) continue;
      for (let i = f.match.first; i <= f.match.last; i++) words.add(`${f.part}:${i}`);
      taken.set(f.owner.index, words);
      counted.add(f.p);
      const row = scores.get(f.owner.index) ?? { type: f.owner.type, index: f.owner.index, score: 0, hits: [] };
      row.score += f.score;
      row.hits.push({ phrase: f.match.phrase, excerpt: f.match.excerpt, speaker: f.speaker, weight: f.score });
      scores.set(f.owner.index, row);
    }
    const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.index - b.index);
    for (const r of ranked) r.hits.sort((a, b) => b.weight - a.weight);
    cache.set(text, ranked);
    return ranked;
  };
}

export type IssueTypeSource = 'ticket' | 'helpdesk-field' | 'helpdesk-tag' | 'model' | 'keywords' | 'generic-field' | 'trigger';

export interface IssueTypeFinding {
  id: string;
  source: IssueTypeSource;
  /** `strong`: a field or tag names it; `guess`: weighed from words, a generic default or the model. A guess never moves a ticket down. */
  strength: 'strong' | 'guess';
  rule: string;
  saw: Record<string, unknown>;
  /** A close runner-up, named in the reason. */
  rival?: { id: string; score: number; score1: number };
  /** Other evidence that agreed with the winner (the triage model, a generic default type). */
  agreed?: IssueTypeSource[];
}

/** Evidence besides the words: a helpdesk's generic default type, a triage suggestion that cleared its gate. */
export interface IssueTypeEvidence {
  id: string;
  score: number;
  source: IssueTypeSource;
  rule: string;
  saw: Record<string, unknown>;
}

/** A runner-up within this share of the winner is named in the reason. */
const CLOSE = 0.75;
const round1 = (n: number) => Math.round(n * 10) / 10;
const SPEAKER_WORDS = { subject: 'subject', 'reply-subject': 'the subject of a reply', 'first-message': 'first message', customer: 'a later customer message', 'agent-note': 'an agent’s note', 'agent-reply': 'an agent’s reply' } as const;

/**
 * The issue type from all the evidence: the words' scores plus the other evidence, the strongest first; a close
 * runner-up is named. Weighed once per text and evidence (the worker re-decides an open ticket every minute).
 */
export function createIssueTypeWeigher(policy: Policy): (keywords: readonly IssueTypeScore[], extra: readonly IssueTypeEvidence[]) => IssueTypeFinding | undefined {
  const weighed = new WeakMap<readonly IssueTypeScore[], Map<string, IssueTypeFinding | undefined>>();
  return (keywords, extra) => {
    const key = extra.length === 0 ? '' : extra.map((e) => `${e.id}:${e.score}:${e.rule}:${JSON.stringify(e.saw)}`).join('|');
    let byEvidence = weighed.get(keywords);
    if (!byEvidence) {
      byEvidence = new Map();
      weighed.set(keywords, byEvidence);
    }
    let finding = byEvidence.get(key);
    if (finding === undefined && !byEvidence.has(key)) {
      finding = weigh(keywords, extra);
      byEvidence.set(key, finding);
    }
    return finding;
  };

  function weigh(keywords: readonly IssueTypeScore[], extra: readonly IssueTypeEvidence[]): IssueTypeFinding | undefined {
    const totals = new Map<string, { score: number; order: number }>();
    const order = (id: string) => policy.issueTypes.findIndex((t) => t.id === id);
    for (const k of keywords) totals.set(k.type.id, { score: k.score, order: k.index });
    for (const e of extra) {
      const row = totals.get(e.id) ?? { score: 0, order: order(e.id) };
      row.score += e.score;
      totals.set(e.id, row);
    }
    const ranked = [...totals].sort((a, b) => b[1].score - a[1].score || a[1].order - b[1].order);
    const [best, second] = ranked;
    if (!best) return undefined;
    const id = best[0];
    const rival = second && second[1].score >= CLOSE * best[1].score ? { rival: { id: second[0], score: round1(second[1].score), score1: round1(best[1].score) } } : {};
    const words = keywords.find((k) => k.type.id === id);
    const lead = extra.filter((e) => e.id === id).sort((a, b) => b.score - a.score)[0];
    // The reason names the strongest piece of evidence: the words when they outweigh a default value or the model.
    if (words && (!lead || words.score >= lead.score)) {
      const saw: Record<string, unknown> = { score: round1(best[1].score) };
      words.hits.slice(0, 3).forEach((h, i) => {
        saw[i === 0 ? 'text' : `text ${i + 1}`] = `${h.excerpt} (“${h.phrase}”, ${SPEAKER_WORDS[h.speaker]})`;
      });
      const agreed = extra.filter((e) => e.id === id).map((e) => e.source);
      for (const e of extra.filter((x) => x.id === id)) saw[e.source === 'model' ? 'model' : 'field'] = e.saw;
      return { id, source: 'keywords', strength: 'guess', rule: `issueTypes[${words.index}].keywords ${id}`, saw, ...rival, ...(agreed.length ? { agreed } : {}) };
    }
    if (!lead) return undefined;
    return { id, source: lead.source, strength: 'guess', rule: lead.rule, saw: lead.saw, ...rival };
  }
}
