import type { TicketComment } from '../ticket';
import { FRUSTRATION_PHRASES, INTENSIFIERS, NEGATORS, valenceOf } from './lexicon';
import { fold, forEachSentence } from './sentences';

/**
 * Local frustration and repeat-contact detection for the policy's
 * `sentiment` trigger. Frustration is a 0..1 score from the customer's own
 * words (agents' replies never count): negative words weigh in, negation
 * flips ("not happy" is negative, "not bad" is not), intensity amplifies
 * (SHOUTING, "!!!", "extremely"). Repeat contact is read from the
 * conversation (how often the customer wrote, reopen count) and from phrases
 * such as "again", "third time", "still not".
 */

export interface SentimentSignal {
  /** The words in the ticket that gave the signal, as the customer wrote them. */
  text: string;
  /** Contribution: negative for frustration, positive for calm; repeat signals count each. */
  weight: number;
  kind: 'frustration' | 'calm' | 'repeat';
}

export interface SentimentResult {
  /** 0 (calm) .. 1 (very frustrated). */
  frustration: number;
  repeatContact: boolean;
  /** Messages the customer wrote (the description counts as one). */
  customerMessages: number;
  signals: SentimentSignal[];
}

export interface SentimentInput {
  description?: string;
  comments?: readonly Pick<TicketComment, 'author' | 'body'>[];
  reopenCount?: number;
}

export interface SentimentOptions {
  /** Customer messages at or above which the ticket counts as repeat contact. */
  repeatMessages?: number;
  /** Frustration points at which the score reaches about 63%; larger is more lenient. */
  scale?: number;
}

const REPEAT_PATTERNS: readonly { pattern: RegExp; weight: number }[] = [
  { pattern: /\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|\d+(?:th)?)\s+time\b/, weight: 1 },
  // "tried the old password too many times" is retrying, not contacting again.
  { pattern: /\b(?<!too )(?:two|three|four|five|several|many|multiple)\s+times\b/, weight: 1 },
  { pattern: /\bhow many times\b/, weight: 1 },
  { pattern: /\b(?:once )?again\b/, weight: 1 },
  { pattern: /\bstill (?:not|no|nothing|waiting|broken|failing|happening|have not|havent|doesnt|isnt|cant|getting)\b/, weight: 1 },
  { pattern: /\balready (?:told|contacted|reported|explained|sent|asked|wrote|written|called|opened|raised|tried)\b/, weight: 1 },
  { pattern: /\b(?:as i (?:said|mentioned|explained)|like i said)\b/, weight: 1 },
  // "chasing this up" is the customer chasing; "your collections people chase us" is not a repeat contact.
  { pattern: /\b(?:follow(?:ing)? up|chasing (?:this|you|up|again)|chase (?:this|you|up))\b/, weight: 1 },
  { pattern: /\breopen(?:ed|ing)?\b/, weight: 1 },
  { pattern: /\bprevious (?:ticket|case|request)\b/, weight: 1 },
];

/** Frustration points of a repeat phrase shouted or exclaimed, before intensity: about a strong negative word. */
const SHOUTED_REPEAT_WEIGHT = 3;

/**
 * @example analyzeSentiment({ description: 'This is the THIRD time I ask. Not happy!!!' }) // → { frustration: 0.8…, repeatContact: true, … }
 */
export function analyzeSentiment(input: SentimentInput, options: SentimentOptions = {}): SentimentResult {
  const frustration = readFrustration(input, options);
  const repeat = readRepeatContact(input, options);
  return { frustration: frustration.frustration, repeatContact: repeat.repeatContact, customerMessages: repeat.customerMessages, signals: [...frustration.signals, ...repeat.signals] };
}

const customerTextsOf = (input: SentimentInput) => [input.description ?? '', ...(input.comments ?? []).filter((c) => c.author === 'customer').map((c) => c.body)].filter((t) => t.trim());

/**
 * The frustration half of `analyzeSentiment`: the score and the frustration and calm signals.
 * The router reads it apart from repeat contact, which is several times cheaper and often decides alone.
 */
export function readFrustration(input: SentimentInput, options: SentimentOptions = {}): Pick<SentimentResult, 'frustration' | 'signals'> {
  const signals: SentimentSignal[] = [];
  let negative = 0;
  let positive = 0;
  for (const text of customerTextsOf(input)) {
    // A text in capitals throughout is the customer's style, not shouting.
    const shoutingIsStyle = text.length > 40 && HAS_LETTER.test(text) && text === text.toUpperCase();
    // A phrase found in a sentence is in the whole text: only those are looked for sentence by sentence.
    const folded = fold(text);
    const phrases = FRUSTRATION_PHRASES.filter(({ phrase }) => folded.includes(phrase));
    forEachSentence(text, (sentence) => {
      const { count, folded: words, raw, clause } = sentence;
      const sentenceBoost = sentence.bangs >= 3 || sentence.longestMarks >= 3 ? 1.5 : sentence.bangs === 2 ? 1.25 : 1;
      let foldedSentence: string | undefined;
      const before = signals.length;
      for (const { phrase, weight } of phrases) {
        foldedSentence ??= fold(sentence.text);
        if (foldedSentence.includes(phrase)) {
          const w = weight * sentenceBoost;
          negative -= w;
          signals.push({ text: phrase, weight: w, kind: 'frustration' });
        }
      }
      let shouted = false;
      for (let i = 0; i < count; i++) {
        if (!shoutingIsStyle && sentence.shouted[i]) shouted = true;
        let v = valenceOf(words[i] as string);
        if (v === 0) continue;
        let start = i;
        let factor = 1;
        const intensity = i > 0 ? INTENSIFIERS.get(words[i - 1] as string) : undefined;
        if (intensity !== undefined) {
          factor *= intensity;
          start = i - 1;
        }
        // A negator up to three words back flips the valence: "not very happy", "never been good".
        for (let k = i - 1; k >= Math.max(0, i - 3) && clause[k] === clause[i]; k--) {
          if (NEGATORS.has(words[k] as string)) {
            v = -v * (v > 0 ? 1 : 0.5);
            start = k;
            break;
          }
        }
        if (!shoutingIsStyle && sentence.shouted[i]) factor *= 1.5;
        const w = v * factor * (v < 0 ? sentenceBoost : 1);
        if (w < 0) negative -= w;
        else positive += w;
        signals.push({ text: raw.slice(start, i + 1).join(' '), weight: w, kind: w < 0 ? 'frustration' : 'calm' });
      }
      // A repeat said with intensity is exasperation even without an emotion word: "THIRD TIME!!!".
      if (sentenceBoost > 1 || shouted) {
        foldedSentence ??= fold(sentence.text);
        const inSentence = foldedSentence;
        const repeat = REPEAT_PATTERNS.find(({ pattern }) => pattern.test(inSentence));
        if (repeat) {
          const w = SHOUTED_REPEAT_WEIGHT * sentenceBoost * (shouted ? 1.5 : 1);
          negative += w;
          const written = sentence.text.match(new RegExp(repeat.pattern.source, 'iu'))?.[0] ?? inSentence.match(repeat.pattern)?.[0] ?? sentence.text.trim();
          signals.push({ text: written, weight: -w, kind: 'frustration' });
        }
      }
      let frustratedSentence = false;
      for (let k = before; k < signals.length; k++) if ((signals[k] as SentimentSignal).kind === 'frustration') frustratedSentence = true;
      // The exclamation marks are reported so the agent sees why the score rose; their effect is in the words' weights.
      if (sentenceBoost > 1 && frustratedSentence) signals.push({ text: sentence.text.match(/[!?]{2,}/u)?.[0] ?? '!!', weight: 0, kind: 'frustration' });
    });
  }
  // Calm words soften but never erase a complaint: "thanks, but this is unacceptable" stays frustrated.
  const net = Math.max(0, negative - 0.5 * positive);
  const frustration = 1 - Math.exp(-net / (options.scale ?? 6));
  return { frustration: Math.round(frustration * 1000) / 1000, signals };
}

const HAS_LETTER = /\p{L}/u;

/** The repeat-contact half of `analyzeSentiment`: phrases, reopens and the customer's message count, with their signals. */
export function readRepeatContact(input: SentimentInput, options: SentimentOptions = {}): Pick<SentimentResult, 'repeatContact' | 'customerMessages' | 'signals'> {
  const customerTexts = customerTextsOf(input);
  const customerMessages = customerTexts.length;
  const repeatSignals: SentimentSignal[] = [];
  for (const text of customerTexts) {
    const folded = fold(text);
    for (const { pattern, weight } of REPEAT_PATTERNS) {
      const m = folded.match(pattern);
      if (m) repeatSignals.push({ text: m[0], weight, kind: 'repeat' });
    }
  }
  if ((input.reopenCount ?? 0) > 0) repeatSignals.push({ text: `reopened ${input.reopenCount} time${input.reopenCount === 1 ? '' : 's'}`, weight: 1, kind: 'repeat' });
  if (customerMessages >= (options.repeatMessages ?? 3)) repeatSignals.push({ text: `${customerMessages} customer messages`, weight: 1, kind: 'repeat' });
  return { repeatContact: repeatSignals.length > 0, customerMessages, signals: repeatSignals };
}
