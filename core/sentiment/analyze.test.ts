import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze';

const frustration = (description: string) => analyzeSentiment({ description }).frustration;

describe('frustration', () => {
  it('reads a calm how-to question as not frustrated', () => {
    expect(frustration('Hi, how do I export my reports to PDF? Thanks!')).toBe(0);
  });

  it('does not count the problem itself as frustration: an error code is not an emotion', () => {
    expect(frustration('Export failed with error E1234 and the job crashed.')).toBe(0);
  });

  it('reads "not happy" as frustrated and "not bad" as not', () => {
    expect(frustration('I am not happy with this.')).toBeGreaterThan(0.3);
    expect(frustration('The new editor is not bad.')).toBe(0);
  });

  it('does not carry a negation across a comma or "but": "not unhappy, thanks" is calm', () => {
    expect(frustration('Not unhappy, thanks')).toBe(0);
    const thanks = analyzeSentiment({ description: 'Not unhappy, thanks' }).signals.find((x) => x.text === 'thanks');
    expect(thanks?.kind).toBe('calm');
    expect(frustration('I am not happy, honestly.')).toBeGreaterThan(0.3);
  });

  it('scores "extremely disappointed" above "disappointed"', () => {
    expect(frustration('I am extremely disappointed.')).toBeGreaterThan(frustration('I am disappointed.'));
  });

  it('scores shouting and exclamation marks above the same words said calmly', () => {
    expect(frustration('This is UNACCEPTABLE!!!')).toBeGreaterThan(frustration('This is unacceptable.'));
  });

  it('keeps a complaint frustrated when it is wrapped in thanks', () => {
    expect(frustration('Thanks, but this is ridiculous and a waste of time.')).toBeGreaterThan(0.5);
  });

  it('reports the words that raised the score as the customer wrote them', () => {
    const { signals } = analyzeSentiment({ description: 'Honestly I am NOT happy. Fed up with this.' });
    expect(signals.map((s) => s.text)).toEqual(expect.arrayContaining(['NOT happy', 'fed up']));
  });

  it('ignores what agents write', () => {
    const result = analyzeSentiment({ description: 'How do I add a user?', comments: [{ author: 'agent', body: 'Sorry for the terrible, awful experience!!!' }] });
    expect(result.frustration).toBe(0);
  });

  it('reads a repeat shouted or exclaimed as frustration, and the same words said calmly as none', () => {
    expect(frustration('THIRD TIME!!!')).toBeGreaterThan(0.5);
    expect(frustration('Third time!!!')).toBeGreaterThan(frustration('Third time.'));
    expect(frustration('This is the third time I ask, please help.')).toBe(0);
    expect(analyzeSentiment({ description: 'THIRD TIME!!!' }).signals).toContainEqual(expect.objectContaining({ text: 'THIRD TIME', kind: 'frustration' }));
  });

  it('stays between 0 and 1 however angry the ticket is', () => {
    const score = frustration('WORST. SERVICE. EVER!!! Absolutely useless, pathetic, incompetent, unacceptable!!! '.repeat(20));
    expect(score).toBeGreaterThan(0.95);
    expect(score).toBeLessThanOrEqual(1);
  });
});

describe('repeat contact', () => {
  it('recognises "third time" and "still not" as a repeat contact', () => {
    expect(analyzeSentiment({ description: 'This is the third time I write about this.' }).repeatContact).toBe(true);
    expect(analyzeSentiment({ description: 'The sync is still not working.' }).repeatContact).toBe(true);
  });

  it('recognises a customer writing "again"', () => {
    const result = analyzeSentiment({ description: 'The invoice is wrong again.' });
    expect(result.repeatContact).toBe(true);
    expect(result.signals).toContainEqual({ text: 'again', weight: 1, kind: 'repeat' });
  });

  it('counts a reopened ticket as a repeat contact', () => {
    expect(analyzeSentiment({ description: 'Export fails.', reopenCount: 1 }).repeatContact).toBe(true);
  });

  it('counts three customer messages as a repeat contact, but not one', () => {
    const comments = [
      { author: 'customer' as const, body: 'Any news?' },
      { author: 'agent' as const, body: 'Looking into it.' },
      { author: 'customer' as const, body: 'Any update on this?' },
    ];
    expect(analyzeSentiment({ description: 'Export fails.', comments }).customerMessages).toBe(3);
    expect(analyzeSentiment({ description: 'Export fails.', comments }).repeatContact).toBe(true);
    expect(analyzeSentiment({ description: 'Export fails.' }).repeatContact).toBe(false);
  });

  it('does not read a first, calm question as a repeat contact', () => {
    expect(analyzeSentiment({ description: 'How do I change my billing address?' }).repeatContact).toBe(false);
  });
});

describe('words that name an object’s members', () => {
  it('reads "constructor" or "toString" before a feeling as a word, not as an intensifier', () => {
    expect(analyzeSentiment({ description: 'constructor happy' })).toEqual({ frustration: 0, repeatContact: false, customerMessages: 1, signals: [{ text: 'happy', weight: 3, kind: 'calm' }] });
    expect(frustration('The toString unacceptable valueOf disappointed')).toBeGreaterThan(0.5);
  });
});
