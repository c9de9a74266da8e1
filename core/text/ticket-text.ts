import type { Ticket } from '../ticket';
import { findAmounts, type WrittenAmount } from './amounts';
import { analyzeText, excerpt, type TextDocument } from './document';
import { findHeadcounts, type Headcount } from './headcounts';
import { detectLanguage } from './language';
import { ownWords } from './segment';
import type { Language } from './stem';
import { tokenize } from './tokenize';

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
  /** Whether the latest public message is an agent's reply after the customer's last word. */
  agentSpokeLast: boolean;
  /** Money in the customer's words, then in agents' notes. */
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
  const raw = rawParts(ticket);
  const key = `${options.language ?? ''}\u0001${raw.map((p) => `${p.speaker}\u0002${p.text}`).join('\u0003')}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const customerWords = raw.filter((p) => isCustomer(p.speaker)).map((p) => p.text).join('\n');
  const language = options.language ?? detectLanguage(tokenize(customerWords.slice(0, 2000)), customerWords);
  const parts = raw.map((p) => ({ speaker: p.speaker, doc: analyzeText(p.text, language) }));
  const amounts: FoundAmount[] = [];
  const headcounts: FoundHeadcount[] = [];
  for (const p of parts) {
    if (p.speaker === 'agent-reply') continue;
    for (const a of findAmounts(p.doc.text)) amounts.push({ ...a, speaker: p.speaker, excerpt: excerpt(p.doc.text, a.start, a.start + a.written.length) });
    for (const h of findHeadcounts(p.doc.text)) headcounts.push({ ...h, speaker: p.speaker, excerpt: excerpt(p.doc.text, h.start, h.start + h.written.length) });
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
    agentSpokeLast: agentSpokeLast(ticket),
    amounts,
    headcounts,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, text);
  return text;
}

const CACHE_LIMIT = 1024;
const cache = new Map<string, TicketText>();

const isCustomer = (s: Speaker) => s === 'subject' || s === 'reply-subject' || s === 'first-message' || s === 'customer';
const REPLY_SUBJECT = /^\s*(re|aw|fw|fwd|wg|tr|rv|res|sv)\s*(\[\d+\])?\s*:/i;

function rawParts(ticket: Ticket): { speaker: Speaker; text: string }[] {
  const parts: { speaker: Speaker; text: string }[] = [];
  // "Re: Your invoice question": a reply's subject names the old thread, not what the customer writes about now.
  if (ticket.subject.trim()) parts.push({ speaker: REPLY_SUBJECT.test(ticket.subject) ? 'reply-subject' : 'subject', text: ticket.subject });
  const description = ticket.description.trim();
  let first = description !== '';
  if (first) parts.push({ speaker: 'first-message', text: ownWords(ticket.description).own });
  for (const c of ticket.comments) {
    // Helpdesks often show the description again as the first comment: it counts once.
    if (c.author === 'customer' && c.body.trim() === description) continue;
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

function agentSpokeLast(ticket: Ticket): boolean {
  for (let i = ticket.comments.length - 1; i >= 0; i--) {
    const c = ticket.comments[i];
    if (!c || !c.public || c.author === 'system') continue;
    return c.author === 'agent';
  }
  return false;
}
