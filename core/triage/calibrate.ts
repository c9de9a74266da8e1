import { softmaxInPlace } from './softmax';

/**
 * Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural
 * Networks"): one scalar T divides every logit; T is chosen to minimise the
 * negative log-likelihood on a held-out calibration fold. It never changes
 * which label wins, only how sure the model says it is.
 */

/** Mean negative log-likelihood of the true labels at temperature T. */
export function meanNll(logits: readonly Float64Array[], labels: readonly number[], temperature: number): number {
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = softmaxInPlace(Float64Array.from(logits[i] as Float64Array), temperature);
    total -= Math.log(Math.max(p[labels[i] as number] as number, 1e-12));
  }
  return logits.length ? total / logits.length : 0;
}

/**
 * Golden-section search over log T in [ln 0.005, ln 20] (SVM margins need T well below 0.1); NLL is unimodal in T.
 *
 * @example fitTemperature(logits, labels) // → 1.7 (the model was over-confident)
 */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
  if (logits.length === 0) return 1;
  const f = (logT: number) => meanNll(logits, labels, Math.exp(logT));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.005);
  let hi = Math.log(20);
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  // 30 steps shrink the bracket by 0.618^30 ≈ 5e-7 of its width: far below any calibration difference.
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
  return Math.exp((lo + hi) / 2);
}
