import { describe, expect, it } from 'vitest';
import { confusedPairs, evaluatePredictions, expectedCalibrationError, macroF1 } from './metrics';

const ex = (actual: string, predicted: string, confidence: number) => ({ actual, predicted, confidence });

describe('metrics', () => {
  it('computes accuracy and macro-F1 as the unweighted mean over true labels', () => {
    const rows = [ex('a', 'a', 0.9), ex('a', 'b', 0.6), ex('b', 'b', 0.8), ex('c', 'c', 0.7)];
    // a: p=1 r=.5 f1=2/3; b: p=.5 r=1 f1=2/3; c: f1=1
    expect(macroF1(rows)).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 10);
    expect(evaluatePredictions(rows).accuracy).toBe(0.75);
  });

  it('reports coverage and precision at each gate threshold', () => {
    const rows = [ex('a', 'a', 0.95), ex('a', 'b', 0.92), ex('b', 'b', 0.75), ex('c', 'a', 0.5)];
    const gates = evaluatePredictions(rows, { thresholds: [0.7, 0.9] }).gates;
    expect(gates).toEqual([
      { threshold: 0.7, coverage: 0.75, precision: 2 / 3, count: 3 },
      { threshold: 0.9, coverage: 0.5, precision: 0.5, count: 2 },
    ]);
  });

  it('gives zero calibration error when confidence equals the accuracy in every bin', () => {
    const rows = [ex('a', 'a', 0.75), ex('a', 'a', 0.75), ex('a', 'a', 0.75), ex('a', 'b', 0.75)];
    expect(expectedCalibrationError(rows)).toBeCloseTo(0, 10);
  });

  it('measures over-confidence as the gap between confidence and accuracy', () => {
    const rows = [ex('a', 'a', 0.99), ex('a', 'b', 0.99)];
    expect(expectedCalibrationError(rows)).toBeCloseTo(0.49, 10);
  });

  it('lists the most frequent mistakes first', () => {
    const rows = [ex('a', 'b', 0.5), ex('a', 'b', 0.5), ex('b', 'a', 0.5), ex('c', 'c', 0.5)];
    expect(confusedPairs(rows)).toEqual([
      { actual: 'a', predicted: 'b', count: 2 },
      { actual: 'b', predicted: 'a', count: 1 },
    ]);
  });
});
