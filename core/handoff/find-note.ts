import { type Ticket, type TicketComment, type TierId, tierIdSchema } from '../ticket';
import { HANDOFF_NOTE_MARKER } from './render';

/** A handoff note read back from the ticket: what the receiving agent is asked to confirm. */
export interface HandoffNote {
  from: TierId;
  to: TierId;
  /** `"T1-T2"`: the move the note describes (a skip reads `"T1-T3"`). */
  stage: `${TierId}-${TierId}`;
  /** The sending agent as named in the marker line, when it was. */
  author?: string;
  /** The helpdesk's name for the note's author, when the adapter read one. */
  authorName?: string;
  at?: string;
  summary: { problem: string; done: string; needed: string; customerContext: string };
}

type SummaryPart = keyof HandoffNote['summary'];

const MARKER_LINE = /^\[Tierline handoff (T[0-4])→(T[0-4])(?: by ([^\]\n]*))?\]$/;

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
 * // { from: 'T1', to: 'T2', stage: 'T1-T2', author: 'ana', summary: { problem: 'Webhooks fail with 401.', … } }
 */
export function findHandoffNote(ticket: Pick<Ticket, 'comments'>): HandoffNote | null {
  let latest: { note: HandoffNote; index: number } | null = null;
  for (const [index, comment] of ticket.comments.entries()) {
    if (comment.author !== 'agent' || comment.public) continue;
    const note = parseHandoffNote(comment);
    if (note && (latest === null || isLater(note, index, latest))) latest = { note, index };
  }
  return latest?.note ?? null;
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

/** Reads one comment as a handoff note, or null when it is not one. */
export function parseHandoffNote(comment: Pick<TicketComment, 'body' | 'at' | 'authorName'>): HandoffNote | null {
  const lines = comment.body.replace(/\r\n?/g, '\n').split('\n');
  // Helpdesks may add blank lines or a signature above the body; the marker opens Tierline's own text.
  const start = lines.findIndex((line) => line.trim().startsWith(HANDOFF_NOTE_MARKER));
  if (start === -1) return null;
  const marker = MARKER_LINE.exec(lines[start]?.trim() ?? '');
  if (!marker) return null;
  const from = tierIdSchema.safeParse(marker[1]);
  const to = tierIdSchema.safeParse(marker[2]);
  if (!from.success || !to.success) return null;

  const summary = { problem: '', done: '', needed: '', customerContext: '' };
  for (let i = start + 1; i < lines.length; i++) {
    const heading = (lines[i] ?? '').trim();
    const part = HEADINGS.find(([pattern]) => pattern.test(heading))?.[1];
    if (part === undefined || (lines[i] ?? '').startsWith(' ')) continue;
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

  const author = marker[3]?.trim();
  return {
    from: from.data,
    to: to.data,
    stage: `${from.data}-${to.data}`,
    ...(author ? { author } : {}),
    ...(comment.authorName ? { authorName: comment.authorName } : {}),
    ...(comment.at ? { at: comment.at } : {}),
    summary,
  };
}
