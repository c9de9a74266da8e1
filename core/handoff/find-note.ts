import { isTierId, type TierId } from '../ticket-ids';
import type { Ticket, TicketComment } from '../ticket-schema';
import { HANDOFF_NOTE_MARKER } from './render';

/** A handoff note read back from the ticket: what the receiving agent is asked to confirm. */
export interface HandoffNote {
  from: TierId;
  to: TierId;
  /** `"T1-T2"`: the move the note describes (a skip reads `"T1-T3"`). */
  stage: `${TierId}-${TierId}`;
  /** The roles' names as the marker line gives them (newer notes): a sideways move reads T1→T1 with two roles. */
  roles?: { from: string; to: string };
  /** The sending agent as named in the marker line, when it was. */
  author?: string;
  /** The handoff's id from the marker line (newer notes), so a retried write-back can tell the note is already there. */
  handoffId?: string;
  /** The helpdesk's name for the note's author, when the adapter read one. */
  authorName?: string;
  at?: string;
  summary: { problem: string; done: string; needed: string; customerContext: string };
}

type SummaryPart = keyof HandoffNote['summary'];

/** The context list `renderPacketText` writes after the questions: "Context (9 of 10 items, 90% complete):". */
const CONTEXT_LINE = /^Context \(\d+ of \d+ items?, \d+% complete\):$/;

/**
 * `[Tierline handoff T1→T2]`, `… by ana]` (older notes), and
 * `[Tierline handoff T1→T1 (Front-line Agent → Billing Specialist) by Dana Reyes · tl-3f9c2a1b7e40]`.
 */
const MARKER_LINE = /^\[Tierline handoff (T[0-4])→(T[0-4])(?: \(([^()\]\n]*?) → ([^()\]\n]*?)\))?(?: by ([^\]\n]*?))?(?: · ([A-Za-z0-9-]{1,64}))?\]$/;

/** The questions `renderPacketText` writes, by the summary part each answers. */
const HEADINGS: [RegExp, SummaryPart][] = [
  [/^What is the problem\?$/, 'problem'],
  [/^What has already been tried\?$/, 'done'],
  [/^What is needed from .*\?$/, 'needed'],
  [/^Customer context and business impact:$/, 'customerContext'],
];

/**
 * The latest internal note Tierline wrote on the ticket (`renderPacketText`
 * output), parsed back into its move and summary. Only agents' internal notes
 * count: a customer cannot plant a handoff by pasting the marker in a reply.
 * Pure, and plain text in and out: the parts are meant for text nodes.
 *
 * @example
 * findHandoffNote(ticket)
 * // { from: 'T1', to: 'T2', stage: 'T1-T2', author: 'ana', handoffId: 'tl-3f9c2a1b7e40', summary: { problem: 'Webhooks fail with 401.', … } }
 */
export function findHandoffNote(ticket: Pick<Ticket, 'comments'>): HandoffNote | null {
  let latest: { note: HandoffNote; index: number } | null = null;
  for (const [index, note] of handoffNotes(ticket)) {
    if (latest === null || isLater(note, index, latest)) latest = { note, index };
  }
  return latest?.note ?? null;
}

/**
 * The handoff note with this id, when one is on the ticket (agents' internal notes only): the write-back asks
 * before it writes, so a second click or a retried request never adds a second note.
 *
 * @example
 * findHandoffNoteById(ticket, 'tl-3f9c2a1b7e40') // → { from: 'T1', to: 'T1', handoffId: 'tl-3f9c2a1b7e40', … } or null
 */
export function findHandoffNoteById(ticket: Pick<Ticket, 'comments'>, handoffId: string): HandoffNote | null {
  for (const [, note] of handoffNotes(ticket)) if (note.handoffId === handoffId) return note;
  return null;
}

/** Agents' internal notes that are Tierline handoff notes, with their index. */
function* handoffNotes(ticket: Pick<Ticket, 'comments'>): Generator<[number, HandoffNote]> {
  for (const [index, comment] of ticket.comments.entries()) {
    if (comment.author !== 'agent' || comment.public) continue;
    const note = parseHandoffNote(comment);
    if (note) yield [index, note];
  }
}

/** Comments come oldest first; a timestamp, where both notes carry one, decides instead. */
function isLater(note: HandoffNote, index: number, than: { note: HandoffNote; index: number }): boolean {
  if (note.at !== undefined && than.note.at !== undefined) {
    const a = Date.parse(note.at);
    const b = Date.parse(than.note.at);
    if (a !== b) return a > b;
  }
  return index > than.index;
}

/** A line that opens a question or the context list, where an answer ends. */
function isSectionStart(line: string): boolean {
  const text = line.trim();
  return CONTEXT_LINE.test(text) || HEADINGS.some(([pattern]) => pattern.test(text));
}

/** Reads one comment as a handoff note, or null when it is not one. */
export function parseHandoffNote(comment: Pick<TicketComment, 'body' | 'at' | 'authorName'>): HandoffNote | null {
  const lines = comment.body.replace(/\r\n?/g, '\n').split('\n');
  // Helpdesks may add blank lines or a signature above the body; the marker opens Tierline's own text.
  const start = lines.findIndex((line) => line.trim().startsWith(HANDOFF_NOTE_MARKER));
  if (start === -1) return null;
  const marker = MARKER_LINE.exec(lines[start]?.trim() ?? '');
  if (!marker) return null;
  const [, from, to] = marker;
  if (!isTierId(from) || !isTierId(to)) return null;

  const summary = { problem: '', done: '', needed: '', customerContext: '' };
  // Jira reads each line of the note back as a paragraph: blank lines between all of them, indentation gone.
  const spaced = (lines[start + 1] ?? '').trim() === '' && /^Handoff: /.test((lines[start + 2] ?? '').trim());
  for (let i = start + 1; i < lines.length; i++) {
    const heading = (lines[i] ?? '').trim();
    const part = HEADINGS.find(([pattern]) => pattern.test(heading))?.[1];
    if (part === undefined || (lines[i] ?? '').startsWith(' ')) continue;
    if (spaced) {
      // The answer runs to the next question or the context list; its blank lines cannot be told from line breaks.
      const body: string[] = [];
      for (let j = i + 1; j < lines.length && !isSectionStart(lines[j] ?? ''); j++) {
        if ((lines[j] ?? '').trim() !== '') body.push((lines[j] ?? '').trim());
        i = j;
      }
      summary[part] = body.join('\n');
      continue;
    }
    // The answer is indented under its question; the first line is taken even when a helpdesk dropped the indent.
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (body.length > 0 && line.trim() !== '' && !/^\s/.test(line)) break;
      if (body.length === 0 && line.trim() === '') break;
      body.push(line.trim());
      i = j;
    }
    summary[part] = body.join('\n').trim();
  }

  const [fromRole, toRole, author, handoffId] = [marker[3]?.trim(), marker[4]?.trim(), marker[5]?.trim(), marker[6]];
  return {
    from,
    to,
    stage: `${from}-${to}`,
    ...(fromRole && toRole ? { roles: { from: fromRole, to: toRole } } : {}),
    ...(author ? { author } : {}),
    ...(handoffId ? { handoffId } : {}),
    ...(comment.authorName ? { authorName: comment.authorName } : {}),
    ...(comment.at ? { at: comment.at } : {}),
    summary,
  };
}
