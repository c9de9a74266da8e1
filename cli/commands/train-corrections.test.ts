import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing/memory-io';

/** Commands stamp the model with this time; the tests check it. */
const now = '2026-11-27T09:30:00Z';
const tickets = readFileSync(new URL('../../tests/fixtures/triage/tickets.csv', import.meta.url), 'utf8');

describe('tierline train --corrections', () => {
  it('adds the corrections exported from the extension to the training examples', async () => {
    const corrections = ['{"text":"The invoice PDF will not download from the billing page","label":"bug"}', '{"text":"Where do I change the invoice address?","label":"how-to"}'].join('\n');
    const t = memoryIo({ 'tickets.csv': tickets, 'corrections.jsonl': `${corrections}\n` }, { now });
    expect(await main(['train', '--data', 'tickets.csv', '--corrections', 'corrections.jsonl', '--out', 'model.json'], t.io)).toBe(0);
    const rows = tickets.trim().split('\n').length - 1;
    expect(t.out()).toContain(`Trained on ${rows + 2} tickets`);
    expect(t.out()).toContain('2 of them corrections');
    expect(JSON.parse(t.files['model.json'] ?? '{}').training.examples).toBe(rows + 2);
  });

  it('refuses a corrections file that is not text + label JSONL', async () => {
    const t = memoryIo({ 'tickets.csv': tickets, 'corrections.jsonl': '{"body":"x"}\n' }, { now });
    expect(await main(['train', '--data', 'tickets.csv', '--corrections', 'corrections.jsonl', '--out', 'model.json'], t.io)).toBe(2);
    expect(t.err()).toMatch(/corrections\.jsonl: no text column "text"/);
  });
});
