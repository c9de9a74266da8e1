/**
 * Stage 0b: how much of one message the router reads. A message of up to
 * 20,002 characters (about 3,000 words: a long email) is read whole; a
 * longer one, its first 15,000 and its last 5,000 characters, cut at line
 * breaks, with a blank line between. The start is where a customer says what
 * happened (replies are written on top of the thread); the end is where a
 * pasted log or a long description comes back to what they ask for. What is
 * left out is the middle of a message over 18 times as long as the longest in
 * the routing corpus (about 1,100 characters): a pasted log, a forwarded
 * thread, an attachment written out. Without a bound, a 1 MB message would cost its
 * first decision (words, stems, phrases, sentiment) a second or more.
 *
 * @example boundedText('x'.repeat(30_000)).length // 20_002
 */
export const HEAD_CHARS = 15_000;
export const TAIL_CHARS = 5_000;
/** How far back (or on) from a cut a line break or a space is looked for. */
const BREAK_SEARCH = 1_000;
/** Between the start and the end: a paragraph break, so no phrase or sentence runs across the cut. */
const JOINT = '\n\n';
/** The longest text read whole: what a bounded text can be at most, so bounding twice changes nothing. */
export const MAX_CHARS = HEAD_CHARS + JOINT.length + TAIL_CHARS;

export function boundedText(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const headEnd = breakBefore(text, HEAD_CHARS);
  const tailStart = breakAfter(text, text.length - TAIL_CHARS);
  return `${text.slice(0, headEnd)}${JOINT}${text.slice(tailStart)}`;
}

/** A cut at or before `at`: after the last line break, else the last space, within BREAK_SEARCH; else at `at`. */
function breakBefore(text: string, at: number): number {
  const from = at - BREAK_SEARCH;
  const line = text.lastIndexOf('\n', at - 1);
  if (line >= from) return line + 1;
  const space = text.lastIndexOf(' ', at - 1);
  if (space >= from) return space + 1;
  return whole(text, at);
}

/** A cut at or after `at`: after the first line break, else the first space, within BREAK_SEARCH; else at `at`. */
function breakAfter(text: string, at: number): number {
  const to = at + BREAK_SEARCH;
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
