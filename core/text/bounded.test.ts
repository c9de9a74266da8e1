import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketComment } from '../ticket';
import { boundedText, boundedThread, HEAD_CHARS, MAX_CHARS, SUBJECT, TAIL_CHARS, THREAD_CHARS, THREAD_MESSAGES } from './bounded';

describe('boundedText', () => {
  it(`reads any text of up to ${MAX_CHARS.toLocaleString('en')} characters whole`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 0, max: MAX_CHARS - 200 }), (tail, filler) => {
        const text = 'x'.repeat(filler) + tail;
        expect(boundedText(text)).toBe(text);
      }),
      { numRuns: 50 },
    );
    const longest = 'word '.repeat(MAX_CHARS / 5).slice(0, MAX_CHARS);
    expect(boundedText(longest)).toBe(longest);
  });

  it(`reads a longer text as its first ${HEAD_CHARS.toLocaleString('en')} and its last ${TAIL_CHARS.toLocaleString('en')} characters, cut at line breaks`, () => {
    // 1,000 lines of 100 characters: the start ends with line 15, the end starts with the first whole line after the
    // last 400 characters (line 997).
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${String(i).padStart(5, '0')} ${'.'.repeat(88)}\n`);
    expect(boundedText(lines.join(''))).toBe(`${lines.slice(0, 16).join('')}\n\n${lines.slice(997).join('')}`);
  });

  it('cuts a text without line breaks at spaces, and one without spaces anywhere but inside a character', () => {
    // The end starts after the first space in its last 400 characters.
    expect(boundedText('word '.repeat(10_000)).split('\n\n').map((part) => part.length)).toEqual([1_600, 395]);
    const emoji = '😀'.repeat(20_000);
    for (const part of boundedText(emoji).split('\n\n')) expect(part).toMatch(/^(?:😀)+$/u);
  });

  it('changes nothing when applied twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_CHARS - 10, max: 3 * MAX_CHARS }), fc.constantFrom('a', 'a ', 'ab\n', '😀', 'é '), (length, unit) => {
        const once = boundedText(unit.repeat(Math.ceil(length / unit.length)));
        expect(once.length).toBeLessThanOrEqual(MAX_CHARS);
        expect(boundedText(once)).toBe(once);
      }),
      { numRuns: 30 },
    );
  });

  it('reads a subject of over a thousand characters at its start and end', () => {
    const subject = 'Export fails '.repeat(200);
    expect(boundedText(subject, SUBJECT).length).toBeLessThanOrEqual(SUBJECT.head + 2 + SUBJECT.tail);
    expect(boundedText('Export fails since Monday', SUBJECT)).toBe('Export fails since Monday');
  });
});

describe('boundedThread', () => {
  const message = (author: TicketComment['author'], body: string): TicketComment => ({ author, public: true, body });
  const replies = (n: number, chars = 40) => Array.from({ length: n }, (_, i) => message(i % 2 === 0 ? 'customer' : 'agent', `${i} `.padEnd(chars, 'x')));

  it('reads a thread within the bounds as it is: the same comments, not copies', () => {
    const comments = replies(THREAD_MESSAGES);
    const thread = boundedThread({ subject: 'Export', description: 'It fails.', comments });
    expect(thread.comments).toBe(comments);
  });

  it('reads the description and the newest comments, without a gap, when the thread is long', () => {
    const comments = replies(2_000);
    const thread = boundedThread({ subject: 'Export', description: 'It fails.', comments });
    expect(thread.comments).toEqual(comments.slice(-THREAD_MESSAGES));
  });

  it('keeps the first customer comment when the description is blank', () => {
    const comments = [message('agent', 'Auto-reply: we got your message.'), ...replies(2_000)];
    const thread = boundedThread({ subject: 'Export', description: '  ', comments });
    expect(thread.comments[0]).toBe(comments[1]);
    expect(thread.comments.slice(1)).toEqual(comments.slice(-(THREAD_MESSAGES - 1)));
  });

  it('stops at the characters bound, yet always reads the newest comment', () => {
    const long = (i: number) => message('customer', `${i} ${'word '.repeat(2_000)}`);
    const thread = boundedThread({ subject: 'Export', description: 'x'.repeat(MAX_CHARS), comments: [long(1), long(2), long(3)] });
    expect(thread.comments.map((c) => c.body.slice(0, 2))).toEqual(['3 ']);
    expect(thread.comments[0]?.body.length).toBeLessThanOrEqual(MAX_CHARS);
  });

  it('never reads more than the bounds, whatever the thread', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ author: fc.constantFrom('customer', 'agent', 'system'), length: fc.nat({ max: 3 * MAX_CHARS }) }), { maxLength: 60 }), fc.nat({ max: 3 * MAX_CHARS }), (shapes, descriptionLength) => {
        const comments = shapes.map(({ author, length }) => message(author as TicketComment['author'], 'a '.repeat(length / 2)));
        const thread = boundedThread({ subject: '', description: 'd '.repeat(descriptionLength / 2), comments });
        const read = thread.comments.reduce((sum, c) => sum + c.body.length, thread.description.length);
        expect(thread.comments.length).toBeLessThanOrEqual(THREAD_MESSAGES);
        expect(read).toBeLessThanOrEqual(THREAD_CHARS);
        if (comments.length > 0) expect(thread.comments.at(-1)?.body).toBe(boundedText(comments.at(-1)?.body ?? ''));
      }),
      { numRuns: 200 },
    );
  });
});
