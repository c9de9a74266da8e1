import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { main } from '../main';

const tickets = readFileSync(new URL('../../tests/fixtures/triage/tickets.csv', import.meta.url), 'utf8');

function memoryIo(files: Record<string, string>): CliIo & { out: string[]; err: string[]; files: Record<string, string> } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    files,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (p) => {
      const content = files[p];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${p}'`);
      return content;
    },
    writeFile: async (p, t) => {
      files[p] = t;
    },
    readStdin: async () => '',
    env: {},
    now: () => new Date('2026-11-27T09:30:00Z'),
  };
}

describe('tierline train --corrections', () => {
  it('adds the corrections exported from the extension to the training examples', async () => {
    const corrections = ['{"text":"The invoice PDF will not download from the billing page","label":"bug"}', '{"text":"Where do I change the invoice address?","label":"how-to"}'].join('\n');
    const io = memoryIo({ 'tickets.csv': tickets, 'corrections.jsonl': `${corrections}\n` });
    expect(await main(['train', '--data', 'tickets.csv', '--corrections', 'corrections.jsonl', '--out', 'model.json'], io)).toBe(0);
    const rows = tickets.trim().split('\n').length - 1;
    expect(io.out.join('')).toContain(`Trained on ${rows + 2} tickets`);
    expect(io.out.join('')).toContain('2 of them corrections');
    expect(JSON.parse(io.files['model.json'] ?? '{}').training.examples).toBe(rows + 2);
  });

  it('refuses a corrections file that is not text + label JSONL', async () => {
    const io = memoryIo({ 'tickets.csv': tickets, 'corrections.jsonl': '{"body":"x"}\n' });
    expect(await main(['train', '--data', 'tickets.csv', '--corrections', 'corrections.jsonl', '--out', 'model.json'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/corrections\.jsonl: no text column "text"/);
  });
});
