import { smoothInPlace } from './calibrate';
import { type CompactWeights, decodeIdf, decodeWeights } from './codec';
import { type HashingParams, type SparseVector, vectorize } from './features';
import { type TriageModelFile, triageModelSchema } from './model-schema';
import { softmaxInPlace } from './softmax';

/** A model ready to predict: the validated file plus its decoded weights. */
export interface TriageModel {
  file: TriageModelFile;
  labels: readonly string[];
  hashing: HashingParams;
  temperature: number;
  smoothing: number;
  weights: CompactWeights;
  idf: Float32Array;
}

export interface TriagePrediction {
  label: string;
  /** Calibrated probability of `label`. */
  confidence: number;
  /** The most likely labels, best first. */
  top: { label: string; p: number }[];
  /** Always "model": the overlay must never present this as a policy rule. */
  source: 'model';
}

export type LoadResult = { ok: true; model: TriageModel } | { ok: false; error: string };

/**
 * Validates and decodes a model file (parsed JSON).
 *
 * @example const loaded = loadTriageModel(JSON.parse(text)); if (loaded.ok) predict(loaded.model, 'refund please')
 */
export function loadTriageModel(json: unknown): LoadResult {
  const parsed = triageModelSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `not a triage model: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}` };
  }
  const file = parsed.data;
  const weights = decodeWeights(file.weights, file.bias, 1 << file.hashing.bits);
  if (typeof weights === 'string') return { ok: false, error: weights };
  const idf = decodeIdf(file.idf, 1 << file.hashing.bits);
  if (typeof idf === 'string') return { ok: false, error: idf };
  return { ok: true, model: { file, labels: file.labels, hashing: file.hashing, temperature: file.temperature, smoothing: file.smoothing, weights, idf } };
}

/** Uncalibrated class scores of an already vectorised text. */
export function logitsOf(weights: CompactWeights, x: SparseVector): Float64Array {
  const out = Float64Array.from(weights.bias);
  const { start, classIds, values } = weights;
  for (let i = 0; i < x.indices.length; i++) {
    const b = x.indices[i] as number;
    const v = x.values[i] as number;
    for (let e = start[b] as number, end = start[b + 1] as number; e < end; e++) {
      const c = classIds[e] as number;
      out[c] = (out[c] as number) + v * (values[e] as number);
    }
  }
  return out;
}

/**
 * The model's suggestion for a ticket text, with calibrated confidence.
 *
 * @example predict(model, 'I was charged twice for my subscription') // → { label: 'billing', confidence: 0.93, top: [...] }
 */
export function predict(model: TriageModel, text: string, options: { top?: number } = {}): TriagePrediction {
  const p = smoothInPlace(softmaxInPlace(logitsOf(model.weights, vectorize(text, model.hashing, model.idf)), model.temperature), model.smoothing);
  const ranked = Array.from(p, (value, c) => ({ label: model.labels[c] as string, p: value })).sort((a, b) => b.p - a.p);
  const best = ranked[0] as { label: string; p: number };
  return { label: best.label, confidence: best.p, top: ranked.slice(0, options.top ?? 3), source: 'model' };
}
