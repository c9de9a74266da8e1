import type { TicketComment } from '../ticket';
import { extractIdentifiers } from './identifiers';
import { isPleasantry, splitSentences } from './sentences';

/**
 * The offline summariser: it only ever copies sentences, so every ticket
 * id, error code and amount in its output is the customer's or the agent's
 * own. Problem is the most problem-like sentence of the customer's first
 * messages; What's been done lists agent sentences that report an action.
 */

export interface SummaryInput {
  subject?: string;
  description?: string;
  comments?: readonly Pick<TicketComment, 'author' | 'body' | 'public'>[];
}

export interface HandoffSummary {
  /** One sentence. */
  problem: string;
  /** What agents have already done, oldest first. */
  done: string[];
  /** Which provider wrote it ("extractive", "chrome-ai", "openai-compatible"). */
  provider: string;
}

const PROBLEM_CUES = /\b(error|errors|fail(s|ed|ing|ure)?|cannot|can't|cant|unable|not (work|working|load|loading|showing|arriv|receiv|sync)|doesn't|does not|won't|isn't|broken|crash(es|ed|ing)?|down|stuck|missing|wrong|charged|declined|locked|lost|blank|timeout|timed out|slow|stopped|disappeared|duplicate|refund|bug|issue|problem)\b/i;

const ACTION_CUES = /\b(restart(ed)?|reboot(ed)?|clear(ed)? (the )?(cache|cookies)|check(ed)? (the )?(logs?|settings?|status|config(uration)?)|verified|confirmed|reproduced|tested|reset|re-?sent|resent|reinstall(ed)?|re-?index(ed)?|escalated|refunded|credited|updated|upgraded|rolled back|reverted|applied|disabled|enabled|re-?enabled|removed|added|granted|revoked|rotated|unlocked|merged|asked (the )?customer|requested|sent|created|opened|filed|raised|flushed|purged|migrated|patched|deployed|replaced|re-?ran|reran|tried|investigated|collected|attached)\b/i;

/** The customer's first messages: subject, description and the first customer comment. */
function customerOpening(input: SummaryInput): string[] {
  const firstCustomerComment = (input.comments ?? []).find((c) => c.author === 'customer');
  return [input.subject ?? '', input.description ?? '', firstCustomerComment?.body ?? ''].filter((t) => t.trim());
}

function problemScore(sentence: string, position: number): number {
  if (isPleasantry(sentence)) return Number.NEGATIVE_INFINITY;
  let score = 0;
  if (PROBLEM_CUES.test(sentence)) score += 3;
  score += Math.min(2, extractIdentifiers(sentence).length);
  if (sentence.endsWith('?')) score -= 0.5;
  const words = sentence.split(/\s+/).length;
  if (words < 4) score -= 1;
  if (words > 45) score -= 1;
  // Customers tend to say what is wrong first.
  return score - position * 0.25;
}

/** At most this many characters, cut at a word boundary so no identifier is split. */
function clip(sentence: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max + 1).replace(/\s+\S*$/, '');
  return `${cut}…`;
}

/**
 * @example summarizeExtractive({ description: 'Hi. Export fails with E1234.', comments: [{ author: 'agent', public: false, body: 'Cleared cache, no change.' }] })
 * // → { problem: 'Export fails with E1234.', done: ['Cleared cache, no change.'], provider: 'extractive' }
 */
export function summarizeExtractive(input: SummaryInput, options: { maxDone?: number; maxProblemChars?: number } = {}): HandoffSummary {
  const candidates = customerOpening(input).flatMap((text) => splitSentences(text));
  let problem = '';
  let best = Number.NEGATIVE_INFINITY;
  candidates.forEach((sentence, i) => {
    const score = problemScore(sentence, i);
    if (score > best) {
      best = score;
      problem = sentence;
    }
  });
  const seen = new Set<string>();
  const done: string[] = [];
  for (const comment of input.comments ?? []) {
    if (comment.author !== 'agent') continue;
    for (const sentence of splitSentences(comment.body)) {
      const key = sentence.toLowerCase();
      if (isPleasantry(sentence) || !ACTION_CUES.test(sentence) || seen.has(key)) continue;
      seen.add(key);
      done.push(clip(sentence, 200));
    }
  }
  return { problem: clip(problem || (input.subject ?? '').trim(), options.maxProblemChars ?? 240), done: done.slice(-(options.maxDone ?? 5)), provider: 'extractive' };
}
