import type { SparseVector } from './features';
import { createPrng, shuffled } from './prng';

/**
 * Multinomial logistic regression over hashed sparse vectors, trained with
 * SGD and L2 regularisation (Bottou's schedule, η_t = η₀ / (1 + η₀λt), and the
 * scale trick so the decay costs O(1) per step instead of touching every
 * weight). Weights are laid out bucket-major (`w[bucket * classes + c]`) so
 * one feature's class weights are contiguous in memory.
 */

export interface SoftmaxOptions {
  epochs: number;
  /** Initial learning rate η₀. */
  learningRate: number;
  /** L2 strength λ. */
  l2: number;
  seed: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = { epochs: 8, learningRate: 1, l2: 3e-6, seed: 1 };

export interface DenseWeights {
  classes: number;
  buckets: number;
  /** buckets × classes, bucket-major. */
  weights: Float32Array;
  bias: Float32Array;
  /** The buckets that can hold a non-zero weight, ascending; without it every bucket is scanned. */
  rows?: Int32Array;
}

/** In-place softmax of logits divided by a temperature. */
export function softmaxInPlace(logits: Float64Array, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const l of logits) if (l > max) max = l;
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp(((logits[c] as number) - max) / temperature);
    logits[c] = e;
    sum += e;
  }
  for (let c = 0; c < logits.length; c++) logits[c] = (logits[c] as number) / sum;
  return logits;
}

/**
 * Renumbers the buckets the vectors use, most frequent first. Training is
 * bound by memory latency (every feature reads a row of `classes` weights);
 * n-gram frequencies are Zipfian, so packing the frequent rows together keeps
 * them in cache and training several times faster than over the sparse hash space.
 */
function renumberByFrequency(inputs: readonly SparseVector[], buckets: number): { vectors: SparseVector[]; used: Int32Array } {
  const counts = new Uint32Array(buckets);
  for (const x of inputs) for (const b of x.indices) counts[b] = (counts[b] as number) + 1;
  const present: number[] = [];
  for (let b = 0; b < buckets; b++) if (counts[b]) present.push(b);
  present.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  const used = Int32Array.from(present);
  const id = new Int32Array(buckets);
  for (let k = 0; k < used.length; k++) id[used[k] as number] = k;
  const vectors = inputs.map((x) => ({ indices: x.indices.map((b) => id[b] as number), values: x.values }));
  return { vectors, used };
}

/**
 * Trains the classifier. `labels[i]` is the class index of `vectors[i]`.
 * Deterministic for a given seed: the only randomness is the epoch shuffles.
 */
export function trainSoftmax(inputs: readonly SparseVector[], labels: readonly number[], classes: number, buckets: number, options: SoftmaxOptions): DenseWeights {
  const { vectors, used } = renumberByFrequency(inputs, buckets);
  const weights = new Float32Array(used.length * classes);
  const bias = new Float32Array(classes);
  const random = createPrng(options.seed);
  const order = vectors.map((_, i) => i);
  const scores = new Float64Array(classes);
  // W = scale · V: multiplying `scale` applies the L2 decay to every weight at once.
  let scale = 1;
  let step = 0;
  const { learningRate: eta0, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(order, random)) {
      const x = vectors[i] as SparseVector;
      const y = labels[i] as number;
      const eta = eta0 / (1 + eta0 * l2 * step);
      step++;
      for (let c = 0; c < classes; c++) scores[c] = bias[c] as number;
      for (let k = 0; k < x.indices.length; k++) {
        const base = (x.indices[k] as number) * classes;
        const v = (x.values[k] as number) * scale;
        for (let c = 0; c < classes; c++) scores[c] = (scores[c] as number) + v * (weights[base + c] as number);
      }
      softmaxInPlace(scores);
      scores[y] = (scores[y] as number) - 1;
      scale *= 1 - eta * l2;
      if (scale < 1e-6) {
        for (let j = 0; j < weights.length; j++) weights[j] = (weights[j] as number) * scale;
        scale = 1;
      }
      const stepOverScale = eta / scale;
      for (let k = 0; k < x.indices.length; k++) {
        const base = (x.indices[k] as number) * classes;
        const v = (x.values[k] as number) * stepOverScale;
        for (let c = 0; c < classes; c++) {
          const g = scores[c] as number;
          // Most classes have a vanishing gradient; skipping them is most of the speed.
          if (g > 1e-4 || g < -1e-4) weights[base + c] = (weights[base + c] as number) - v * g;
        }
      }
      for (let c = 0; c < classes; c++) bias[c] = (bias[c] as number) - eta * (scores[c] as number);
    }
  }
  // Back to bucket order for the codec.
  const out = new Float32Array(buckets * classes);
  for (let k = 0; k < used.length; k++) {
    const from = k * classes;
    const to = (used[k] as number) * classes;
    for (let c = 0; c < classes; c++) out[to + c] = (weights[from + c] as number) * scale;
  }
  return { classes, buckets, weights: out, bias };
}
