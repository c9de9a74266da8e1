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

describe('tierline train and eval', () => {
  it('trains from a CSV, writes the model with the time it was trained, and evaluates it as JSON', async () => {
    const io = memoryIo({ 'tickets.csv': tickets });
    expect(await main(['train', '--data', 'tickets.csv', '--out', 'model.json', '--seed', '3'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/Trained on \d+ tickets \(15 labels/);
    const model = JSON.parse(io.files['model.json'] ?? '{}');
    expect(model.trainedAt).toBe('2026-11-27T09:30:00.000Z');
    expect(model.training.seed).toBe(3);

    io.out.length = 0;
    expect(await main(['eval', '--model', 'model.json', '--data', 'tickets.csv', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out.join(''));
    expect(report.accuracy).toBeGreaterThan(0.5);
    expect(report.macroF1).toBeGreaterThan(0);
    expect(report.ece).toBeGreaterThanOrEqual(0);
    expect(report.gates.map((g: { threshold: number }) => g.threshold)).toEqual(expect.arrayContaining([0.7, 0.9]));
    for (const g of report.gates) expect(Object.keys(g)).toEqual(expect.arrayContaining(['threshold', 'coverage', 'precision']));
  });

  it('prints gates, a reliability table and the most confused pairs without --json', async () => {
    const io = memoryIo({ 'tickets.csv': tickets });
    await main(['train', '--data', 'tickets.csv', '--out', 'model.json'], io);
    io.out.length = 0;
    expect(await main(['eval', '--model', 'model.json', '--data', 'tickets.csv'], io)).toBe(0);
    const text = io.out.join('');
    for (const heading of ['Accuracy:', 'Macro-F1:', 'ECE (15 bins):', 'Gates', 'Reliability', 'Most confused', 'Time/ticket:', 'Model size:']) expect(text).toContain(heading);
  });

  it('reads JSONL with named text and label fields', async () => {
    const rows = tickets
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const m = line.match(/^"(.*)",([a-z-]+)$/);
        return m ? JSON.stringify({ body: m[1], issue: m[2] }) : '';
      })
      .filter(Boolean);
    expect(rows.length).toBe(210);
    const io = memoryIo({ 'history.jsonl': rows.join('\n') });
    expect(await main(['train', '--data', 'history.jsonl', '--text', 'body', '--label', 'issue', '--out', 'm.json'], io)).toBe(0);
    expect(JSON.parse(io.files['m.json'] ?? '{}').labels).toHaveLength(15);
  });

  it('names the available columns when the label column is missing', async () => {
    const io = memoryIo({ 'export.csv': 'subject,body,priority\nHelp,Cannot log in,high\n' });
    expect(await main(['train', '--data', 'export.csv', '--text', 'body', '--label', 'category', '--out', 'm.json'], io)).toBe(2);
    expect(io.err.join('')).toContain('no label column "category"; available columns: "subject", "body", "priority"');
  });

  it('refuses a file that is not a triage model', async () => {
    const io = memoryIo({ 'policy.json': '{"schemaVersion":1}', 'tickets.csv': tickets });
    expect(await main(['eval', '--model', 'policy.json', '--data', 'tickets.csv'], io)).toBe(2);
    expect(io.err.join('')).toContain('not a triage model');
  });

  it('cross-validates with --folds and reports every fold', async () => {
    const io = memoryIo({ 'tickets.csv': tickets });
    expect(await main(['cv', '--data', 'tickets.csv', '--folds', '3', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out.join(''));
    expect(report.folds).toBe(3);
    expect(report.perFold).toHaveLength(3);
    expect(report.examples).toBe(210);
    expect(report.accuracy).toBeGreaterThan(0.2);
  });
});
