/**
 * Evaluation of a triage model on labelled examples: what the README and
 * `tierline eval` report. Pure: predictions in, numbers out.
 */

export interface ScoredExample {
  actual: string;
  predicted: string;
  /** Calibrated probability of `predicted`. */
  confidence: number;
}

export interface GateReport {
  threshold: number;
  /** Share of examples with confidence ≥ threshold. */
  coverage: number;
  /** Accuracy among them (1 when none are covered: nothing was wrong). */
  precision: number;
  count: number;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface EvalReport {
  examples: number;
  accuracy: number;
  macroF1: number;
  /** Expected calibration error over equal-width confidence bins. */
  ece: number;
  gates: GateReport[];
  reliability: ReliabilityBin[];
  confusedPairs: { actual: string; predicted: string; count: number }[];
  perLabel: { label: string; precision: number; recall: number; f1: number; support: number }[];
}

export const DEFAULT_GATE_THRESHOLDS = [0.5, 0.7, 0.8, 0.9, 0.95];

/**
 * @example evaluatePredictions([{ actual: 'billing', predicted: 'billing', confidence: 0.95 }]).accuracy // → 1
 */
export function evaluatePredictions(examples: readonly ScoredExample[], options: { thresholds?: readonly number[]; bins?: number; topPairs?: number } = {}): EvalReport {
  const thresholds = options.thresholds ?? DEFAULT_GATE_THRESHOLDS;
  const n = examples.length;
  const correct = examples.filter((e) => e.actual === e.predicted).length;
  return {
    examples: n,
    accuracy: n ? correct / n : 0,
    macroF1: macroF1(examples),
    ece: expectedCalibrationError(examples, options.bins ?? 15),
    gates: thresholds.map((threshold) => gate(examples, threshold)),
    reliability: reliabilityTable(examples, options.bins ?? 15),
    confusedPairs: confusedPairs(examples, options.topPairs ?? 10),
    perLabel: perLabel(examples),
  };
}

function gate(examples: readonly ScoredExample[], threshold: number): GateReport {
  const covered = examples.filter((e) => e.confidence >= threshold);
  const right = covered.filter((e) => e.actual === e.predicted).length;
  return { threshold, coverage: examples.length ? covered.length / examples.length : 0, precision: covered.length ? right / covered.length : 1, count: covered.length };
}

function perLabel(examples: readonly ScoredExample[]): EvalReport['perLabel'] {
  const labels = [...new Set(examples.flatMap((e) => [e.actual, e.predicted]))].sort();
  return labels.map((label) => {
    const tp = examples.filter((e) => e.actual === label && e.predicted === label).length;
    const predicted = examples.filter((e) => e.predicted === label).length;
    const support = examples.filter((e) => e.actual === label).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    return { label, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  });
}

/** Unweighted mean F1 over the labels that occur in the truth. */
export function macroF1(examples: readonly ScoredExample[]): number {
  const rows = perLabel(examples).filter((r) => r.support > 0);
  return rows.length ? rows.reduce((s, r) => s + r.f1, 0) / rows.length : 0;
}

/** Equal-width bins over [0, 1]; the last bin includes 1. */
export function reliabilityTable(examples: readonly ScoredExample[], bins = 15): ReliabilityBin[] {
  const rows = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, confidenceSum: 0, correct: 0 }));
  for (const e of examples) {
    const row = rows[Math.min(bins - 1, Math.floor(e.confidence * bins))];
    if (!row) continue;
    row.count++;
    row.confidenceSum += e.confidence;
    if (e.actual === e.predicted) row.correct++;
  }
  return rows.map((r) => ({ from: r.from, to: r.to, count: r.count, meanConfidence: r.count ? r.confidenceSum / r.count : 0, accuracy: r.count ? r.correct / r.count : 0 }));
}

/** ECE = Σ (n_b / N) · |accuracy_b − confidence_b|. */
export function expectedCalibrationError(examples: readonly ScoredExample[], bins = 15): number {
  const n = examples.length;
  if (!n) return 0;
  return reliabilityTable(examples, bins).reduce((s, r) => s + (r.count / n) * Math.abs(r.accuracy - r.meanConfidence), 0);
}

/** The most frequent (actual, predicted) mistakes, either direction counted separately. */
export function confusedPairs(examples: readonly ScoredExample[], top = 10): EvalReport['confusedPairs'] {
  const counts = new Map<string, { actual: string; predicted: string; count: number }>();
  for (const e of examples) {
    if (e.actual === e.predicted) continue;
    const key = JSON.stringify([e.actual, e.predicted]);
    const row = counts.get(key) ?? { actual: e.actual, predicted: e.predicted, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted)).slice(0, top);
}
