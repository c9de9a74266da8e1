import type { Ticket, TicketComment } from '../ticket';
import { findAmounts, type WrittenAmount } from './amounts';
import { boundedThread } from './bounded';
import { analyzeText, excerpt, forgetDocuments, type TextDocument, wordsOf } from './document';
import { findHeadcounts, type Headcount } from './headcounts';
import { detectLanguageOfWords } from './language';
import { ownWords } from './segment';
import { forgetStems, type Language } from './stem';
import { readWords } from './tokenize';

/**
 * The ticket-understanding step: who said what, in which language, and the
 * numbers in it. Each message is cut to its own words (no quoted thread, no
 * signature), analysed once per text, and labelled by who wrote it, so a
 * condition can ask for the customer's words only and a quoted agent macro
 * never reads as the customer's report.
 */
export type Speaker = 'subject' | 'reply-subject' | 'first-message' | 'customer' | 'agent-note' | 'agent-reply';

export interface TicketPart {
  speaker: Speaker;
  doc: TextDocument;
}

export interface FoundAmount extends WrittenAmount {
  speaker: Speaker;
  excerpt: string;
}

export interface FoundHeadcount extends Headcount {
  speaker: Speaker;
  excerpt: string;
}

export interface TicketText {
  language: Language;
  /** `policy` when the policy fixed it, else detected from the customer's words. */
  languageSource: 'policy' | 'detected';
  parts: readonly TicketPart[];
  /** Subject, description and customer comments: their own words. */
  customer: readonly TextDocument[];
  /** Agents' internal notes. */
  agentNotes: readonly TextDocument[];
  /** Every part but agents' public replies (macros). */
  all: readonly TextDocument[];
  /** The customer's latest message (own words), when there is one after the first. */
  lastCustomer?: TextDocument;
  /** The subject, as a one-document list (what a `mentions` on `subject` reads). */
  subjects: readonly TextDocument[];
  /** Money in the customer's words and agents' notes, in message order, each with who wrote it. */
  amounts: readonly FoundAmount[];
  headcounts: readonly FoundHeadcount[];
}

export interface TicketTextOptions {
  /** A language the policy fixes; detected when absent. */
  language?: Language;
}

/**
 * @example
 * readTicketText(ticket).amounts[0] // { value: 2400, currency: 'USD', written: '$2,400', speaker: 'first-message', … }
 */
export function readTicketText(ticket: Ticket, options: TicketTextOptions = {}): TicketText {
  const seen = byTicket.get(ticket);
  if (seen && isUnchanged(seen, ticket, options)) return seen.text;
  const text = readChangedText(ticket, options);
  byTicket.set(ticket, { language: options.language, subject: ticket.subject, description: ticket.description, comments: ticket.comments.map(({ author, public: isPublic, body }) => ({ author, public: isPublic, body })), text });
  return text;
}

/** What the text was read from, kept to notice a ticket object changed since (the core never mutates one; callers might). */
interface SeenTicket {
  language: Language | undefined;
  subject: string;
  description: string;
  comments: Pick<TicketComment, 'author' | 'public' | 'body'>[];
  text: TicketText;
}

/**
 * The worker re-decides the same ticket objects every minute: a ticket read
 * before, with the same messages, skips cutting each message to its own words
 * and building the text key, which cost as much as a whole decision.
 */
let byTicket = new WeakMap<Ticket, SeenTicket>();

/**
 * Forgets every text read so far, words and stems included, so the next decision on any ticket reads it for the first
 * time: for tests and benchmarks that time a first reading (a running worker never needs it).
 */
export function forgetReadTexts(): void {
  byTicket = new WeakMap();
  cache.clear();
  forgetDocuments();
  forgetStems();
}

function isUnchanged(seen: SeenTicket, ticket: Ticket, options: TicketTextOptions): boolean {
  if (seen.language !== options.language || seen.subject !== ticket.subject || seen.description !== ticket.description) return false;
  if (seen.comments.length !== ticket.comments.length) return false;
  for (let i = 0; i < seen.comments.length; i++) {
    const was = seen.comments[i] as SeenTicket['comments'][number];
    const is = ticket.comments[i] as TicketComment;
    // The same strings compare by reference; an edited body compares by content.
    if (was.body !== is.body || was.author !== is.author || was.public !== is.public) return false;
  }
  return true;
}

function readChangedText(ticket: Ticket, options: TicketTextOptions): TicketText {
  const raw = rawParts(ticket);
  const key = keyOf(raw, options.language);
  const hit = cache.get(key)?.find((seen) => readFrom(seen, raw, options.language));
  if (hit) return hit;

  const customerTexts = raw.filter((p) => isCustomer(p.speaker)).map((p) => p.text);
  const language = options.language ?? detectLanguageOfWords(leadingWords(customerTexts));
  const parts = raw.map((p) => ({ speaker: p.speaker, doc: analyzeText(p.text, language) }));
  const amounts: FoundAmount[] = [];
  const headcounts: FoundHeadcount[] = [];
  for (const p of parts) {
    if (p.speaker === 'agent-reply') continue;
    const numbers = numbersIn(p.doc);
    for (const a of numbers.amounts) amounts.push({ ...a.found, speaker: p.speaker, excerpt: a.excerpt });
    for (const h of numbers.headcounts) headcounts.push({ ...h.found, speaker: p.speaker, excerpt: h.excerpt });
  }
  const customer = parts.filter((p) => isCustomer(p.speaker)).map((p) => p.doc);
  const customerMessages = parts.filter((p) => p.speaker === 'customer' || p.speaker === 'first-message');
  const text: TicketText = {
    language,
    languageSource: options.language ? 'policy' : 'detected',
    parts,
    customer,
    agentNotes: parts.filter((p) => p.speaker === 'agent-note').map((p) => p.doc),
    all: parts.filter((p) => p.speaker !== 'agent-reply').map((p) => p.doc),
    ...(customerMessages.length > 1 ? { lastCustomer: (customerMessages[customerMessages.length - 1] as TicketPart).doc } : {}),
    subjects: parts.filter((p) => p.speaker === 'subject' || p.speaker === 'reply-subject').map((p) => p.doc),
    amounts,
    headcounts,
  };
  const bucket = cache.get(key);
  if (bucket) bucket.push(text);
  else {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
    cache.set(key, [text]);
  }
  return text;
}

/**
 * Ticket texts by a hash of what they were read from: a key made of the texts themselves kept a second copy of every
 * cached ticket's words. Texts whose hashes collide share a bucket and are told apart by `readFrom`.
 */
const CACHE_LIMIT = 1024;
const cache = new Map<number, TicketText[]>();

/** FNV-1a over the language, each part's speaker and each character of its text. */
function keyOf(raw: readonly RawPart[], language: Language | undefined): number {
  let hash = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0xffff, 0x01000193);
  };
  mix(language ?? '');
  for (const p of raw) {
    mix(p.speaker);
    mix(p.text);
  }
  return hash >>> 0;
}

/** Whether a ticket text was read from these parts with this language setting. */
function readFrom(text: TicketText, raw: readonly RawPart[], language: Language | undefined): boolean {
  if ((text.languageSource === 'policy' ? text.language : undefined) !== language || text.parts.length !== raw.length) return false;
  return raw.every((p, i) => text.parts[i]?.speaker === p.speaker && text.parts[i]?.doc.text === p.text);
}

interface Numbers {
  amounts: { found: WrittenAmount; excerpt: string }[];
  headcounts: { found: Headcount; excerpt: string }[];
}

/** Money and head-counts of one text, found once per text: a new comment on a long ticket is the only text scanned again. */
const numbersByDoc = new WeakMap<TextDocument, Numbers>();

function numbersIn(doc: TextDocument): Numbers {
  let numbers = numbersByDoc.get(doc);
  if (numbers) return numbers;
  const { text } = doc;
  numbers = {
    amounts: findAmounts(text).map((found) => ({ found, excerpt: excerpt(text, found.start, found.start + found.written.length) })),
    headcounts: findHeadcounts(text).map((found) => ({ found, excerpt: excerpt(text, found.start, found.start + found.written.length) })),
  };
  numbersByDoc.set(doc, numbers);
  return numbers;
}

/** Language detection reads the customer's words up to here. */
const DETECT_CHARS = 2000;

/**
 * The folded words of the customer's texts joined by line breaks, up to
 * DETECT_CHARS characters, from each text's cached words rather than by
 * reading the joined text again: the same words, so the same vote.
 */
function leadingWords(texts: readonly string[]): readonly string[] {
  const out: string[] = [];
  let offset = 0;
  for (const text of texts) {
    const room = DETECT_CHARS - offset;
    if (room <= 0) break;
    // Folding drops combining marks (and splits Hangul syllables): with a mark in a text, folding it whole and word by
    // word can differ, so the joined text is read, as the vote has always read it.
    if (COMBINING_MARK.test(text)) return readWords(texts.join('\n').slice(0, DETECT_CHARS)).folded;
    const words = wordsOf(text);
    for (let i = 0; i < words.count; i++) {
      if (words.end(i) <= room) {
        out.push(words.folded[i] as string);
        continue;
      }
      // The word the cut falls in counts as far as it goes.
      if (words.start(i) < room) out.push(...readWords(text.slice(words.start(i), room)).folded);
      break;
    }
    offset += text.length + 1;
  }
  return out;
}
const COMBINING_MARK = /\p{M}/u;

const isCustomer = (s: Speaker) => s === 'subject' || s === 'reply-subject' || s === 'first-message' || s === 'customer';
const REPLY_SUBJECT = /^\s*(re|aw|fw|fwd|wg|tr|rv|res|sv)\s*(\[\d+\])?\s*:/i;

interface RawPart {
  speaker: Speaker;
  text: string;
}

function rawParts(ticket: Ticket): RawPart[] {
  const parts: RawPart[] = [];
  // Long messages are read at their start and end, long threads at their first and newest messages (./bounded.ts).
  const { subject, description, comments } = boundedThread(ticket);
  // "Re: Your invoice question": a reply's subject names the old thread, not what the customer writes about now.
  if (subject.trim()) parts.push({ speaker: REPLY_SUBJECT.test(subject) ? 'reply-subject' : 'subject', text: subject });
  const firstText = description.trim();
  let first = firstText !== '';
  // Quoted thread and signature are cut from what is read.
  if (first) parts.push({ speaker: 'first-message', text: ownWords(description).own });
  for (const c of comments) {
    // Helpdesks often show the description again as the first comment: it counts once.
    if (c.author === 'customer' && c.body.trim() === firstText) continue;
    if (c.author === 'system') continue;
    const own = ownWords(c.body).own;
    if (!own) continue;
    if (c.author === 'customer') {
      parts.push({ speaker: first ? 'customer' : 'first-message', text: own });
      first = true;
    } else {
      parts.push({ speaker: c.public ? 'agent-reply' : 'agent-note', text: own });
    }
  }
  return parts;
}

