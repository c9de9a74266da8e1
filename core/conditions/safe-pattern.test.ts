import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPattern } from './safe-pattern';

describe('checkPattern', () => {
  it.each([['^INV-\\d{4,8}$'], ['(?:error|failure) code \\d+'], ['[a-z]+@example\\.com'], ['(ab)+'], ['colou?r']])('accepts the safe pattern %s', (p) => {
    expect(checkPattern(p).ok).toBe(true);
  });

  it.each([
    ['(a)\\1', 'backreference'],
    ['\\k<x>', 'backreference'],
    ['foo(?=bar)', 'lookaround'],
    ['(?<!x)y', 'lookaround'],
    ['(a+)+$', 'nested quantifier'],
    ['(a*b)*', 'nested quantifier'],
    ['((ab)+c)+', 'nested quantifier'],
    ['(a|ab)*c', 'nested quantifier'],
    ['a{5000}', 'repetition count'],
    ['(abc', 'never closed'],
    ['abc)', 'no matching'],
    ['[abc', 'never closed'],
  ])('rejects %s (%s) with a fix', (p, why) => {
    const r = checkPattern(p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(why);
      expect(r.fix.length).toBeGreaterThan(0);
    }
  });

  it('rejects a pattern longer than 200 characters', () => {
    expect(checkPattern('a'.repeat(201)).ok).toBe(false);
  });

  it('compiles case-insensitively', () => {
    const r = checkPattern('^inv-');
    expect(r.ok && r.regex.test('INV-2026')).toBe(true);
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (p) => {
      checkPattern(p);
    }));
  });
});
