/**
 * A calibrated confidence as a percentage an agent reads: rounded down and never "100%", since a model is never
 * certain (0.999 reads "99%"). Thresholds are printed as set, not through this.
 *
 * @example formatConfidence(0.9996) // "99%"
 */
export const formatConfidence = (x: number): string => `${Math.min(99, Math.floor(Math.min(1, Math.max(0, x)) * 100 + 1e-9))}%`;
