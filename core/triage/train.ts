import { fitCalibration, meanNll, smoothInPlace } from './calibrate';
import { decodeIdf, decodeWeights, encodeIdf, encodeWeights } from './codec';
import { type BlockFeatures, DEFAULT_HASHING, extractFeatures, type HashingParams, inverseDocumentFrequency, weighFeatures } from './features';
import { expectedCalibrationError } from './metrics';
import { TRIAGE_MODEL_VERSION, type TriageModelFile } from './model-schema';
import { logitsOf } from './predict';
import { createPrng, shuffled } from './prng';
import { DEFAULT_SOFTMAX, type DenseWeights, softmaxInPlace, trainSoftmax } from './softmax';
import { DEFAULT_SVM, trainOvrSvm } from './svm';

/** One labelled example: the ticket text and its issue type, intent or role. */
export interface LabelledText {
  text: string;
  label: string;
}

export interface TrainOptions {
  /** ISO time written into the model (the core never reads the clock). */
  trainedAt: string;
  seed?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** 'svm' (one-vs-rest squared hinge, the default) or 'softmax' (multinomial logistic regression by SGD). */
  method?: 'svm' | 'softmax';
  /** The SVM's inverse regularisation strength C. */
  c?: number;
  /** Most SVM passes per class. */
  maxPasses?: number;
  /** The SVM's stopping tolerance on the projected gradient. */
  tolerance?: number;
  hashing?: Partial<HashingParams>;
  /** Share of each label held out to fit the temperature. */
  calibrationFraction?: number;
  /** Most weights kept in the file; bounds its size (about 2.7 bytes of JSON per weight). */
  maxEntries?: number;
  /**
   * Retrain on every example after fitting the temperature on the held-out
   * fold (default true): the shipped weights see all the data, and 5-fold CV on
   * BANKING77 shows the temperature carries over (ECE 0.010 vs 0.015 without).
   */
  refit?: boolean;
}

export const DEFAULT_MAX_ENTRIES = 450_000;

/**
 * 2^18 buckets for real histories; a small one (under 2,000 tickets) has too
 * few distinct n-grams to collide much in 2^16, and its model and training
 * are then four times smaller.
 */
export function defaultBits(examples: number): number {
  return examples < 2000 ? 16 : DEFAULT_HASHING.bits;
}

/**
 * Splits off a stratified calibration fold: the same share of every label,
 * chosen by a seeded shuffle, and none from labels too rare to spare one.
 */
export function splitCalibration<T extends { label: string }>(examples: readonly T[], fraction: number, seed: number): { train: T[]; calibration: T[] } {
  const random = createPrng(seed ^ 0x5eed);
  const byLabel = new Map<string, T[]>();
  for (const e of examples) byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e]);
  const train: T[] = [];
  const calibration: T[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffled(byLabel.get(label) ?? [], random);
    const take = group.length >= 3 ? Math.max(1, Math.round(group.length * fraction)) : 0;
    calibration.push(...group.slice(0, take));
    train.push(...group.slice(take));
  }
  return { train, calibration };
}

/**
 * Trains a triage model: hashed word + character n-grams, softmax regression,
 * pruned and quantised weights, temperature fitted on a held-out calibration
 * fold of the pruned model (the model that ships is the one calibrated).
 *
 * @example trainTriageModel(rows, { trainedAt: '2026-11-27T09:00:00Z', seed: 1 }).temperature // → e.g. 0.6
 */
export function trainTriageModel(examples: readonly LabelledText[], options: TrainOptions): TriageModelFile {
  const seed = options.seed ?? DEFAULT_SOFTMAX.seed;
  const hashing = { ...DEFAULT_HASHING, bits: defaultBits(examples.length), ...options.hashing };
  const softmax = {
    epochs: options.epochs ?? DEFAULT_SOFTMAX.epochs,
    learningRate: options.learningRate ?? DEFAULT_SOFTMAX.learningRate,
    l2: options.l2 ?? DEFAULT_SOFTMAX.l2,
    seed,
  };
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error(`training needs at least two labels, got ${labels.length}`);
  if (labels.length > 255) throw new Error(`at most 255 labels are supported, got ${labels.length}`);
  const index = new Map(labels.map((l, i) => [l, i]));
  // Vectorise once (without idf, which depends on the rows a model is fitted on) and reuse for both fits.
  const rawOf = new Map<LabelledText, BlockFeatures>(examples.map((e) => [e, extractFeatures(e.text, hashing)]));
  const { train, calibration } = splitCalibration(examples, options.calibrationFraction ?? 0.1, seed);
  const buckets = 1 << hashing.bits;
  const method = options.method ?? 'svm';
  const svm = { c: options.c ?? DEFAULT_SVM.c, maxPasses: options.maxPasses ?? DEFAULT_SVM.maxPasses, tolerance: options.tolerance ?? DEFAULT_SVM.tolerance, seed };
  const fitOn = (rows: readonly LabelledText[], warm?: { rows: readonly LabelledText[]; alpha: Float64Array }) => {
    const raw = rows.map((e) => rawOf.get(e) as BlockFeatures);
    // The model uses the quantised idf it ships with, so training sees exactly what prediction will.
    const idfFile = encodeIdf(inverseDocumentFrequency(raw, buckets));
    const idf = decodeIdf(idfFile, buckets);
    if (typeof idf === 'string') throw new Error(`internal: ${idf}`);
    const vectors = raw.map((x) => weighFeatures(x, hashing, idf));
    const truth = rows.map((e) => index.get(e.label) as number);
    let dense: DenseWeights;
    let alpha: Float64Array | undefined;
    if (method === 'svm') {
      const seen = warm && new Set(warm.rows);
      const fresh = seen && Uint8Array.from(rows, (e) => (seen.has(e) ? 0 : 1));
      const result = trainOvrSvm(vectors, truth, labels.length, buckets, svm, warm && carryAlpha(warm.rows, warm.alpha, rows, labels.length), fresh);
      dense = result.model;
      alpha = result.alpha;
    } else {
      dense = trainSoftmax(vectors, truth, labels.length, buckets, softmax);
    }
    const weights = encodeWeights(dense, maxEntries);
    const bias = Array.from(dense.bias);
    const compact = decodeWeights(weights, bias, buckets);
    if (typeof compact === 'string') throw new Error(`internal: ${compact}`);
    return { idfFile, idf, weights, bias, compact, alpha };
  };
  const held = fitOn(train);
  const { idf, compact } = held;
  const logits = calibration.map((e) => logitsOf(compact, weighFeatures(rawOf.get(e) as BlockFeatures, hashing, idf)));
  const truth = calibration.map((e) => index.get(e.label) as number);
  const { temperature, smoothing } = fitCalibration(logits, truth);
  const scored = (t: number, e: number) =>
    logits.map((l, i) => {
      const p = smoothInPlace(softmaxInPlace(Float64Array.from(l), t), e);
      let best = 0;
      for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
      return { actual: labels[truth[i] as number] as string, predicted: labels[best] as string, confidence: p[best] as number };
    });
  const after = scored(temperature, smoothing);
  // With `refit`, the shipped weights see every example; the temperature still comes from the held-out fold.
  const refit = options.refit ?? true;
  // The SVM's refit starts from the held-out fit's dual variables, so it converges in a few passes.
  const final = refit ? fitOn(examples, held.alpha && { rows: train, alpha: held.alpha }) : held;
  return {
    kind: 'tierline-triage-model',
    version: TRIAGE_MODEL_VERSION,
    labels,
    hashing,
    bias: final.bias,
    weights: final.weights,
    idf: final.idfFile,
    temperature,
    smoothing,
    trainedAt: options.trainedAt,
    training: {
      examples: refit ? examples.length : train.length,
      refit,
      seed,
      method,
      ...(method === 'svm' ? { c: svm.c, maxPasses: svm.maxPasses } : { epochs: softmax.epochs, learningRate: softmax.learningRate, l2: softmax.l2 }),
      maxEntries,
    },
    calibration: {
      examples: calibration.length,
      accuracy: after.length ? after.filter((s) => s.actual === s.predicted).length / after.length : 0,
      nllBefore: meanNll(logits, truth, 1),
      nllAfter: meanNll(logits, truth, temperature, smoothing),
      eceBefore: expectedCalibrationError(scored(1, 0)),
      eceAfter: expectedCalibrationError(after),
    },
  };
}

/** Re-indexes row-major dual variables from one row order to another (rows not seen before start at 0). */
function carryAlpha(from: readonly LabelledText[], alpha: Float64Array, to: readonly LabelledText[], classes: number): Float64Array {
  const position = new Map(from.map((e, i) => [e, i]));
  const out = new Float64Array(classes * to.length);
  for (let i = 0; i < to.length; i++) {
    const j = position.get(to[i] as LabelledText);
    if (j !== undefined) out.set(alpha.subarray(j * classes, (j + 1) * classes), i * classes);
  }
  return out;
}
