import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from './dataset';
import { crossValidate, scoreExamples, stratifiedFolds } from './evaluate';
import { evaluatePredictions } from './metrics';
import { loadTriageModel, predict } from './predict';
import { type LabelledText, trainTriageModel } from './train';

// Hand-written tickets that ship with the repository (see tests/fixtures/triage/README.md).
const csv = readFileSync(new URL('../../tests/fixtures/triage/tickets.csv', import.meta.url), 'utf8');
const parsed = parseDataset(csv, { format: 'csv' });
if (!parsed.ok) throw new Error(parsed.error);
const tickets: LabelledText[] = parsed.examples;
const trainedAt = '2026-11-27T09:00:00Z';

describe('trainTriageModel on the shipped sample', () => {
  it('reads 210 tickets over 15 issue types', () => {
    expect(tickets).toHaveLength(210);
    expect(new Set(tickets.map((t) => t.label)).size).toBe(15);
  });

  it('produces byte-identical models for the same data and seed', () => {
    const a = JSON.stringify(trainTriageModel(tickets, { trainedAt, seed: 7 }));
    const b = JSON.stringify(trainTriageModel(tickets, { trainedAt, seed: 7 }));
    expect(a).toBe(b);
  });

  it('produces a different model for a different seed', () => {
    const a = trainTriageModel(tickets, { trainedAt, seed: 7 });
    const b = trainTriageModel(tickets, { trainedAt, seed: 8 });
    expect(a.weights.data).not.toBe(b.weights.data);
  });

  it('writes a model file that validates, loads and predicts one of its labels', () => {
    const file = trainTriageModel(tickets, { trainedAt, seed: 1 });
    const loaded = loadTriageModel(JSON.parse(JSON.stringify(file)));
    if (!loaded.ok) throw new Error(loaded.error);
    const p = predict(loaded.model, 'We were charged twice on our last invoice, please refund');
    expect(file.labels).toContain(p.label);
    expect(p.top[0]).toEqual({ label: p.label, p: p.confidence });
    expect(p.top.reduce((s, t) => s + t.p, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(p.source).toBe('model');
    expect(file.trainedAt).toBe(trainedAt);
  });

  it('refuses a model file with a wrong version or truncated weights', () => {
    const file = trainTriageModel(tickets, { trainedAt, seed: 1 });
    expect(loadTriageModel({ ...file, version: 1 }).ok).toBe(false);
    const bad = loadTriageModel({ ...file, weights: { ...file.weights, data: file.weights.data.slice(0, 400) } });
    expect(bad.ok).toBe(false);
  });

  it('beats the majority-class baseline by a wide margin (four times its accuracy) in 5-fold cross-validation', () => {
    const report = crossValidate(tickets, { trainedAt, seed: 1, folds: 5 });
    const majority = Math.max(...[...new Set(tickets.map((t) => t.label))].map((l) => tickets.filter((t) => t.label === l).length)) / tickets.length;
    expect(majority).toBeLessThan(0.1);
    expect(report.pooled.accuracy).toBeGreaterThan(majority * 4);
    expect(report.pooled.examples).toBe(tickets.length);
  });

  it('is better calibrated on held-out tickets with the fitted temperature and smoothing than without them', () => {
    const folds = stratifiedFolds(tickets, 5, 3);
    const calibrated = [];
    const raw = [];
    for (let f = 0; f < folds.length; f++) {
      const file = trainTriageModel(folds.filter((_, g) => g !== f).flat(), { trainedAt, seed: 3, calibrationFraction: 0.2 });
      const withT = loadTriageModel(file);
      const withoutT = loadTriageModel({ ...file, temperature: 1, smoothing: 0 });
      if (!withT.ok || !withoutT.ok) throw new Error('model did not load');
      calibrated.push(...scoreExamples(withT.model, folds[f] ?? []));
      raw.push(...scoreExamples(withoutT.model, folds[f] ?? []));
    }
    expect(evaluatePredictions(calibrated).ece).toBeLessThan(evaluatePredictions(raw).ece);
  });
});
