import { softmaxInPlace } from './softmax';

/**
 * Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural
 * Networks"): one scalar T divides every logit; T is chosen to minimise the
 * negative log-likelihood on a held-out calibration fold. It never changes
 * which label wins, only how sure the model says it is.
 */

/** Mean negative log-likelihood of the true labels at temperature T (and uniform share ε, see `fitCalibration`). */
export function meanNll(logits: readonly Float64Array[], labels: readonly number[], temperature: number, smoothing = 0): number {
  return nllOf(trueProbabilities(logits, labels, temperature), smoothing, logits[0]?.length ?? 1);
}

function trueProbabilities(logits: readonly Float64Array[], labels: readonly number[], temperature: number): Float64Array {
  return Float64Array.from(logits, (l, i) => softmaxInPlace(Float64Array.from(l), temperature)[labels[i] as number] as number);
}

function nllOf(pTrue: Float64Array, smoothing: number, classes: number): number {
  let total = 0;
  for (const p of pTrue) total -= Math.log(Math.max((1 - smoothing) * p + smoothing / classes, 1e-12));
  return pTrue.length ? total / pTrue.length : 0;
}

/** Probabilities with a share ε of uniform mass mixed in: (1 − ε)·p + ε/K. Never changes the winner. */
export function smoothInPlace(p: Float64Array, smoothing: number): Float64Array {
  if (smoothing > 0) for (let c = 0; c < p.length; c++) p[c] = (1 - smoothing) * (p[c] as number) + smoothing / p.length;
  return p;
}

/**
 * Golden-section search over log T in [ln 0.005, ln 20] (SVM margins need T
 * well below 0.1); NLL is unimodal in T.
 *
 * @example fitTemperature(logits, labels) // → 1.7 (the model was over-confident)
 */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[], smoothing = 0): number {
  if (logits.length === 0) return 1;
  return Math.exp(goldenSection((logT) => meanNll(logits, labels, Math.exp(logT), smoothing), Math.log(0.005), Math.log(20)));
}

/** Calibration folds smaller than this fit the temperature only. */
export const MIN_EXAMPLES_FOR_SMOOTHING = 200;

/**
 * Temperature T by NLL, then the uniform share ε that minimises the Brier
 * score at that T (closed form: ε = (E[Σp²] − E[p_true]) / (E[Σp²] − 1/K),
 * clamped to [0, 0.2]). Softmax over SVM margins with one temperature is
 * over-confident at the very top (0.99 said, 0.98 right, in BANKING77
 * cross-validation) and under-confident lower down; ε takes mass from the
 * top without changing which label wins. NLL barely notices the top (its
 * errors are the rare confident ones); the Brier score weighs them as they
 * matter for a 0.90 gate.
 */
export function fitCalibration(logits: readonly Float64Array[], labels: readonly number[]): { temperature: number; smoothing: number } {
  if (logits.length === 0) return { temperature: 1, smoothing: 0 };
  const classes = logits[0]?.length ?? 1;
  const temperature = fitTemperature(logits, labels);
  // ε is about the rare confident mistakes; a small fold (the shipped 210-ticket sample holds out 15) may have none or one, so it keeps T alone.
  if (logits.length < MIN_EXAMPLES_FOR_SMOOTHING) return { temperature, smoothing: 0 };
  let squares = 0;
  let truth = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = softmaxInPlace(Float64Array.from(logits[i] as Float64Array), temperature);
    for (const v of p) squares += v * v;
    truth += p[labels[i] as number] as number;
  }
  squares /= logits.length;
  truth /= logits.length;
  const smoothing = squares - 1 / classes > 1e-12 ? Math.min(0.2, Math.max(0, (squares - truth) / (squares - 1 / classes))) : 0;
  return { temperature, smoothing };
}

/** Minimum of a unimodal function on [from, to]; 30 steps shrink the bracket to 0.618^30 ≈ 5e-7 of its width. */
function goldenSection(f: (x: number) => number, from: number, to: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = from;
  let hi = to;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 30; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = f(b);
    }
  }
  return (lo + hi) / 2;
}
