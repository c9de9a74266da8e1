import { compilePhrase, findIndexed, indexPhrases, type PhraseMatch } from '../text/phrase';
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

const WEIGHT: Record<Speaker, number> = { subject: 3, 'first-message': 2, customer: 1, 'agent-note': 1.5, 'agent-reply': 0 };

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
  const byPhrase = new Map(phrases.map((p) => [p.raw + '\u0000' + owners.get(p)?.type.id, p]));
  const cache = new WeakMap<TicketText, IssueTypeScore[]>();

  return (text) => {
    const hit = cache.get(text);
    if (hit) return hit;
    const best = new Map<object, { match: PhraseMatch; speaker: Speaker; weight: number }>();
    for (const part of text.parts) {
      const weight = WEIGHT[part.speaker];
      if (weight === 0) continue;
      // Topic words count in a negated clause: "I can't log in" is about logging in.
      for (const match of findIndexed(part.doc, phraseIndex, { ignoreNegation: true })) {
        // The same raw phrase may serve two issue types; findIndexed reports it by its text.
        for (const p of phrases) {
          if (p.raw !== match.phrase) continue;
          const previous = best.get(p);
          if (!previous || previous.weight < weight) best.set(p, { match, speaker: part.speaker, weight });
        }
      }
    }
    const scores = new Map<number, IssueTypeScore>();
    for (const [p, found] of best) {
      const owner = owners.get(p);
      if (!owner) continue;
      const terms = (byPhrase.get(`${(p as { raw: string }).raw}\u0000${owner.type.id}`)?.terms.length ?? 1) - 1;
      const score = found.weight * (owner.type.weight ?? 1) * (1 + 0.25 * Math.min(terms, 3));
      const row = scores.get(owner.index) ?? { type: owner.type, index: owner.index, score: 0, hits: [] };
      row.score += score;
      row.hits.push({ phrase: found.match.phrase, excerpt: found.match.excerpt, speaker: found.speaker, weight: score });
      scores.set(owner.index, row);
    }
    const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.index - b.index);
    for (const r of ranked) r.hits.sort((a, b) => b.weight - a.weight);
    cache.set(text, ranked);
    return ranked;
  };
}
