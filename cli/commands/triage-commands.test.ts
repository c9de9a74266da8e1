import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing/memory-io';

/** Commands stamp the model with this time; the tests check it. */
const now = '2026-11-27T09:30:00Z';
const tickets = readFileSync(new URL('../../tests/fixtures/triage/tickets.csv', import.meta.url), 'utf8');

describe('tierline train and eval', () => {
  it('trains from a CSV, writes the model with the time it was trained, and evaluates it as JSON', async () => {
    const t = memoryIo({ 'tickets.csv': tickets }, { now });
    expect(await main(['train', '--data', 'tickets.csv', '--out', 'model.json', '--seed', '3'], t.io)).toBe(0);
    expect(t.out()).toMatch(/Trained on \d+ tickets \(15 labels/);
    const model = JSON.parse(t.files['model.json'] ?? '{}');
    expect(model.trainedAt).toBe('2026-11-27T09:30:00.000Z');
    expect(model.training.seed).toBe(3);

    // Evaluate with a fresh output over the same files, so only eval's JSON is parsed.
    const e = memoryIo(t.files, { now });
    expect(await main(['eval', '--model', 'model.json', '--data', 'tickets.csv', '--json'], e.io)).toBe(0);
    const report = JSON.parse(e.out());
    expect(report.accuracy).toBeGreaterThan(0.5);
    expect(report.macroF1).toBeGreaterThan(0);
    expect(report.ece).toBeGreaterThanOrEqual(0);
    expect(report.gates.map((g: { threshold: number }) => g.threshold)).toEqual(expect.arrayContaining([0.7, 0.9]));
    for (const g of report.gates) expect(Object.keys(g)).toEqual(expect.arrayContaining(['threshold', 'coverage', 'precision']));
  });

  it('prints gates, a reliability table and the most confused pairs without --json', async () => {
    const t = memoryIo({ 'tickets.csv': tickets }, { now });
    await main(['train', '--data', 'tickets.csv', '--out', 'model.json'], t.io);
    const e = memoryIo(t.files, { now });
    expect(await main(['eval', '--model', 'model.json', '--data', 'tickets.csv'], e.io)).toBe(0);
    const text = e.out();
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
    const t = memoryIo({ 'history.jsonl': rows.join('\n') }, { now });
    expect(await main(['train', '--data', 'history.jsonl', '--text', 'body', '--label', 'issue', '--out', 'm.json'], t.io)).toBe(0);
    expect(JSON.parse(t.files['m.json'] ?? '{}').labels).toHaveLength(15);
  });

  it('names the available columns when the label column is missing', async () => {
    const t = memoryIo({ 'export.csv': 'subject,body,priority\nHelp,Cannot log in,high\n' }, { now });
    expect(await main(['train', '--data', 'export.csv', '--text', 'body', '--label', 'category', '--out', 'm.json'], t.io)).toBe(2);
    expect(t.err()).toContain('no label column "category"; available columns: "subject", "body", "priority"');
  });

  it('refuses a file that is not a triage model', async () => {
    const t = memoryIo({ 'policy.json': '{"schemaVersion":1}', 'tickets.csv': tickets }, { now });
    expect(await main(['eval', '--model', 'policy.json', '--data', 'tickets.csv'], t.io)).toBe(2);
    expect(t.err()).toContain('not a triage model');
  });

  it('cross-validates with --folds and reports every fold', async () => {
    const t = memoryIo({ 'tickets.csv': tickets }, { now });
    expect(await main(['cv', '--data', 'tickets.csv', '--folds', '3', '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report.folds).toBe(3);
    expect(report.perFold).toHaveLength(3);
    expect(report.examples).toBe(210);
    expect(report.accuracy).toBeGreaterThan(0.2);
  });
});
