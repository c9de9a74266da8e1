import type { Ticket, TicketComment } from '../ticket';

/**
 * Stage 0b: how much of a ticket the router reads, so that no ticket the
 * schema accepts costs its first decision more than a few milliseconds.
 *
 * One message: up to 2,002 characters (about 330 words, nearly twice the
 * longest message in the routing corpus) whole; a longer one, its first 1,600
 * and its last 400 characters, cut at line breaks, with a blank line between.
 * The start is where a customer says what happened (replies are written on
 * top of the thread); the end is where a pasted log or a long description
 * comes back to what they ask for. What is left out is the middle of a pasted
 * log, a forwarded thread, an attachment written out.
 *
 * One thread (`boundedThread`): the subject (its first 750 and last 250
 * characters at most), the first message, then the newest messages back to at
 * most 10 messages and 4,004 characters in all: what the customer first asked
 * and where the conversation stands now. Counts of messages still count every
 * one.
 *
 * Without these bounds a 1 MB message, or 2,000 short ones, would cost a first
 * decision (words, stems, phrases, sentiment) tens of milliseconds to seconds;
 * a dense pasted text (an amount, a feeling and a denial in each line, in four
 * languages) costs about a microsecond a character, so 4,000 characters keep
 * the worst first decision under 5 ms on a busy 2-core machine.
 *
 * @example boundedText('x'.repeat(30_000)).length // 2_002
 */
export interface Bound {
  head: number;
  tail: number;
}

export const HEAD_CHARS = 1_600;
export const TAIL_CHARS = 400;
/** How far back (or on) from a cut a line break or a space is looked for: at most half the part it ends. */
const BREAK_SEARCH = 1_000;
/** Between the start and the end: a paragraph break, so no phrase or sentence runs across the cut. */
const JOINT = '\n\n';
/** The longest text read whole: what a bounded text can be at most, so bounding twice changes nothing. */
export const MAX_CHARS = HEAD_CHARS + JOINT.length + TAIL_CHARS;
const MESSAGE: Bound = { head: HEAD_CHARS, tail: TAIL_CHARS };
/** A subject is a line: one longer than this is pasted text. */
export const SUBJECT: Bound = { head: 750, tail: 250 };

export function boundedText(text: string, bound: Bound = MESSAGE): string {
  if (text.length <= bound.head + JOINT.length + bound.tail) return text;
  const headEnd = breakBefore(text, bound.head, Math.min(BREAK_SEARCH, bound.head / 2));
  const tailStart = breakAfter(text, text.length - bound.tail, Math.min(BREAK_SEARCH, bound.tail / 2));
  return `${text.slice(0, headEnd)}${JOINT}${text.slice(tailStart)}`;
}

/** The most messages of one thread read besides the description: the first customer message and the newest. */
export const THREAD_MESSAGES = 10;
/** The most characters of messages read in one thread: two of the longest messages, the first and the newest. */
export const THREAD_CHARS = 2 * MAX_CHARS;

export interface BoundedThread {
  subject: string;
  description: string;
  /** The comments read, in their order, each body bounded; the ticket's own array when it is within the bounds. */
  comments: readonly TicketComment[];
}

/**
 * What the router reads of a ticket. The description (or, when it is blank, the first customer comment) is always
 * read, and the newest comment always; between them, the newest comments back to THREAD_MESSAGES and THREAD_CHARS,
 * with no gap: where the conversation stands now.
 *
 * @example boundedThread({ subject: 'Export fails', description: 'It stops at 80 %.', comments: twoThousandReplies }).comments.length // 10
 */
export function boundedThread(ticket: Pick<Ticket, 'subject' | 'description' | 'comments'>): BoundedThread {
  const subject = boundedText(ticket.subject, SUBJECT);
  const description = boundedText(ticket.description);
  const { comments } = ticket;
  let chars = description.length;
  let whole = comments.length <= THREAD_MESSAGES;
  for (let i = 0; whole && i < comments.length; i++) {
    const length = (comments[i] as TicketComment).body.length;
    chars += length;
    whole = length <= MAX_CHARS && chars <= THREAD_CHARS;
  }
  if (whole) return { subject, description, comments };
  const bounded = (c: TicketComment): TicketComment => {
    const body = boundedText(c.body);
    return body === c.body ? c : { ...c, body };
  };
  // With a blank description the first customer comment is the first message: read whatever follows.
  const pinnedAt = description.trim() === '' ? comments.findIndex((c) => c.author === 'customer') : -1;
  const pinned = pinnedAt >= 0 ? bounded(comments[pinnedAt] as TicketComment) : undefined;
  let used = description.length + (pinned?.body.length ?? 0);
  const newest: TicketComment[] = [];
  for (let i = comments.length - 1; i > pinnedAt && newest.length + (pinned ? 1 : 0) < THREAD_MESSAGES; i--) {
    const c = bounded(comments[i] as TicketComment);
    if (newest.length > 0 && used + c.body.length > THREAD_CHARS) break;
    newest.push(c);
    used += c.body.length;
  }
  newest.reverse();
  return { subject, description, comments: pinned ? [pinned, ...newest] : newest };
}

/** A cut at or before `at`: after the last line break, else the last space, within `search`; else at `at`. */
function breakBefore(text: string, at: number, search: number): number {
  const from = at - search;
  const line = text.lastIndexOf('\n', at - 1);
  if (line >= from) return line + 1;
  const space = text.lastIndexOf(' ', at - 1);
  if (space >= from) return space + 1;
  return whole(text, at);
}

/** A cut at or after `at`: after the first line break, else the first space, within `search`; else at `at`. */
function breakAfter(text: string, at: number, search: number): number {
  const to = at + search;
  const line = text.indexOf('\n', at);
  if (line >= 0 && line < to) return line + 1;
  const space = text.indexOf(' ', at);
  if (space >= 0 && space < to) return space + 1;
  return whole(text, at);
}

/** `at`, moved off the middle of a surrogate pair (an emoji, a rare CJK character) so no half character is read. */
function whole(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at + 1 : at;
}
