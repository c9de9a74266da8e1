import { type EvalReport, evaluatePredictions, type ScoredExample } from './metrics';
import { loadTriageModel, predict, type TriageModel } from './predict';
import { createPrng, shuffled } from './prng';
import { type LabelledText, type TrainOptions, trainTriageModel } from './train';

/** Scores every example with the model. */
export function scoreExamples(model: TriageModel, examples: readonly LabelledText[]): ScoredExample[] {
  return examples.map((e) => {
    const p = predict(model, e.text, { top: 1 });
    return { actual: e.label, predicted: p.label, confidence: p.confidence };
  });
}

/** `tierline eval`: the metrics of a model on labelled examples. */
export function evaluateModel(model: TriageModel, examples: readonly LabelledText[], options: { thresholds?: readonly number[] } = {}): EvalReport {
  return evaluatePredictions(scoreExamples(model, examples), options);
}

/** Stratified k folds: each label's examples dealt round-robin after a seeded shuffle. */
export function stratifiedFolds<T extends { label: string }>(examples: readonly T[], folds: number, seed: number): T[][] {
  const random = createPrng(seed ^ 0xf01d);
  const out: T[][] = Array.from({ length: folds }, () => []);
  const byLabel = new Map<string, T[]>();
  for (const e of examples) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const e of shuffled(byLabel.get(label) ?? [], random)) {
      (out[next % folds] as T[]).push(e);
      next++;
    }
  }
  return out;
}

export interface CrossValidationReport {
  folds: number;
  /** Metrics over every out-of-fold prediction pooled. */
  pooled: EvalReport;
  perFold: { accuracy: number; macroF1: number; ece: number; trainMs?: number; predictMsPerTicket?: number; modelBytes: number }[];
}

/**
 * k-fold cross-validation: each fold is scored by a model trained (and
 * calibrated) on the other folds only. `clock` (milliseconds) is injected so
 * the core never reads time itself; without it no timings are reported.
 */
export function crossValidate(
  examples: readonly LabelledText[],
  options: TrainOptions & { folds: number; clock?: () => number; thresholds?: readonly number[]; onFold?: (fold: number, accuracy: number) => void },
): CrossValidationReport {
  const { folds: k, clock, thresholds, onFold, ...train } = options;
  if (k < 2) throw new Error('cross-validation needs at least 2 folds');
  const folds = stratifiedFolds(examples, k, train.seed ?? 1);
  const pooled: ScoredExample[] = [];
  const perFold: CrossValidationReport['perFold'] = [];
  for (let f = 0; f < k; f++) {
    const test = folds[f] as LabelledText[];
    const rest = folds.filter((_, g) => g !== f).flat();
    const t0 = clock?.();
    const file = trainTriageModel(rest, train);
    const t1 = clock?.();
    const loaded = loadTriageModel(file);
    if (!loaded.ok) throw new Error(`internal: trained model does not load: ${loaded.error}`);
    const scored = scoreExamples(loaded.model, test);
    const t2 = clock?.();
    const report = evaluatePredictions(scored, { thresholds });
    perFold.push({
      accuracy: report.accuracy,
      macroF1: report.macroF1,
      ece: report.ece,
      trainMs: t0 !== undefined && t1 !== undefined ? t1 - t0 : undefined,
      predictMsPerTicket: t1 !== undefined && t2 !== undefined && test.length ? (t2 - t1) / test.length : undefined,
      modelBytes: JSON.stringify(file).length,
    });
    pooled.push(...scored);
    onFold?.(f, report.accuracy);
  }
  return { folds: k, pooled: evaluatePredictions(pooled, { thresholds }), perFold };
}
